"""MkDocs hook: make the printable leaflets and put the PDFs in the site.

Leaflets are made in on_config, before MkDocs cleans the site folder, so a leaflet that
cannot be made stops the build with the old site untouched. The PDFs join the site as
generated files, and pages.py lists them on the Leaflets page.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from catalogue import CATALOGUE_KEY, REPORT_KEY, stop_build
from opencounter.leaflets import LeafletError, LeafletMaker, plan_leaflets
from opencounter.progress import leaflet_progress

LEAFLETS_KEY = "opencounter_leaflets"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Make every leaflet (from the cache where nothing has changed), showing progress in a terminal."""
    catalogue = config[CATALOGUE_KEY]
    if os.environ.get("OPENCOUNTER_LEAFLETS") == "off":  # pages alone: for benchmarks and quick previews
        config[LEAFLETS_KEY] = []
        return config
    root = Path(config.config_file_path).parent
    overrides = Path(config.theme.custom_dir)
    try:
        maker = LeafletMaker(catalogue, overrides / "opencounter", overrides / "assets" / "fonts",
                             config.site_url, cache_dir=root / ".cache" / "leaflets",
                             progress=leaflet_progress())
        config[LEAFLETS_KEY] = maker.make_all(plan_leaflets(catalogue))
    except LeafletError as error:
        stop_build(str(error))
    for note in maker.stats.too_long:  # published all the same: a long leaflet is better than none
        print(f"Note: {note}", file=sys.stderr, flush=True)
    report = config[REPORT_KEY]
    report.leaflets, report.rendered, report.cached = len(config[LEAFLETS_KEY]), maker.stats.rendered, maker.stats.cached
    report.longest_seconds, report.longest = maker.stats.longest
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    # The Typst template sits with the page templates in overrides/opencounter/: it is not for the site.
    for file in [f for f in files if f.src_uri.startswith("opencounter/leaflets/") and f.src_uri.endswith(".typ")]:
        files.remove(file)
    for leaflet in config[LEAFLETS_KEY]:
        files.append(File.generated(config, leaflet.path, content=leaflet.pdf, inclusion=InclusionLevel.NOT_IN_NAV))
    return files
