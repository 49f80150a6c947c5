"""The other languages' builds: run beside this one, moved under /<code>/, stopped when one fails.

The engine here is a small stand-in script, so these run in a fraction of a second."""

from __future__ import annotations

import sys
import time

import pytest

from opencounter.language_builds import LanguageBuildError, LanguageBuilds, stop_all

FAKE_ENGINE = '''
import json, os, sys, time
args = sys.argv[1:]
assert args[:2] == ["build", "--quiet"], args
site = args[args.index("--site-dir") + 1]
language = os.environ["OPENCOUNTER_LANGUAGE"]
if language == "xx":
    print("services.yaml:3:1: error: this language cannot be built")
    sys.exit(1)
if language == "zz":
    os.makedirs(site)
    time.sleep(60)
os.makedirs(site)
with open(os.path.join(site, "index.html"), "w") as page:
    page.write(f"<html lang='{language}'>")
with open(os.environ["OPENCOUNTER_REPORT"], "w") as report:
    json.dump({"pages": 3, "leaflets": 2, "rendered": 1, "cached": 1}, report)
'''


@pytest.fixture
def engine(tmp_path):
    script = tmp_path / "engine.py"
    script.write_text(FAKE_ENGINE)
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    site = tmp_path / "site"
    site.mkdir()
    return lambda: LanguageBuilds([sys.executable, str(script)], tmp_path / "mkdocs.yml", site)


def test_each_language_is_moved_under_its_code_and_what_it_made_is_added_up(engine, tmp_path):
    builds = engine()
    builds.start("cy")
    builds.start("ga")
    assert builds.languages == ["cy", "ga"]
    made = builds.finish(tmp_path / "site")
    assert (tmp_path / "site" / "cy" / "index.html").read_text() == "<html lang='cy'>"
    assert (tmp_path / "site" / "ga" / "index.html").exists()
    assert (made.pages, made.leaflets, made.rendered, made.cached) == (6, 4, 2, 2)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["engine.py", "mkdocs.yml", "site"]  # nothing left beside


def test_a_failed_language_fails_the_build_with_its_own_message_and_leaves_nothing(engine, tmp_path):
    builds = engine()
    builds.start("xx")
    with pytest.raises(LanguageBuildError, match="services.yaml:3:1: error: this language cannot be built"):
        builds.finish(tmp_path / "site")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["engine.py", "mkdocs.yml", "site"]
    assert list((tmp_path / "site").iterdir()) == []


def test_a_build_that_stops_early_stops_the_other_languages_and_removes_their_folders(engine, tmp_path):
    builds = engine()
    builds.start("zz")
    time.sleep(0.5)
    started = time.monotonic()
    stop_all()  # what an error in this build, or the end of the process, does
    assert time.monotonic() - started < 10
    assert builds.languages == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["engine.py", "mkdocs.yml", "site"]
