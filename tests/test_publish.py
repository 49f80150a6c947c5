"""`make site`'s build and swap: one build at a time per checkout, every step checked, nothing lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

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


def _old_site(project):
    """site/ as an earlier build left it: its pages and the list of them."""
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("old")
    (project / "site" / publish_module.MANIFEST).write_text("index.html\n")


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
    _old_site(project)
    with checkout_lock(project):
        assert publish(project, wait=1) == 1
    err = capsys.readouterr().err
    assert "Another build of this site is still running (process" in err and "Nothing was changed" in err
    assert (project / "site" / "index.html").read_text() == "old"


def test_a_link_to_a_web_root_is_written_through_and_stays_a_link(project, tmp_path):
    web_root = tmp_path / "www" / "council"
    web_root.mkdir(parents=True)
    (project / "site").symlink_to(web_root)
    for _ in range(2):  # an empty web root, then one holding the build before
        result = _run(project)
        output = result.communicate(timeout=300)[0]
        assert result.returncode == 0, output
        assert (project / "site").is_symlink()
        assert _complete(web_root) and (web_root / publish_module.MANIFEST).is_file()
        assert sorted(p.name for p in web_root.parent.iterdir()) == ["council"]  # nothing left beside it
        assert "a link to" in output


# ---------------------------------------------------------------- a site folder that is not the site's own

@pytest.mark.parametrize("target, says", [
    (lambda project: project, "which holds this project"),
    (lambda project: project.parent, "which holds this project"),
    (lambda project: project / "content", "a folder inside this project"),
    (lambda project: project.parent / "home", "holds files an earlier build did not write, like 'notes.txt'"),
], ids=["the-project", "a-parent-folder", "a-folder-in-the-project", "a-home-folder"])
def test_a_site_link_to_a_folder_that_is_not_the_sites_own_is_refused_before_anything_is_deleted(
        project, target, says):
    home = project.parent / "home"
    home.mkdir()
    (home / "notes.txt").write_text("mine")
    (project / "site").symlink_to(target(project))
    before = sorted(p.relative_to(project.parent) for p in project.parent.rglob("*") if ".build" not in p.parts)
    result = _run(project)
    output = result.communicate(timeout=300)[0]
    assert result.returncode == 1, output
    assert says in output and "Nothing was changed" in output and "Traceback" not in output
    after = sorted(p.relative_to(project.parent) for p in project.parent.rglob("*") if ".build" not in p.parts)
    assert after == before
    assert (home / "notes.txt").read_text() == "mine" and (project / "services.yaml").is_file()


def test_a_site_folder_holding_a_file_no_build_wrote_is_refused_naming_it(tmp_path):
    project, site = tmp_path / "council", tmp_path / "council" / "site"
    (site / "deep").mkdir(parents=True)
    (site / "index.html").write_text("built")
    (site / publish_module.MANIFEST).write_text("index.html\n")
    publish_module.check_site(project, site)  # only what the build wrote: fine
    (site / "deep" / "minutes.docx").write_text("mine")
    with pytest.raises(PublishError, match="like 'deep/minutes.docx'"):
        publish_module.check_site(project, site)


def test_a_site_built_before_builds_listed_their_files_is_still_replaced(tmp_path):
    site = tmp_path / "council" / "site"
    for name in ("index.html", "sitemap.xml", "search/search_index.json", "openreferral/services.json",
                 "contact/index.html", "leaflets/large-print/contact.pdf", "assets/stylesheets/main.css"):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("built")
    publish_module.check_site(tmp_path / "council", site)
    (site / "search" / "search_index.json").unlink()  # not a build after all
    with pytest.raises(PublishError, match="did not write"):
        publish_module.check_site(tmp_path / "council", site)


@pytest.mark.parametrize("own", ["council-minutes-2025.pdf", ".well-known/security.txt", "documents/minutes.pdf"])
def test_the_councils_own_files_beside_a_site_built_before_builds_listed_their_files_are_never_deleted(tmp_path, own):
    site = tmp_path / "www"
    for name in ("index.html", "sitemap.xml", "search/search_index.json", "openreferral/services.json",
                 "contact/index.html", own):
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_text("built" if name != own else "precious")
    with pytest.raises(PublishError, match=f"did not write, like '{own}'"):
        publish_module.check_site(tmp_path / "council", site)


def test_the_manifest_lists_every_file_and_link_of_the_site(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "b.html").write_text("x")
    (site / "link").symlink_to(tmp_path)
    publish_module.write_manifest(site)
    assert (site / publish_module.MANIFEST).read_text().splitlines() == ["a/b.html", "link"]


# ---------------------------------------------------------------- a full disk, Ctrl-C, kill -9

def test_a_full_disk_while_writing_through_a_link_gives_one_short_message_and_leaves_nothing(tmp_path, monkeypatch):
    web_root, staging = tmp_path / "www" / "council", tmp_path / ".build" / "site"
    web_root.mkdir(parents=True)
    (web_root / "index.html").write_text("old")
    for number in range(50):
        (staging / f"page{number}").mkdir(parents=True)
        (staging / f"page{number}" / "index.html").write_text("new")
    (tmp_path / "site").symlink_to(web_root)
    copied = []

    def full_disk(source, destination, **_):
        if len(copied) == 3:
            raise OSError(28, "No space left on device", str(destination))
        copied.append(source)

    monkeypatch.setattr(publish_module.shutil, "copy2", full_disk)
    with pytest.raises(PublishError) as raised:
        put_in_place(staging, tmp_path / "site")
    message = str(raised.value)
    assert "the disk is full" in message and "unchanged" in message and len(message) < 300
    assert (web_root / "index.html").read_text() == "old"
    assert sorted(p.name for p in web_root.parent.iterdir()) == ["council"]


def test_a_full_disk_during_the_build_gives_one_short_message_and_leaves_no_staging_folder(project, monkeypatch,
                                                                                              capsys):
    def full_disk(project, staging, **_):
        (staging / "half").mkdir(parents=True)
        raise OSError(28, "No space left on device", str(staging / "half" / "index.html"))

    monkeypatch.setattr(publish_module, "build", full_disk)
    assert publish(project) == 1
    err = capsys.readouterr().err
    assert "the disk is full" in err and "Free some space" in err and "Traceback" not in err
    assert err.strip().count("\n") == 0
    assert not (project / ".build" / "site").exists() and not (project / "site").exists()


def test_the_build_process_says_a_full_disk_and_ctrl_c_in_one_line(capsys):
    publish_module.stop_quietly(OSError, OSError(28, "No space left on device", "site/a/index.html"), None)
    publish_module.stop_quietly(KeyboardInterrupt, KeyboardInterrupt(), None)
    err = capsys.readouterr().err
    assert err.split() == ("The site could not be written: the disk is full. Free some space, "
                           "then build again. Stopped: nothing was changed.").split()


def test_what_a_build_stopped_by_kill_9_left_behind_is_removed_by_the_next_one(project):
    stale = project / ".build" / publish_module.WORK_DIR / "exports-en-x1y2"
    stale.mkdir(parents=True)
    (stale / "services.json").write_text("{}")
    (project / ".build" / "site").mkdir()
    result = _run(project)
    output = result.communicate(timeout=300)[0]
    assert result.returncode == 0, output
    assert sorted(p.name for p in (project / ".build").iterdir()) == ["lock", "report.json"]


def test_ctrl_c_during_a_build_stops_quietly_and_changes_nothing(project):
    _old_site(project)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), BUILD_DATE="2026-11-24", NO_MKDOCS_2_WARNING="1")
    # Ctrl-C in a terminal goes to every process of the foreground group: here, a group of its own.
    result = subprocess.Popen([sys.executable, "-m", "opencounter.publish", str(project)], cwd=project, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while not (project / ".build" / "site").exists() and time.monotonic() < deadline:
        time.sleep(0.01)
    # At once: the staging folder is there, and the build (over a second, leaflets and all) has begun.
    os.killpg(result.pid, signal.SIGINT)
    output = result.communicate(timeout=60)[0]
    assert result.returncode == 130, output
    assert "Stopped: nothing was changed." in output and "Traceback" not in output, output
    assert (project / "site" / "index.html").read_text() == "old"
    assert not (project / ".build" / "site").exists() and not (project / ".build" / "work").exists()
    with checkout_lock(project, wait=0):  # the lock is free again
        pass


def test_a_site_that_is_a_file_is_refused_with_a_message(project):
    (project / "site").write_text("notes")
    result = _run(project)
    output = result.communicate(timeout=300)[0]
    assert result.returncode == 1
    assert "'site' is a file, not a folder" in output and "Traceback" not in output
    assert (project / "site").read_text() == "notes"


def test_a_failed_build_leaves_the_site_as_it_was(project):
    _old_site(project)
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


def test_the_engines_own_line_about_a_full_disk_is_dropped_and_nothing_else():
    import logging
    def record(message):
        return logging.LogRecord("mkdocs.commands.build", logging.ERROR, __file__, 1, message, None, None)
    quiet = publish_module.FullDiskSaidOnce()
    assert not quiet.filter(record("Error building page 'services/x.md': [Errno 28] No space left on device"))
    assert quiet.filter(record("Error building page 'services/x.md': 'NoneType' object has no attribute 'x'"))
    assert quiet.filter(record("Doc file 'about.md' contains a link 'nowhere.md', but the target is not found"))
