"""`make site`: build into a staging folder, then put it in place of site/, one build at a time.

A preview, a build in another terminal and a CI job can all start a build in the same checkout.
So a build holds a lock for the checkout while it builds and swaps; a second one waits a bounded
time, then says what is running and stops. The swap is checked step by step, and the exit code is
0 only when site/ was fully replaced:

- site/ is a folder (or missing): the old one is moved aside, the new one moved in, the old one removed;
- site is a link to a web root: the new site is written through the link, next to the web root
  and then swapped with it, so the link keeps working and the web root is never half written;
- site is anything else (a file, say): nothing is touched, and the message says what to do.

No MkDocs import here: the build itself runs as `python -m mkdocs build` in a child process.

    python -m opencounter.publish [project folder]
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .progress import BuildReport, summary_line

WAIT_SECONDS = 300
BUILD_DIR = ".build"


class PublishError(Exception):
    """The site could not be put in place. The message says why, for a person."""


@contextmanager
def checkout_lock(project: Path, wait: float = WAIT_SECONDS, poll: float = 0.5) -> Iterator[None]:
    """Hold the build lock of this checkout, waiting at most `wait` seconds for another build."""
    folder = project / BUILD_DIR
    folder.mkdir(parents=True, exist_ok=True)
    handle = open(folder / "lock", "a+")
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise PublishError(
                        f"Another build of this site is still running ({_holder(handle)}), after waiting "
                        f"{wait:.0f} seconds. Nothing was changed. Wait for it to finish, or stop it, then "
                        "run 'make site' again.") from None
                if not told:
                    print(f"Another build of this site is running ({_holder(handle)}). Waiting for it to "
                          "finish...", file=sys.stderr, flush=True)
                    told = True
                time.sleep(poll)
        handle.seek(0)
        handle.truncate()
        handle.write(f"process {os.getpid()}, started {time.strftime('%H:%M:%S')}\n")
        handle.flush()
        yield
    finally:
        handle.close()  # closing the file releases the lock, even if this process is killed


def _holder(handle) -> str:
    handle.seek(0)
    return handle.read().strip() or "another process"


def build(project: Path, staging: Path, python: str = sys.executable, report: Path | None = None) -> int:
    """Run `mkdocs build` into `staging`. Returns its exit code; its messages go to the terminal.
    With `report`, the build writes what it made there (progress.BuildReport)."""
    if staging.exists():
        shutil.rmtree(staging)
    env = dict(os.environ, OPENCOUNTER_REPORT=str(report)) if report else None
    return subprocess.run([python, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(staging)],
                          cwd=project, env=env).returncode


def put_in_place(staging: Path, site: Path) -> None:
    """Replace `site` by `staging`, every step checked. Raises PublishError if site was not replaced."""
    if site.is_symlink():
        target = Path(os.path.realpath(site))
        if target.exists() and not target.is_dir():
            raise PublishError(f"'{site.name}' is a link to {target}, which is not a folder. Nothing was changed.")
        _swap_folder(staging, target, write_through=True)
        return
    if site.exists() and not site.is_dir():
        raise PublishError(
            f"'{site.name}' is a file, not a folder, so the site cannot be put there. Nothing was changed. "
            f"Move or delete the file '{site.name}', then run 'make site' again.")
    _swap_folder(staging, site, write_through=False)


def _swap_folder(staging: Path, target: Path, write_through: bool) -> None:
    if write_through:
        # The web root may be on another disk: copy next to it first, so the swap there is a rename.
        incoming = target.with_name(f".{target.name}.new")
        _remove(incoming)
        try:
            shutil.copytree(staging, incoming, symlinks=True)
        except OSError as error:
            _remove(incoming)
            raise PublishError(f"The new site could not be written next to {target}: {error.strerror or error}. "
                               "The site there is unchanged.") from None
        _remove(staging)
    else:
        incoming = staging
    old = target.with_name(f".{target.name}.old") if write_through else staging.with_name("site.old")
    _remove(old)
    if target.exists():
        try:
            os.rename(target, old)
        except OSError as error:
            raise PublishError(f"The old site at {target} could not be moved aside: {error.strerror}. "
                               "It is unchanged.") from None
    try:
        os.rename(incoming, target)
    except OSError as error:
        if old.exists():
            os.rename(old, target)  # put the old site back: never leave no site at all
        raise PublishError(f"The new site could not be moved to {target}: {error.strerror}. "
                           "The old site is still there.") from None
    _remove(old)


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def publish(project: Path, wait: float = WAIT_SECONDS) -> int:
    """Build and put the site in place. Returns the exit code for `make site`."""
    project = project.resolve()
    site = project / "site"
    started = time.monotonic()
    report_path = project / BUILD_DIR / "report.json"
    try:
        with checkout_lock(project, wait):
            staging = project / BUILD_DIR / "site"
            report_path.unlink(missing_ok=True)
            code = build(project, staging, report=report_path)
            if code != 0:
                _remove(staging)
                return code  # the build printed why; site/ is untouched
            put_in_place(staging, site)
            report = BuildReport.read(report_path)
    except PublishError as error:
        print(f"\n{error}\n", file=sys.stderr, flush=True)
        return 1
    where = f"{site.name}/ (a link to {os.path.realpath(site)})" if site.is_symlink() else f"{site.name}/"
    print(summary_line(report, time.monotonic() - started, where))
    print("Open site/index.html, or run 'make serve' to preview.")
    return 0


if __name__ == "__main__":
    # OPENCOUNTER_BUILD_WAIT: how long to wait for another build (seconds), for tests and impatient CI jobs.
    sys.exit(publish(Path(sys.argv[1] if len(sys.argv) > 1 else "."),
                     float(os.environ.get("OPENCOUNTER_BUILD_WAIT") or WAIT_SECONDS)))
