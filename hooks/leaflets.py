"""MkDocs hook: make the printable leaflets and put the PDFs in the site.

Leaflets are made in on_config, before MkDocs cleans the site folder, so a leaflet that
cannot be made stops the build with the old site untouched. The PDFs join the site as
generated files, and pages.py lists them on the Leaflets page.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from catalogue import CATALOGUE_KEY, stop_build
from opencounter.leaflets import LeafletError, LeafletMaker, plan_leaflets

LEAFLETS_KEY = "opencounter_leaflets"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Render every leaflet (from the cache where nothing has changed)."""
    catalogue = config[CATALOGUE_KEY]
    if os.environ.get("OPENCOUNTER_LEAFLETS") == "off":  # pages alone: for benchmarks and quick previews
        config[LEAFLETS_KEY] = []
        return config
    root = Path(config.config_file_path).parent
    overrides = Path(config.theme.custom_dir)
    maker = LeafletMaker(catalogue, overrides / "opencounter", overrides / "assets" / "fonts",
                         catalogue.council.website, cache_dir=root / ".cache" / "leaflets")
    try:
        config[LEAFLETS_KEY] = maker.make_all(plan_leaflets(catalogue))
    except LeafletError as error:
        stop_build(str(error))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for leaflet in config[LEAFLETS_KEY]:
        files.append(File.generated(config, leaflet.path, content=leaflet.pdf, inclusion=InclusionLevel.NOT_IN_NAV))
    return files
