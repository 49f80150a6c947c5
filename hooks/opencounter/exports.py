"""Every data file a build publishes beside the pages: Open Referral UK, the HSDS tables, and calendars."""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import shutil
import tempfile
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from . import urls
from .ical import office_calendar
from .models import Catalogue
from .openreferral import OpenReferral

STALE_SECONDS = 3600  # another build's folder is this old only if that build stopped half way


def export_files(catalogue: Catalogue, site_url: str) -> dict[str, bytes]:
    """The files, by their path in the site."""
    files = OpenReferral(catalogue, site_url).files()
    files.update({urls.calendar(office.id): office_calendar(catalogue, office) for office in catalogue.offices})
    add_plan_actions(files, catalogue)
    return files


# ---------------------------------------------------------------- the plan's actions (format 1.3)

PLAN_ACTIONS = "plan_actions"
PLAN_ACTION_FIELDS = (
    ("id", "string", "The action's id in standards.yaml."),
    ("title", "string", "What the council will do."),
    ("theme", "string", "The id of the strategy's theme it belongs to (empty: none)."),
    ("status", "string", "not-started, on-track, at-risk, delayed, done or dropped."),
    ("due", "string", "When it is due: a date (2027-03-31) or a month (2027-03); empty when not given."),
    ("progress", "number", "How far it has got, as a percentage (40 for 40%); empty when not given."),
    ("update", "string", "The latest update, as written (Markdown)."),
    ("services", "string", "The ids of the services it changes, separated by semicolons."),
    ("offices", "string", "The ids of the offices it changes, separated by semicolons."),
)


def plan_action_rows(catalogue: Catalogue) -> list[dict[str, str]]:
    """One row per action of the plan, in the order written (none without a plan)."""
    actions = catalogue.plan.actions if catalogue.plan else ()
    return [{"id": a.id, "title": a.title, "theme": a.theme.id if a.theme else "", "status": a.status,
             "due": a.due.isoformat() if a.due else "",
             "progress": f"{a.progress.normalize():f}" if a.progress is not None else "",
             "update": a.update, "services": ";".join(a.services), "offices": ";".join(a.offices)}
            for a in actions]


def add_plan_actions(files: dict[str, bytes], catalogue: Catalogue, folder: str = "openreferral") -> None:
    """The plan's actions as a CSV table beside the others, described in the data package (when there is a plan)."""
    if catalogue.plan is None:
        return
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=[name for name, _, _ in PLAN_ACTION_FIELDS], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(plan_action_rows(catalogue))
    files[f"{folder}/{PLAN_ACTIONS}.csv"] = buffer.getvalue().encode("utf-8")
    package_path = f"{folder}/datapackage.json"
    package = json.loads(files[package_path]) if package_path in files else {"resources": []}
    package["resources"] = [r for r in package.get("resources", []) if r.get("name") != PLAN_ACTIONS] + [{
        "name": PLAN_ACTIONS, "path": f"{PLAN_ACTIONS}.csv", "profile": "tabular-data-resource", "format": "csv",
        "mediatype": "text/csv", "encoding": "utf-8",
        "title": "The actions of the council's customer service plan, with their status",
        "schema": {"fields": [{"name": name, "type": kind, "description": about} for name, kind, about in PLAN_ACTION_FIELDS],
                   "primaryKey": "id"}}]
    files[package_path] = (json.dumps(package, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def write_files(files: dict[str, bytes], folder: Path) -> None:
    for path, content in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


class Exports:
    """The files, made and written on the other core while the pages are built, then moved into the site.

    The page build uses one core, so this costs the build next to nothing. The files go to a
    folder beside the site and are moved in whole (a rename per folder) once the site is built.
    """

    def __init__(self, catalogue: Catalogue, site_url: str, work_dir: Path):
        work_dir.mkdir(parents=True, exist_ok=True)
        for stale in work_dir.glob("exports-*"):  # left by a build that stopped half way (not one running now)
            try:
                if time.time() - stale.stat().st_mtime > STALE_SECONDS:
                    shutil.rmtree(stale, ignore_errors=True)
            except OSError:
                continue
        self.folder = Path(tempfile.mkdtemp(prefix=f"exports-{catalogue.language}-", dir=work_dir))
        if "fork" not in multiprocessing.get_all_start_methods():
            self.future: Future = Future()
            write_files(export_files(catalogue, site_url), self.folder)
            self.future.set_result(None)
            return
        # The forked worker finds its job in its copy of this module: nothing is pickled on the way in.
        _JOB[:] = [catalogue, site_url, self.folder]
        pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
        self.future = pool.submit(_export_job)
        pool.shutdown(wait=False)  # no more work: the worker ends as soon as the files are written

    def move_into(self, site_dir: Path, timeout: float = 600) -> None:
        """Wait for the files, then move them into the built site. Raises what the worker raised."""
        try:
            self.future.result(timeout=timeout)
            for entry in sorted(self.folder.iterdir()):
                target = site_dir / entry.name
                if target.is_dir():
                    shutil.rmtree(target)
                elif target.exists():
                    target.unlink()
                shutil.move(str(entry), str(target))  # a rename on the same disk
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


_JOB: list = []


def _export_job() -> None:
    catalogue, site_url, folder = _JOB
    write_files(export_files(catalogue, site_url), folder)


__all__ = ["Exports", "export_files", "write_files"]
