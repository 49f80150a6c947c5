"""How long the full set of leaflets takes, and how long each is: the sample council, and 1,000 services
with 60 offices.

    make bench-leaflets        (or: .venv/bin/python bench/leaflets.py)

Makes every leaflet from nothing (no cache), once on one process and once on two, and prints wall
time, CPU time, leaflets, pages, the longest leaflet in each edition and the longest single PDF to
make. Figures, not pass or fail.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "bench"))

from generate import write  # noqa: E402
from opencounter.leaflets import EDITIONS, LeafletMaker, plan_leaflets  # noqa: E402
from opencounter.loading import load_catalogue  # noqa: E402


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run(label: str, folder: Path, workers: int) -> None:
    catalogue = load_catalogue(folder / "services.yaml", folder / "standards.yaml", date(2026, 11, 24))
    maker = LeafletMaker(catalogue, ROOT / "overrides" / "opencounter", ROOT / "overrides" / "assets" / "fonts",
                         catalogue.council.website, cache_dir=None, workers=workers)
    wall, cpu = time.perf_counter(), _cpu()
    leaflets = maker.make_all(plan_leaflets(catalogue))
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    pages = sum(l.pages for l in leaflets)
    longest = ", ".join(f"{e.slug} {max(l.pages for l in leaflets if l.edition is e)} pages (limit {e.pages})"
                        for e in EDITIONS)
    print(f"{label:<28} workers={workers}  leaflets={len(leaflets):>4}  pages={pages:>5}  wall={wall:6.2f}s  "
          f"cpu={cpu:6.2f}s  PDFs made={maker.stats.rendered:>4}\n{'':<28} longest leaflet: {longest}; longest "
          f"single PDF {maker.stats.longest[0]:.2f}s ({maker.stats.longest[1]})")


def main() -> None:
    print(f"cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory() as temporary:
        big = write(Path(temporary), 1000, 60)
        for workers in (1, 2):
            run("sample council", ROOT, workers)
            run("1,000 services, 60 offices", big, workers)


if __name__ == "__main__":
    main()
