"""`make serve`: a mistake while previewing prints the problem and keeps the last good site."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager

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


def _page(url: str) -> str:
    """A page as built, without the script the preview adds (which names the preview's build)."""
    return _get(url).split("livereload(")[0]


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


@contextmanager
def preview(tmp_path, **env):
    """`mkdocs serve` on the valid catalogue: (project, the service page's address, a function reading the log).
    The server must still be running at the end: a mistake never ends the preview."""
    project = make_project(tmp_path / "p", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")
    port = _free_port()
    log_path = tmp_path / "serve.log"
    log = open(log_path, "w+")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=dict(os.environ, BUILD_DATE="2026-11-24", NO_MKDOCS_2_WARNING="1", **env),
                              stdout=log, stderr=subprocess.STDOUT)
    try:
        yield project, f"http://127.0.0.1:{port}/services/bin-collections/", log_path.read_text
        assert server.poll() is None, f"the preview ended (exit code {server.returncode}):\n{log_path.read_text()}"
    finally:
        server.send_signal(signal.SIGINT)  # as Ctrl-C: the server removes its temporary folder
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()


def test_a_mistake_during_preview_keeps_the_last_good_site(tmp_path):
    with preview(tmp_path) as (project, page, log):
        assert _wait_for(lambda: "Bin collections" in _get(page)), log()
        services = project / "services.yaml"
        good = services.read_text()
        services.write_text(good.replace("access: walk-in", "access: walkin"))
        assert _wait_for(lambda: "Did you mean 'walk-in'?" in log())
        assert "Bin collections" in _get(page)  # still the last good site
        assert _wait_for(lambda: "still shows the last good site" in log()), log()
        assert _built_after(log(), "Did you mean 'walk-in'?") == 0  # no success line after a failed build
        services.write_text(good.replace("name: Bin collections", "name: Bin days"))
        assert _wait_for(lambda: "Bin days" in _get(page)), log()
        assert "Traceback" not in log()


def _built_after(log: str, message: str) -> int:
    """How many builds the log says succeeded after the message."""
    return log[log.index(message):].count("Documentation built in")


def test_a_hand_written_page_at_a_generated_address_keeps_the_preview_alive_with_the_last_good_site(tmp_path):
    with preview(tmp_path) as (project, page, log):
        contact = page.replace("services/bin-collections/", "contact/")
        assert _wait_for(lambda: "Bin collections" in _get(page)), log()
        generated = _page(contact)
        clash = project / "content" / "contact" / "index.md"
        clash.parent.mkdir()
        clash.write_text("# Talk to us\n\nA page of our own.\n")
        message = "content/contact/index.md has the same address as the generated page"
        assert _wait_for(lambda: message in log()), log()
        assert _wait_for(lambda: "still shows the last good site" in log()), log()
        assert _page(contact) == generated  # the last good site, not the clashing page
        assert _built_after(log(), message) == 0
        clash.unlink()
        (project / "content" / "parking.md").write_text("# Parking at the town hall\n\nAsk at the desk.\n")
        assert _wait_for(lambda: "Parking at the town hall" in _get(page.replace("services/bin-collections/",
                                                                                 "parking/"))), log()
        assert "A page of our own" not in _page(contact)
        assert "Traceback" not in log()


def test_a_broken_link_in_a_hand_written_page_fails_the_rebuild_and_keeps_the_last_good_site(tmp_path):
    """A mistake the engine finds (a warning, under `strict: true`), not the catalogue's checks."""
    with preview(tmp_path) as (project, page, log):
        parking = page.replace("services/bin-collections/", "parking/")
        assert _wait_for(lambda: "Bin collections" in _get(page)), log()
        written = project / "content" / "parking.md"
        written.write_text("# Parking\n\nSee [the map](no-such-page.md).\n")
        assert _wait_for(lambda: "Aborted with 1 warnings in strict mode!" in log()), log()
        assert _wait_for(lambda: "still shows the last good site" in log()), log()
        assert _built_after(log(), "no-such-page.md") == 0
        with pytest.raises(urllib.error.HTTPError):  # not published: the last good site has no such page
            _get(parking)
        assert "Bin collections" in _get(page)
        written.write_text("# Parking\n\nSee [the services](services/index.md).\n")
        assert _wait_for(lambda: "See" in _get(parking)), log()
        assert "Traceback" not in log()


def test_a_catalogue_file_deleted_while_previewing_never_hangs_a_page(tmp_path):
    with preview(tmp_path) as (project, page, log):
        assert _wait_for(lambda: "Bin collections" in _get(page)), log()
        services = project / "services.yaml"
        good = services.read_text()
        services.unlink()
        assert _wait_for(lambda: "The file services.yaml is missing." in log())
        started = time.monotonic()
        assert "Bin collections" in _get(page)  # answered at once, from the last good site
        assert time.monotonic() - started < 5
        services.write_text(good.replace("name: Bin collections", "name: Bin days"))
        assert _wait_for(lambda: "Bin days" in _get(page)), log()
        assert "Traceback" not in log() and "Config value" not in log()


def test_a_missing_catalogue_file_gets_the_plain_message_in_a_build(tmp_path):
    from sitebuild import build
    project = make_project(tmp_path / "p", FIXTURES / "valid" / "services.yaml", FIXTURES / "valid" / "standards.yaml")
    (project / "services.yaml").unlink()
    result = build(project)
    assert result.returncode != 0
    assert "The file services.yaml is missing." in result.output
    assert "watch" not in result.output.lower() and "Traceback" not in result.output
