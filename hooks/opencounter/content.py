"""Hand-written pages in content/: the council's name filled in, and names of other councils found.

A page that ships with the sample must not say the sample council's name once another council
is swapped in. Pages write {{ council.name }} where they mean the council, and the build fills it
in; `make check` points at any line that still names a different council.
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import escape

from .errors import Problem
from .fields import LANGUAGE_NAMES

PLACEHOLDER = re.compile(r"\{\{\s*council\.name\s*\}\}")
# The name of the sample council that ships in the repository.
SAMPLE_COUNCIL = "Riverside Borough Council"

_COUNCIL_NAME = re.compile(r"(?:[A-Z][\w'’-]+ ){1,4}(?:(?:Metropolitan |County )?Borough|District|County|City|Town|"
                           r"Parish) Council\b")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def fill_placeholders(markdown: str, council_name: str) -> str:
    """Put the council's name where a page says {{ council.name }}, as text (never as markup)."""
    name = _MARKDOWN_SPECIAL.sub(r"\\\1", str(escape(council_name)))
    return PLACEHOLDER.sub(lambda _: name, markdown)


def other_councils(folder: Path, council_name: str, label: str = "content") -> list[Problem]:
    """Lines of hand-written pages that name a council other than ours, as advice.

    A line that ends with <!-- accept --> is left alone: the page really is about another council.
    """
    found = []
    for page in sorted(folder.rglob("*.md")):
        lines = page.read_text(encoding="utf-8", errors="replace").splitlines()
        for number, line in enumerate(lines, start=1):
            if "<!-- accept" in line:
                continue
            for match in _COUNCIL_NAME.finditer(line):
                name = match.group(0)
                if name.lower().endswith(council_name.lower()):
                    continue
                found.append(Problem(
                    f"{label}/{page.relative_to(folder).as_posix()}", number, match.start() + 1, "",
                    f"This page names '{name}', but the council in services.yaml is '{council_name}'.",
                    hint="Write {{ council.name }} where the page means your council: the site fills in the name "
                         "from services.yaml. If the line really is about another council, end it with "
                         "<!-- accept -->.", severity="advice", rule="other-council"))
    return found


def names_the_sample(problems: list[Problem]) -> list[Problem]:
    """The lines that still name the sample council: those stop the build."""
    return [p for p in problems if f"'{SAMPLE_COUNCIL}'" in p.message.split(", but")[0]]


# ---------------------------------------------------------------- pages in more than one language

def _written_in(name: str) -> str:
    """The language a file's name says it is in ("about.cy.md": cy), or "" (about.md)."""
    parts = name.rsplit(".", 2)
    return parts[1] if len(parts) == 3 and parts[2] == "md" and parts[1] in LANGUAGE_NAMES else ""


def page_of(name: str) -> str:
    """The page a file is a version of, named as the site publishes it: about.cy.md -> about.md."""
    language = _written_in(name)
    return f"{name[:-len(language) - 4]}.md" if language else name


def versions(folder: Path, languages: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """Every hand-written page (as published: about.md) with the file written in each of the site's
    languages. about.cy.md is in Welsh and about.en.md in English; about.md is in the first of the
    site's languages that has no file of its own, so about.md and about.cy.md make an English and
    a Welsh page whichever language comes first. A file in a language the site is not in is left out."""
    files: dict[str, dict[str, str]] = {}
    for path in sorted(folder.rglob("*.md")):
        name = path.relative_to(folder).as_posix()
        files.setdefault(page_of(name), {})[_written_in(name)] = name
    found: dict[str, dict[str, str]] = {}
    for page, written in files.items():
        chosen = {language: written[language] for language in languages if language in written}
        gap = next((language for language in languages if language not in chosen), None)
        if "" in written and gap:
            chosen[gap] = written[""]
        if chosen:
            found[page] = {language: chosen[language] for language in languages if language in chosen}
    return found


def missing_translations(folder: Path, languages: tuple[str, ...], label: str = "content") -> list[Problem]:
    """Hand-written pages with no version in one of the council's languages, as errors."""
    if len(languages) < 2 or not folder.is_dir():
        return []
    found = []
    for page, written in versions(folder, languages).items():
        for language in languages:
            if language in written:
                continue
            name, expected = LANGUAGE_NAMES[language], f"{page[:-3]}.{language}.md"
            found.append(Problem(f"{label}/{next(iter(written.values()))}", 1, 1, "",
                                 f"This page has no {name} ({language}) version.", expected=f"{label}/{expected}",
                                 found="no such file", hint=f"Add {label}/{expected}, with the page in {name}: "
                                                            "every page is published in each of the council's languages."))
    return found


def pages_in(language: str, names: list[str], written: dict[str, dict[str, str]]) -> tuple[list[str], list[tuple[str, str]]]:
    """The hand-written files a build in `language` publishes: (the files it leaves out as they are
    named, and (published name, file) for each it publishes under its page's name).

    written: as `versions` gives it. On a site in English then Welsh, the English build keeps
    about.md and leaves out about.cy.md; the Welsh build leaves out both names and publishes
    about.cy.md as about.md. A file in a language the site is not in is left out.
    """
    left_out, renamed = [], []
    for name in names:
        page = page_of(name)
        mine = written.get(page, {}).get(language)
        if name == mine == page:
            continue  # written under the name it is published as
        left_out.append(name)  # another language's version, or this one under its own name
        if name == mine:
            renamed.append((page, mine))
    return left_out, renamed
