"""`make verify`: checks of the council's own site that do not depend on what the catalogue says.

The project's tests (`make test`) prove Open Counter works, on catalogues of their own. This proves the
council's site, built from the council's services.yaml, standards.yaml and content/, came out whole:

1. `make check` finds no errors (advice is shown, and does not fail);
2. the site builds, twice, each time in a fresh copy of the project (no leaflet from a cache);
3. every page the catalogue and content/ make is there, in every language, with one H1, and every
   office has its calendar;
4. every link from one page of the site to another (or to a file of it, or a part of a page) resolves;
5. nothing is loaded from another host (addresses in HTML and CSS, known trackers and CDNs anywhere);
6. axe-core finds nothing on one page of every kind, in every language, at 1280 and 320 pixels wide, in
   Debian's Chromium, and no page asks another host for anything;
7. the two builds are byte for byte the same.

It never fails on the council's own words: only on something missing, broken or unsafe. No MkDocs
import here: the builds run as `python -m mkdocs build` in child processes.

    python -m opencounter.verify [project folder]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Callable, Iterable
from urllib.parse import unquote

# Not copied into the scratch projects: built output, caches, tools and version control.
NOT_COPIED = {"site", "public", ".build", ".cache", ".git", ".venv", "venv", "node_modules", "__pycache__",
              ".pytest_cache", ".hypothesis"}
WIDTHS = (1280, 320)
ASSET_TAGS = re.compile(r"<(script|link|img|iframe|source|video|audio|embed|object)\b([^>]*)>", re.I)
LINK_RELS_THAT_LOAD = {"stylesheet", "preload", "preconnect", "dns-prefetch", "icon", "manifest", "modulepreload"}
TRACKERS = ("fonts.googleapis", "fonts.gstatic", "googletagmanager", "google-analytics", "cdn.jsdelivr", "unpkg.com",
            "cdnjs.cloudflare", "use.typekit", "plausible.io", "hotjar", "facebook.net")
# The theme's bundle would load these only in a case that the site never creates (no Mermaid diagrams; main.html
# loads a local ResizeObserver polyfill first). tests/test_build.py proves those cases never happen.
THEME_CONDITIONAL_LOADS = ("https://unpkg.com/mermaid@11/dist/mermaid.min.js",
                           "https://unpkg.com/resize-observer-polyfill")
SHOWN = 15  # problems listed under a failed check; the rest are counted


@dataclass
class Result:
    """One check: its name, what it found wrong (empty when it passed), and a line about what it covered."""

    name: str
    problems: list[str] = field(default_factory=list)
    covered: str = ""
    warning: str = ""  # passed, but something could not be checked here (and would be in CI)

    @property
    def passed(self) -> bool:
        return not self.problems


# ---------------------------------------------------------------- the site, as files

def pages_of(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def url_path(site: Path, page: Path) -> str:
    """The address of a built page from the site's root: "" for the home page, "services/x/", "404.html"."""
    relative = page.relative_to(site).as_posix()
    if relative == "index.html":
        return ""
    return relative[: -len("index.html")] if relative.endswith("/index.html") else relative


