"""`make site`: build into a staging folder, then put it in place of site/, one build at a time.

A preview, a build in another terminal and a CI job can all start a build in the same checkout.
So a build holds a lock for the checkout while it builds and swaps; a second one waits a bounded
time, then says what is running and stops. The swap is checked step by step, and the exit code is
0 only when site/ was fully replaced:

- site/ is a folder (or missing): the old one is moved aside, the new one moved in, the old one removed;
- site is a link to a web root: the new site is written through the link, next to the web root
  and then swapped with it, so the link keeps working and the web root is never half written;
- site is anything else (a file, say): nothing is touched, and the message says what to do.

Before anything is deleted, the folder `site` stands for is checked (`check_site`): it must not be
the project, hold it or be inside it (a link to `.`, a parent folder or `content/`), and it may hold
only what an earlier build wrote. Each build leaves a list of the files it wrote (MANIFEST, in the
site), so a web root holding a previous build is replaced, and a home folder or a shared web root
holding anything else is refused, naming a file the build did not write.

The build runs in its own process group: Ctrl-C stops it quietly ("Stopped: nothing was changed"),
the staging folders are removed and the lock released. A full disk gives one short message. The
build's scratch folder (WORK_DIR) belongs to `make site` alone, so whatever a build stopped by
`kill -9` left there is removed by the next one.

No MkDocs import here: the build itself runs as `python -m mkdocs build` in a child process.

    python -m opencounter.publish [project folder]
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .progress import BuildReport, summary_line

WAIT_SECONDS = 300
BUILD_DIR = ".build"
WORK_DIR = "work"  # in BUILD_DIR: the build's scratch files (open data made on the other core)
WORK_ENV = "OPENCOUNTER_WORK_DIR"  # tells the build where its scratch folder is
MANIFEST = ".opencounter-files"  # in the site: every file the build wrote, one a line
STOPPED = "Stopped: nothing was changed."


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
    _remove(staging)
    work = project / BUILD_DIR / WORK_DIR
    _remove(work)  # what a build stopped half way (kill -9) left behind
    env = dict(os.environ, **{WORK_ENV: str(work)})
    # Stopped half way, a process pool's helper would warn of "leaked semaphores": nothing leaks, say nothing.
    quiet = "ignore::UserWarning:multiprocessing.resource_tracker"
    env["PYTHONWARNINGS"] = ",".join(filter(None, [env.get("PYTHONWARNINGS"), quiet]))
    if report:
        env["OPENCOUNTER_REPORT"] = str(report)
    # A process group of its own, so Ctrl-C reaches this process alone: it stops the build quietly.
    child = subprocess.Popen([python, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(staging)],
                             cwd=project, env=env, start_new_session=True, preexec_fn=_die_with_parent)
    try:
        return child.wait()
    except BaseException:  # Ctrl-C, or this process told to stop: stop the build and everything it started
        with _no_interruptions():
            _stop(child)
        raise
    finally:
        with _no_interruptions():
            _remove(work, quietly=True)


def _stop(child: subprocess.Popen) -> None:
    try:
        os.killpg(child.pid, signal.SIGTERM)
        child.wait(timeout=10)
    except ProcessLookupError:
        return
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()


def _die_with_parent() -> None:
    """In the build's process: end when `make site` ends, even by kill -9 (Linux), so no orphan writes on."""
    try:
        import ctypes
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # not Linux: the build finishes on its own
        pass


def check_site(project: Path, site: Path) -> None:
    """Refuse a `site` whose folder is, holds or is inside the project, or holds files no build wrote.

    Called before anything is deleted. Raises PublishError saying what to do."""
    project = project.resolve()
    target = Path(os.path.realpath(site))
    link = f"'{site.name}' is a link to {target}" if site.is_symlink() else f"'{site.name}'"
    fix = (f"Make '{site.name}' an empty folder, or a link to a folder of its own that holds only the site "
           "(an empty one the first time), then run 'make site' again.")
    if target == project or target in project.parents:
        raise PublishError(f"{link}, which holds this project: putting the site there would delete your files. "
                           f"Nothing was changed. {fix}")
    if site.is_symlink() and project in target.parents:
        raise PublishError(f"{link}, a folder inside this project: putting the site there would delete it. "
                           f"Nothing was changed. {fix}")
    if not target.is_dir():
        return
    stranger = _not_written_by_a_build(target)
    if stranger:
        raise PublishError(f"{link}, which holds files an earlier build did not write, like '{stranger}'. "
                           f"Putting the site there would delete them. Nothing was changed. {fix}")


def _not_written_by_a_build(folder: Path) -> str:
    """A file in `folder` that no earlier build wrote (its name, relative), or "" if there is none."""
    try:
        listed = set((folder / MANIFEST).read_text(encoding="utf-8").splitlines())
    except FileNotFoundError:
        listed = None
    except (OSError, UnicodeDecodeError):
        return MANIFEST
    legacy = listed is None and _built_before_manifests(folder)
    for path in _files(folder):
        name = path.relative_to(folder).as_posix()
        if name == MANIFEST or (listed is not None and name in listed):
            continue
        if legacy and _where_a_build_writes(folder, name):
            continue  # a site built before builds left their list: its own files are replaced, as before
        return name
    return ""


def _built_before_manifests(folder: Path) -> bool:
    return all((folder / name).is_file() for name in ("index.html", "sitemap.xml", "search/search_index.json",
                                                        "openreferral/services.json"))


# What a build writes at the top of the site, besides a folder for each page (one holding an index.html).
_TOP_FILES = {"index.html", "404.html", "sitemap.xml", "sitemap.xml.gz"}
_TOP_FOLDERS = {"assets", "search", "openreferral", "leaflets", "calendars"}


