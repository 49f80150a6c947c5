"""How long the open data takes to make: Open Referral files, HSDS tables, calendars and JSON-LD.

    .venv/bin/python bench/opendata.py

For the sample council and for generated councils of 1,000 and 3,000 services (60 offices),
prints the time to make everything in one process, the number of files and their total size.
Figures, not pass or fail.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "bench"))

from generate import write  # noqa: E402
from opencounter.ical import office_calendar  # noqa: E402
from opencounter.jsonld import StructuredData, script_tag  # noqa: E402
from opencounter.loading import load_catalogue  # noqa: E402
from opencounter.openreferral import OpenReferral  # noqa: E402


def measure(label: str, folder: Path) -> None:
    catalogue = load_catalogue(folder / "services.yaml", folder / "standards.yaml", date(2026, 11, 24))
    started = time.perf_counter()
    files = OpenReferral(catalogue, catalogue.council.website).files()
    files.update({office.id: office_calendar(catalogue, office) for office in catalogue.offices})
    data = StructuredData(catalogue, catalogue.council.website)
    scripts = [script_tag(data.service(s)) for s in catalogue.services]
    scripts += [script_tag(data.office(o)) for o in catalogue.offices] + [script_tag(data.contact())]
    seconds = time.perf_counter() - started
    size = sum(map(len, files.values())) + sum(len(s.encode()) for s in scripts)
    print(f"{label:>28}: {len(catalogue.services):>5} services, {len(files):>5} files, "
          f"{len(scripts):>5} JSON-LD blocks, {size / 1e6:6.2f} MB, {seconds:6.2f} s", flush=True)


if __name__ == "__main__":
    measure("sample council", ROOT)
    with tempfile.TemporaryDirectory() as temp:
        for services in (1000, 3000):
            measure(f"generated, {services} services", write(Path(temp) / str(services), services, 60))
