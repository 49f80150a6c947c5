"""The one place that decides where each page lives, and how pages link to each other.

Every address here is a URL relative to the site's root, directory-style: "services/council-tax/",
and "" for the home page. Every generated page is a folder of its own (`services/<id>/`), so no id
can collide with a list page. How an engine names the source of a page is the adapter's business
(hooks/adapter.py); the one exception is `url_of`, which says where a hand-written file is published.
"""

from __future__ import annotations

import posixpath

HOME = ""
SERVICES = "services/"
CATEGORIES = "categories/"
CONTACT = "contact/"
OFFICES = "offices/"
STANDARDS = "standards/"
GLOSSARY = "glossary/"
LEAFLETS = "leaflets/"
ACCESSIBILITY = "accessibility/"


def service(service_id: str) -> str:
    return f"services/{service_id}/"


def category(category_id: str) -> str:
    return f"categories/{category_id}/"


def office(office_id: str) -> str:
    return f"offices/{office_id}/"


def calendar(office_id: str) -> str:
    """The iCalendar file of an office's closures and bank holidays."""
    return f"calendars/{office_id}.ics"


def url_of(path: str) -> str:
    """Where a Markdown file is published: "about.md" and "about/index.md" -> "about/", "index.md" -> "".
    A URL is returned as it is."""
    if not path.endswith(".md"):
        return path
    path = path[:-3]
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
