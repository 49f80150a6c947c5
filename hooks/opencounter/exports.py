"""Every data file a build publishes beside the pages: Open Referral UK, the HSDS tables, and calendars."""

from __future__ import annotations

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
    return files


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
