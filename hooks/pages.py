"""MkDocs hook: add a page for each service, office and category, and the index pages.

Each generated page is a Markdown file holding only its H1 (so MkDocs builds the title, the
skip link and the search entry as usual); its body is rendered from the Catalogue by
opencounter.site and put in place in on_page_content. Every page, hand-written or not, then
gets the current notices and explanations of glossary terms it uses.
"""

from __future__ import annotations

import json
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from catalogue import CATALOGUE_KEY, REPORT_KEY, STEPS_KEY, stop_build
from leaflets import LEAFLETS_KEY
from opencounter import urls
from opencounter.content import fill_placeholders, names_the_sample, other_councils
from opencounter.content import heading_as_text, meta_as_text, remote_load_problems, unsafe_links
from opencounter.site import PagePlan, SiteRenderer, plan_site
from opencounter.text import markdown_heading, sanitise_page
from opencounter.words import Words, words

RENDERER_KEY = "opencounter_renderer"
PLANS_KEY = "opencounter_pages"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Plan the generated pages and set up their templates (afresh each build, so edits show).

    A hand-written page at the address of a generated one is an error, found here, before
    MkDocs empties the site folder: a silent swap would hide one of the two.
    """
    catalogue = config[CATALOGUE_KEY]
    template_dir = Path(config.theme.custom_dir) / "opencounter"
    leaflets = config.get(LEAFLETS_KEY) or []
    config[RENDERER_KEY] = SiteRenderer(catalogue, template_dir, config.site_url or "", leaflets)
    config[PLANS_KEY] = {plan.src: plan for plan in plan_site(catalogue, leaflets)}
    docs = Path(config.docs_dir)
    # Hostile input: links out of the project, and pages loading from other hosts, stop the build.
    refused = unsafe_links(docs, Path(config.config_file_path).parent, docs.name) or remote_load_problems(docs, docs.name)
    if refused:
        stop_build("A hand-written page cannot be published:\n\n" + "\n\n".join(p.format() for p in refused))
    sample_left = names_the_sample(other_councils(docs, catalogue.council.name, Path(config.docs_dir).name))
    if sample_left:
        stop_build("A hand-written page still names the sample council:\n\n" +
                          "\n\n".join(p.format().replace("advice (other-council)", "error") for p in sample_left))
    for src, plan in config[PLANS_KEY].items():
        if (docs / src).exists() or (src.endswith("/index.md") and (docs / (src[:-len("/index.md")] + ".md")).exists()):
            clash = src if (docs / src).exists() else src[:-len("/index.md")] + ".md"
            stop_build(
                f"content/{clash} has the same address as the generated page '{plan.title}'. "
                f"Rename or move content/{clash}; the generated page comes from {plan.source_file}.")
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the generated pages; a hand-written page at the same address is an error, not a silent swap."""
    plans: dict[str, PagePlan] = config[PLANS_KEY]
    for src, plan in plans.items():
        inclusion = InclusionLevel.UNDEFINED if plan.in_nav else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src, content=markdown_heading(plan.title), inclusion=inclusion))
    if config.nav is None:
        config.nav = _navigation(plans, files, words(config[CATALOGUE_KEY].language))
    config[REPORT_KEY].pages = len(files.documentation_pages())
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    plan = config[PLANS_KEY].get(page.file.src_uri)
    if plan is not None:
        # The theme prints titles and descriptions without escaping: give it escaped text (Markup,
        # so the theme's own `| e` leaves it as it is). The home page's title is the council's name alone.
        if plan.src != urls.HOME:
            page.meta["title"] = escape(plan.title)
        if plan.description:
            page.meta["description"] = escape(plan.description)
        return markdown
    page.meta = meta_as_text(page.meta)  # hostile input: the theme prints title and description as they are
    return fill_placeholders(markdown, config[CATALOGUE_KEY].council.name)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    renderer: SiteRenderer = config[RENDERER_KEY]
    config[STEPS_KEY].tick("Reading pages", config[REPORT_KEY].pages)  # progress
    plan = config[PLANS_KEY].get(page.file.src_uri)
    if plan is None:  # a hand-written page: Markdown passes raw HTML through, so it is sanitised here
        if "title" not in page.meta and not page.is_homepage:  # hostile input: its H1 as text, never markup
            page.meta["title"] = heading_as_text(page.title or "")
        return renderer.decorate(sanitise_page(html), page.url)
    try:
        body = renderer.render(plan)
    except Exception as error:  # a template mistake: say which template, not a traceback
        stop_build(f"The page template {plan.template} failed for {page.file.src_uri}: {error}")
    return renderer.decorate(html + body, page.url, plan.notice_ids, plan.title)


def on_post_build(*, config: MkDocsConfig) -> None:
    """Add each service's keywords to the search index: words people search for, not text to read."""
    index_path = Path(config.site_dir) / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    keywords = {plan.url: " ".join(plan.keywords) for plan in config[PLANS_KEY].values() if plan.keywords}
    for doc in index.get("docs", []):
        if doc.get("location") in keywords:
            doc["text"] = (doc.get("text", "") + " " + keywords.pop(doc["location"])).strip()
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """Put the current notices in place, after search has indexed the page (so search finds each once)."""
    config[STEPS_KEY].tick("Writing pages", config[REPORT_KEY].pages)  # progress
    plan = config[PLANS_KEY].get(page.file.src_uri)
    return config[RENDERER_KEY].fill_notices(output, page.url, plan.notice_ids if plan else ())


def _navigation(plans: dict[str, PagePlan], files: Files, say: Words) -> list:
    """Home, services with their topics, contact, offices, standards, hand-written pages, glossary."""
    categories = [src for src, plan in plans.items() if src.startswith("categories/") and plan.in_nav]
    written = sorted(f.src_uri for f in files.documentation_pages()
                     if f.src_uri not in plans and f.inclusion.is_in_nav())
    nav: list = [{say("nav.home"): urls.HOME}, {say("nav.services"): [urls.SERVICES, *categories]}, urls.CONTACT]
    nav += [src for src in (urls.OFFICES, urls.STANDARDS) if src in plans] + written
    nav += [src for src in (urls.GLOSSARY, urls.LEAFLETS) if src in plans]
    return nav
