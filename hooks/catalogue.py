"""MkDocs hook: read and check the catalogue once per build, before anything is written.

on_config runs before MkDocs cleans the site folder, so a catalogue with problems stops the
build with every problem listed and the previous site left exactly as it was.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from opencounter.calendar import build_date
from opencounter.errors import CatalogueError
from opencounter.loading import load_catalogue
from opencounter.values import ValueProblem

CATALOGUE_KEY = "opencounter_catalogue"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load services.yaml and standards.yaml from beside mkdocs.yml; keep the Catalogue on config."""
    root = Path(config.config_file_path).parent
    try:
        catalogue = load_catalogue(root / "services.yaml", root / "standards.yaml", build_date())
    except CatalogueError as error:
        raise PluginError("The catalogue has problems.\n\n" + error.report()) from None
    except ValueProblem as problem:
        raise PluginError(f"{problem.message} {problem.hint}") from None
    config[CATALOGUE_KEY] = catalogue
    # The theme prints site_name without escaping: escape it here, once.
    config.site_name = str(escape(catalogue.council.name))
    if not config.site_url:
        config.site_url = catalogue.council.website.rstrip("/") + "/"
    return config
