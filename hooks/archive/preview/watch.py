"""Seeing a save at once, and which files it was.

MkDocs's server polls the watched folders every half second (watchdog's PollingObserver): at
10,000 articles each poll stats 20,000 files (0.3 s on this machine), so a save waited 0.3 to
0.8 s before the rebuild even started. On Linux, `mkdocs serve`'s watcher is given inotify
instead (watchdog's own observer, where the kernel names each file as it is written), limited to
the events that change a file: inotify also reports a file opened or read, and every build reads
the files it watches. The same events go to a recorder, so the update knows which files changed.
"""

from __future__ import annotations

import threading

from watchdog import events
from watchdog.observers import Observer

# What changes a file (not: opened, read, closed without writing).
CHANGES = (
    events.FileModifiedEvent,
    events.FileCreatedEvent,
    events.FileDeletedEvent,
    events.FileMovedEvent,
    events.FileClosedEvent,
    events.DirCreatedEvent,
    events.DirDeletedEvent,
    events.DirMovedEvent,
)


class ChangesObserver(Observer):
    """The platform's observer (inotify on Linux), told only of changes."""

    def schedule(self, event_handler, path, *, recursive=False, event_filter=None):
        return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or list(CHANGES))


class Recorder(events.FileSystemEventHandler):
    """The paths changed since they were last taken."""

    def __init__(self):
        self.lock = threading.Lock()
        self.paths: set[str] = set()

    def on_any_event(self, event) -> None:
        if not isinstance(event, CHANGES) or isinstance(event, events.DirCreatedEvent):
            return  # a new folder changes nothing until a file is saved in it
        with self.lock:
            self.paths.add(event.src_path)
            if getattr(event, "dest_path", ""):
                self.paths.add(event.dest_path)

    def take(self) -> set[str]:
        with self.lock:
            paths, self.paths = self.paths, set()
        return paths
