"""MkDocs hook: read and check the catalogue once per build, before anything is written.

on_config runs before MkDocs cleans the site folder, so a catalogue with problems stops the
build with every problem listed and the previous site left exactly as it was.

While previewing (`mkdocs serve`), a failed rebuild would leave the preview server waiting
forever, so there the problems are printed and the site is rebuilt from the last good
catalogue instead: the editor sees the message, fixes the file, saves, and carries on.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, time, timezone
from pathlib import Path
from typing import NoReturn

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from opencounter.calendar import build_date
from opencounter.errors import CatalogueError
from opencounter.loading import load_catalogue
from opencounter.models import Catalogue
from opencounter.progress import BuildReport, Steps, size_of
from opencounter.publish import stop_quietly
from opencounter.values import ValueProblem
from opencounter.words import words as words_for

CATALOGUE_KEY = "opencounter_catalogue"
LANGUAGE_ENV = "OPENCOUNTER_LANGUAGE"  # the language this build of the site is in (the first if not set)
REPORT_KEY = "opencounter_report"  # what the build made, for `make site`'s summary line
STEPS_KEY = "opencounter_steps"  # what the build is doing, shown while it works (progress.Steps)

# A SOURCE_DATE_EPOCH set before the build wins; otherwise it follows the build date (see on_config).
_OUTSIDE_EPOCH = os.environ.get("SOURCE_DATE_EPOCH")

# Only for `mkdocs serve`, whose rebuilds reuse this module: the last catalogue without problems.
_preview = {"serving": False, "last_good": None}


def stop_build(message: str) -> NoReturn:
    """Stop the build with a message for a person, and nothing after it.

    `mkdocs build` would follow a PluginError with "Aborted with a BuildError!", which reads like a
    crash after a clear message: print the message and exit with 1 instead. While previewing, the
    server must live on, so there it is a PluginError as usual.
    """
    if _preview["serving"]:
        raise PluginError(message)
    print(f"\n{message}\n", file=sys.stderr, flush=True)
    raise SystemExit(1)


def on_startup(*, command: str, dirty: bool) -> None:
    _preview["serving"] = command == "serve"
    sys.excepthook = stop_quietly  # Ctrl-C and a full disk: one line, not a traceback


def on_serve(server, *, config: MkDocsConfig, builder):
    """Rebuild when services.yaml or standards.yaml changes, even one deleted and written again."""
    server.watch(str(Path(config.config_file_path).parent), recursive=False)
    return server


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load services.yaml and standards.yaml from beside mkdocs.yml; keep the Catalogue on config."""
    root = Path(config.config_file_path).parent
    config[STEPS_KEY] = steps = Steps()  # progress: a large catalogue takes a minute or more to read
    steps.say(f"Reading services.yaml and standards.yaml ({size_of(root / 'services.yaml', root / 'standards.yaml')})...")
    try:
        catalogue = load_catalogue(root / "services.yaml", root / "standards.yaml", build_date(),
                                   language=os.environ.get(LANGUAGE_ENV) or None)
    except CatalogueError as error:
        last_good: Catalogue | None = _preview["last_good"]
        if not (_preview["serving"] and last_good):
            stop_build("The catalogue has problems.\n\n" + error.report())
        print(f"\nThe catalogue has problems. The preview still shows the last good version.\n\n"
              f"{error.report()}\n", file=sys.stderr, flush=True)
        catalogue = last_good
    except ValueProblem as problem:
        stop_build(f"{problem.message} {problem.hint}")
    except ValueError as problem:  # OPENCOUNTER_LANGUAGE names a language the catalogue is not in
        stop_build(str(problem))
    if _preview["serving"]:
        _preview["last_good"] = catalogue
    if not _OUTSIDE_EPOCH:
        # MkDocs dates pages and the sitemap by this: the same catalogue and day give the same bytes.
        midnight = datetime.combine(catalogue.build_date, time(), tzinfo=timezone.utc)
        os.environ["SOURCE_DATE_EPOCH"] = str(int(midnight.timestamp()))
    config[CATALOGUE_KEY] = catalogue
    config[REPORT_KEY] = BuildReport()
    # The theme prints site_name without escaping: escape it here, once.
    config.site_name = escape(catalogue.council.name)  # Markup, so the theme's `| e` does not escape it twice
    config.site_description = escape(words_for(catalogue.language)("site.description", council=catalogue.council.name))
    if not config.site_url:
        config.site_url = catalogue.council.website.rstrip("/") + "/"
    if catalogue.language != catalogue.council.languages[0]:  # another language's site, under /cy/
        config.site_url = config.site_url.rstrip("/") + f"/{catalogue.language}/"
    return config


def on_post_build(*, config: MkDocsConfig) -> None:
    """Tell `make site` what was made (OPENCOUNTER_REPORT names the file), for its summary line."""
    config[STEPS_KEY].clear()  # progress: the line is cleared for the summary
    path = os.environ.get("OPENCOUNTER_REPORT")
    if path:
        config[REPORT_KEY].write(Path(path))
