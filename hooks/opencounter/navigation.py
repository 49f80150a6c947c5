"""The order of the side navigation: what a resident looks for first comes first.

Home, services with their topics, contact, offices, standards, then the council's own hand-written
pages (in file name order), then the glossary and the leaflets. Service and office pages are not
in the navigation: at hundreds of pages it would make every page slow to build and to read.
"""

from __future__ import annotations

from typing import Iterable

from . import urls
from .words import Words


def navigation(generated: Iterable[tuple[str, bool]], written: Iterable[str], say: Words) -> list:
    """The navigation, as a list of pages and {label: [pages]} groups: a generated page by its
    address ("contact/"), a hand-written one by its file name in content/ ("about.md").

    generated: (address, in the navigation?) of each generated page, in plan order.
    written: the file names of the hand-written pages that belong in the navigation.
    """
    generated = list(generated)
    made = {url for url, _ in generated}
    categories = [url for url, in_nav in generated if url.startswith(urls.CATEGORIES) and in_nav]
    nav: list = [{say("nav.home"): urls.HOME}, {say("nav.services"): [urls.SERVICES, *categories]}, urls.CONTACT]
    nav += [url for url in (urls.OFFICES, urls.STANDARDS) if url in made]
    nav += sorted(name for name in written if urls.url_of(name) not in made)
    nav += [url for url in (urls.GLOSSARY, urls.LEAFLETS) if url in made]
    return nav
