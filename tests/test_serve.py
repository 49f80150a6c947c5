"""`make serve`: a mistake while previewing prints the problem and keeps the last good site."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from conftest import FIXTURES
from sitebuild import make_project

pytestmark = pytest.mark.build


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode()


def _wait_for(check, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


def test_a_mistake_during_preview_keeps_the_last_good_site(tmp_path):
    project = make_project(tmp_path / "p", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")
    port = _free_port()
    log = open(tmp_path / "serve.log", "w+")
    env = dict(os.environ, BUILD_DATE="2026-11-24", NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    page = f"http://127.0.0.1:{port}/services/bin-collections/"
    try:
        assert _wait_for(lambda: "Bin collections" in _get(page)), (tmp_path / "serve.log").read_text()
        services = project / "services.yaml"
        good = services.read_text()
        services.write_text(good.replace("access: walk-in", "access: walkin"))
        assert _wait_for(lambda: "Did you mean 'walk-in'?" in (tmp_path / "serve.log").read_text())
        assert "Bin collections" in _get(page)  # still the last good site
        services.write_text(good.replace("name: Bin collections", "name: Bin days"))
        assert _wait_for(lambda: "Bin days" in _get(page)), (tmp_path / "serve.log").read_text()
        assert "Traceback" not in (tmp_path / "serve.log").read_text()
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def test_a_catalogue_file_deleted_while_previewing_never_hangs_a_page(tmp_path):
    project = make_project(tmp_path / "p", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")
    port = _free_port()
    log = open(tmp_path / "serve.log", "w+")
    env = dict(os.environ, BUILD_DATE="2026-11-24", NO_MKDOCS_2_WARNING="1", OPENCOUNTER_LEAFLETS="off")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    page = f"http://127.0.0.1:{port}/services/bin-collections/"
    try:
        assert _wait_for(lambda: "Bin collections" in _get(page)), (tmp_path / "serve.log").read_text()
        services = project / "services.yaml"
        good = services.read_text()
        services.unlink()
        assert _wait_for(lambda: "The file services.yaml is missing." in (tmp_path / "serve.log").read_text())
        started = time.monotonic()
        assert "Bin collections" in _get(page)  # answered at once, from the last good site
        assert time.monotonic() - started < 5
        services.write_text(good.replace("name: Bin collections", "name: Bin days"))
        assert _wait_for(lambda: "Bin days" in _get(page)), (tmp_path / "serve.log").read_text()
        log_text = (tmp_path / "serve.log").read_text()
        assert "Traceback" not in log_text and "Config value" not in log_text
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def test_a_missing_catalogue_file_gets_the_plain_message_in_a_build(tmp_path):
    from sitebuild import build
    project = make_project(tmp_path / "p", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")
    (project / "services.yaml").unlink()
    result = build(project)
    assert result.returncode != 0
    assert "The file services.yaml is missing." in result.output
    assert "watch" not in result.output.lower() and "Traceback" not in result.output
