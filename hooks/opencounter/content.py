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

def language_of(name: str, languages: tuple[str, ...]) -> str:
    """The language of a hand-written page by its name: about.md is in the first, about.cy.md in Welsh."""
    parts = name.rsplit(".", 2)
    return parts[1] if len(parts) == 3 and parts[2] == "md" and parts[1] in languages[1:] else languages[0]


def counterpart(src: str, language: str, languages: tuple[str, ...]) -> str:
    """The file of a page (named as in the first language) in another language: about.md -> about.cy.md."""
    return src if language == languages[0] else f"{src[:-3]}.{language}.md"


def missing_translations(folder: Path, languages: tuple[str, ...], label: str = "content") -> list[Problem]:
    """Hand-written pages with no version in one of the council's other languages, as errors."""
    if len(languages) < 2 or not folder.is_dir():
        return []
    from .fields import LANGUAGE_NAMES
    found = []
    for page in sorted(folder.rglob("*.md")):
        src = page.relative_to(folder).as_posix()
        if language_of(src, languages) != languages[0]:
            continue
        for language in languages[1:]:
            other = counterpart(src, language, languages)
            if not (folder / other).is_file():
                found.append(Problem(f"{label}/{src}", 1, 1, "", f"This page has no {LANGUAGE_NAMES[language]} "
                                     f"({language}) version.", expected=f"{label}/{other}", found="no such file",
                                     hint=f"Add {label}/{other}, with the page in {LANGUAGE_NAMES[language]}: every "
                                          "page is published in each of the council's languages."))
    return found
