"""The format 1.3 pages (tests/fixtures/format-1-3, built once as `ashcombe`) in a real browser: axe-core,
a phone's width, and no request anywhere but the local server (charts are drawn at build time)."""

from __future__ import annotations

import pytest

from browser import SiteServer, axe_source, describe_violations, local_only, run_axe

pytestmark = pytest.mark.browser

PAGES = ["plan/", "standards/", "services/council-tax/", "offices/time-square/", "leaflets/", ""]


@pytest.fixture(scope="module")
def tab(browser, ashcombe):
    server = SiteServer(ashcombe.site)
    context = browser.new_context(viewport={"width": 390, "height": 844}, reduced_motion="reduce")
    outside: list[str] = []
    context.route("**/*", local_only(server.origin, outside))
    page = context.new_page()
    page.origin = server.origin
    yield page
    context.close()
    server.close()
    assert not outside, f"requests to other hosts: {outside[:10]}"


def _visit(page, path: str) -> None:
    page.goto(f"{page.origin}/{path}", wait_until="load")
    page.wait_for_function("document.fonts.status === 'loaded'")


def test_the_plan_pages_pass_axe_on_a_phone(tab):
    source, problems = axe_source(), []
    for path in PAGES:
        _visit(tab, path)
        problems += describe_violations(path or "home", run_axe(tab, source))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [320, 390])
def test_the_plan_pages_and_charts_fit_a_phone(tab, width):
    tab.set_viewport_size({"width": width, "height": 640})
    for path in PAGES[:2]:
        _visit(tab, path)
        overflow = tab.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px wide"
    charts = tab.locator("svg.oc-chart")
    assert charts.count() == 5
    box = charts.first.bounding_box()
    assert 0 < box["width"] <= width
    assert charts.first.get_attribute("role") == "img" and charts.first.get_attribute("aria-label").startswith("Chart of")
