"""Leaflets typeset with Typst: a leaflet document (blocks.py) in, a tagged PDF/UA-1 out.

The document goes to overrides/opencounter/leaflets/leaflet.typ as JSON in sys.inputs, and the
template shows every string as text: nothing from the catalogue can become Typst markup or code.
Typst checks PDF/UA-1 as it writes (one H1 first, no skipped heading levels, alt text, title,
language), and any error or warning it gives is a failure with a message, never a quiet bad PDF.
The fonts come from the repository only (no system fonts), so every machine gives the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import json
import multiprocessing
import re
import sys
import time as clock
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any

import segno

from . import blocks

TEMPLATE = "leaflet.typ"
# Atkinson Hyperlegible for everything it can print; a Latin subset of Noto Sans for the rest (ŵ, ŷ, …).
FONT_FILES = ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf",
              "LeafletFallback-Regular.ttf", "LeafletFallback-Bold.ttf")
_MAIN_FONTS, _FALLBACK_FONTS = FONT_FILES[:2], FONT_FILES[2:]


class LeafletError(Exception):
    """A leaflet could not be made. The message says which one and why."""


@dataclass(frozen=True)
class Job:
    """One PDF to make: a name for messages, the document as JSON, the day it is dated, and the address
    its QR code opens (made into a QR code by the worker, so a cached leaflet never needs one)."""

    name: str
    document: str
    day: date
    qr: str = ""


class Typesetter:
    """Turns leaflet documents into PDFs, with the shipped fonts and template."""

    def __init__(self, template_dir: Path, font_dir: Path):
        missing = [name for name in FONT_FILES if not (font_dir / name).is_file()]
        if missing:
            raise LeafletError(f"The leaflet font is missing: {', '.join(missing)} should be in {font_dir}.")
        if not (template_dir / TEMPLATE).is_file():
            raise LeafletError(f"The leaflet template is missing: {TEMPLATE} should be in {template_dir}.")
        self.template_dir = template_dir
        self.font_dir = font_dir
        self.main_letters, self.fallback_letters = _letters(font_dir)
        # Part of every cache key: a new template, font, engine, or way of calling it (this file) makes afresh.
        digest = hashlib.sha256(_version("typst").encode() + _version("segno").encode())
        for path in sorted(template_dir.glob("*.typ")) + [font_dir / name for name in FONT_FILES] + [Path(__file__)]:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        self.fingerprint = digest.hexdigest()

    def prepare(self, document: dict[str, Any]) -> str:
        """The document as the JSON the template reads.

        Characters no leaflet font has (emoji, most symbols) are left out: paper cannot show them.
        Letters only the fallback font has are named, so the template prints them from that font whole.
        Text too long for a line gets places to break (`breakable`), so nothing runs off the page.
        """
        if "blocks" in document:  # the printed text only: not the title or alt text a screen reader reads
            document = document | {"blocks": _breakable_blocks(document["blocks"])}
        text = _json(document | {"fallback": None})
        if text.isascii() and "\\n" not in text:  # most English leaflets: every character is in the main font
            return text
        printable = self.main_letters | self.fallback_letters | {ZERO_WIDTH_SPACE}
        used: set[str] = set()

        def printable_only(value: str) -> str:
            if "\n" in value:  # a line break in plain text is a space, as on the web
                value = " ".join(value.split())
            if value.isascii():
                return value
            value = unicodedata.normalize("NFC", value)
            used.update(c for c in value if not c.isascii() and c != ZERO_WIDTH_SPACE)
            if all(c in printable or c.isspace() for c in value):
                return value
            return "".join(c for c in value if c in printable or c.isspace())

        document = blocks.map_texts(document, printable_only)
        fallback = sorted(c for c in used if c not in self.main_letters and c in self.fallback_letters)
        document["fallback"] = "[" + "".join(re.escape(c) for c in fallback) + "]" if fallback else None
        return _json(document)

    def typeset(self, job: Job) -> tuple[bytes, int]:
        """One PDF and its number of pages. Raises LeafletError with a message for a person."""
        import typst  # imported here so that a build without leaflets never pays for it

        compiler = _compiler(str(self.template_dir), str(self.font_dir))
        midnight = datetime.combine(job.day, time(), tzinfo=timezone.utc)
        try:
            pdf, warnings = compiler.compile_with_warnings(
                sys_inputs={"leaflet": job.document, "qr": qr_svg(job.qr) if job.qr else ""},
                pdf_standards=["ua-1"], timestamp=int(midnight.timestamp()))
        except typst.TypstError as error:
            raise LeafletError(f"The leaflet template {TEMPLATE} failed for '{job.name}': {_describe(error)}") from None
        if warnings:
            raise LeafletError(f"The leaflet '{job.name}' could not be made properly: "
                               + "; ".join(_describe(w) for w in warnings[:5]))
        return pdf, page_count(pdf)


# ---------------------------------------------------------------- text too long for a line

ZERO_WIDTH_SPACE = "\u200b"  # a place a line may break, printing nothing
UNBROKEN = 20  # a word or address longer than this gets places to break: it may not fit a column
PIECE = 10  # in a long word with no / . ? & = in it, a place to break every this many letters
_LONG = re.compile(r"[^\s\u200b]{%d,}" % (UNBROKEN + 1))
_AFTER = re.compile(r"(?<=[/\\_])(?=[^/\\_])|(?=[.?&=#@+~][^.?&=#@+~])")  # after / and _, before . ? & =


def breakable(text: str) -> str:
    """Text with places to break inside anything too long for a line: a web address after each /
    (and before each . ? & =), and a long word every PIECE letters. A leaflet has no hyphenation, so
    without these a 300-character address or a 10,000-letter word would run off the page. The places
    print nothing, and a word of UNBROKEN characters or fewer is never broken."""
    if len(text) <= UNBROKEN or not _LONG.search(text):
        return text
    return _LONG.sub(lambda match: ZERO_WIDTH_SPACE.join(_pieces(match.group(0))), text)


def _breakable_blocks(value: Any) -> Any:
    if isinstance(value, str):
        return breakable(value)
    if isinstance(value, list):
        return [_breakable_blocks(v) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in _NOT_PRINTED else _breakable_blocks(v)) for k, v in value.items()}
    return value


_NOT_PRINTED = {"type", "link", "columns", "style", "level", "qr_alt", "alt"}


def _pieces(word: str) -> list[str]:
    pieces = []
    for part in _AFTER.split(word):
        while len(part) > UNBROKEN:
            cut = PIECE
            while cut < len(part) and not _can_break_before(part[cut]):
                cut += 1  # never between a letter and its accent, or inside a joined letter
            pieces.append(part[:cut])
            part = part[cut:]
        if part:
            pieces.append(part)
    return pieces


def _can_break_before(character: str) -> bool:
    return not (unicodedata.combining(character) or unicodedata.category(character) in ("Mn", "Mc", "Me", "Cf")
                or "\ufe00" <= character <= "\ufe0f")


def _json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def page_count(pdf: bytes) -> int:
    """The number of pages, from the PDF's page tree."""
    match = re.search(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", pdf)
    if not match:
        raise LeafletError("A leaflet PDF has no page tree.")
    return int(match.group(1))


@functools.lru_cache(maxsize=256)
def qr_svg(address: str) -> str:
    """A QR code (never Micro QR, which phones cannot read) with its quiet zone, as SVG."""
    import io
    out = io.BytesIO()
    segno.make_qr(address, error="m").save(out, kind="svg", border=4, dark="#000", light="#fff", omitsize=True,
                                           xmldecl=False, svgns=True)
    return out.getvalue().decode()


def typeset_timed(setter: Typesetter, job: Job) -> tuple[bytes, int, float]:
    """One PDF, its pages and the seconds it took. Module-level, so a process pool can call it."""
    started = clock.perf_counter()
    pdf, pages = setter.typeset(job)
    return pdf, pages, clock.perf_counter() - started


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """Processes that typeset, started afresh (spawned, not forked).

    Typst keeps threads of its own: a process forked from one that has used Typst inherits them
    half-alive and hangs, as a second build under `mkdocs serve` would. A spawned worker imports
    only this module (found through sys.path, which the hooks folder may leave only briefly).
    """
    library = str(Path(__file__).resolve().parent.parent)
    if library not in sys.path:
        sys.path.append(library)
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))


