"""The side navigation's order: home, services and topics, contact, offices, standards, the
council's own pages, glossary, leaflets."""

from __future__ import annotations

from opencounter import urls
from opencounter.navigation import navigation
from opencounter.words import words

EVERY_PAGE = [(urls.HOME, True), (urls.SERVICES, True), (urls.CATEGORIES, False), (urls.CONTACT, True),
              (urls.STANDARDS, True), (urls.OFFICES, True), (urls.ACCESSIBILITY, False), (urls.LEAFLETS, True),
              (urls.GLOSSARY, True), (urls.category("bins"), True), (urls.category("housing"), True),
              (urls.service("council-tax"), False), (urls.office("town-hall"), False)]


def test_the_navigation_puts_what_residents_look_for_first():
    nav = navigation(EVERY_PAGE, ["privacy.md", "about.md"], words("en"))
    assert nav == [{"Home": "index.md"}, {"Services": ["services/index.md", "categories/bins/index.md",
                                                       "categories/housing/index.md"]},
                   "contact/index.md", "offices/index.md", "standards/index.md", "about.md", "privacy.md",
                   "glossary/index.md", "leaflets/index.md"]


def test_pages_a_catalogue_does_not_make_are_left_out():
    made = [(src, in_nav) for src, in_nav in EVERY_PAGE if src not in (urls.OFFICES, urls.GLOSSARY, urls.LEAFLETS)]
    nav = navigation(made, [], words("en"))
    assert nav[2:] == ["contact/index.md", "standards/index.md"]


def test_the_labels_are_in_the_sites_language():
    nav = navigation(EVERY_PAGE, [], words("cy"))
    assert list(nav[0]) == [words("cy")("nav.home")] and list(nav[1]) == [words("cy")("nav.services")]
    assert words("cy")("nav.home") != "Home"


def test_a_generated_page_is_never_listed_twice_as_hand_written():
    assert navigation(EVERY_PAGE, ["contact/index.md"], words("en")).count("contact/index.md") == 1
