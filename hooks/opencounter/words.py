"""The words pages and leaflets use that do not come from the catalogue, one table per language.

Each language has a file in hooks/opencounter/words/ (en.yaml): a key, and the text with
{placeholders} for what changes. Code asks for words by key, so a phrase lives once, and a
second language is a second file with the same keys.
"""

from __future__ import annotations

import functools
import re
import string
from pathlib import Path

import yaml

WORDS_DIR = Path(__file__).parent / "words"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class Words:
    """The words of one language: `words("leaflet.scan")`, `words("leaflet.page", page=1, pages=2)`."""

    def __init__(self, language: str, table: dict[str, str]):
        self.language = language
        self.table = table

    def __call__(self, key: str, **values: object) -> str:
        try:
            text = self.table[key]
        except KeyError:
            raise KeyError(f"No words for '{key}' in {self.language}.yaml") from None
        return text.format_map(values) if values else text

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
        return self(key, first=self("list.comma").join(items[:-1]), last=items[-1])


@functools.lru_cache(maxsize=4)
def words(language: str = "en") -> Words:
    """The words of a language, read once from its file."""
    path = WORDS_DIR / f"{language}.yaml"
    table = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    if not isinstance(table, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in table.items()):
        raise ValueError(f"{path} must map each key to a text in quotes")
    for key, text in table.items():
        list(string.Formatter().parse(text))  # a stray { or } is a mistake in the file, found here
    return Words(language, table)
