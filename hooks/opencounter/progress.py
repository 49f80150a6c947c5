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


def _where_to_show(stream: TextIO | None, environ: Mapping[str, str] | None) -> tuple[TextIO, bool] | None:
    """(stream, is a terminal) where progress should show, or None where it should stay quiet."""
    stream = stream or sys.stderr
    environ = os.environ if environ is None else environ
    setting = environ.get("OPENCOUNTER_PROGRESS", "")
    if setting == "0":
        return None
    terminal = stream.isatty() and environ.get("CI") != "true" and environ.get("TERM") != "dumb"
    if not terminal and setting != "1":
        return None
    return stream, terminal


def leaflet_progress(stream: TextIO | None = None, environ: Mapping[str, str] | None = None
                     ) -> Callable[[int, int, float], None] | None:
    """A progress reporter for the leaflets, or None where progress should stay quiet."""
    shown = _where_to_show(stream, environ)
    if shown is None:
        return None
    stream, terminal = shown
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


# ---------------------------------------------------------------- the steps before and after the leaflets

class Steps:
    """What a long build is doing, from its first second: reading the catalogue (an 18 MB file takes
    a minute or more), making leaflets, making pages. One line that rewrites itself in a terminal;
    plain lines in a log when OPENCOUNTER_PROGRESS=1; nothing where progress is quiet."""

    def __init__(self, stream: TextIO | None = None, environ: Mapping[str, str] | None = None):
        shown = _where_to_show(stream, environ)
        self.stream, self.terminal = shown if shown else (None, False)
        self._shown = 0.0
        self._done: dict[str, int] = {}

    def say(self, line: str) -> None:
        """Show what the build is doing now ("Reading services.yaml (18.9 MB)...")."""
        if self.stream is None:
            return
        self.stream.write(("\r\033[K" + line) if self.terminal else line + "\n")
        self.stream.flush()
        self._shown = time.monotonic()

    def count(self, what: str, done: int, total: int) -> None:
        """ "Making pages: 2,000 of 11,081", at most 5 times a second in a terminal, every 10 seconds in a log."""
        if self.stream is None:
            return
        last = done >= total
        if not last and time.monotonic() - self._shown < (0.2 if self.terminal else 10):
            return
        self.say(f"{what}: {done:,} of {total:,}")
        if last and self.terminal:
            self.clear()

    def tick(self, what: str, total: int) -> None:
        """One more of `total` done: counted here, shown by `count`."""
        done = self._done[what] = self._done.get(what, 0) + 1
        self.count(what, done, total)

    def clear(self) -> None:
        if self.stream is not None and self.terminal:
            self.stream.write("\r\033[K")
            self.stream.flush()


def size_of(*paths: Path) -> str:
    """The size of the files together, as people say it: "18.9 MB", "240 KB" (in the units of the
    20 MB limit on a catalogue file: a MB is 1,048,576 bytes)."""
    total = sum(path.stat().st_size for path in paths if path.is_file())
    return f"{total / 2**20:.1f} MB" if total >= 2**20 else f"{max(1, round(total / 2**10))} KB"
