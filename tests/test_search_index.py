"""A service's keywords join its page's entry in the search index, and nothing else changes."""

from __future__ import annotations

import json

from opencounter.search_index import add_keywords


def test_keywords_are_added_to_their_pages_entry_only(tmp_path):
    index = tmp_path / "search_index.json"
    index.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": [
        {"location": "services/council-tax/", "title": "Council Tax", "text": "Pay your bill."},
        {"location": "services/council-tax/#pay", "title": "Pay", "text": "Online."},
        {"location": "contact/", "title": "Contact us", "text": ""}]}))
    add_keywords(index, {"services/council-tax/": "ctax rates", "offices/x/": "nowhere"})
    docs = json.loads(index.read_text())["docs"]
    assert [d["text"] for d in docs] == ["Pay your bill. ctax rates", "Online.", ""]
    assert json.loads(index.read_text())["config"] == {"lang": ["en"]}


def test_a_site_without_search_is_left_alone(tmp_path):
    add_keywords(tmp_path / "search" / "search_index.json", {"services/x/": "y"})
    assert not (tmp_path / "search").exists()
