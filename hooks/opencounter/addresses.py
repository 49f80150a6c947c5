"""Which address each page is published at, and hand-written pages that would take a generated page's.

A hand-written page in content/ with the address of a generated page (content/contact/index.md, or
content/contact.md, beside the generated contact page) would silently replace one of the two: the
engine only logs it. So it is an error, found before anything is built, naming the file to rename.

Addresses are compared as URLs ("contact/"), so every way of writing the same page clashes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from . import urls


@dataclass(frozen=True)
class Clash:
    """A hand-written page at the address of a generated one."""

    written: str  # the file as written, inside content/ ("contact/index.md", "contact.cy.md")
    url: str  # the address both would have ("contact/")
    title: str  # the generated page's title
    source_file: str  # where the generated page comes from ("services.yaml")
    folder: str = "content"

    def message(self) -> str:
        return (f"{self.folder}/{self.written} has the same address as the generated page "
                f"'{self.title}'. Rename or move {self.folder}/{self.written}; the generated page comes "
                f"from {self.source_file}.")


def address_clashes(written: Mapping[str, str], generated: Iterable[tuple[str, str, str]],
                    folder: str = "content") -> list[Clash]:
    """Every hand-written page whose address a generated page also has.

    written: each hand-written page as published ("contact/index.md") with the file it comes from
    in this build's language ("contact/index.cy.md"); see content.versions.
    generated: (source path, title, source file) of each generated page.
    """
    by_url = {}
    for src, title, source_file in generated:
        by_url[urls.url_of(src)] = (title, source_file)
    clashes = []
    for page, file in sorted(written.items()):
        url = urls.url_of(page)
        if url in by_url:
            title, source_file = by_url[url]
            clashes.append(Clash(file, url, title, source_file, folder))
    return clashes
