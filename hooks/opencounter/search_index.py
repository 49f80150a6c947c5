"""The site's search index, with each service's keywords: words people search for, not text to read.

The theme's search plugin writes search/search_index.json from the pages; a service's keywords
(council tax: "ctax", "bill") are added to its page's entry there, so search finds the page by
them while the page itself does not show them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Mapping


def add_keywords(index_path: Path, keywords: Mapping[str, str]) -> None:
    """Add each page's keywords (by the page's address, "services/council-tax/") to its entry."""
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    left = dict(keywords)
    for doc in index.get("docs", []):
        if doc.get("location") in left:
            doc["text"] = (doc.get("text", "") + " " + left.pop(doc["location"])).strip()
    index_path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
