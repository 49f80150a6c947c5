"""Hand-written pages in content/: the council's name filled in, and names of other councils found.

A page that ships with the sample must not say the sample council's name once another council
is swapped in. Pages write {{ council.name }} where they mean the council, and the build fills it
in; `make check` points at any line that still names a different council.
"""

from __future__ import annotations

import os
import re
from html import unescape as html_unescape
from pathlib import Path

from markupsafe import Markup, escape

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

# ---------------------------------------------------------------- links in content/ (hostile input)

def unsafe_links(folder: Path, project: Path, label: str = "content") -> list[Problem]:
    """Links (symlinks) in content/ that would publish a file from outside the project, from a hidden
    folder of it (.git holds a CI checkout's token), or that lead nowhere: each an error naming the link.

    Linked folders are followed (as MkDocs follows them) and checked the same way, once each."""
    project = project.resolve()
    found: list[Problem] = []
    seen: set[Path] = set()

    def refuse(link: Path, message: str, hint: str) -> None:
        name = f"{label}/{link.relative_to(folder).as_posix()}" if link != folder else label
        found.append(Problem(name, 1, 1, "", message, hint=hint))

    def allowed(link: Path) -> bool:
        target = Path(os.path.realpath(link))
        if not target.exists():
            refuse(link, f"This is a link to {os.readlink(link)}, which does not exist.",
                   "Delete the link, or put the file it should point to in its place.")
            return False
        inside = target == project or project in target.parents
        hidden = inside and any(part.startswith(".") for part in target.relative_to(project).parts)
        if not inside or hidden or target == project:
            where = "a hidden folder of the project" if hidden else \
                "the project folder itself" if target == project else "a place outside the project"
            refuse(link, f"This is a link to {target}, {where}: its files would be published on the site.",
                   f"Put a copy of the page or picture itself in {label}/, not a link to it.")
            return False
        return True

    def walk(directory: Path) -> None:
        real = Path(os.path.realpath(directory))
        if real in seen:
            return
        seen.add(real)
        try:
            entries = sorted(directory.iterdir())
        except OSError as error:
            refuse(directory, f"This folder cannot be read: {error.strerror}.", "Check the folder's permissions.")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue  # MkDocs leaves hidden files out
            if entry.is_symlink() and not allowed(entry):
                continue
            if entry.is_dir():
                walk(entry)

    if folder.is_symlink() and not allowed(folder):
        return found
    if folder.is_dir():
        walk(folder)
    return found


# ---------------------------------------------------------------- nothing from another host

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_LOADING_TAG = re.compile(r"<(img|iframe|frame|script|link|source|video|audio|track|embed|object|input|image|use|"
                          r"picture|svg|style|meta|base|form|portal)\b[^>]*>", re.I | re.S)
_ADDRESS_ATTRIBUTE = re.compile(r"\b(src|srcset|href|xlink:href|data|poster|action|formaction|background|content)"
                                r"\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>]+)", re.I)
_STYLE_URL = re.compile(r"(?:url\(|@import)\s*['\"]?\s*([^'\")\s]+)", re.I)
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)>\s]+)")
_IMAGE_REFERENCE = re.compile(r"!\[([^\]]*)\](?:\[([^\]]*)\])?")
_REFERENCE = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*<?(\S+?)>?(?:\s|$)", re.M)


def is_remote(address: str) -> bool:
    """An address on another host, or one a browser may send elsewhere: a scheme or a leading //."""
    plain = re.sub(r"[\s\x00-\x1f]", "", html_unescape(address)).replace("\\", "/").lower()  # \\ reads as //
    plain = plain.strip("'\"")
    return plain.startswith("//") or bool(re.match(r"[a-z][a-z0-9+.-]*:", plain))


