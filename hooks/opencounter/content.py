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
    """The language of a hand-written page by its name: about.cy.md is in Welsh, about.en.md in English,
    and about.md in the site's first language."""
    parts = name.rsplit(".", 2)
    return parts[1] if len(parts) == 3 and parts[2] == "md" and parts[1] in languages else languages[0]


def page_of(name: str, languages: tuple[str, ...]) -> str:
    """The page a file is a version of, named as the site publishes it: about.cy.md -> about.md."""
    parts = name.rsplit(".", 2)
    return f"{parts[0]}.md" if len(parts) == 3 and parts[2] == "md" and parts[1] in languages else name


def counterpart(src: str, language: str, languages: tuple[str, ...]) -> str:
    """The file a page is written in for a language: about.md -> about.cy.md. The first language
    may be written either way (about.md or, say, about.cy.md when Welsh comes first)."""
    if language == languages[0]:
        return src
    return f"{src[:-3]}.{language}.md"


def versions(folder: Path, languages: tuple[str, ...]) -> dict[str, dict[str, list[str]]]:
    """Every hand-written page (as published: about.md) with the files written for each language."""
    found: dict[str, dict[str, list[str]]] = {}
    for path in sorted(folder.rglob("*.md")):
        name = path.relative_to(folder).as_posix()
        found.setdefault(page_of(name, languages), {}).setdefault(language_of(name, languages), []).append(name)
    return found


def missing_translations(folder: Path, languages: tuple[str, ...], label: str = "content") -> list[Problem]:
    """Hand-written pages with no version in one of the council's languages, or two in one, as errors."""
    if len(languages) < 2 or not folder.is_dir():
        return []
    from .fields import LANGUAGE_NAMES
    found = []
    for page, written in versions(folder, languages).items():
        for language in languages:
            name = LANGUAGE_NAMES[language]
            files = written.get(language, [])
            if len(files) > 1:  # only the first language can be written two ways
                plain, marked = sorted(files, key=len)[:2]
                found.append(Problem(
                    f"{label}/{plain}", 1, 1, "", f"This page and {label}/{marked} are both read as the {name} "
                    f"({language}) version of the same page.", expected=f"one {name} version", found="two",
                    hint=f"{name} is the first language in council: languages, so {label}/{plain} is read as "
                         f"{name}. If it is in another language, rename it to say so, like "
                         f"{label}/{counterpart(page, _other(language, languages), languages)}; if not, "
                         f"remove one of the two."))
            elif not files:
                mentioned = next(iter(next(iter(written.values()))))
                expected = counterpart(page, language, languages)
                found.append(Problem(f"{label}/{mentioned}", 1, 1, "", f"This page has no {name} ({language}) "
                                     "version.", expected=f"{label}/{expected}", found="no such file",
                                     hint=f"Add {label}/{expected}, with the page in {name}: every page is "
                                          "published in each of the council's languages."))
    return found


def _other(language: str, languages: tuple[str, ...]) -> str:
    return next(code for code in languages if code != language)
