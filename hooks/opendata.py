"""MkDocs hook: the catalogue in the forms other systems read.

Open Referral UK files and the HSDS tables under openreferral/, an iCalendar file per office
under calendars/, and schema.org JSON-LD in the head of service, office and contact pages.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from catalogue import CATALOGUE_KEY
from pages import PLANS_KEY
from opencounter import urls
from opencounter.ical import office_calendar
from opencounter.jsonld import StructuredData, script_tag
from opencounter.openreferral import OpenReferral

DATA_KEY = "opencounter_structured_data"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    catalogue = config[CATALOGUE_KEY]
    site_url = config.site_url or catalogue.council.website
    generated = OpenReferral(catalogue, site_url).files()
    generated.update({urls.calendar(office.id): office_calendar(catalogue, office) for office in catalogue.offices})
    for path, content in generated.items():
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    config[DATA_KEY] = StructuredData(catalogue, site_url)
    return files


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
