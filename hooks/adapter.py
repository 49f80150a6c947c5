"""The one adapter between the engine (MkDocs 1.6, or ProperDocs) and Open Counter.

Every rule lives in the library (hooks/opencounter/, no engine import there); this module only
hands the engine what the library makes, at the right event. It is the only hook in mkdocs.yml and
nothing imports it, so the engine loads it once: its state is in one place.

State: `_session` lives as long as the process (one `mkdocs build`, or a whole `mkdocs serve` with
its rebuilds); `Build`, on the config, lives for one build. Events, in the order the engine runs them:

  on_startup      a build or a preview?
  on_config       (first) load and check the catalogue; the cheap checks (sample council's name,
                  pages missing in a language, hand-written pages at a generated page's address);
                  start the other languages' builds; then typeset the leaflets; plan the pages.
                  All of it before the engine empties the site folder.
  on_serve        rebuild when services.yaml or standards.yaml change.
  on_files        this language's hand-written pages, the generated pages and leaflets, the navigation.
  on_page_*       generated pages' titles and bodies; every page's glossary terms, notices, JSON-LD.
  on_env          the theme's words in this build's language.
  on_post_build   (last) other languages moved in, one sitemap, search keywords, open data files,
                  the summary for `make site`; in a preview, the new site put in place of the old.
  on_build_error  the other languages' builds stopped; a preview keeps showing the last good site.

A mistake stops the build with a message for a person and no traceback. `mkdocs build` then
exits with 1 (`make site` keeps the old site). A preview (`mkdocs serve`) builds into a folder of
its own and puts it in place only when the whole build succeeded, so the browser shows the last
good site until the mistake is fixed, and the server lives on.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass, field
from datetime import datetime, time, timezone
from pathlib import Path
from typing import NoReturn

import mkdocs
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from opencounter import urls
from opencounter.addresses import address_clashes
from opencounter.calendar import build_date
from opencounter.content import fill_placeholders, missing_translations, names_the_sample, other_councils, pages_in, \
    versions
from opencounter.content import heading_as_text, meta_as_text, remote_load_problems, unsafe_links
from opencounter.errors import CatalogueError
from opencounter.exports import Exports
from opencounter.jsonld import StructuredData, script_tag
from opencounter.language_builds import LANGUAGE_ENV, REPORT_ENV, LanguageBuildError, LanguageBuilds, stop_all
from opencounter.leaflet_plan import plan_leaflets
from opencounter.leaflets import LeafletError, LeafletMaker
from opencounter.loading import load_catalogue
from opencounter.models import Catalogue
from opencounter.navigation import navigation
from opencounter.preview import AFTER_A_FAILED_REBUILD, PreviewFolders
from opencounter.progress import BuildReport, Steps, leaflet_progress, size_of
from opencounter.publish import WORK_ENV, FullDiskSaidOnce, stop_quietly
from opencounter.site import PagePlan, SiteRenderer, plan_site
from opencounter.search_index import add_keywords
from opencounter.sitemaps import write_sitemap
from opencounter.text import markdown_heading, sanitise_page
from opencounter.theme import ThemeChanged, name_search_dialog, theme_settings
from opencounter.values import ValueProblem
from opencounter.words import words as words_for

ENGINE = mkdocs.__name__  # "mkdocs", or "properdocs" when ProperDocs runs this hook in MkDocs' place


# ------------------------------------------------------------------------------------------- state

class _Warnings(logging.Handler):
    """Counts the engine's warnings in this build: under `strict`, each one fails the build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@dataclass
class _Session:
    """One run of the engine: a build, or a preview and every rebuild it makes."""

    serving: bool = False
    preview: PreviewFolders | None = None  # while previewing: the folder shown, and the one a rebuild writes
    warnings: _Warnings = field(default_factory=_Warnings)
    # A SOURCE_DATE_EPOCH set before the build wins; otherwise it follows the build date (see on_config).
    outside_epoch: str | None = os.environ.get("SOURCE_DATE_EPOCH")


