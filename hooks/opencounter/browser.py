"""Debian's Chromium driven by Playwright, on a built site served from 127.0.0.1, with axe-core.

Shared by `make verify` (verify.py) and the browser tests (tests/browser.py). Playwright and axe-core are
imported only when a browser is needed; no browser is ever downloaded.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
CHROMIUM_MISSING = "Chromium is not installed: run 'make browser' as root, or 'apt-get install chromium'."


def chromium() -> str | None:
    """The path of Debian's Chromium, or None."""
    return shutil.which("chromium")


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class SiteServer:
    """The built site on 127.0.0.1 at a free port, in a thread."""

    def __init__(self, root: Path):
        handler = functools.partial(QuietHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def axe_source() -> str:
    import axe_playwright_python
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()


def run_axe(page, source: str) -> list[dict]:
    """axe-core's violations for the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(source)
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                           AXE_TAGS)
    return result["violations"]


def describe_violations(where: str, violations: list[dict]) -> list[str]:
    lines = []
    for violation in violations:
        for node in violation["nodes"][:5]:
            lines.append(f"{where}: {violation['id']} ({violation['impact']}): {violation['help']} "
                         f"at {', '.join(map(str, node['target']))}: {node['html'][:160]}")
    return lines


def local_only(origin: str, outside: list[str]):
    """A route handler: requests to the local server go through; any other is stopped and written down."""
    def guard(route) -> None:
        if route.request.url.startswith(origin + "/"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()
    return guard
