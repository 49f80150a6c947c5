"""Build a whole site with MkDocs from a given catalogue, in a temporary project folder."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).parent.parent
SAMPLE_CONTENT = Path(__file__).parent / "fixtures" / "sample" / "content"  # never the council's own content/


@dataclass
class Build:
    project: Path
    returncode: int
    output: str

    @property
    def site(self) -> Path:
        return self.project / "site"

    def page(self, url: str) -> str:
        return (self.site / url / "index.html").read_text(encoding="utf-8")


def make_project(folder: Path, services: Path | str, standards: Path | str, content: Path | None = None) -> Path:
    """A project folder: the real mkdocs.yml, hooks and overrides, with this catalogue and these pages
    (the sample's pages, frozen in tests/fixtures/sample/content, unless given)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "hooks", "overrides"):
        target = folder / name
        if not target.exists():
            target.symlink_to(ROOT / name)
    shutil.copytree(content or SAMPLE_CONTENT, folder / "content", dirs_exist_ok=True)
    for name, source in (("services.yaml", services), ("standards.yaml", standards)):
        text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build(project: Path, build_date: str = "2026-11-24", *args: str) -> Build:
    env = dict(os.environ, BUILD_DATE=build_date, NO_MKDOCS_2_WARNING="1", PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", *args], cwd=project, env=env,
                            capture_output=True, text=True, timeout=600)
    return Build(project, result.returncode, result.stdout + result.stderr)


@contextmanager
def run_wide(tmp_path_factory, name: str) -> Iterator[Path]:
    """A folder for `name` that every pytest-xdist worker of this run shares, held under a lock while in use.

    pytest-xdist runs session fixtures once per worker; its documented pattern is a file lock in the parent
    of the workers' base temp folders, so the first worker makes the thing and the others reuse it. Without
    xdist (-n 0) the folder is this session's own."""
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        yield tmp_path_factory.mktemp(name)
        return
    root = tmp_path_factory.getbasetemp().parent  # one per run, shared by its workers
    folder = root / f"shared-{name}"
    with open(root / f"shared-{name}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        folder.mkdir(exist_ok=True)
        yield folder


def shared_build(tmp_path_factory, name: str, services: Path | str, standards: Path | str,
                 content: Path | None = None) -> Build:
    """A site built once per test run (not once per worker), from this catalogue and these pages."""
    with run_wide(tmp_path_factory, name) as folder:
        record = folder / "build.json"
        if record.exists():
            done = json.loads(record.read_text(encoding="utf-8"))
            return Build(Path(done["project"]), done["returncode"], done["output"])
        result = build(make_project(folder / "project", services, standards, content))
        record.write_text(json.dumps({"project": str(result.project), "returncode": result.returncode,
                                      "output": result.output}), encoding="utf-8")
        return result
