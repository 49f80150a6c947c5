"""One sitemap for a site in several languages: every page, with the same page in each other language.

Each language's build writes its own sitemap.xml; this reads them and writes the root one, with
an xhtml:link for each language of each page, as search engines read them. Same input, same bytes.
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def bilingual_sitemap(site: Path, languages: tuple[str, ...]) -> bytes:
    """The root sitemap: the first language's pages at the root, each other language's under /<code>/."""
    pages: dict[str, dict] = {}  # a page's path below its language's root -> its address in each language
    for language in languages:
        path = site / "sitemap.xml" if language == languages[0] else site / language / "sitemap.xml"
        if not path.is_file():
            continue
        for url in ET.parse(path).getroot().findall("s:url", _NS):
            loc = url.findtext("s:loc", default="", namespaces=_NS)
            lastmod = url.findtext("s:lastmod", default="", namespaces=_NS)
            below = _below_root(loc, language, languages)
            pages.setdefault(below, {})[language] = (loc, lastmod)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for below in sorted(pages):
        versions = pages[below]
        for language in languages:
            if language not in versions:
                continue
            loc, lastmod = versions[language]
            lines += ["  <url>", f"    <loc>{escape(loc)}</loc>"]
            if lastmod:
                lines.append(f"    <lastmod>{escape(lastmod)}</lastmod>")
            for other in languages:
                if other in versions:
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{other}" href={quoteattr(versions[other][0])}/>')
            lines.append("  </url>")
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _below_root(loc: str, language: str, languages: tuple[str, ...]) -> str:
    """A page's address without its site root and language: https://x/cy/services/ -> services/."""
    path = loc.split("://", 1)[-1].split("/", 1)[1] if "/" in loc.split("://", 1)[-1] else ""
    if language != languages[0] and path.startswith(f"{language}/"):
        path = path[len(language) + 1:]
    return path


def write_sitemap(site: Path, languages: tuple[str, ...], mtime: int = 0) -> None:
    """The root sitemap.xml of a site in several languages, and its gzip copy (dated `mtime`, so the
    same site gives the same bytes)."""
    sitemap = bilingual_sitemap(site, languages)
    (site / "sitemap.xml").write_bytes(sitemap)
    with open(site / "sitemap.xml.gz", "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=mtime, filename="") as packed:
            packed.write(sitemap)
