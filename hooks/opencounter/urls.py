"""The one place that decides where each page lives, and how pages link to each other.

Source paths are what MkDocs calls src_uri; URLs are directory-style ("services/council-tax/").
Every generated page is `<folder>/<id>/index.md`, so no id can collide with a folder's index page.
"""

from __future__ import annotations

import posixpath

HOME = "index.md"
SERVICES = "services/index.md"
CATEGORIES = "categories/index.md"
CONTACT = "contact/index.md"
OFFICES = "offices/index.md"
STANDARDS = "standards/index.md"
GLOSSARY = "glossary/index.md"
LEAFLETS = "leaflets/index.md"
ACCESSIBILITY = "accessibility/index.md"


def service(service_id: str) -> str:
    return f"services/{service_id}/index.md"


def category(category_id: str) -> str:
    return f"categories/{category_id}/index.md"


def office(office_id: str) -> str:
    return f"offices/{office_id}/index.md"


def calendar(office_id: str) -> str:
    """The iCalendar file of an office's closures and bank holidays."""
    return f"calendars/{office_id}.ics"


def url_of(src_path: str) -> str:
    """The directory-style URL of a source path: "services/x/index.md" -> "services/x/"."""
    path = src_path[:-3] if src_path.endswith(".md") else src_path
    if path == "index":
        return ""
    if path.endswith("/index"):
        return path[: -len("index")]
    return path + "/"


def relative(from_url: str, to_url: str) -> str:
    """A link from one page's URL to another's (or to a file), that works from any folder."""
    target, _, anchor = to_url.partition("#")
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    result = posixpath.relpath("/" + target, "/" + base)
    if target.endswith("/") or target == "":
        result = result.rstrip("/") + "/" if result != "." else "./"
    return result + (f"#{anchor}" if anchor else "")


def absolute(site_url: str, url: str) -> str:
    return site_url.rstrip("/") + "/" + url


def short_url(address: str) -> str:
    """An address as people say it: no https://, no www., no slash at the end."""
    text = address.split("://", 1)[-1]
    text = text[4:] if text.startswith("www.") else text
    return text.rstrip("/")
