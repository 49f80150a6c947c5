"""Text from the catalogue made safe for HTML: Markdown without raw HTML, glossary terms linked.

Plain text fields are escaped by the templates (autoescape). Markdown fields go through
`render_markdown`, which never passes raw HTML through and allows only https:, mailto: and
tel: links, so nothing an officer pastes can run in a resident's browser.
"""

from __future__ import annotations

import copy
import functools
import html as html_module
import re
import unicodedata
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown
import nh3
from markupsafe import Markup, escape

from . import blocks

_ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a", "code", "blockquote", "h3", "h4", "hr"}
_ALLOWED_ATTRIBUTES = {"a": {"href"}}
_URL_SCHEMES = {"https", "mailto", "tel"}


class _Renderer:
    """One Markdown converter, reused: building one costs more than converting a paragraph."""

    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
        # Raw HTML is shown as the text it is, never passed through as markup.
        self.md.preprocessors.deregister("html_block")
        self.md.inlinePatterns.deregister("html")

    def convert(self, text: str) -> str:
        self.md.reset()
        return self.md.convert(text)


_renderer = _Renderer()


@functools.lru_cache(maxsize=8192)  # the same text is shown on several pages, and in the open data
def render_markdown(text: str) -> Markup:
    """Markdown to safe HTML. Headings become h3/h4 so they sit under the page's own headings."""
    if not text:
        return Markup("")
    html = _renderer.convert(text)
    html = re.sub(r"<(/?)h[1-3]>", r"<\1h3>", html)
    html = re.sub(r"<(/?)h[4-6]>", r"<\1h4>", html)
    return Markup(nh3.clean(html, tags=_ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES, url_schemes=_URL_SCHEMES,
                            link_rel=None, attribute_filter=_only_allowed_links))


_PAGE_TAGS = _ALLOWED_TAGS | {"h1", "h2", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
                              "dl", "dt", "dd", "pre", "img", "abbr", "span", "div", "sup", "sub", "del", "ins"}
_PAGE_ATTRIBUTES = {"*": {"id", "class", "title", "lang"}, "a": {"href"}, "img": {"src", "alt", "width", "height"},
                    "th": {"scope", "colspan", "rowspan"}, "td": {"colspan", "rowspan"}, "ol": {"start"}}


def sanitise_page(html: str) -> str:
    """A hand-written page's HTML with the same rules as Markdown fields: no scripts, no event handlers,
    links only to pages of the site or to https:, mailto: and tel: addresses, and pictures only from
    the site itself (a picture from another host would tell it who reads the page)."""
    return nh3.clean(html, tags=_PAGE_TAGS, attributes=_PAGE_ATTRIBUTES, url_schemes=_URL_SCHEMES, link_rel=None,
                     attribute_filter=_only_local_pictures)


def _only_local_pictures(tag: str, attribute: str, value: str) -> str | None:
    if tag == "img" and attribute == "src":
        plain = re.sub(r"[\s\x00-\x1f]", "", value).replace("\\", "/").lower()  # browsers read \\ as //
        return None if plain.startswith("//") or re.match(r"[a-z][a-z0-9+.-]*:", plain) else value
    return value


def _only_allowed_links(tag: str, attribute: str, value: str) -> str | None:
    """Links go to https:, mailto: or tel: addresses only: no relative or protocol-relative ones."""
    if tag == "a" and attribute == "href":
        return value if value.lower().startswith(("https:", "mailto:", "tel:")) else None
    return value


def render_inline_markdown(text: str) -> Markup:
    """Markdown for a short text shown inside a sentence or list item: no wrapping paragraph."""
    html = str(render_markdown(text))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


_UNBREAKABLE = blocks.UNBREAKABLE


@functools.lru_cache(maxsize=4096)
def markdown_as_text(text: str) -> str:
    """A Markdown field as plain text for data files (Open Referral, the CSV data package, JSON-LD).

    The words of the sanitised page (render_markdown): paragraphs kept, links as their words (so a
    javascript: or other refused address is never published), and raw HTML written in the field,
    which the page shows as text, left out, so a directory that shows the text as HTML runs nothing.
    """
    html = re.sub(r"\s*\n\s*", " ", str(render_markdown(text)))  # a line break inside a paragraph is a space
    html = re.sub(r"</(p|li|h3|h4|blockquote)>", "\n", html)
    plain = html_module.unescape(re.sub(r"<[^>]+>", "", html))
    # What an HTML reader would take as markup (<img onerror=...>, <iframe>, <script>...</script>), read by a
    # real HTML parser and dropped; entities stay as written, so none can become a tag once decoded.
    plain = html_module.unescape(nh3.clean(plain.replace("&", "&amp;"), tags=set(), attributes={}))
    lines = (re.sub(r"[ \t]{2,}", " ", line).strip() for line in plain.splitlines())
    return "\n".join(line for line in lines if line)