@functools.lru_cache(maxsize=2)
def _compiler(template_dir: str, font_dir: str):
    """One Typst compiler per process, made on first use (after a worker has started, never before a fork)."""
    import typst
    return typst.Compiler(str(Path(template_dir) / TEMPLATE), root=template_dir, font_paths=[font_dir],
                          ignore_system_fonts=True)


def printable_letters(font_dir: Path) -> frozenset[str]:
    """Every character some leaflet font can print."""
    main, fallback = _letters(font_dir)
    return main | fallback


@functools.lru_cache(maxsize=4)
def _letters(font_dir: Path) -> tuple[frozenset[str], frozenset[str]]:
    from fontTools.ttLib import TTFont
    main = set.intersection(*(set(TTFont(font_dir / name).getBestCmap()) for name in _MAIN_FONTS))
    fallback = set.intersection(*(set(TTFont(font_dir / name).getBestCmap()) for name in _FALLBACK_FONTS))
    return frozenset(map(chr, main)), frozenset(map(chr, fallback))


def _describe(diagnostic: Any) -> str:
    """Typst's message, where in the template it is, and its hint, in one line."""
    message = getattr(diagnostic, "message", None) or str(diagnostic)
    hints = [h for h in (getattr(diagnostic, "hints", None) or []) if h]
    found = re.search(r"([\w.-]+\.typ):(\d+):(\d+)", getattr(diagnostic, "diagnostic", "") or "")
    place = f" ({found.group(1)}, line {found.group(2)}, column {found.group(3)})" if found else ""
    return message + place + (f". Hint: {' '.join(hints)}" if hints else "")


@functools.lru_cache(maxsize=4)
def _version(package: str) -> str:
    from importlib.metadata import version
    return version(package)
