"""The previous build's files: set aside at once, and removed while this build runs.

MkDocs empties site_dir before it writes anything, one file at a time, and the build waits on
the disk meanwhile (the Performance page has the figures). Once the archive has loaded (a broken
archive leaves the previous site as it was), each of site_dir's entries is instead moved into
one hidden folder, which MkDocs's cleaning leaves alone (it keeps hidden files, as it never
writes any), and a helper process removes that folder while the pages are rendered. The build
waits for it before the offline copy lists the site: the site is then exactly what MkDocs's own
cleaning would have left.

Nothing here knows about MkDocs.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile

from .. import urls

PREFIX = ".previous-build-"  # a hidden folder of site_dir: what is left of the previous build
# Hidden files a build writes and replaces or removes before it ends: a build stopped before then
# (Ctrl-C) leaves them, and MkDocs's cleaning never would remove them.
LEFTOVERS = (PREFIX, f".{urls.OFFLINE_ZIP}.")  # the offline zip, while it is written
_REMOVE = "import shutil, sys; [shutil.rmtree(path, ignore_errors=True) for path in sys.argv[1:]]"


class PreviousBuild:
    """The files site_dir held, moved aside (as MkDocs cleans: all but the hidden ones) and being removed,
    with what a build stopped halfway left (LEFTOVERS: removed where they are)."""

    def __init__(self, site_dir: str):
        self.paths: list[str] = []  # being removed
        self.helper = None
        try:
            names = os.listdir(site_dir)
        except OSError:  # no site yet
            return
        self.paths = [os.path.join(site_dir, name) for name in names if name.startswith(LEFTOVERS)]
        entries = [name for name in names if not name.startswith(".")]
        if entries:
            try:
                folder = tempfile.mkdtemp(prefix=PREFIX, dir=site_dir)
            except OSError:  # a folder it cannot write in: MkDocs's cleaning says so
                folder = None
            if folder is not None:
                self.paths.append(folder)
                for name in entries:
                    try:
                        os.rename(os.path.join(site_dir, name), os.path.join(folder, name))
                    except OSError:  # left where it is: MkDocs's cleaning removes it, or says why it cannot
                        pass
        if not self.paths:
            return
        # -I -S: the standard library only, whatever the environment (no site-packages to read).
        try:
            self.helper = subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", _REMOVE, *self.paths], stdin=subprocess.DEVNULL
            )
        except OSError:  # no helper: wait() removes them
            self.helper = None

    def wait(self) -> list[str]:
        """Until the previous build's files are gone; returns the folders that could not be removed whole
        (a file it may not delete: they would be published with the site)."""
        if self.helper is not None:
            self.helper.wait()
            self.helper = None
        for path in self.paths:  # what the helper could not do, if anything
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            elif os.path.lexists(path):
                with contextlib.suppress(OSError):
                    os.unlink(path)
        left = [path for path in self.paths if os.path.lexists(path)]
        self.paths = []
        return left