class _Page(HTMLParser):
    """The links, the ids and the H1s of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, address)
        self.ids: set[str] = set()
        self.h1 = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name in ("id", "name"):
            if attributes.get(name) and (name == "id" or tag == "a"):
                self.ids.add(attributes[name] or "")
        if tag == "h1":
            self.h1 += 1
        for name in ("href", "src"):
            if attributes.get(name):
                self.links.append((tag, name, attributes[name] or ""))


def _parse(page: Path) -> _Page:
    parser = _Page()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    return parser


def broken_links(site: Path, site_url: str = "") -> list[str]:
    """Every link or address in the site's pages that names a page, file or part of a page of the site
    that is not there. A <link> to the site's own address (site_url: canonical and language versions) counts
    as within the site; a link in the text to that address may be the council's other pages, so it does not."""
    site = site.resolve()
    parsed: dict[Path, _Page] = {}

    def parse(page: Path) -> _Page:
        if page not in parsed:
            parsed[page] = _parse(page)
        return parsed[page]

    own = site_url.rstrip("/") + "/" if site_url else ""
    broken = []
    for page in pages_of(site):
        for tag, _, link in parse(page).links:
            if own and tag == "link" and link.startswith(own):
                path, target_base = link[len(own):], site
            elif re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", link) or link.startswith("//"):
                continue  # mailto:, tel:, another site: not ours to check
            elif link.startswith("/"):
                path, target_base = link.lstrip("/"), site  # 404.html links from the site root
            else:
                path, target_base = link, page.parent
            path, _, fragment = path.partition("#")
            path = unquote(path.split("?")[0])
            target = (target_base / path).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            where = f"{page.relative_to(site).as_posix()} -> {link}"
            if site not in target.parents and target != site:
                broken.append(f"{where} (outside the site)")
            elif not target.is_file():
                broken.append(where)
            elif fragment and tag == "a" and target.suffix == ".html" and unquote(fragment) not in parse(target).ids:
                broken.append(f"{where} (no part of the page has the id '{fragment}')")
    return broken


def loads_from_other_hosts(site: Path) -> list[str]:
    """Addresses of other hosts that a page, a style sheet or a script would load."""
    found = []
    for page in pages_of(site):
        html = page.read_text(encoding="utf-8", errors="replace")
        for tag, attributes in ASSET_TAGS.findall(html):
            rel = re.search(r'\brel="([^"]*)"', attributes)
            if tag.lower() == "link" and not (rel and LINK_RELS_THAT_LOAD & set(rel.group(1).split())):
                continue  # rel="canonical" and the like name an address; they load nothing
            for address in re.findall(r'\b(?:src|href|data)="([^"]+)"', attributes):
                if re.match(r"^(https?:)?//", address):
                    found.append(f"{page.relative_to(site).as_posix()}: <{tag}> {address}")
    for sheet in sorted(site.rglob("*.css")):
        for address in re.findall(r"(?:url\(|@import\s+)[\"']?((?:https?:)?//[^\"')\s]+)",
                                  sheet.read_text(encoding="utf-8", errors="replace")):
            found.append(f"{sheet.relative_to(site).as_posix()}: {address}")
    for path in sorted([*site.rglob("*.js"), *site.rglob("*.html"), *site.rglob("*.css")]):
        text = path.read_text(encoding="utf-8", errors="ignore")
        for allowed in THEME_CONDITIONAL_LOADS:
            text = text.replace(allowed, "")
        found += [f"{path.relative_to(site).as_posix()}: {host}" for host in TRACKERS if host in text]
    return found


def differences(first: Path, second: Path) -> list[str]:
    """Files that are in one tree and not the other, or differ in a byte."""
    one = {p.relative_to(first).as_posix(): p for p in first.rglob("*") if p.is_file()}
    two = {p.relative_to(second).as_posix(): p for p in second.rglob("*") if p.is_file()}
    found = [f"{name}: only in the first build" for name in sorted(one.keys() - two.keys())]
    found += [f"{name}: only in the second build" for name in sorted(two.keys() - one.keys())]
    found += [f"{name}: differs" for name in sorted(one.keys() & two.keys())
              if one[name].read_bytes() != two[name].read_bytes()]
    return found


# ---------------------------------------------------------------- what the catalogue says the site has

@dataclass(frozen=True)
class Expected:
    """The addresses the site must have, and one page of each kind (for axe)."""

    pages: tuple[str, ...]  # "", "services/x/", "about/", "cy/services/x/"
    files: tuple[str, ...]  # calendars, 404.html, sitemap.xml, search index
    kinds: dict[str, str]  # kind ("service", "page about.md", "cy home") -> one address of that kind
    site_url: str = ""


