"""Property-based tests: generated catalogues always build; mutated ones give a clear error or a safe page.

Pages are rendered with the library (as the MkDocs hook does) so that hundreds of examples run in seconds.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import BUILD_DATE, FIXTURES, ROOT
from opencounter.errors import CatalogueError
from opencounter.loading import load_catalogue
from opencounter.site import SiteRenderer, plan_site

TEMPLATES = ROOT / "overrides" / "opencounter"
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
           '" onmouseover="alert(1)', "</title><script>x</script>", "&lt;b&gt;", "{{ 7*7 }}", "{% raw %}"]
words = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cf", "Zl", "Zp")), min_size=1, max_size=30) \
    .map(lambda s: s.strip() or "x")
text = st.one_of(words, st.sampled_from(HOSTILE), st.sampled_from(["Council Tax", "Bins & recycling", "NO", "17:30"]))
ids = st.from_regex(r"[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,5}){0,2}", fullmatch=True)
hours = st.sampled_from(["9am to 5pm", "09:00-17:00", "midday to 2pm", "9am to 12:30pm and 1:30pm to 4pm", "closed",
                         "24 hours", "by appointment", "8:45am to 5:15pm"])
days = st.sampled_from(["Monday to Friday", "Mon-Fri", "Saturday", "Sunday", "Weekends", "Every day", "Tues"])
phones = st.integers(0, 999).map(lambda n: f"01632 960{n:03d}")


def quote(value: str) -> str:
    """A YAML double-quoted string holding exactly `value`."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def catalogues(draw) -> tuple[str, str]:
    category_ids = draw(st.lists(ids, min_size=1, max_size=3, unique=True))
    office_ids = draw(st.lists(ids, max_size=3, unique=True))
    service_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    lines = ["council:", f"  name: {quote(draw(text))}", "  website: https://www.test.example", "  nation: "
             + draw(st.sampled_from(["england", "wales", "scotland", "northern-ireland"])), "categories:"]
    for cid in category_ids:
        lines += [f"  - id: {cid}", f"    name: {quote(draw(text))}"]
    lines += ["channels:", "  - id: phone", "    type: phone", f"    name: {quote(draw(text))}",
              f"    number: {draw(phones)}", "    opening_hours:"]
    for day in draw(st.lists(days, min_size=1, max_size=1)):
        lines.append(f"      {day}: {draw(hours)}")
    lines += ["  - id: web", "    type: online", f"    name: {quote(draw(text))}", "    url: https://www.test.example/x"]
    if office_ids:
        lines.append("offices:")
    for oid in office_ids:
        lines += [f"  - id: {oid}", f"    name: {quote(draw(text))}", f"    address: [{quote(draw(text))}]",
                  "    postcode: TE1 1AA", f"    access: {draw(st.sampled_from(['walk-in', 'appointment', 'closed']))}",
                  f"    directions: {quote(draw(text))}", "    closures:", "      - from: 2026-12-24",
                  f"        reason: {quote(draw(text))}"]
    lines.append("services:")
    for sid in service_ids:
        contact = draw(st.sampled_from(["[phone]", "[web]", "[phone, web]"]))
        lines += [f"  - id: {sid}", f"    name: {quote(draw(text))}", f"    category: {draw(st.sampled_from(category_ids))}",
                  f"    summary: {quote(draw(text))}", f"    description: {quote(draw(text))}", f"    contact: {contact}",
                  f"    keywords: [{quote(draw(text))}]"]
        if office_ids:
            lines.append(f"    offices: [{draw(st.sampled_from(office_ids))}]")
    lines += ["notices:", f"  - text: {quote(draw(text))}"]
    standards = ["promises:", f"  - {quote(draw(text))}", "standards:", "  - id: calls", "    channel: phone",
                 f"    promise: {quote(draw(text))}", "    target: 45 seconds", "glossary:",
                 f"  - term: {quote(draw(words))}", f"    meaning: {quote(draw(text))}"]
    return "\n".join(lines) + "\n", "\n".join(standards) + "\n"


def render_everything(catalogue) -> list[str]:
    renderer = SiteRenderer(catalogue, TEMPLATES, "https://www.test.example/")
    return [renderer.decorate(renderer.render(plan), plan.url, plan.notice_ids, plan.title) for plan in plan_site(catalogue)]


class _LiveMarkup(HTMLParser):
    """Finds markup that would run or load: script or image tags, on* handlers, javascript: links."""

    def __init__(self):
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "img", "iframe", "object", "embed", "svg", "title", "style"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or (value or "").strip().lower().startswith(("javascript:", "data:")):
                self.found.append(f"{tag} {name}={value}")


def assert_safe(pages: list[str]) -> None:
    for html in pages:
        parser = _LiveMarkup()
        parser.feed(html)
        assert not parser.found, parser.found


def load_text(tmp_path: Path, services: str, standards: str):
    (tmp_path / "services.yaml").write_text(services, encoding="utf-8")
    (tmp_path / "standards.yaml").write_text(standards, encoding="utf-8")
    return load_catalogue(tmp_path / "services.yaml", tmp_path / "standards.yaml", BUILD_DATE)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(catalogues())
def test_every_generated_catalogue_loads_and_renders_safely(tmp_path, files):
    catalogue = load_text(tmp_path, *files)
    assert_safe(render_everything(catalogue))


VALID = (FIXTURES / "valid" / "services.yaml").read_text()
VALID_STANDARDS = (FIXTURES / "valid" / "standards.yaml").read_text()


@st.composite
def mutations(draw) -> str:
    lines = VALID.splitlines()
    index = draw(st.integers(0, len(lines) - 1))
    line = lines[index]
    kind = draw(st.sampled_from(["delete", "duplicate", "value", "html", "indent", "key", "tab", "type", "dangling"]))
    indent = len(line) - len(line.lstrip())
    key, sep, value = line.strip().partition(": ")
    if kind == "delete":
        del lines[index]
    elif kind == "duplicate":
        lines.insert(index, line)
    elif kind == "value" and sep:
        lines[index] = " " * indent + f"{key}: {draw(st.sampled_from(['', '[]', '{}', '- x', '[a, [b]]', '17:30', 'NO', '2026-02-30', '~', draw(words)]))}"
    elif kind == "html" and sep:
        lines[index] = " " * indent + f"{key}: {quote(draw(st.sampled_from(HOSTILE)))}"
    elif kind == "indent":
        lines[index] = " " * draw(st.integers(0, 8)) + line.lstrip()
    elif kind == "key" and sep:
        lines[index] = " " * indent + f"{draw(st.sampled_from(['nmae', 'opening_hour', 'x', '? [a]', 'id']))}: {value}"
    elif kind == "tab":
        lines[index] = "\t" + line
    elif kind == "type" and sep:
        lines[index] = " " * indent + f"{key}:\n" + " " * (indent + 2) + f"- {value or 'x'}"
    elif kind == "dangling" and sep:
        lines[index] = " " * indent + f"{key}: nothing-{draw(ids)}"
    return "\n".join(lines) + "\n"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations())
def test_every_mutation_gives_a_clear_error_or_a_safe_page(tmp_path, services):
    try:
        catalogue = load_text(tmp_path, services, VALID_STANDARDS)
    except CatalogueError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file == "services.yaml" and problem.line >= 1 and problem.column >= 1
            assert problem.message and "Traceback" not in problem.message
        return
    assert_safe(render_everything(catalogue))