@dataclass
class Build:
    """What the events of one build share."""

    catalogue: Catalogue
    steps: Steps = field(default_factory=Steps)  # what the build is doing, shown while it works
    report: BuildReport = field(default_factory=BuildReport)
    leaflets: list = field(default_factory=list)
    plans: dict[str, PagePlan] = field(default_factory=dict)  # by the engine's source path ("contact/index.md")
    renderer: SiteRenderer | None = None
    structured_data: StructuredData | None = None
    exports: Exports | None = None
    others: LanguageBuilds | None = None


_session = _Session()
_BUILD_KEY = "opencounter_build"


def _build(config: MkDocsConfig) -> Build:
    return config[_BUILD_KEY]


class BuildStopped(Abort):
    """A mistake in a preview: this rebuild stops, and the preview prints the message and serves on."""


def stop_build(message: str) -> NoReturn:
    """Stop the build with a message for a person, and nothing after it.

    `mkdocs build` would follow a PluginError with "Aborted with a BuildError!", which reads like a
    crash after a clear message: print the message and exit with 1 instead. While previewing, the
    server must live on: the rebuild stops (the server prints the message) and the last good site stays.
    """
    if _session.serving:
        raise BuildStopped(message)
    print(f"\n{message}\n", file=sys.stderr, flush=True)
    raise SystemExit(1)


# ------------------------------------------------------------------------------------------ events

def on_startup(*, command: str, dirty: bool) -> None:
    _session.serving = command == "serve"
    logging.getLogger("mkdocs").addHandler(_session.warnings)
    sys.excepthook = stop_quietly  # Ctrl-C and a full disk: one line, not a traceback
    for handler in logging.getLogger("mkdocs").handlers:  # ...and not the engine's line about it before ours
        handler.addFilter(FullDiskSaidOnce())


@event_priority(100)  # first: everything else reads the catalogue, the site's name and its address
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _session.warnings.count = 0
    if _session.serving:  # build beside the folder the server shows (the last good site); see on_post_build
        _session.preview = _session.preview or PreviewFolders(Path(config.site_dir))
        config.site_dir = str(_session.preview.start())
    root = Path(config.config_file_path).parent
    steps = Steps()  # progress: a large catalogue takes a minute or more to read
    steps.say(f"Reading services.yaml and standards.yaml ({size_of(root / 'services.yaml', root / 'standards.yaml')})...")
    catalogue = _load(config)
    build = config[_BUILD_KEY] = Build(catalogue, steps)
    _name_the_site(config, catalogue)
    others = _theme_words(config, catalogue)
    leaflets_on = os.environ.get("OPENCOUNTER_LEAFLETS") != "off"  # pages alone: for benchmarks and quick previews
    # The cheap checks, before the other languages' builds start and before any leaflet is typeset.
    _check_written_pages(config, catalogue, plan_site(catalogue, plan_leaflets(catalogue) if leaflets_on else ()))
    if catalogue.language == catalogue.council.languages[0] and others:
        build.others = LanguageBuilds([sys.executable, "-m", ENGINE], Path(config.config_file_path),
                                      Path(config.site_dir))
        for code in catalogue.council.languages[1:]:
            build.others.start(code)
    if leaflets_on:
        build.leaflets = _make_leaflets(config, build)
    build.renderer = SiteRenderer(catalogue, Path(config.theme.custom_dir) / "opencounter", config.site_url or "",
                                  build.leaflets)
    build.plans = {plan.src: plan for plan in plan_site(catalogue, build.leaflets)}
    site_url = config.site_url or catalogue.council.website
    build.structured_data = StructuredData(catalogue, site_url)
    # Made in the project's .build folder (ignored by git), on the same disk as site/ and .build/site;
    # `make site` gives its builds a scratch folder of their own (WORK_ENV), emptied by the next build.
    build.exports = Exports(catalogue, site_url, Path(os.environ.get(WORK_ENV) or root / ".build"))
    return config


