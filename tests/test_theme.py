"""Repairs to the theme's HTML say so when the theme's markup has changed, instead of silently not applying."""

from __future__ import annotations

import pytest

from opencounter.theme import ThemeChanged, name_search_dialog, theme_settings

DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def test_the_search_dialog_gets_an_accessible_name_escaped():
    html = name_search_dialog(f"<header>{DIALOG}<form></form></div></header>", 'Search "this" site')
    assert 'role="dialog" aria-label="Search &#34;this&#34; site">' in html


def test_a_page_without_the_search_dialog_is_left_as_it_is():
    assert name_search_dialog("<p>No header here</p>", "Search") == "<p>No header here</p>"


def test_a_changed_theme_stops_the_build_rather_than_dropping_the_name():
    with pytest.raises(ThemeChanged, match="_SEARCH_DIALOG"):
        name_search_dialog('<div class="md-search md-new" data-md-component="search" role="dialog">', "Search")


def test_the_first_languages_site_links_down_to_the_others_and_they_link_back():
    english = theme_settings("en", ("en", "cy"), "https://www.glanafon.example")
    welsh = theme_settings("cy", ("en", "cy"), "https://www.glanafon.example")
    assert english["other_languages"] == [{"lang": "cy", "name": "Cymraeg", "prefix": "cy/"}]
    assert welsh["other_languages"] == [{"lang": "en", "name": "English", "prefix": "../"}]
    assert english["roots"] == welsh["roots"] == {"en": "https://www.glanafon.example/",
                                                  "cy": "https://www.glanafon.example/cy/"}
    assert welsh["theme_language"] == "cy" and welsh["theme_words"]["search.placeholder"] != \
        english["theme_words"]["search.placeholder"]


def test_an_english_only_site_has_no_language_link():
    assert theme_settings("en", ("en",), "https://www.riverside.example/")["other_languages"] == []
