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
_REMOVE = "import shutil, sys; shutil.rmtree(sys.argv[1], ignore_errors=True)"


class PreviousBuild:
    """The files site_dir held, moved aside (as MkDocs cleans: all but the hidden ones) and being removed,
    with what a build stopped halfway left (LEFTOVERS)."""

    def __init__(self, site_dir: str):
        self.folder = self.helper = None
        try:
            entries = [n for n in os.listdir(site_dir) if not n.startswith(".") or n.startswith(LEFTOVERS)]
        except OSError:  # no site yet
            return
        if not entries:
            return
        try:
            self.folder = tempfile.mkdtemp(prefix=PREFIX, dir=site_dir)
        except OSError:  # a folder it cannot write in: MkDocs's cleaning says so
            return
        for name in entries:
            try:
                os.rename(os.path.join(site_dir, name), os.path.join(self.folder, name))
            except OSError:  # left where it is: MkDocs's cleaning removes it, or says why it cannot
                pass
        # -I -S: the standard library only, whatever the environment (no site-packages to read).
        command = [sys.executable, "-I", "-S", "-c", _REMOVE, self.folder]
        self.helper = subprocess.Popen(command, stdin=subprocess.DEVNULL)

    def wait(self) -> None:
        """Until the previous build's files are gone."""
        if self.helper is not None:
            self.helper.wait()
            self.helper = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)  # what the helper could not do, if anything
            self.folder = None
