"""What the theme needs from us: its settings for a build's language, and small repairs to its
finished HTML, for what its templates offer no block to change.

Each repair looks for the theme's markup exactly and fails loudly when it is not there: a theme
update that changes the markup stops the build with a message, rather than silently undoing the
repair (as a copied template would, by hiding the theme's own changes).
"""

from __future__ import annotations

from markupsafe import escape

from .words import words as words_for

# mkdocs-material 9.x partials/search.html: the search dialog, with no accessible name (axe: aria-dialog-name).
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


class ThemeChanged(Exception):
    """The theme's markup is not what a repair expects. The message says which, for a developer."""


def name_search_dialog(html: str, label: str) -> str:
    """The page with its search dialog named (read out by screen readers when the dialog opens)."""
    if _SEARCH_DIALOG in html:
        return html.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG[:-1]} aria-label="{escape(label)}">', 1)
    if 'data-md-component="search"' in html and 'role="dialog" aria-label=' not in html:
        raise ThemeChanged("The theme's search dialog is no longer written as hooks/opencounter/theme.py expects, "
                           "so it cannot be given its accessible name. Update _SEARCH_DIALOG there to the theme's "
                           "new markup.")
    return html


def theme_settings(language: str, languages: tuple[str, ...], website: str) -> dict:
    """What the theme's templates read from config.extra.opencounter, for a build in `language`.

    words: every word, for the footer and 404 page; roots: each language's site address, for the
    hreflang links; other_languages: the link in the header to the same page in each other language
    (the first language's site is at the root, each other one under /<code>/); theme_words: our
    plainer labels for the theme's own (theme.* in words/<language>.yaml).
    """
    say = words_for(language)
    root = website.rstrip("/") + "/"
    first = language == languages[0]
    others = [{"lang": code, "name": words_for(code)("language.name"),
               "prefix": f"{code}/" if first else ("../" if code == languages[0] else f"../{code}/")}
              for code in languages if code != language]
    return {
        "words": say.table, "language": language, "languages": list(languages),
        "roots": {code: root if code == languages[0] else f"{root}{code}/" for code in languages},
        "other_languages": others, "theme_language": "cy" if language == "cy" else "en",
        "theme_words": {key[len("theme."):]: text for key, text in say.table.items() if key.startswith("theme.")},
        "script_words": {"menu": say("site.menu_button"), "search": say("site.search_button")},
    }