def _where_a_build_writes(folder: Path, name: str) -> bool:
    """Whether a file of a site built before builds listed their files is in a place a build writes:
    a top-level page or sitemap, or a folder of the site's own (assets, leaflets...) or of a page. A
    council's own file beside the site (minutes.pdf, .well-known/) is not, and is never deleted."""
    top, _, rest = name.partition("/")
    if not rest:
        return top in _TOP_FILES
    if top.startswith("."):
        return False
    return top in _TOP_FOLDERS or (folder / top / "index.html").is_file()


def _files(folder: Path) -> Iterator[Path]:
    """Every file and link under `folder`, never following a link."""
    for root, dirs, names in os.walk(folder):
        base = Path(root)
        for name in names:
            yield base / name
        for name in list(dirs):
            if (base / name).is_symlink():
                dirs.remove(name)
                yield base / name


def write_manifest(site: Path) -> None:
    """List every file of the built site in it, so the next build knows they are the site's own."""
    names = sorted(p.relative_to(site).as_posix() for p in _files(site))
    (site / MANIFEST).write_text("".join(f"{name}\n" for name in names if name != MANIFEST), encoding="utf-8")


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
            _copy(staging, incoming)
        except BaseException as error:
            _remove(incoming)
            if not isinstance(error, OSError):
                raise
            raise PublishError(f"The new site could not be written next to {target}: {_reason(error)}. "
                               "The site there is unchanged.") from None
        _remove(staging)
    else:
        incoming = staging
    old = target.with_name(f".{target.name}.old") if write_through else staging.with_name("site.old")
    with _no_interruptions():  # a Ctrl-C now would leave no site at all: the renames finish first
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


def _copy(source: Path, destination: Path) -> None:
    """Copy a folder, links as links, stopping at the first file that cannot be written (a full disk
    fails every file after it: one message says it all)."""
    destination.mkdir()
    for root, dirs, names in os.walk(source):
        into = destination / Path(root).relative_to(source)
        for name in dirs + names:
            path, copy = Path(root) / name, into / name
            if path.is_symlink():
                os.symlink(os.readlink(path), copy)
                if name in dirs:
                    dirs.remove(name)
            elif name in dirs:
                copy.mkdir()
            else:
                shutil.copy2(path, copy)


def _reason(error: OSError) -> str:
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    return error.strerror or str(error)


def _failed(error: OSError, what: str) -> str:
    """One line for a file that could not be written: the disk is full (file), what to do."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT):  # the file it happened on says nothing useful
        return f"{what}: the disk is full. Free some space, then build again."
    where = f" ({error.filename})" if getattr(error, "filename", None) else ""
    return f"{what}: {_reason(error)}{where}."


@contextmanager
def _no_interruptions() -> Iterator[None]:
    """Hold Ctrl-C back until the block ends (in the main thread; elsewhere, nothing changes)."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _remove(path: Path, quietly: bool = False) -> None:
    try:
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.exists():
            shutil.rmtree(path)
    except OSError:
        if not quietly:
            raise


def stop_quietly(kind, error, trace) -> None:
    """sys.excepthook for the build process: Ctrl-C and a full disk in one line, never a traceback."""
    if issubclass(kind, KeyboardInterrupt):
        print(f"\n{STOPPED}", file=sys.stderr, flush=True)
    elif issubclass(kind, OSError):
        kept = f" {STOPPED}" if os.environ.get(WORK_ENV) else ""  # under `make site`, site/ is as it was
        print(f"\n{_failed(error, 'The site could not be written')}{kept}\n", file=sys.stderr, flush=True)
    else:
        sys.__excepthook__(kind, error, trace)


class FullDiskSaidOnce(logging.Filter):
    """Drops the engine's own "Error building page '...': [Errno 28] No space left on device" line:
    stop_quietly says a full disk in one line of its own, with what to do."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (message.startswith("Error building page") and
                    (f"[Errno {errno.ENOSPC}]" in message or os.strerror(errno.ENOSPC) in message))


def publish(project: Path, wait: float = WAIT_SECONDS) -> int:
    """Build and put the site in place. Returns the exit code for `make site`."""
    project = project.resolve()
    site = project / "site"
    started = time.monotonic()
    report_path = project / BUILD_DIR / "report.json"
    staging = project / BUILD_DIR / "site"
    try:
        check_site(project, site)
        with checkout_lock(project, wait):
            try:
                report_path.unlink(missing_ok=True)
                code = build(project, staging, report=report_path)
                if code != 0:
                    _remove(staging)
                    return code  # the build printed why; site/ is untouched
                write_manifest(staging)
                check_site(project, site)  # again: the folder may have changed while the site was built
                put_in_place(staging, site)
                report = BuildReport.read(report_path)
            except BaseException:
                with _no_interruptions():
                    _remove(staging, quietly=True)
                raise
    except PublishError as error:
        print(f"\n{error}\n", file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print(f"\n{STOPPED}", file=sys.stderr, flush=True)
        return 130
    except OSError as error:  # a full disk, most often: one line, not a traceback
        print(f"\n{_failed(error, 'The site could not be built')} {STOPPED}\n", file=sys.stderr, flush=True)
        return 1
    where = f"{site.name}/ (a link to {os.path.realpath(site)})" if site.is_symlink() else f"{site.name}/"
    print(summary_line(report, time.monotonic() - started, where))
    print("Open site/index.html, or run 'make serve' to preview.")
    return 0


if __name__ == "__main__":
    # OPENCOUNTER_BUILD_WAIT: how long to wait for another build (seconds), for tests and impatient CI jobs.
    sys.exit(publish(Path(sys.argv[1] if len(sys.argv) > 1 else "."),
                     float(os.environ.get("OPENCOUNTER_BUILD_WAIT") or WAIT_SECONDS)))
