"""What `make site` says while it works and when it ends: progress in a terminal, quiet in CI, one summary line."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT
from opencounter.progress import BuildReport, Steps, leaflet_progress, size_of, summary_line
from sitebuild import make_project


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_in_a_terminal_progress_says_how_many_of_how_many_and_the_time_left():
    screen = Terminal()
    report = leaflet_progress(screen, {"TERM": "xterm"})
    report(1, 4, 3.2)
    report(4, 4, 0)
    shown = screen.getvalue()
    assert "Making leaflets: 1 of 4, about 3 seconds left" in shown
    assert shown.endswith("\r\033[K")  # the line is cleared at the end, for the summary


@pytest.mark.parametrize("environ", [{"CI": "true"}, {"TERM": "dumb"}, {"OPENCOUNTER_PROGRESS": "0"}])
def test_progress_is_quiet_in_ci_logs_and_when_switched_off(environ):
    assert leaflet_progress(Terminal(), environ) is None


def test_progress_is_quiet_when_the_output_is_not_a_terminal_unless_asked():
    assert leaflet_progress(io.StringIO(), {}) is None
    log = io.StringIO()
    report = leaflet_progress(log, {"CI": "true", "OPENCOUNTER_PROGRESS": "1"})
    report(2, 2, 0)
    assert log.getvalue() == "Making leaflets: 2 of 2\n"  # plain lines, no terminal codes, in a log


def test_the_summary_line_names_pages_leaflets_made_from_the_cache_and_seconds():
    report = BuildReport(pages=1078, leaflets=174, rendered=24, cached=150)
    assert summary_line(report, 9.84, "site/") == ("Built the site into site/: 1,078 pages and 174 leaflets "
                                                  "(24 made, 150 from the cache) in 9.8 seconds.")
    assert summary_line(BuildReport(pages=3), 1.0, "site/") == "Built the site into site/: 3 pages and no leaflets in 1.0 seconds."


@pytest.mark.build
def test_make_site_in_a_terminal_shows_progress_then_one_summary_line(tmp_path):
    project = make_project(tmp_path / "council", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "OPENCOUNTER_PROGRESS")}
    env.update(PYTHONPATH=str(ROOT / "hooks"), BUILD_DATE="2026-11-24", NO_MKDOCS_2_WARNING="1", TERM="xterm")

    def make_site() -> str:
        leader, follower = pty.openpty()
        process = subprocess.Popen([sys.executable, "-m", "opencounter.publish", str(project)], cwd=project, env=env,
                                   stdout=follower, stderr=follower)
        os.close(follower)
        chunks = []
        while True:
            ready, _, _ = select.select([leader], [], [], 120)
            if not ready:
                process.kill()
                pytest.fail("make site printed nothing for 2 minutes")
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the build has ended and closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=60) == 0
        os.close(leader)
        return b"".join(chunks).decode()

    first = make_site()
    assert first.startswith("\r\033[KReading services.yaml and standards.yaml (")  # from the first second
    assert re.search(r"Making leaflets: \d+ of \d+", first) and re.search(r"Writing pages: \d+ of \d+", first)
    summary = re.search(r"Built the site into site/: (\d+) pages and (\d+) leaflets \((\d+) made, 0 from the cache\) "
                        r"in [\d.]+ seconds\.", first)
    assert summary, first
    assert int(summary.group(1)) == sum(1 for _ in (project / "site").rglob("index.html"))
    leaflets = len(list((project / "site" / "leaflets").rglob("*.pdf")))  # large print in a folder of its own
    assert int(summary.group(2)) == leaflets and int(summary.group(3)) >= leaflets
    again = make_site()
    assert f"and {leaflets} leaflets (0 made, {leaflets} from the cache)" in again
    assert "Making leaflets" not in again  # nothing to make: nothing to wait for


# ---------------------------------------------------------------- from the first second (issue 23, scale)

def test_the_steps_say_what_the_build_does_from_the_start_and_count_pages():
    screen = Terminal()
    steps = Steps(screen, {"TERM": "xterm"})
    steps.say("Reading services.yaml and standards.yaml (18.9 MB)...")
    for _ in range(3):
        steps.tick("Writing pages", 3)
    shown = screen.getvalue()
    assert shown.startswith("\r\033[KReading services.yaml and standards.yaml (18.9 MB)...")
    assert "Writing pages: 3 of 3" in shown and shown.endswith("\r\033[K")


def test_the_steps_are_plain_lines_in_a_log_when_asked_and_quiet_otherwise():
    log = io.StringIO()
    Steps(log, {"OPENCOUNTER_PROGRESS": "1"}).say("Reading services.yaml and standards.yaml (2 KB)...")
    assert log.getvalue() == "Reading services.yaml and standards.yaml (2 KB)...\n"
    quiet = io.StringIO()
    Steps(quiet, {}).say("Reading")
    Steps(Terminal(), {"CI": "true"}).tick("Writing pages", 1)
    assert quiet.getvalue() == ""


def test_sizes_are_said_as_people_say_them(tmp_path):
    (tmp_path / "a").write_bytes(b"x" * 19_817_000)  # the units of the 20 MB limit: 1 MB is 1,048,576 bytes
    (tmp_path / "b").write_bytes(b"x" * 1_600)
    assert size_of(tmp_path / "a", tmp_path / "b") == "18.9 MB"
    assert size_of(tmp_path / "b", tmp_path / "missing") == "2 KB"
