"""The site's data files (JSON, CSV, annotations, feed), written beside the pages.

At 10,000 articles they are hundreds of megabytes and seconds of work. Where it is safe
(Linux, in a process without threads: `mkdocs build`, not `mkdocs serve`), a child process
forked from the build writes them while the build renders the pages on the other core; it
starts with the whole archive in memory, as a copy of the build process. Elsewhere they are
written at the end of the build, by the build itself. Either way each file is announced, once
written, on a pipe (see offline.py) so that the offline copy can zip it.
"""

from __future__ import annotations

import gc
import os
import sys
import traceback
from collections.abc import Iterable

from .offline import announce


def write(files: Iterable[tuple[str, str]], site_dir: str, pipe_fd: int) -> None:
    """Write each (path in the site, text) and announce it on pipe_fd, which is then closed."""
    with open(pipe_fd, "wb") as pipe:
        for path, content in files:
            target = os.path.join(site_dir, path)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as out:
                out.write(content.encode("utf-8"))
            announce(pipe, path)


class DataFiles:
    """Writes files(), in a child process started now if `background`, else when finish() is called."""

    def __init__(self, files, site_dir: str, pipe_fd: int, *, background: bool):
        self.files, self.site_dir, self.pipe_fd = files, site_dir, pipe_fd
        self.pid = None
        if background and sys.platform == "linux":
            # Both processes share the memory until either writes to a page. Python's cycle
            # collector writes to every object it scans: what exists now is frozen (never
            # scanned), and the short-lived child does without the collector.
            gc.freeze()
            self.pid = os.fork()
            if self.pid == 0:  # the child: never returns into the build
                gc.disable()
                code = 0
                try:
                    write(files(), site_dir, pipe_fd)
                except BaseException:
                    traceback.print_exc()
                    code = 1
                finally:
                    os._exit(code)  # no cleanup of the parent's state (its buffers, its temporary files)
            os.close(pipe_fd)  # the child's now
            self.pipe_fd = None

    def finish(self) -> None:
        if self.pipe_fd is not None:  # no child: written here, now
            pipe_fd, self.pipe_fd = self.pipe_fd, None
            write(self.files(), self.site_dir, pipe_fd)
            return
        if self.pid is None:
            return
        pid, self.pid = self.pid, None
        _, status = os.waitpid(pid, 0)
        if status != 0:
            raise RuntimeError("writing the data files failed (the error is above)")

    def abandon(self) -> None:
        """The build failed: stop the child, or close the pipe no data file will be announced on."""
        if self.pid is not None:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
            self.pid = None
        if self.pipe_fd is not None:
            os.close(self.pipe_fd)
            self.pipe_fd = None
