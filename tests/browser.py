"""Debian's Chromium driven by Playwright, on a site served from 127.0.0.1, with axe-core.

Every request to another host is blocked and recorded, so a test can fail on it. The helpers live in the
library (opencounter/browser.py), where `make verify` uses them too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from opencounter.browser import (AXE_TAGS, CHROMIUM_ARGS, CHROMIUM_MISSING, SiteServer, axe_source, local_only,  # noqa: F401
                                 chromium, describe_violations, run_axe)


def chromium_or_skip() -> str:
    """The path of Debian's Chromium. Missing: skip, except in CI, where that is a failure."""
    path = chromium()
    if path:
        return path
    message = "Chromium is not installed: run 'make test' as root, or 'apt-get install chromium'."
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


def one_page_of_each_kind(root: Path) -> list[str]:
    """Of each kind of built page (the home page, each index page, a service, an office, a topic, each
    hand-written page...), the one with the most in it, as a path from `root`: "", "services/council-tax/".

    For checks of layout and the keyboard at one width, which the template decides and the page's words
    do not; checks that the words can break (axe at 1280 pixels, sideways scrolling, underlined links)
    still visit every page."""
    kinds: dict[tuple[str, ...], list[Path]] = {}
    for page in root.rglob("index.html"):
        parts = page.parent.relative_to(root).parts
        kinds.setdefault(parts[:1] + ("*",) * (len(parts) - 1), []).append(page)  # services/x -> services/*
    chosen = [max(pages, key=lambda p: (p.stat().st_size, str(p))) for pages in kinds.values()]
    return sorted("" if p.parent == root else p.parent.relative_to(root).as_posix() + "/" for p in chosen)
