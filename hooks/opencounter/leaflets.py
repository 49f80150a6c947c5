"""Printable leaflets: print-only HTML templates rendered to tagged PDF with WeasyPrint.

Every leaflet comes in a standard edition (14pt body) and a large print edition (18pt body).
The PDFs are cached by a hash of everything that goes into them, so an unchanged leaflet is
never rendered twice; identical input gives byte-identical output anyway.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import re
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

import jinja2
import segno
from markupsafe import Markup

from . import urls
from .models import Catalogue
from .channels import STANDARD_HEADINGS, groups_in_order
from .site import ACCESS_TEXT, closures_coming_up
from .text import keep_together, render_inline_markdown, render_markdown
from .urls import short_url
from .values import format_date, format_date_range, format_percent

# Atkinson Hyperlegible for everything it can print; a Latin subset of Noto Sans for the rest (ŵ, ŷ, …).
FONT_FILES = ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf",
              "LeafletFallback-Regular.ttf", "LeafletFallback-Bold.ttf")


@dataclass(frozen=True)
class Edition:
    """A print size. Sizes are in points; `smallest` is the least any text on the page may be."""

    slug: str
    name: str
    body: float
    smallest: float


STANDARD = Edition("standard", "Standard print", 14, 12)
LARGE_PRINT = Edition("large-print", "Large print", 18, 16)
EDITIONS = (STANDARD, LARGE_PRINT)


@dataclass(frozen=True)
class LeafletPlan:
    """One leaflet: its name, the web page it belongs to, and what its template needs."""

    slug: str
    title: str
    template: str
    page_src: str  # the matching web page's source path
    context: Mapping[str, Any] = field(default_factory=dict)

    def file_name(self, edition: Edition) -> str:
        suffix = "" if edition is STANDARD else f"-{edition.slug}"
        return f"{self.slug}{suffix}.pdf"


@dataclass(frozen=True)
class Leaflet:
    """A rendered leaflet: where it goes in the site, and what it is like."""

    plan: LeafletPlan
    edition: Edition
    pdf: bytes
    pages: int

    @property
    def path(self) -> str:
        """Its path inside the site, like leaflets/contact-large-print.pdf."""
        return f"leaflets/{self.plan.file_name(self.edition)}"

    @property
    def size_text(self) -> str:
        kilobytes = len(self.pdf) / 1024
        return f"{kilobytes / 1024:.1f} MB" if kilobytes >= 1024 else f"{max(1, round(kilobytes))} KB"

    @property
    def pages_text(self) -> str:
        return "1 page" if self.pages == 1 else f"{self.pages} pages"


class LeafletError(Exception):
    """A leaflet could not be made. The message says which one and why."""


def plan_leaflets(catalogue: Catalogue) -> list[LeafletPlan]:
    """Every leaflet the catalogue makes, in a stable order."""
    plans = [
        LeafletPlan("customer-service-standards", catalogue.standards_title, "standards.html", urls.STANDARDS),
        LeafletPlan("how-to-contact-us", "How to contact us", "contact.html", urls.CONTACT),
        LeafletPlan("a-to-z-of-services", "A to Z of council services", "a-to-z.html", urls.SERVICES),
    ]
    for office in catalogue.offices:
        plans.append(LeafletPlan(f"visiting-{office.id}", f"Visiting {office.name}", "office.html",
                                 urls.office(office.id), {"office": office}))
    return plans


class LeafletMaker:
    """Renders leaflet HTML from templates, and PDFs from that HTML (in parallel, with a cache)."""

    def __init__(self, catalogue: Catalogue, template_dir: Path, font_dir: Path, site_url: str,
                 cache_dir: Path | None = None, workers: int | None = None):
        self.catalogue = catalogue
        self.site_url = site_url.rstrip("/") + "/"
        self.font_dir = font_dir
        self.cache_dir = cache_dir
        self.workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        missing = [name for name in FONT_FILES if not (font_dir / name).is_file()]
        if missing:
            raise LeafletError(f"The leaflet font is missing: {', '.join(missing)} should be in {font_dir}.")
        self.font_digest = hashlib.sha256(b"".join((font_dir / name).read_bytes() for name in FONT_FILES)).hexdigest()
        printable = _printable_characters(font_dir)
        self.env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(template_dir)), autoescape=True,
                                      undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                                      finalize=lambda value: _only_printable(value, printable))
        self.env.filters.update(markdown=render_markdown, inline_markdown=render_inline_markdown, date=format_date,
                                date_range=format_date_range, percent=format_percent, css_string=css_string,
                                short_url=short_url, keep_together=keep_together)
        self.env.globals.update(catalogue=catalogue, council=catalogue.council, access_text=ACCESS_TEXT,
                                channel_groups=groups_in_order(offline_first=True), standard_headings=STANDARD_HEADINGS,
                                upcoming=lambda office: closures_coming_up(catalogue, office), short_url=short_url)

    def html(self, plan: LeafletPlan, edition: Edition) -> str:
        """The print HTML of one edition of a leaflet."""
        address = urls.absolute(self.site_url, urls.url_of(plan.page_src))
        try:
            return self.env.get_template(f"leaflets/{plan.template}").render(
                plan=plan, edition=edition, page_address=address, qr_code=qr_data_uri(address),
                fonts={name: (self.font_dir / name).resolve().as_uri() for name in FONT_FILES}, **plan.context)
        except jinja2.TemplateError as error:
            raise LeafletError(f"The leaflet template {plan.template} failed for '{plan.title}': {error}") from error

    def make_all(self, plans: list[LeafletPlan]) -> list[Leaflet]:
        """Every edition of every leaflet. Cached ones are read back; the rest render in parallel."""
        jobs = [(plan, edition, self.html(plan, edition)) for plan in plans for edition in EDITIONS]
        results: dict[int, tuple[bytes, int]] = {}
        to_render: list[int] = []
        for index, (_, _, html) in enumerate(jobs):
            cached = self._from_cache(html)
            if cached:
                results[index] = cached
            else:
                to_render.append(index)
        if to_render:
            # Longest first, one at a time: the big A to Z editions start at once on different cores.
            to_render.sort(key=lambda i: len(jobs[i][2]), reverse=True)
            work = [(jobs[i][0].title + f" ({jobs[i][1].name.lower()})", jobs[i][2]) for i in to_render]
            if self.workers > 1 and len(work) > 2:
                with ProcessPoolExecutor(self.workers) as pool:
                    rendered = list(pool.map(render_pdf, work))
            else:
                rendered = [render_pdf(item) for item in work]
            for index, result in zip(to_render, rendered):
                results[index] = result
                self._to_cache(jobs[index][2], *result)
        return [Leaflet(plan, edition, *results[i]) for i, (plan, edition, _) in enumerate(jobs)]

    # ------------------------------------------------------------ cache

    def _key(self, html: str) -> str:
        digest = hashlib.sha256(html.encode())
        digest.update(_weasyprint_version().encode())
        digest.update(self.font_digest.encode())
        return digest.hexdigest()

    def _from_cache(self, html: str) -> tuple[bytes, int] | None:
        if not self.cache_dir:
            return None
        key = self._key(html)
        pdf, meta = self.cache_dir / f"{key}.pdf", self.cache_dir / f"{key}.json"
        try:
            return pdf.read_bytes(), json.loads(meta.read_text())["pages"]
        except (OSError, ValueError, KeyError):
            return None

    def _to_cache(self, html: str, pdf: bytes, pages: int) -> None:
        if not self.cache_dir:
            return
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        key = self._key(html)
        _write_atomic(self.cache_dir / f"{key}.pdf", pdf)
        _write_atomic(self.cache_dir / f"{key}.json", json.dumps({"pages": pages}).encode())


_SUBSETTER_NOTE = "Using fontTools instead of HarfBuzz-Subset"


def render_pdf(job: tuple[str, str]) -> tuple[bytes, int]:
    """HTML to tagged PDF (PDF/UA-1). Any warning or error WeasyPrint logs is a failure."""
    name, html = job
    import weasyprint  # imported here so that a build without leaflets never pays for it

    problems: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            message = record.getMessage()
            # A machine without Debian's libharfbuzz-subset0 subsets fonts with fontTools:
            # the PDF is just as good, so this note about the engine is not a leaflet problem.
            if not message.startswith(_SUBSETTER_NOTE):
                problems.append(message)

    handler = _Collect(level=logging.WARNING)
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        document = weasyprint.HTML(string=html, base_url=".").render()
        pdf = document.write_pdf(pdf_variant="pdf/ua-1")
    except Exception as error:  # WeasyPrint raises many kinds; all mean the same to an editor
        raise LeafletError(f"The leaflet '{name}' could not be made: {error}") from error
    finally:
        logger.removeHandler(handler)
    if any(".notdef" in p for p in problems):
        raise LeafletError(f"The leaflet '{name}' has a character that the leaflet font cannot print, such as an "
                           "emoji or a symbol. Find it in services.yaml or standards.yaml and replace it with words.")
    if problems:
        raise LeafletError(f"The leaflet '{name}' could not be made properly: {'; '.join(problems[:5])}")
    return pdf, len(document.pages)


def qr_data_uri(address: str) -> str:
    """A QR code (never Micro QR) with its quiet zone, as an SVG data URI."""
    return segno.make_qr(address, error="m").svg_data_uri(border=4, dark="#000", light="#fff", omitsize=True)


def css_string(text: str) -> Markup:
    """Text as a quoted CSS string (for running headers): nothing in it can end the string or the style."""
    return Markup('"' + re.sub(r'[\\"\n\r<>&]', lambda m: f"\\{ord(m.group()):x} ", str(text)) + '"')


@functools.lru_cache(maxsize=4)
def _printable_characters(font_dir: Path) -> frozenset[str]:
    from fontTools.ttLib import TTFont
    codes: set[int] = set()
    for name in FONT_FILES:
        codes.update(TTFont(font_dir / name).getBestCmap())
    return frozenset(map(chr, codes))


def _only_printable(value: Any, printable: frozenset[str]) -> Any:
    """Text without the characters no leaflet font has (emoji, most symbols): paper cannot show them."""
    if not isinstance(value, str) or all(c in printable or c.isspace() for c in value):
        return value
    return type(value)("".join(c for c in value if c in printable or c.isspace()))


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _weasyprint_version() -> str:
    from importlib.metadata import version
    return version("weasyprint")
