"""Debian's Chromium driven by Playwright, on a site served from 127.0.0.1, with axe-core.

Every request to another host is blocked and recorded, so a test can fail on it. The helpers live in the
library (opencounter/browser.py), where `make verify` uses them too.
"""

from __future__ import annotations

import os

import pytest

from opencounter.browser import (AXE_TAGS, CHROMIUM_ARGS, CHROMIUM_MISSING, SiteServer, axe_source,  # noqa: F401
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
