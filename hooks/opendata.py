"""MkDocs hook: the catalogue in the forms other systems read.

Open Referral UK files and the HSDS tables under openreferral/, an iCalendar file per office
under calendars/ (made on the other core while the pages are built), and schema.org JSON-LD in
the head of service, office and contact pages.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from catalogue import CATALOGUE_KEY, stop_build
from pages import PLANS_KEY
from opencounter import urls
from opencounter.exports import Exports
from opencounter.jsonld import StructuredData, script_tag
from opencounter.publish import WORK_ENV

DATA_KEY = "opencounter_structured_data"
FILES_KEY = "opencounter_export_files"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    catalogue = config[CATALOGUE_KEY]
    site_url = config.site_url or catalogue.council.website
    config[DATA_KEY] = StructuredData(catalogue, site_url)
    # Made in the project's .build folder (ignored by git), on the same disk as site/ and .build/site.
    # `make site` gives its builds a scratch folder of their own (WORK_ENV), emptied by the next build.
    work_dir = os.environ.get(WORK_ENV) or Path(config.config_file_path).parent / ".build"
    config[FILES_KEY] = Exports(catalogue, site_url, Path(work_dir))
    return config


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    """schema.org JSON-LD for the page, in its head."""
    plan = config[PLANS_KEY].get(page.file.src_uri)
    if plan is None:
        return output
    data: StructuredData = config[DATA_KEY]
    if "service" in plan.context:
        document = data.service(plan.context["service"])
    elif "office" in plan.context:
        document = data.office(plan.context["office"])
    elif plan.src == urls.CONTACT:
        document = data.contact()
    else:
        return output
    return output.replace("</head>", script_tag(document) + "\n</head>", 1)


def on_post_build(*, config: MkDocsConfig) -> None:
    """Move the data files into the site (not into the sitemap: they are data, not pages)."""
    try:
        config[FILES_KEY].move_into(Path(config.site_dir))
    except Exception as error:  # a bug here must say so, not leave a half-written site
        stop_build(f"The open data files could not be made: {error}")