def expected_site(project: Path, build_date: date) -> Expected:
    """Every page and file the catalogue and content/ make, from the library's own page plan."""
    from . import urls
    from .content import versions
    from .leaflet_plan import plan_leaflets
    from .loading import catalogue_languages, load_catalogue
    from .site import plan_site

    services, standards = project / "services.yaml", project / "standards.yaml"
    languages = catalogue_languages(services)
    pages: list[str] = []
    files: list[str] = ["404.html", "sitemap.xml", "search/search_index.json"]
    kinds: dict[str, str] = {}
    site_url = ""
    hand_written = versions(project / "content", languages) if (project / "content").is_dir() else {}
    for number, language in enumerate(languages):
        catalogue = load_catalogue(services, standards, build_date, language=language)
        site_url = site_url or catalogue.council.website
        prefix = "" if number == 0 else f"{language}/"
        label = "" if number == 0 else f"{language} "
        for plan in plan_site(catalogue, leaflets=plan_leaflets(catalogue)):  # with leaflets: the Leaflets page
            pages.append(prefix + plan.url)
            kinds.setdefault(label + plan.template.removesuffix(".html"), prefix + plan.url)
        for page, written in hand_written.items():
            if language in written:
                url = prefix + urls.url_of(page)
                pages.append(url)
                kinds.setdefault(f"{label}hand-written page", url)
        files += [prefix + urls.calendar(office.id) for office in catalogue.offices]
    pages = list(dict.fromkeys(pages))
    return Expected(tuple(pages), tuple(dict.fromkeys(files)), {**kinds, "page not found": "404.html"}, site_url)


def missing_pages(site: Path, expected: Expected) -> list[str]:
    """Pages and files the site should have and has not; pages without exactly one H1."""
    found = []
    for url in expected.pages:
        page = site / url / "index.html"
        if not page.is_file():
            found.append(f"{url or '(the home page)'}: not built")
        elif (count := _parse(page).h1) != 1:
            found.append(f"{url or '(the home page)'}: has {count} main headings (H1), not 1")
    found += [f"{name}: not built" for name in expected.files if not (site / name).is_file()]
    return found


# ---------------------------------------------------------------- in a browser

def axe_problems(site: Path, kinds: dict[str, str], widths: Iterable[int] = WIDTHS, browser=None) -> list[str]:
    """axe-core on one page of each kind, at each width; any request to another host is a problem too.
    In Debian's Chromium, started here unless a Playwright browser is given. Raises FileNotFoundError when
    Chromium is not installed."""
    from .browser import (CHROMIUM_ARGS, CHROMIUM_MISSING, SiteServer, axe_source, chromium, describe_violations,
                          local_only, run_axe)

    if browser is None:
        from playwright.sync_api import sync_playwright
        executable = chromium()
        if not executable:
            raise FileNotFoundError(CHROMIUM_MISSING)
        with sync_playwright() as playwright:
            started = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            try:
                return axe_problems(site, kinds, widths, started)
            finally:
                started.close()
    server, source, problems = SiteServer(site), axe_source(), []
    try:
        for width in widths:
            context = browser.new_context(viewport={"width": width, "height": 800}, reduced_motion="reduce")
            outside: list[str] = []
            context.route("**/*", local_only(server.origin, outside))
            tab = context.new_page()
            for kind, url in kinds.items():
                tab.goto(f"{server.origin}/{url}", wait_until="load")
                tab.wait_for_function("document.fonts.status === 'loaded'")
                problems += describe_violations(f"{url or '(home)'} ({kind}, {width}px)", run_axe(tab, source))
            context.close()
            problems += [f"a page at {width}px asked another host for {address}" for address in outside]
    finally:
        server.close()
    return problems


# ---------------------------------------------------------------- building

def scratch_copy(project: Path, folder: Path) -> Path:
    """A copy of the project to build in, without its built site, caches or version control."""
    shutil.copytree(project, folder, symlinks=True,
                    ignore=lambda where, names: [n for n in names if n in NOT_COPIED])
    return folder


def build(project: Path, site: Path, build_date: date, python: str = sys.executable) -> tuple[int, str]:
    """`mkdocs build` of the project into `site`: its exit code and what it printed."""
    env = dict(os.environ, BUILD_DATE=build_date.isoformat(), NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1",
               OPENCOUNTER_PROGRESS="0")
    result = subprocess.run([python, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(site)], cwd=project, env=env,
                            capture_output=True, text=True)
    return result.returncode, (result.stdout + result.stderr).strip()