def on_serve(server, *, config: MkDocsConfig, builder):
    """Rebuild when services.yaml or standards.yaml changes, even one deleted and written again (listed
    under `watch:` in mkdocs.yml, a missing file would stop the engine with its own message).

    A rebuild that fails must not reach the server as an error: it would print a traceback and then
    hold every request until a build succeeds ("the server will appear stuck"). So each rebuild's
    error is printed here, and the server goes on showing the folder it shows, the last good site.
    """
    server.watch(str(Path(config.config_file_path).parent), recursive=False)
    server.builder = _survive_errors(server.builder)
    return server


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """This language's hand-written pages, then the generated pages and leaflets, then the navigation."""
    build = _build(config)
    catalogue = build.catalogue
    docs = Path(config.docs_dir)
    # about.md in English, about.cy.md (published as about/) in Welsh; a page in a language the site
    # is not in (about.cy.md on an English site) is left out.
    left_out, renamed = pages_in(catalogue.language, [f.src_uri for f in files.documentation_pages()],
                                 versions(docs, catalogue.council.languages))
    for name in left_out:
        files.remove(files.get_file_from_path(name))
    for page, src in renamed:  # after every removal: a file is known by the name it is published as
        files.append(File.generated(config, page, abs_src_path=str(docs / src)))
    # The Typst template sits with the page templates in overrides/opencounter/: it is not for the site.
    for file in [f for f in files if f.src_uri.startswith("opencounter/leaflets/") and f.src_uri.endswith(".typ")]:
        files.remove(file)
    for leaflet in build.leaflets:
        files.append(File.generated(config, leaflet.path, content=leaflet.pdf, inclusion=InclusionLevel.NOT_IN_NAV))
    for src, plan in build.plans.items():
        inclusion = InclusionLevel.UNDEFINED if plan.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src, content=markdown_heading(plan.title), inclusion=inclusion))
    if config.nav is None:
        hand_written = [f.src_uri for f in files.documentation_pages()
                        if f.src_uri not in build.plans and f.inclusion.is_in_nav()]
        config.nav = navigation(((src, plan.in_nav) for src, plan in build.plans.items()), hand_written,
                                words_for(catalogue.language))
    build.report.pages = len(files.documentation_pages())
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    build = _build(config)
    plan = build.plans.get(page.file.src_uri)
    if plan is None:
        page.meta = meta_as_text(page.meta)  # hostile input: the theme prints title and description as they are
        return fill_placeholders(markdown, build.catalogue.council.name)
    # The theme prints titles and descriptions without escaping: give it escaped text (Markup, so the
    # theme's own `| e` leaves it as it is). The home page's title is the council's name alone.
    if plan.src != urls.HOME:
        page.meta["title"] = escape(plan.title)
    if plan.description:
        page.meta["description"] = escape(plan.description)
    return markdown


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A generated page's body from its template; every page's glossary terms and a place for notices."""
    build = _build(config)
    build.steps.tick("Reading pages", build.report.pages)  # progress
    plan = build.plans.get(page.file.src_uri)
    if plan is None:  # a hand-written page: Markdown passes raw HTML through, so it is sanitised here
        if "title" not in page.meta and not page.is_homepage:  # hostile input: its H1 as text, never markup
            page.meta["title"] = heading_as_text(page.title or "")
        return build.renderer.decorate(sanitise_page(html), page.url)
    try:
        body = build.renderer.render(plan)
    except Exception as error:  # a template mistake: say which template, not a traceback
        stop_build(f"The page template {plan.template} failed for {page.file.src_uri}: {error}")
    return build.renderer.decorate(html + body, page.url, plan.notice_ids, plan.title)


def on_env(env, *, config: MkDocsConfig, files: Files):
    """The theme's words in this build's language, for partials/languages/custom.html (imported by the
    theme without the page's context, so it reads a global)."""
    env.globals["opencounter_theme"] = {key: config.extra["opencounter"][key]
                                        for key in ("theme_language", "theme_words")}
    return env


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """The current notices, put in after search has indexed the page (so search finds each once, on
    the home page), and the page's schema.org JSON-LD in its head."""
    build = _build(config)
    build.steps.tick("Writing pages", build.report.pages)  # progress
    plan = build.plans.get(page.file.src_uri)
    output = _repair_theme(build, build.renderer.fill_notices(output, page.url, plan.notice_ids if plan else ()))
    if plan is None:
        return output
    if "service" in plan.context:
        document = build.structured_data.service(plan.context["service"])
    elif "office" in plan.context:
        document = build.structured_data.office(plan.context["office"])
    elif plan.src == urls.CONTACT:
        document = build.structured_data.contact()
    elif plan.src == urls.PLAN:
        document = build.structured_data.plan()
    else:
        return output
    return output.replace("</head>", script_tag(document) + "\n</head>", 1)


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) get the same repairs as every other page."""
    return _repair_theme(_build(config), output_content)


@event_priority(-100)  # last: after the search plugin has written its index
def on_post_build(*, config: MkDocsConfig) -> None:
    build = _build(config)
    build.steps.clear()  # progress: the line is cleared for the summary
    site = Path(config.site_dir)
    if build.others:
        try:
            made = build.others.finish(site)
        except LanguageBuildError as error:
            stop_build(str(error))
        build.report.add(made)
        write_sitemap(site, build.catalogue.council.languages, int(os.environ.get("SOURCE_DATE_EPOCH", "0")))
    build.renderer.open_now.write(site)  # the data the open-now and reply-by lines are worked out from
    add_keywords(site / "search" / "search_index.json",
                 {plan.url: " ".join(plan.keywords) for plan in build.plans.values() if plan.keywords})
    try:  # the data files join the site, not the sitemap: they are data, not pages
        build.exports.move_into(site)
    except Exception as error:  # a bug here must say so, not leave a half-written site
        stop_build(f"The open data files could not be made: {error}")
    report = os.environ.get(REPORT_ENV)  # for `make site`'s summary line
    if report:
        build.report.write(Path(report))
    if _session.preview and not (config.strict and _session.warnings.count):  # else the engine fails the build
        _session.preview.put_in_place()


def on_build_error(*, error: Exception) -> None:
    """A failed build stops the other languages' builds; a preview drops its half-written folder."""
    stop_all()
    if _session.preview:
        _session.preview.discard()


