"""The build needs no network: a full build of the real archive with every socket call refused."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

from hooks import engine

# Runs mkdocs in a fresh interpreter where any attempt to open a connection or resolve a
# name is logged and refused.
BLOCKED_MKDOCS = """
import runpy, socket, sys
attempts = []
def refuse(*args, **kwargs):
    attempts.append(repr(args)[:200])
    raise OSError("network access blocked by the test")
socket.socket.connect = socket.socket.connect_ex = refuse
socket.create_connection = socket.getaddrinfo = socket.gethostbyname = refuse
engine = sys.argv[1]
sys.argv = [engine, "build", "--strict", "-d", sys.argv[2]]
try:
    runpy.run_module(engine, run_name="__main__")
finally:
    print("NETWORK ATTEMPTS:", len(attempts), attempts, file=sys.stderr)
"""


def test_a_full_build_with_sockets_blocked_succeeds_without_trying(tmp_path):
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-c", BLOCKED_MKDOCS, engine.engine(), str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "NETWORK ATTEMPTS: 0 []" in result.stderr
    assert list(site.glob("articles/**/*.html"))
    assert (site / "search" / "search_index.json").exists()