# ---------------------------------------------------------------- all of it

def verify(project: Path, build_date: date, work: Path, say: Callable[[Result], None] = lambda r: None,
           browser: bool = True) -> list[Result]:
    """Every check, in order; a check that cannot run because an earlier one failed is left out."""
    project = project.resolve()
    results: list[Result] = []

    def record(result: Result) -> Result:
        results.append(result)
        say(result)
        return result

    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(project / "hooks"), os.environ.get("PYTHONPATH")])),
               BUILD_DATE=build_date.isoformat())
    check = subprocess.run([sys.executable, "-m", "opencounter.check", str(project)], cwd=project, env=env,
                           capture_output=True, text=True)
    summary = next((line for line in reversed(check.stdout.splitlines()) if line.strip()), "")
    if record(Result("make check finds no errors", [] if check.returncode == 0 else
                     [line for line in check.stdout.splitlines() if ": error:" in line] or
                     [(check.stdout + check.stderr).strip()[-2000:]], summary)).problems:
        return results

    sites = []
    for name in ("first", "second"):
        copy = scratch_copy(project, work / f"{name}-project")
        started = time.monotonic()
        code, output = build(copy, work / f"{name}-site", build_date)
        sites.append(work / f"{name}-site")
        if code != 0:
            record(Result("The site builds", [output[-3000:] or f"mkdocs build stopped with exit code {code}"]))
            return results
        if name == "first":
            record(Result("The site builds", [], f"in {time.monotonic() - started:.1f} seconds"))
    site = sites[0]

    expected = expected_site(project, build_date)
    record(Result("Every page is built", missing_pages(site, expected),
                  f"{len(expected.pages)} pages and {len(expected.files)} other files"))
    record(Result("Every link within the site resolves", broken_links(site, expected.site_url),
                  f"{len(pages_of(site))} HTML files"))
    record(Result("Nothing is loaded from another host", loads_from_other_hosts(site)))
    if browser:
        try:
            record(Result("axe finds nothing on one page of each kind", axe_problems(site, expected.kinds),
                          f"{len(expected.kinds)} kinds of page at {' and '.join(f'{w}px' for w in WIDTHS)}"))
        except FileNotFoundError as missing:
            in_ci = os.environ.get("CI") == "true"
            record(Result("axe finds nothing on one page of each kind", [str(missing)] if in_ci else [],
                          warning="" if in_ci else f"not checked: {missing}"))
    record(Result("A second build is byte for byte the same", differences(sites[0], sites[1]),
                  f"{sum(1 for p in site.rglob('*') if p.is_file())} files"))
    return results


def _say(result: Result) -> None:
    mark = "ok    " if result.passed else "FAILED"
    note = f" ({result.covered})" if result.covered and result.passed else ""
    warning = f" ({result.warning})" if result.warning else ""
    print(f"{mark} {result.name}{note}{warning}", flush=True)
    for problem in result.problems[:SHOWN]:
        for number, line in enumerate(problem.splitlines()):
            print(f"         {'- ' if number == 0 else '  '}{line}", flush=True)
    if len(result.problems) > SHOWN:
        print(f"         and {len(result.problems) - SHOWN} more", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make verify", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=".", type=Path,
                        help="the project folder, with services.yaml, standards.yaml, content/ and mkdocs.yml")
    parser.add_argument("--no-browser", action="store_true", help="leave out the axe check in Chromium")
    args = parser.parse_args(argv)
    build_date = date.fromisoformat(os.environ["BUILD_DATE"]) if os.environ.get("BUILD_DATE") else date.today()
    print(f"Verifying the site of {args.folder.resolve()} (build date {build_date.isoformat()})...", flush=True)
    with tempfile.TemporaryDirectory(prefix="opencounter-verify-") as work:
        results = verify(args.folder, build_date, Path(work), _say, browser=not args.no_browser)
    failed = [r for r in results if not r.passed]
    if failed:
        print(f"\n{len(failed)} of {len(results)} checks failed: {', '.join(r.name for r in failed)}.", flush=True)
        return 1
    print(f"\nAll {len(results)} checks passed.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
