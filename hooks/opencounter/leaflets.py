"""Printable leaflets: planned (leaflet_plan.py), written (leaflet_content.py), typeset (typeset.py).

Every leaflet comes in a standard edition (14pt body) and a large print edition (18pt body). A
services leaflet or the index longer than its edition allows (24 and 36 pages) is split by letter
and made again; any other leaflet that is too long is reported, with what to shorten. PDFs are
cached by a hash of everything that goes into them, so an unchanged leaflet is never made twice;
the same input gives the same bytes. Leaflets are made on two worker processes, the longest first,
so both cores stay busy to the end; a handful are made in the build's own process.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from .leaflet_content import LeafletWriter
from .leaflet_plan import (CONTACT, EDITIONS, INDEX, LARGE_PRINT, OFFICE, PLAN, SERVICES, SPLITTABLE, STANDARD, STANDARDS,
                           Edition, LeafletPlan, plan_leaflets, split, with_topics)
from .blocks import texts
from .models import Catalogue
from .typeset import FONT_FILES, Job, LeafletError, typeset_timed, Typesetter, worker_pool
from .words import Words, words as words_for

__all__ = ["EDITIONS", "FONT_FILES", "LARGE_PRINT", "STANDARD", "Edition", "Leaflet", "LeafletError", "LeafletMaker",
           "LeafletPlan", "MakeStats", "plan_leaflets"]

KIND_ORDER = (CONTACT, STANDARDS, PLAN, INDEX, SERVICES, OFFICE)
# Measured at 1,000 services: about 1,100 characters fill a standard print page of a services leaflet
# and 750 a large print one (the guess takes 1,000 and 680); the index, in two columns, holds 1,050
# and 800. The guess aims to fill 90% of the limit, so a part rarely comes out too long (and if one
# does, it is split again).
CHARACTERS_PER_PAGE = {SERVICES: {"standard": 1000, "large-print": 680}, INDEX: {"standard": 1050, "large-print": 800}}
FILL = 0.9
CACHE_DAYS = 14  # cached leaflets no build has used for this long are removed
IN_PROCESS = 3  # this many PDFs or fewer are made in the build's process: starting workers would take longer
SPLIT_ROUNDS = 6  # a leaflet still too long after this many tries is reported, not split again


@dataclass(frozen=True)
class Leaflet:
    """A finished leaflet: where it goes in the site, and what it is like."""

    plan: LeafletPlan
    edition: Edition
    pdf: bytes
    pages: int

    @property
    def path(self) -> str:
        """Its path inside the site, like leaflets/large-print/how-to-contact-us.pdf."""
        return f"leaflets/{self.plan.file_name(self.edition)}"

    @property
    def size_text(self) -> str:
        kilobytes = len(self.pdf) / 1024
        return f"{kilobytes / 1024:.1f} MB" if kilobytes >= 1024 else f"{max(1, round(kilobytes))} KB"

    def pages_text(self, w: Words) -> str:
        """ "3 pages (2 sheets)": what library staff need to know before they print."""
        return w("leaflets.pages_and_sheets", pages=w.plural(self.pages, "pages"), sheets=w.plural((self.pages + 1) // 2, "sheets"))


@dataclass
class MakeStats:
    """What a run made: for the build's summary line and the benchmark."""

    rendered: int = 0
    cached: int = 0
    seconds: float = 0.0
    longest: tuple[float, str] = (0.0, "")  # the longest single PDF to make, and which
    too_long: list[str] = field(default_factory=list)  # leaflets over their page limit, said for a person


Progress = Callable[[int, int, float], None]  # (done, of, seconds left)