def on_shutdown() -> None:
    if _session.preview:
        _session.preview.discard()


# ----------------------------------------------------------------------------------------- helpers

def _load(config: MkDocsConfig) -> Catalogue:
    """services.yaml and standards.yaml from beside mkdocs.yml, in this build's language."""
    root = Path(config.config_file_path).parent
    try:
        return load_catalogue(root / "services.yaml", root / "standards.yaml", build_date(),
                              language=os.environ.get(LANGUAGE_ENV) or None)
    except CatalogueError as error:
        stop_build("The catalogue has problems.\n\n" + error.report())
    except ValueProblem as problem:
        stop_build(f"{problem.message} {problem.hint}")
    except ValueError as problem:  # OPENCOUNTER_LANGUAGE names a language the catalogue is not in
        stop_build(str(problem))


def _name_the_site(config: MkDocsConfig, catalogue: Catalogue) -> None:
    """The site's name, description, address and date, from the catalogue."""
    if not _session.outside_epoch:
        # MkDocs dates pages and the sitemap by this: the same catalogue and day give the same bytes.
        midnight = datetime.combine(catalogue.build_date, time(), tzinfo=timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    # The theme prints site_name without escaping: escape it here, once (Markup, so `| e` leaves it).
    config.site_name = escape(catalogue.council.name)
    config.site_description = escape(words_for(catalogue.language)("site.description", council=catalogue.council.name))
    if not config.site_url:
        config.site_url = catalogue.council.website.rstrip("/") + "/"
    if catalogue.language != catalogue.council.languages[0]:  # another language's site, under /cy/
        config.site_url = config.site_url.rstrip("/") + f"/{catalogue.language}/"


def _theme_words(config: MkDocsConfig, catalogue: Catalogue) -> list[dict]:
    """The theme's settings for this build's language; returns the links to the other languages."""
    settings = theme_settings(catalogue.language, catalogue.council.languages, catalogue.council.website)
    config.extra["opencounter"] = settings
    if settings["other_languages"]:
        # The theme puts partials/alternate.html (our link) in the header when extra.alternate is set,
        # and, when it is a list, a relative <link rel="alternate"> to each language's home page in
        # the head, which would contradict main.html's links to this page in each language. True
        # asks for the first only.
        config.extra["alternate"] = True
    return settings["other_languages"]


def _check_written_pages(config: MkDocsConfig, catalogue: Catalogue, plans: list[PagePlan]) -> None:
    """The hand-written pages: none names the sample council, each is in every language (checked by
    the first language's build), and none has the address of a generated page."""
    docs = Path(config.docs_dir)
    label = docs.name
    # Hostile input: links out of the project, and pages loading from other hosts, stop the build.
    refused = unsafe_links(docs, Path(config.config_file_path).parent, label) or remote_load_problems(docs, label)
    if refused:
        stop_build("A hand-written page cannot be published:\n\n" + "\n\n".join(p.format() for p in refused))
    sample_left = names_the_sample(other_councils(docs, catalogue.council.name, label))
    if sample_left:
        stop_build("A hand-written page still names the sample council:\n\n" +
                   "\n\n".join(p.format().replace("advice (other-council)", "error") for p in sample_left))
    languages = catalogue.council.languages
    if catalogue.language == languages[0]:
        missing = missing_translations(docs, languages, label)
        if missing:
            stop_build("Some pages are not in every language of the site.\n\n" + "\n\n".join(p.format() for p in missing))
    written = {page: files[catalogue.language] for page, files in versions(docs, languages).items()
               if catalogue.language in files} if docs.is_dir() else {}
    clashes = address_clashes(written, ((p.src, p.title, p.source_file) for p in plans), label)
    if clashes:
        stop_build("\n\n".join(clash.message() for clash in clashes))


def _make_leaflets(config: MkDocsConfig, build: Build) -> list:
    """Every leaflet (from the cache where nothing has changed), showing progress in a terminal."""
    root = Path(config.config_file_path).parent
    overrides = Path(config.theme.custom_dir)
    try:
        maker = LeafletMaker(build.catalogue, overrides / "opencounter", overrides / "assets" / "fonts",
                             config.site_url, cache_dir=root / ".cache" / "leaflets", progress=leaflet_progress())
        leaflets = maker.make_all(plan_leaflets(build.catalogue))
    except LeafletError as error:
        stop_build(str(error))
    for note in maker.stats.too_long:  # published all the same: a long leaflet is better than none
        print(f"Note: {note}", file=sys.stderr, flush=True)
    report = build.report
    report.leaflets, report.rendered, report.cached = len(leaflets), maker.stats.rendered, maker.stats.cached
    report.longest_seconds, report.longest = maker.stats.longest
    return leaflets


def _repair_theme(build: Build, html: str) -> str:
    """What the theme's templates offer no block to change (opencounter/theme.py)."""
    try:
        return name_search_dialog(html, words_for(build.catalogue.language)("site.search_button"))
    except ThemeChanged as error:
        stop_build(str(error))


def _survive_errors(rebuild):
    def rebuild_or_keep_the_last_good_site() -> None:
        try:
            rebuild()
        except Exception as error:  # KeyboardInterrupt still ends the preview
            if isinstance(error, Abort):  # our message (stop_build), or the engine's own ("Aborted with ...")
                message = error.format_message().strip()
            else:  # not a mistake in the council's files: a bug, or a broken template in overrides/
                message = (f"The site could not be rebuilt: {type(error).__name__}: {error}\n"
                           "Run 'mkdocs build' to see where it happened.")
            if _session.preview:
                _session.preview.discard()
            print(f"\n{message}\n\n{AFTER_A_FAILED_REBUILD}\n", file=sys.stderr, flush=True)
    return rebuild_or_keep_the_last_good_site
