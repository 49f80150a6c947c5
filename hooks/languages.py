"""MkDocs hook: a site in each of the council's languages, every page linked to its counterpart.

The first language is built by this build, at the site's root; each other language by a second
MkDocs build (with OPENCOUNTER_LANGUAGE set), started at once so both run side by side, into a
folder of its own that is moved under /<code>/ once both have finished. Either failing fails the
build. Each page says its language, links to the same page in the other language in its header,
and lists both in its head; the sitemap at the root lists every page with its counterparts.
A hand-written page is content/about.md in English and content/about.cy.md in Welsh (or about.md
in Welsh and about.en.md in English).
"""

from __future__ import annotations

import atexit
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from catalogue import CATALOGUE_KEY, LANGUAGE_ENV, REPORT_KEY, stop_build
from opencounter.content import missing_translations, page_of, versions
from opencounter.progress import BuildReport
from opencounter.sitemaps import bilingual_sitemap
from opencounter.words import words as words_for

OTHERS_KEY = "opencounter_other_languages"  # the builds of the other languages, while they run
_RUNNING: list[dict] = []  # the same builds, so that a build that stops early stops them too


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """The words the theme's templates use, the counterpart links, and the other languages' builds."""
    catalogue = config[CATALOGUE_KEY]
    languages, language = catalogue.council.languages, catalogue.language
    words = words_for(language)
    root = catalogue.council.website.rstrip("/") + "/"
    roots = {code: root if code == languages[0] else f"{root}{code}/" for code in languages}
    first = language == languages[0]
    others = [{"lang": code, "name": words_for(code)("language.name"),
               "prefix": f"{code}/" if first else ("../" if code == languages[0] else f"../{code}/")}
              for code in languages if code != language]
    config.extra["opencounter"] = {
        "words": words.table, "language": language, "languages": list(languages), "roots": roots,
        "other_languages": others, "theme_language": "cy" if language == "cy" else "en",
        "theme_words": {key[len("theme."):]: text for key, text in words.table.items() if key.startswith("theme.")},
        "script_words": {"menu": words("site.menu_button"), "search": words("site.search_button")},
    }
    if others:
        # The theme puts partials/alternate.html (our link) in the header when extra.alternate is set,
        # and, when it is a list, a relative <link rel="alternate"> to each language's home page in
        # the head, which would contradict main.html's links to this page in each language. True
        # asks for the first only.
        config.extra["alternate"] = True
    config[OTHERS_KEY] = []
    if first and others:
        docs = Path(config.docs_dir)
        missing = missing_translations(docs, languages, docs.name)
        if missing:
            stop_build("Some pages are not in every language of the site.\n\n" +
                       "\n\n".join(p.format() for p in missing))
        config[OTHERS_KEY] = [_start(config, code) for code in languages[1:]]
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """This language's hand-written pages: about.md in English, about.cy.md (published as about/) in Welsh.
    A page written in a language the site is not in (about.cy.md on an English site) is left out."""
    catalogue = config[CATALOGUE_KEY]
    docs = Path(config.docs_dir)
    written = versions(docs, catalogue.council.languages)
    renamed = []
    for file in list(files.documentation_pages()):
        page = page_of(file.src_uri)
        mine = written.get(page, {}).get(catalogue.language)
        if file.src_uri == mine == page:
            continue  # written under the name it is published as
        files.remove(file)  # another language's version, or this one under its own name (added below)
        if file.src_uri == mine:
            renamed.append((page, mine))
    for page, src in renamed:  # after every removal: a file is known by the name it is published as
        files.append(File.generated(config, page, abs_src_path=str(docs / src)))
    return files


def on_post_build(*, config: MkDocsConfig) -> None:
    """Wait for the other languages' sites, put each under /<code>/, and list every page in one sitemap."""
    builds = config[OTHERS_KEY]
    if not builds:
        return
    site = Path(config.site_dir)
    for build in builds:
        build["process"].wait()
        _RUNNING.remove(build)
        build["log"].seek(0)
        output = build["log"].read()
        build["log"].close()
        if build["process"].returncode != 0:
            shutil.rmtree(build["folder"], ignore_errors=True)
            stop_build(output.strip() or f"The {build['language']} site could not be built.")
        target = site / build["language"]
        if target.exists():
            shutil.rmtree(target)
        os.replace(build["folder"], target)
        report = BuildReport.read(build["report"])
        if report:
            mine = config[REPORT_KEY]
            mine.pages += report.pages
            mine.leaflets += report.leaflets
            mine.rendered += report.rendered
            mine.cached += report.cached
        Path(build["report"]).unlink(missing_ok=True)
    catalogue = config[CATALOGUE_KEY]
    sitemap = bilingual_sitemap(site, catalogue.council.languages)
    (site / "sitemap.xml").write_bytes(sitemap)
    with open(site / "sitemap.xml.gz", "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=int(os.environ.get("SOURCE_DATE_EPOCH", "0")),
                           filename="") as packed:
            packed.write(sitemap)


def on_build_error(*, error: Exception) -> None:
    """A failed build stops the other languages' builds too."""
    _stop_all()


@atexit.register
def _stop_all() -> None:
    """Stop any other-language build still running, and remove its half-written folder."""
    while _RUNNING:
        build = _RUNNING.pop()
        if build["process"].poll() is None:
            build["process"].kill()
            build["process"].wait()
        shutil.rmtree(build["folder"], ignore_errors=True)
        Path(build["report"]).unlink(missing_ok=True)


def _start(config: MkDocsConfig, language: str) -> dict:
    """Start the build of one other language, into a folder beside the site (moved in when both are done)."""
    site = Path(config.site_dir)
    folder = site.parent / f".{site.name}-{language}-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    report = site.parent / f".{site.name}-{language}-{os.getpid()}.json"
    env = dict(os.environ, **{LANGUAGE_ENV: language, "OPENCOUNTER_REPORT": str(report), "OPENCOUNTER_PROGRESS": "0"})
    log = tempfile.TemporaryFile("w+", encoding="utf-8")  # a file, not a pipe: a talkative build never blocks
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(folder),
                                "--config-file", config.config_file_path], env=env, stdout=log, stderr=subprocess.STDOUT,
                               cwd=Path(config.config_file_path).parent)
    build = {"language": language, "process": process, "folder": folder, "report": report, "log": log}
    _RUNNING.append(build)
    return build