class LeafletMaker:
    """Makes every leaflet of a catalogue, in parallel, with a cache."""

    def __init__(self, catalogue: Catalogue, template_dir: Path, font_dir: Path, site_url: str,
                 cache_dir: Path | None = None, workers: int | None = None, words: Words | None = None,
                 progress: Progress | None = None, limits: dict[str, int] | None = None):
        self.catalogue = catalogue
        self.words = words or words_for(catalogue.language)
        self.setter = Typesetter(template_dir / "leaflets", font_dir)
        self.writer = LeafletWriter(catalogue, site_url, self.words)
        self.cache_dir = cache_dir
        self.workers = workers if workers is not None else min(2, os.cpu_count() or 1)
        self.progress = progress
        self.limits = limits or {edition.slug: edition.pages for edition in EDITIONS}  # the most pages in each edition
        self.stats = MakeStats()

    def make_all(self, plans: Iterable[LeafletPlan]) -> list[Leaflet]:
        """Both editions of every leaflet, long ones split, in the order the Leaflets page lists them."""
        started = time.perf_counter()
        plans = list(plans)
        made: dict[tuple[str, str], tuple[bytes, int]] = {}
        with _Run(self) as run:
            run.expected = 2 * sum(1 for p in plans if p.kind == INDEX)  # made last: counted in progress from the start
            final = self._fit([p for p in plans if p.kind != INDEX], made, run)
            topics = [p for p in final if p.kind == SERVICES]
            run.expected = 0
            final += self._fit([with_topics(p, topics) for p in plans if p.kind == INDEX], made, run)
            run.finish()
        self.stats.seconds = time.perf_counter() - started
        self._report_too_long(final, made)
        final.sort(key=lambda p: KIND_ORDER.index(p.kind))  # stable: the plan's own order within a kind
        self._prune()
        leaflets = [Leaflet(plan, edition, *made[(plan.slug, edition.slug)]) for plan in final for edition in EDITIONS]
        paths = [leaflet.path for leaflet in leaflets]
        if len(set(paths)) != len(paths):  # never two leaflets in one file: the count must be the files written
            twice = sorted({path for path in paths if paths.count(path) > 1})
            raise LeafletError(f"Two leaflets would have the same file name: {', '.join(twice)}.")
        return leaflets

    def _fit(self, plans: Sequence[LeafletPlan], made: dict, run: "_Run") -> list[LeafletPlan]:
        """Make the plans, each split into as many parts as it needs to fit its page limits.

        A first guess comes from how much text the leaflet has, so a long one is never made whole
        (which would cost time and memory) only to be thrown away; each part is then checked, and a
        leaflet with a part still too long is split again into more parts.
        """
        parts = {plan.slug: self._parts_needed(plan) for plan in plans}
        result: dict[str, list[LeafletPlan]] = {}
        pending = list(plans)
        for _ in range(SPLIT_ROUNDS):
            if not pending:
                break
            batch = {p.slug: split(p, parts[p.slug], self.words) if parts[p.slug] > 1 else [p] for p in pending}
            made.update(run.render([part for chunk in batch.values() for part in chunk]))
            result.update(batch)
            still = []
            for whole in pending:
                over = max(made[(part.slug, e.slug)][1] / self.limits[e.slug] for part in batch[whole.slug] for e in EDITIONS)
                if over > 1 and whole.kind in SPLITTABLE and parts[whole.slug] < len(whole.context["services"]):
                    parts[whole.slug] = max(parts[whole.slug] + 1, math.ceil(parts[whole.slug] * over))
                    still.append(whole)
            pending = still
        return [part for plan in plans for part in result[plan.slug]]

    def _report_too_long(self, plans: Sequence[LeafletPlan], made: dict) -> None:
        for plan in plans:
            for edition in EDITIONS:
                pages, limit = made[(plan.slug, edition.slug)][1], self.limits[edition.slug]
                if pages > limit:
                    name = f"{plan.title} ({self.words(f'edition.{edition.slug}').lower()})"
                    self.stats.too_long.append(self.words(f"leaflet.too_long.{plan.kind}", name=name, pages=pages,
                                                          limit=limit))

    def _parts_needed(self, plan: LeafletPlan) -> int:
        """How many parts a leaflet will likely need, from the length of its text."""
        if plan.kind not in SPLITTABLE:
            return 1
        characters = sum(len(t) for t in texts(self.writer.document(plan, STANDARD)["blocks"]))
        per_page = CHARACTERS_PER_PAGE[plan.kind]
        need = max((characters / per_page[e.slug] + 1) / (self.limits[e.slug] * FILL) for e in EDITIONS)
        return max(1, min(math.ceil(need), len(plan.context["services"])))

    # ------------------------------------------------------------ cache

    def cache_key(self, job: Job) -> str:
        digest = hashlib.sha256(self.setter.fingerprint.encode())
        digest.update(job.day.isoformat().encode() + b"\0" + job.qr.encode() + b"\0")
        digest.update(job.document.encode())
        return digest.hexdigest()

    def from_cache(self, key: str) -> tuple[bytes, int] | None:
        if not self.cache_dir:
            return None
        pdf, meta = self.cache_dir / f"{key}.pdf", self.cache_dir / f"{key}.json"
        try:
            result = pdf.read_bytes(), json.loads(meta.read_text())["pages"]
            os.utime(meta)  # used: kept by _prune
            return result
        except (OSError, ValueError, KeyError):
            return None

    def to_cache(self, key: str, pdf: bytes, pages: int) -> None:
        """Keep a PDF for next time, if the cache folder can be written (a full disk only makes the next build slower)."""
        if not self.cache_dir:
            return
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            _write_atomic(self.cache_dir / f"{key}.pdf", pdf)
            _write_atomic(self.cache_dir / f"{key}.json", json.dumps({"pages": pages}).encode())
        except OSError:
            pass

    def _prune(self) -> None:
        """Remove cached leaflets that no build has used for CACHE_DAYS (a new day remakes every leaflet)."""
        if not self.cache_dir or not self.cache_dir.is_dir():
            return
        limit = time.time() - CACHE_DAYS * 86400
        for meta in self.cache_dir.glob("*.json"):
            try:
                if meta.stat().st_mtime < limit:
                    meta.with_suffix(".pdf").unlink(missing_ok=True)
                    meta.unlink(missing_ok=True)
            except OSError:
                continue


