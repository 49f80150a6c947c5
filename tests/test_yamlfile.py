"""Reading a catalogue file: any file at all gets a plain message within seconds, never a hang or a crash."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import FIXTURES, ROOT
from opencounter.yamlfile import MAX_DEPTH, read_yaml


def _read(path):
    problems = []
    started = time.monotonic()
    root = read_yaml(path, "services.yaml", problems)
    assert time.monotonic() - started < 5
    return root, [(p.line, p.message, p.hint) for p in problems]


def test_a_folder_in_place_of_the_file(tmp_path):
    (tmp_path / "services.yaml").mkdir()
    assert _read(tmp_path / "services.yaml") == (None, [(1, "services.yaml is a folder, not a file.",
                                                          "Move the folder away and put the catalogue file "
                                                          "services.yaml in its place.")])


def test_a_pipe_never_hangs(tmp_path):
    os.mkfifo(tmp_path / "services.yaml")
    root, problems = _read(tmp_path / "services.yaml")
    assert root is None and "is not an ordinary file" in problems[0][1]


def test_a_link_to_a_device_is_refused_before_reading(tmp_path):
    (tmp_path / "services.yaml").symlink_to("/dev/zero")
    root, problems = _read(tmp_path / "services.yaml")
    assert root is None and "is not an ordinary file" in problems[0][1]


def test_a_huge_file_is_refused_before_reading(tmp_path):
    with open(tmp_path / "services.yaml", "wb") as file:
        file.truncate(200 * 1024 * 1024)  # sparse: takes no disk
    root, problems = _read(tmp_path / "services.yaml")
    assert root is None and "far larger than any catalogue" in problems[0][1]


@pytest.mark.parametrize("text", ["a: " + "[" * 50_000, "a: " + "{x: " * 50_000,
                                  "".join(" " * (2 * n) + f"k{n}:\n" for n in range(MAX_DEPTH + 5))])
def test_deep_nesting_is_refused_before_the_parser_can_crash(tmp_path, text):
    (tmp_path / "services.yaml").write_text(text)
    root, problems = _read(tmp_path / "services.yaml")
    assert root is None and f"nested more than {MAX_DEPTH} levels" in problems[0][1]


def test_deep_nesting_does_not_crash_make_check(tmp_path):
    (tmp_path / "services.yaml").write_text("council: " + "[" * 50_000)
    (tmp_path / "standards.yaml").write_text((FIXTURES / "valid" / "standards.yaml").read_text())
    result = subprocess.run([sys.executable, "-m", "opencounter.check", str(tmp_path)], capture_output=True,
                            text=True, timeout=60, env=dict(os.environ, PYTHONPATH=str(ROOT / "hooks")))
    assert result.returncode == 1, result.stderr  # not -11, a segmentation fault
    assert "nested more than" in result.stdout and "Traceback" not in result.stderr


def test_a_nul_byte_is_reported_on_its_own_line(tmp_path):
    text = (FIXTURES / "valid" / "services.yaml").read_text().replace("Bin collections", "Bin\x00collections", 1)
    (tmp_path / "services.yaml").write_text(text)
    line = text[:text.index("\x00")].count("\n") + 1
    root, problems = _read(tmp_path / "services.yaml")
    assert root is None and problems[0][:2] == (line, "This line has a NUL character (a zero byte), which is not text.")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_named_as_such(tmp_path, encoding):
    (tmp_path / "services.yaml").write_bytes((FIXTURES / "valid" / "services.yaml").read_text().encode(encoding))
    root, problems = _read(tmp_path / "services.yaml")
    assert root is None and problems[0][1] == "services.yaml is saved as UTF-16 text, not UTF-8."


def test_a_byte_order_mark_is_fine(tmp_path):
    (tmp_path / "services.yaml").write_bytes(b"\xef\xbb\xbf" + (FIXTURES / "valid" / "services.yaml").read_bytes())
    root, problems = _read(tmp_path / "services.yaml")
    assert root is not None and problems == []


def test_a_file_that_cannot_be_read(tmp_path, monkeypatch):
    path = tmp_path / "services.yaml"
    path.write_text("council:\n")
    real_open = open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr("builtins.open", refusing_open)
    root, problems = _read(path)
    assert root is None and problems[0][1] == "The file services.yaml cannot be read: Permission denied."
