"""Small repairs to the theme's finished HTML, for what its templates offer no block to change.

Each repair looks for the theme's markup exactly and fails loudly when it is not there: a theme
update that changes the markup stops the build with a message, rather than silently undoing the
repair (as a copied template would, by hiding the theme's own changes).
"""

from __future__ import annotations

from markupsafe import escape

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
