"""The preview's folders: a rebuild replaces the site shown only when it is put in place."""

from __future__ import annotations

from opencounter.preview import PreviewFolders


def _site(folder, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(text)


def test_a_rebuild_is_shown_only_once_it_is_put_in_place(tmp_path):
    served = tmp_path / "mkdocs_abc"
    _site(served, "last good")
    folders = PreviewFolders(served)
    _site(folders.start(), "rebuilt")
    assert (served / "index.html").read_text() == "last good"
    folders.put_in_place()
    assert (served / "index.html").read_text() == "rebuilt"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs_abc"]


def test_a_failed_rebuild_leaves_the_site_shown_and_nothing_beside_it(tmp_path):
    served = tmp_path / "mkdocs_abc"
    _site(served, "last good")
    folders = PreviewFolders(served)
    _site(folders.start() / "services", "half written")
    folders.discard()
    assert (served / "index.html").read_text() == "last good"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs_abc"]


def test_a_new_rebuild_starts_from_an_empty_folder(tmp_path):
    folders = PreviewFolders(tmp_path / "mkdocs_abc")
    _site(folders.start(), "left by a rebuild that was stopped")
    assert not folders.start().exists()
