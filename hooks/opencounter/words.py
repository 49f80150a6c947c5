"""The words pages and leaflets use that do not come from the catalogue, one table per language.

Each language has a file in hooks/opencounter/words/ (en.yaml, cy.yaml): a key, and the text with
{placeholders} for what changes. Code asks for words by key, so a phrase lives once, and a
second language is a second file with the same keys. A translation may say where its wording
comes from, for a reviewer: `key: {text: "...", source: "..."}`.
"""

from __future__ import annotations

import functools
import re
import string
from pathlib import Path

import yaml

WORDS_DIR = Path(__file__).parent / "words"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_VOWELS = set("aeiouâêîôûáéíóúàèìòù")


class Words:
    """The words of one language: `words("leaflet.scan")`, `words("leaflet.page", page=1, pages=2)`."""

    def __init__(self, language: str, table: dict[str, str], sources: dict[str, str] | None = None):
        self.language = language
        self.table = table
        self.sources = sources or {}

    def __call__(self, key: str, **values: object) -> str:
        try:
            text = self.table[key]
        except KeyError:
            raise KeyError(f"No words for '{key}' in {self.language}.yaml") from None
        return text.format_map(values) if values else text

    def get(self, key: str, default: str = "") -> str:
        """The words for a key that may have none in this language (a channel type's help text)."""
        return self.table.get(key, default)

    def pieces(self, key: str, *names: str) -> list[str]:
        """The text around its placeholders, in order, for an engine that fills them in itself:
        "Page {page} of {pages}" gives ["Page ", " of ", ""]."""
        parts = _PLACEHOLDER.split(self.table[key])
        found = parts[1::2]
        if found != list(names):
            raise ValueError(f"'{key}' in {self.language}.yaml should have {names} in that order, not {found}")
        return parts[::2]

    def plural(self, count: int, key: str) -> str:
        """ "1 page", "3 pages": the key's .one or .other form, with {count}."""
        form = "one" if count == 1 else "other"
        return self(f"{key}.{form}", count=f"{count:,}")

    def join_or(self, items: list[str]) -> str:
        """ "A", "A or B", "A, B or C"."""
        return self._join(items, "list.or")

    def join_and(self, items: list[str]) -> str:
        """ "A", "A and B", "A, B and C"."""
        return self._join(items, "list.and")

    def _join(self, items: list[str], key: str) -> str:
        if len(items) < 2:
            return "".join(items)
        # Welsh "a" is "ac" before a vowel ("Aberdâr ac Abertawe"): a language may give that form.
        if items[-1][:1].lower() in _VOWELS and f"{key}.vowel" in self.table:
            key = f"{key}.vowel"
        return self(key, first=self("list.comma").join(items[:-1]), last=items[-1])


@functools.lru_cache(maxsize=4)
def words(language: str = "en") -> Words:
    """The words of a language, read once from its file."""
    path = WORDS_DIR / f"{language}.yaml"
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(entries, dict):
        raise ValueError(f"{path} must map each key to a text in quotes")
    table, sources = {}, {}
    for key, entry in entries.items():
        if isinstance(entry, dict) and set(entry) <= {"text", "source"}:
            entry, sources[key] = entry.get("text"), str(entry.get("source", ""))
        if not isinstance(key, str) or not isinstance(entry, str):
            raise ValueError(f"{path}: '{key}' must be a text in quotes (or text: and source:)")
        list(string.Formatter().parse(entry))  # a stray { or } is a mistake in the file, found here
        table[key] = entry
    return Words(language, table, sources)
