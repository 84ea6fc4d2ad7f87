"""How the project starts Chromium (browser tests, the search benchmark).

Debian's build, never one downloaded by Playwright; headless, and with Chromium's own
background traffic off, since this machine's network is closed and every request a
page makes is checked by the tests.
"""

PATH = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
