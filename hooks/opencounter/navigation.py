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
    """The navigation as the engine's `nav` setting: a list of source paths and {label: ...} groups.

    generated: (source path, in the navigation?) of each generated page, in plan order.
    written: the source paths of the hand-written pages that belong in the navigation.
    """
    generated = list(generated)
    made = {src for src, _ in generated}
    categories = [src for src, in_nav in generated if src.startswith("categories/") and in_nav]
    nav: list = [{say("nav.home"): urls.HOME}, {say("nav.services"): [urls.SERVICES, *categories]}, urls.CONTACT]
    nav += [src for src in (urls.OFFICES, urls.STANDARDS, urls.PLAN) if src in made]
    nav += sorted(src for src in written if src not in made)
    nav += [src for src in (urls.GLOSSARY, urls.LEAFLETS) if src in made]
    return nav