def markdown_blocks(text: str) -> list:
    """A Markdown field as leaflet blocks (blocks.py): the same safe HTML as on the web, as data.

    Emphasis is bold (clear print has no italics), a heading is a bold paragraph (so it can never
    skip a level of the leaflet's own headings), and a link keeps its address, written after its
    words when they do not say it, because paper cannot be clicked.
    """
    return copy.deepcopy(_markdown_blocks(text)) if text else []


@functools.lru_cache(maxsize=4096)
def _markdown_blocks(text: str) -> list:
    parser = _BlockParser()
    parser.feed(str(render_markdown(text)))
    parser.close()
    return parser.blocks


class _BlockParser(HTMLParser):
    """Reads the sanitised HTML of render_markdown (a handful of tags) into blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list = []
        self._containers: list[list] = [self.blocks]  # where finished blocks go (the page, or a list item)
        self._lists: list[dict] = []
        self._runs: list[list] | None = None  # the open paragraph's runs, innermost span last
        self._links: list[str] = []
        self._bold_text: list[bool] = []

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in ("p", "h3", "h4"):
            self._open_paragraph(bold_text=tag != "p")
        elif tag in ("ul", "ol"):
            self._close_paragraph()
            block = blocks.bullets([], numbered=tag == "ol")
            self._containers[-1].append(block)
            self._lists.append(block)
        elif tag == "li" and self._lists:
            self._close_paragraph()
            item: list = []
            self._lists[-1]["items"].append({"blocks": item})
            self._containers.append(item)
        elif tag in ("strong", "em", "b", "i"):
            self._inline_open().append([])
        elif tag == "a":
            self._links.append(dict(attrs).get("href") or "")
            self._inline_open().append([])
        elif tag == "br" and self._runs is not None:
            self._runs[-1].append(blocks.BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "h3", "h4"):
            self._close_paragraph()
        elif tag in ("ul", "ol") and self._lists:
            self._close_paragraph()
            self._lists.pop()
        elif tag == "li" and len(self._containers) > 1:
            self._close_paragraph()
            self._containers.pop()
        elif tag in ("strong", "em", "b", "i") and self._runs and len(self._runs) > 1:
            inner = self._runs.pop()
            self._runs[-1].append(blocks.bold(inner))
        elif tag == "a" and self._runs and len(self._runs) > 1:
            inner = self._runs.pop()
            address = self._links.pop() if self._links else ""
            self._runs[-1].append(_printed_link(address, inner))

    def handle_data(self, data: str) -> None:
        if not data.strip() and self._runs is None:
            return  # the spaces and new lines between blocks
        runs = self._inline_open()
        text = re.sub(r"[ \t\r\n]+", " ", data)  # a non-breaking space stays one
        if len(runs) == 1 and not runs[0]:
            text = text.lstrip()
        runs[-1].append(text)

    def _inline_open(self) -> list[list]:
        if self._runs is None:  # text straight inside a list item, with no paragraph of its own
            self._open_paragraph()
        return self._runs

    def _open_paragraph(self, bold_text: bool = False) -> None:
        self._close_paragraph()
        self._runs = [[]]
        self._bold_text.append(bold_text)

    def _close_paragraph(self) -> None:
        if self._runs is None:
            return
        while len(self._runs) > 1:  # an unclosed span: keep its text
            inner = self._runs.pop()
            self._runs[-1].extend(inner)
        runs = self._runs[0]
        if runs and isinstance(runs[-1], str):
            runs[-1] = runs[-1].rstrip()
        runs = [r for r in runs if r != ""]
        if runs:
            self._containers[-1].append(blocks.paragraph(blocks.bold(runs) if self._bold_text[-1] else runs))
        self._runs = None
        self._bold_text.pop()


def _printed_link(address: str, inner: list) -> object:
    """A link on paper: its words, then the web or email address in brackets if the words do not say it.

    A phone link's words are the number as people read it; its address (+441632...) is for dialling."""
    if not address:
        return inner
    words = "".join(t for t in blocks.texts(inner)).lower()
    if address.startswith("tel:"):
        return blocks.link(address, inner)
    shown = address[len("mailto:"):].split("?", 1)[0] if address.startswith("mailto:") else address
    short = shown.split("://", 1)[-1].removeprefix("www.").rstrip("/")
    if short.lower() in words or shown.lower() in words:
        return blocks.link(address, inner)
    return [blocks.link(address, inner), f" ({short})"]


