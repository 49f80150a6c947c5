"""`make site`'s build and swap: one build at a time per checkout, every step checked, nothing lost."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT
from opencounter import publish as publish_module
from opencounter.publish import PublishError, checkout_lock, publish, put_in_place
from sitebuild import make_project

pytestmark = pytest.mark.build


@pytest.fixture
def project(tmp_path):
    return make_project(tmp_path / "council", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")


def _run(project, *, wait: str = "300"):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), BUILD_DATE="2026-11-24", NO_MKDOCS_2_WARNING="1",
               OPENCOUNTER_LEAFLETS="off", OPENCOUNTER_BUILD_WAIT=wait)
    return subprocess.Popen([sys.executable, "-m", "opencounter.publish", str(project)], cwd=project, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _complete(site) -> bool:
    return (site / "index.html").is_file() and (site / "services" / "bin-collections" / "index.html").is_file() \
        and (site / "sitemap.xml").is_file()


def test_two_builds_at_once_in_one_checkout_both_finish_and_leave_a_whole_site(project):
    for _ in range(3):
        first, second = _run(project), _run(project)
        outputs = [p.communicate(timeout=300)[0] for p in (first, second)]
        assert [first.returncode, second.returncode] == [0, 0], outputs
        assert _complete(project / "site"), outputs
        assert not (project / ".build" / "site").exists() and not (project / ".build" / "site.old").exists()


def test_a_build_that_cannot_get_the_lock_in_time_says_so_and_changes_nothing(project, capsys):
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old")
    with checkout_lock(project):
        assert publish(project, wait=1) == 1
    err = capsys.readouterr().err
    assert "Another build of this site is still running (process" in err and "Nothing was changed" in err
    assert (project / "site" / "index.html").read_text() == "old"


def test_a_link_to_a_web_root_is_written_through_and_stays_a_link(project, tmp_path):
    web_root = tmp_path / "www" / "council"
    web_root.mkdir(parents=True)
    (web_root / "stale.html").write_text("from last time")
    (project / "site").symlink_to(web_root)
    result = _run(project)
    output = result.communicate(timeout=300)[0]
    assert result.returncode == 0, output
    assert (project / "site").is_symlink()
    assert _complete(web_root) and not (web_root / "stale.html").exists()
    assert sorted(p.name for p in web_root.parent.iterdir()) == ["council"]  # nothing left beside it
    assert "a link to" in output


def test_a_site_that_is_a_file_is_refused_with_a_message(project):
    (project / "site").write_text("notes")
    result = _run(project)
    output = result.communicate(timeout=300)[0]
    assert result.returncode == 1
    assert "'site' is a file, not a folder" in output and "Traceback" not in output
    assert (project / "site").read_text() == "notes"


def test_a_failed_build_leaves_the_site_as_it_was(project):
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old")
    (project / "services.yaml").write_text((FIXTURES / "invalid" / "bad-choice.yaml").read_text())
    result = _run(project)
    output = result.communicate(timeout=300)[0]
    assert result.returncode != 0 and "is not one of the choices" in output
    assert (project / "site" / "index.html").read_text() == "old"


def test_when_the_new_site_cannot_be_moved_in_the_old_one_is_put_back(tmp_path, monkeypatch):
    site, staging = tmp_path / "site", tmp_path / ".build" / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    staging.mkdir(parents=True)
    (staging / "index.html").write_text("new")
    real_rename, calls = os.rename, []

    def failing_rename(source, destination):
        calls.append(source)
        if len(calls) == 2:  # moving the new site in
            raise OSError(28, "No space left on device")
        real_rename(source, destination)

    monkeypatch.setattr(publish_module.os, "rename", failing_rename)
    with pytest.raises(PublishError, match="The old site is still there"):
        put_in_place(staging, site)
    assert (site / "index.html").read_text() == "old"
