"""Every built page in a real browser: axe-core, keyboard, narrow screens, print, privacy.

Runs Debian's Chromium through Playwright against the sample council served on 127.0.0.1.
Any request to another host fails the test that made it.
"""

from __future__ import annotations

import pytest

from browser import SiteServer, axe_source, describe_violations, local_only, one_page_of_each_kind, run_axe

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def server(sample):
    site = SiteServer(sample.site)
    yield site
    site.close()


@pytest.fixture(scope="session")
def urls(sample):
    """Every page of the site, as a path from its root."""
    pages = sorted(str(p.parent.relative_to(sample.site)) for p in sample.site.rglob("index.html"))
    return ["" if p == "." else p + "/" for p in pages] + ["404.html"]


@pytest.fixture(scope="session")
def kinds(sample):
    """One page of each kind (the fullest), for the keyboard walks: browser.one_page_of_each_kind."""
    return one_page_of_each_kind(sample.site) + ["404.html"]


@pytest.fixture
def page(browser, server):
    """A fresh page; at the end, no request may have gone anywhere but the local server."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    outside: list[str] = []
    context.route("**/*", local_only(server.origin, outside))
    tab = context.new_page()
    tab.origin = server.origin
    yield tab
    cookies = context.cookies()
    context.close()
    assert not outside, f"requests to other hosts: {outside[:10]}"
    assert not cookies, f"cookies were set: {cookies}"


def visit(page, path: str) -> None:
    page.goto(f"{page.origin}/{path}", wait_until="load")
    page.wait_for_function("document.fonts.status === 'loaded'")


def test_axe_finds_nothing_on_any_page(page, urls):
    source, problems = axe_source(), []
    for path in urls:
        visit(page, path)
        problems += describe_violations(path or "home", run_axe(page, source))
    assert not problems, "\n".join(problems)


def test_search_finds_a_service_by_keyword_and_the_open_dialog_passes_axe(page):
    visit(page, "")
    page.keyboard.press("/")  # the theme's shortcut, as a keyboard user would
    page.wait_for_function("document.querySelector('.md-search-result__meta').textContent.trim() === "
                           "'Type to start searching'")  # the search index has loaded
    page.keyboard.type("bin", delay=50)
    results = page.locator(".md-search-result__item")
    results.first.wait_for()
    assert "Bin collection" in page.locator(".md-search-result").inner_text()
    page.wait_for_timeout(300)  # let the dialog finish appearing before contrast is measured
    assert not describe_violations("search", run_axe(page, axe_source()))


@pytest.mark.parametrize("path", ["", "services/", "services/council-tax/", "offices/riverside-house/",
                                  "contact/", "standards/", "leaflets/", "glossary/"])
def test_pages_work_at_320_pixels_wide(page, path):
    page.set_viewport_size({"width": 320, "height": 640})
    visit(page, path)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{path or 'home'} scrolls sideways by {overflow}px at 320px wide"
    assert not describe_violations(path or "home", run_axe(page, axe_source()))


def test_every_page_has_a_skip_link_that_moves_focus_to_the_content(page, urls):
    failures = []
    for path in urls:
        visit(page, path)
        page.keyboard.press("Tab")
        first = page.evaluate("[document.activeElement.classList.contains('md-skip'), document.activeElement.textContent.trim()]")
        if first != [True, "Skip to main content"]:
            failures.append(f"{path}: first Tab reached {first}")
            continue
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        # Focus must now start from the page's heading: past the header and the navigation.
        past_navigation = page.evaluate("""() => {
            const heading = document.querySelector('article h1');
            const focused = document.activeElement;
            return !!heading && !focused.closest('.md-header, .md-sidebar') &&
                   !!(heading.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""")
        if not past_navigation:
            failures.append(f"{path}: after the skip link, Tab went to "
                            f"{page.evaluate('document.activeElement.outerHTML.slice(0, 120)')}")
    assert not failures, "\n".join(failures)


# Hidden (WCAG 2.4.11): none of the focused element's centre and corners is what the eye sees there.
FOCUS_CHECK = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const visible = box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
  const inset = 2;
  const points = [[box.left + box.width / 2, box.top + box.height / 2], [box.left + inset, box.top + inset],
                  [box.right - inset, box.top + inset], [box.left + inset, box.bottom - inset],
                  [box.right - inset, box.bottom - inset]];
  const seen = points.some(([x, y]) => { const hit = document.elementFromPoint(x, y);
                                         return hit && (hit === el || el.contains(hit) || hit.contains(el)); });
  return {
    html: el.outerHTML.slice(0, 100),
    hidden: visible && !seen,
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 || style.boxShadow !== 'none',
    visible,
  };
}"""


@pytest.mark.parametrize("direction", ["Tab", "Shift+Tab"])
def test_focus_is_always_visible_and_never_under_the_sticky_header(page, kinds, direction):
    failures = []
    for path in kinds:
        visit(page, path)
        if direction == "Shift+Tab":
            page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
            page.locator("footer a").last.focus()
        for _ in range(400):
            page.keyboard.press(direction)
            state = page.evaluate(FOCUS_CHECK)
            if state is None:
                break
            if state["visible"] and (state["hidden"] or not state["outline"]):
                failures.append(f"{path or 'home'} ({direction}): {state}")
            if page.evaluate("document.activeElement.classList.contains('md-skip')") and direction == "Shift+Tab":
                break
    assert not failures, "\n".join(failures[:20])


def test_links_in_text_are_underlined(page, urls):
    failures = []
    for path in urls:
        visit(page, path)
        failures += page.evaluate("""path => [...document.querySelectorAll('article a:not(.md-button):not(.headerlink)')]
            .filter(a => a.offsetParent !== null && !getComputedStyle(a).textDecorationLine.includes('underline'))
            .map(a => path + ': ' + a.outerHTML.slice(0, 100))""", path or "home")
    assert not failures, "\n".join(failures[:20])


def test_print_hides_navigation_and_shows_link_addresses(page):
    visit(page, "services/council-tax/")
    page.emulate_media(media="print")
    hidden = page.evaluate("""['.md-header', '.md-sidebar--primary', '.md-footer']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    assert hidden == ["none", "none", "none"]
    after = page.evaluate("""getComputedStyle(document.querySelector('article a[href^="https://"]'), '::after').content""")
    assert "https://www.riverside.example" in after


def test_axe_runs_the_wcag_2_2_rules(page):
    """A page that breaks a rule new in WCAG 2.2 (2.5.8, target size) and a best practice: axe, as the
    tests run it, reports both, so a page that passes was checked against them."""
    page.set_content('<html lang="en"><head><title>t</title></head><body><main><h1>t</h1>'
                     '<button style="width:10px;height:10px;padding:0;margin:0">a</button>'
                     '<button style="width:10px;height:10px;padding:0;margin:0">b</button>'
                     '<h3>skipped a level</h3></main></body></html>')
    found = {violation["id"] for violation in run_axe(page, axe_source())}
    assert "target-size" in found  # WCAG 2.2 AA
    assert "heading-order" in found  # best practice


def test_an_old_browser_without_resize_observer_gets_ours_not_a_cdns(page):
    page.context.add_init_script("delete window.ResizeObserver")
    visit(page, "services/council-tax/")
    assert page.evaluate("typeof window.ResizeObserver") == "function"  # and the fixture saw no outside request


def test_on_a_phone_the_menu_opens_from_the_keyboard_and_hidden_links_take_no_focus(page):
    page.set_viewport_size({"width": 375, "height": 700})
    visit(page, "services/council-tax/")
    for _ in range(6):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.getAttribute('aria-label') || ''")
        assert not page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"), "a hidden menu link took focus"
        if focused == "Open the menu":
            break
    assert focused == "Open the menu"
    page.keyboard.press("Enter")
    page.wait_for_function("document.getElementById('__drawer').checked")
    for _ in range(4):  # past the rest of the header (the search button), into the open menu
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')"):
            break
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