def keep_together(text: str) -> Markup:
    """Plain text, escaped, with phone numbers and postcodes kept on one line when printed."""
    escaped = str(escape(text))
    return Markup(_UNBREAKABLE.sub(lambda m: f'<span class="nowrap">{m.group(0)}</span>', escaped))


def markdown_heading(title: str) -> str:
    """A Markdown H1 line whose text is exactly `title`, whatever characters it has."""
    text = str(escape(title)).replace("&#39;", "'").replace("&#34;", '"')
    return "# " + re.sub(r"([\\`*_{}\[\]()#+\-.!|~>])", r"\\\1", text) + "\n"


# ---------------------------------------------------------------- glossary

@dataclass(frozen=True)
class Term:
    term: str
    meaning: str
    anchor: str


def term_anchor(term: str) -> str:
    """An id for a glossary term: plain letters (ŵ gives w), or the letters' numbers if none are left."""
    plain = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return "term-" + (slug or "-".join(f"{ord(c):x}" for c in term if not c.isspace()))


_SKIP_TAGS = {"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style", "button",
              "label", "title", "dt", "summary", "nav", "abbr", "dfn", "svg", "th", "caption"}
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")


class Glossary:
    """Finds glossary terms in page text and links the first use of each to its meaning."""

    def anchor_of(self, term: str) -> str:
        """The id the glossary page gives a term (unique on the page)."""
        found = self.terms.get(str(escape(term)).lower())
        return found.anchor if found else term_anchor(term)

    def __init__(self, terms: list[tuple[str, str]]):
        self.terms: dict[str, Term] = {}
        taken: set[str] = set()
        for term, meaning in terms:  # the first of two spellings of one term wins
            key = str(escape(term)).lower()
            if key in self.terms:
                continue
            anchor = base = term_anchor(term)
            count = 2
            while anchor in taken:  # "Council tax" and "Council-Tax": one id each on the page
                anchor, count = f"{base}-{count}", count + 1
            taken.add(anchor)
            self.terms[key] = Term(term, meaning, anchor)
        ordered = sorted(self.terms, key=len, reverse=True)  # longest first: "Council Tax Reduction" before "Council Tax"
        # Page text is HTML, so terms are matched in their escaped form ("A&amp;E"), never inside an entity.
        self.pattern = (re.compile(r"(?<![\w&#-])(" + "|".join(re.escape(t) for t in ordered) + r")(?![\w-]|[^&\s]*;)", re.I)
                        if ordered else None)

    def link_terms(self, html: str, skip: set[str] | None = None) -> tuple[str, list[Term]]:
        """Link the first use of each term in text outside links, headings and code.

        Returns the new HTML and the terms used, in the order they first appear, so the page
        can explain them. Terms in `skip` (lower case) are left alone.
        """
        if self.pattern is None:
            return html, []
        used: list[Term] = []
        seen = set(skip or ())
        out: list[str] = []
        depth = 0  # inside how many tags whose text we leave alone
        position = 0
        for match in _TAG.finditer(html):
            out.append(self._link_text(html[position:match.start()], depth, seen, used))
            closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
            if name in _SKIP_TAGS and not self_closing:
                depth += -1 if closing else 1
                depth = max(depth, 0)
            out.append(match.group(0))
            position = match.end()
        out.append(self._link_text(html[position:], depth, seen, used))
        return "".join(out), used

    def _link_text(self, text: str, depth: int, seen: set[str], used: list[Term]) -> str:
        if depth or not text.strip():
            return text

        def replace(match: re.Match) -> str:
            key = match.group(1).lower()
            if key in seen:
                return match.group(0)
            seen.add(key)
            term = self.terms[key]
            used.append(term)
            return f'<a class="oc-term" href="#{term.anchor}">{match.group(1)}</a>'

        return self.pattern.sub(replace, text)
