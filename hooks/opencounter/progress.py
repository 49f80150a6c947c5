"""What a long build says while it works, and the one line it ends with.

In a terminal, `make site` shows how many leaflets of how many are made and the time left, on
one line that rewrites itself. In a CI log (CI=true) or when the output is not a terminal it
says nothing until the summary, unless OPENCOUNTER_PROGRESS=1 asks for progress lines;
OPENCOUNTER_PROGRESS=0 turns progress off everywhere.

The summary travels from the build (a child process) to `make site` as a small JSON file,
named by OPENCOUNTER_REPORT.
"""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Mapping, TextIO


@dataclass
class BuildReport:
    """What one build made: for the summary line."""

    pages: int = 0
    leaflets: int = 0
    rendered: int = 0
    cached: int = 0
    longest_seconds: float = 0.0  # the longest single leaflet PDF to make, and which
    longest: str = ""

    def add(self, other: "BuildReport") -> None:
        """What another build made (another language's site), counted in with this one's."""
        self.pages += other.pages
        self.leaflets += other.leaflets
        self.rendered += other.rendered
        self.cached += other.cached

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self)), encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> "BuildReport | None":
        try:
            values = json.loads(path.read_text(encoding="utf-8"))
            return cls(**{k: int(values.get(k, 0)) for k in ("pages", "leaflets", "rendered", "cached")},
                       longest_seconds=float(values.get("longest_seconds", 0)), longest=str(values.get("longest", "")))
        except (OSError, ValueError, TypeError):
            return None


def summary_line(report: BuildReport | None, seconds: float, where: str) -> str:
    """ "Built the site into site/: 1,078 pages and 174 leaflets (24 made, 150 from the cache) in 9.8 seconds." """
    if report is None:
        return f"Built the site into {where} in {seconds:.1f} seconds."
    made = f"{report.leaflets:,} leaflets ({report.rendered:,} made, {report.cached:,} from the cache)" \
        if report.leaflets else "no leaflets"
    return f"Built the site into {where}: {report.pages:,} pages and {made} in {seconds:.1f} seconds."


def leaflet_progress(stream: TextIO | None = None, environ: Mapping[str, str] | None = None
                     ) -> Callable[[int, int, float], None] | None:
    """A progress reporter for the leaflets, or None where progress should stay quiet."""
    stream = stream or sys.stderr
    environ = os.environ if environ is None else environ
    setting = environ.get("OPENCOUNTER_PROGRESS", "")
    if setting == "0":
        return None
    terminal = stream.isatty() and environ.get("CI") != "true" and environ.get("TERM") != "dumb"
    if not terminal and setting != "1":
        return None
    state = {"shown": 0.0}

    def report(done: int, total: int, seconds_left: float) -> None:
        now = time.monotonic()
        last = done == total
        if not last and now - state["shown"] < (0.2 if terminal else 5):
            return
        state["shown"] = now
        left = "" if last else f", about {_seconds(seconds_left)} left"
        line = f"Making leaflets: {done:,} of {total:,}{left}"
        if terminal:
            stream.write("\r\033[K" + line + ("\r\033[K" if last else ""))
        else:
            stream.write(line + "\n")
        stream.flush()

    return report


def _seconds(value: float) -> str:
    whole = max(1, round(value))
    return "1 second" if whole == 1 else f"{whole} seconds"