class _Run:
    """One make_all: a pool of workers started on first need, shared by every round, and the progress."""

    def __init__(self, maker: LeafletMaker):
        self.maker = maker
        self.pool: ProcessPoolExecutor | None = None
        self.done = self.total = 0
        self.expected = 0  # PDFs still to come in a later round
        self.busy_seconds = 0.0
        self.started = time.perf_counter()

    def __enter__(self) -> "_Run":
        return self

    def __exit__(self, *exc) -> None:
        if self.pool:
            self.pool.shutdown(cancel_futures=True)

    def render(self, plans: Sequence[LeafletPlan]) -> dict[tuple[str, str], tuple[bytes, int]]:
        """Both editions of each plan: from the cache, or made (the longest first, on every worker)."""
        maker = self.maker
        results: dict[tuple[str, str], tuple[bytes, int]] = {}
        todo: list[tuple[tuple[str, str], str, Job]] = []
        for plan in plans:
            for edition in EDITIONS:
                name = f"{plan.title} ({maker.words(f'edition.{edition.slug}').lower()})"
                job = Job(name, maker.setter.prepare(maker.writer.document(plan, edition)), maker.catalogue.build_date,
                          maker.writer.address(plan))
                key = maker.cache_key(job)
                cached = maker.from_cache(key)
                if cached:
                    results[(plan.slug, edition.slug)] = cached
                    maker.stats.cached += 1
                else:
                    todo.append(((plan.slug, edition.slug), key, job))
        if not todo:
            return results
        todo.sort(key=lambda item: len(item[2].document), reverse=True)
        self.total += len(todo)
        if maker.workers > 1 and (len(todo) > IN_PROCESS or self.pool):
            if self.pool is None:
                self.pool = worker_pool(maker.workers)
            futures = {self.pool.submit(typeset_timed, maker.setter, job): (slot, key, job) for slot, key, job in todo}
            pending = set(futures)
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    try:
                        made = future.result()
                    except BrokenProcessPool:
                        raise LeafletError("A process making leaflets stopped before it finished, perhaps because the "
                                           "computer ran out of memory. Nothing was changed. Close other programs "
                                           "and run the build again.") from None
                    self._finish(results, *futures[future], *made)
        else:
            for slot, key, job in todo:
                self._finish(results, slot, key, job, *typeset_timed(maker.setter, job))
        return results

    def finish(self) -> None:
        """The last word of the progress: everything to make is made (the index may have come from the cache)."""
        if self.maker.progress and self.done:
            self.maker.progress(self.done, self.done, 0.0)

    def _finish(self, results, slot, key, job: Job, pdf: bytes, pages: int, seconds: float) -> None:
        maker = self.maker
        results[slot] = (pdf, pages)
        maker.to_cache(key, pdf, pages)
        maker.stats.rendered += 1
        maker.stats.longest = max(maker.stats.longest, (seconds, job.name))
        self.done += 1
        self.busy_seconds += seconds
        if maker.progress:
            total = self.total + self.expected
            left = (total - self.done) * self.busy_seconds / self.done / max(1, min(maker.workers, total))
            maker.progress(self.done, total, left)


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