def remote_loads(markdown: str) -> list[tuple[int, str]]:
    """Where a hand-written page would load something from another host: (line, what), in order.

    An image, frame, script, style sheet, font or media file from another host tells that host who
    read the page (a tracking pixel); the site makes no third-party requests. Links to other sites
    (<a href>, [words](https://...)) are not loads and are fine. Text in code blocks is left alone."""
    text = _without_code(markdown)
    found: list[tuple[int, str]] = []

    def line_of(position: int) -> int:
        return text.count("\n", 0, position) + 1

    for tag in _LOADING_TAG.finditer(text):
        name = tag.group(1).lower()
        for attribute in _ADDRESS_ATTRIBUTE.finditer(tag.group(0)):
            key, value = attribute.group(1).lower(), attribute.group(2)
            if key == "content" and name != "meta":
                continue
            values = [v.strip().split(" ")[0] for v in value.strip("'\"").split(",")] if key == "srcset" else [value]
            if any(is_remote(v) for v in values if v):
                found.append((line_of(tag.start()), f"<{name} {key}={value}>"))
                break
    for match in _STYLE_URL.finditer(text):
        if is_remote(match.group(1)):
            found.append((line_of(match.start()), match.group(0)))
    for match in _MARKDOWN_IMAGE.finditer(text):
        if is_remote(match.group(1)):
            found.append((line_of(match.start()), match.group(0) + ")"))
    references = {name.lower(): (address, match.start()) for match in _REFERENCE.finditer(text)
                  for name, address in [match.groups()]}
    for match in _IMAGE_REFERENCE.finditer(text):
        name = (match.group(2) or match.group(1)).lower()
        if name in references and is_remote(references[name][0]):
            found.append((line_of(references[name][1]), f"![{match.group(1)}] from {references[name][0]}"))
    return sorted(set(found))


def _without_code(markdown: str) -> str:
    """The page with fenced code blocks and `code spans` blanked (line numbers kept)."""
    lines, fence = [], None
    for line in markdown.split("\n"):
        opening = _FENCE.match(line)
        if fence:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            lines.append("")
        elif opening:
            fence = opening.group(1)
            lines.append("")
        else:
            lines.append(re.sub(r"(`+)(?!`).+?(?<!`)\1(?!`)", "", line))
    return "\n".join(lines)


def remote_load_problems(folder: Path, label: str = "content") -> list[Problem]:
    """Every place in content/ that would load something from another host, as errors."""
    found = []
    for page in _pages(folder):
        name = f"{label}/{page.relative_to(folder).as_posix()}"
        for line, what in remote_loads(page.read_text(encoding="utf-8", errors="replace")):
            found.append(remote_load_problem(name, line, what))
    return found


def _pages(folder: Path) -> list[Path]:
    """Every .md file under `folder`, in linked folders too (as MkDocs reads them), each folder once."""
    found, seen = [], set()
    for root, dirs, names in os.walk(folder, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(root) / n for n in sorted(names) if n.endswith(".md") and not n.startswith(".")]
    return found


def remote_load_problem(name: str, line: int, what: str) -> Problem:
    shown = what if len(what) <= 80 else what[:79] + "…"
    return Problem(name, line, 1, "", "This page loads something from another website: the site makes no "
                   "requests to other websites, so it tells no one who reads it.", found=shown,
                   hint="Save the picture or file in content/ and point to it there (like ![A map](map.png)), "
                        "or link to the other website with words instead (like [See the map](https://...)).")


# ---------------------------------------------------------------- titles and descriptions are text

def meta_as_text(meta: dict) -> dict:
    """A hand-written page's front matter with every text value escaped (Markup): the theme prints
    `title:` and `description:` without escaping, so `<script>` in them must arrive as text."""
    return {key: escape(value) if isinstance(value, str) else value for key, value in meta.items()}


def heading_as_text(title_html: str) -> Markup:
    """The title MkDocs took from a page's H1 (HTML, entities kept) as escaped text: the theme's
    `striptags` turns `&lt;script&gt;` back into a live tag, so the page gets this as its title."""
    text = html_unescape(re.sub(r"<[^>]*>", "", title_html))
    return escape(" ".join(text.split()))
