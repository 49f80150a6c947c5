"""The other languages' sites, each built by a second run of the engine beside this build.

The first language is built by the build that was asked for, at the site's root. Each other
language is built by a child process (the same engine, with OPENCOUNTER_LANGUAGE set), started as
soon as the cheap checks have passed so that both run side by side, into a folder of its own
beside the site. When this build has written its pages, `finish` waits for each child, moves its
folder under /<code>/ and adds up what it made. Either failing fails the build, and a build that
stops early (an error, Ctrl-C, the end of the process) stops its children and removes their
half-written folders.

No engine import here: the engine is a command (`python -m mkdocs`, or `python -m properdocs`).
"""

from __future__ import annotations

import atexit
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Mapping, Sequence

from .progress import BuildReport

LANGUAGE_ENV = "OPENCOUNTER_LANGUAGE"  # the language a build of the site is in (the first if not set)
REPORT_ENV = "OPENCOUNTER_REPORT"  # where a build writes what it made (progress.BuildReport)


class LanguageBuildError(Exception):
    """Another language's site could not be built. The message is that build's own, for a person."""


@dataclass
class _Child:
    language: str
    process: subprocess.Popen
    folder: Path
    report: Path
    log: IO[str]


@dataclass(eq=False)
class LanguageBuilds:
    """The builds of the other languages of one site.

    command: how to run the engine, like [sys.executable, "-m", "mkdocs"].
    config_file: the project's mkdocs.yml; site_dir: where this build writes its site.
    """

    command: Sequence[str]
    config_file: Path
    site_dir: Path
    environ: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    _children: list[_Child] = field(default_factory=list)

    def start(self, language: str) -> None:
        """Start the build of one other language, into a folder beside the site."""
        site = Path(self.site_dir)
        stem = f".{site.name}-{language}-{os.getpid()}"
        folder, report = site.parent / stem, site.parent / f"{stem}.json"
        shutil.rmtree(folder, ignore_errors=True)
        env = dict(self.environ, **{LANGUAGE_ENV: language, REPORT_ENV: str(report), "OPENCOUNTER_PROGRESS": "0"})
        log = tempfile.TemporaryFile("w+", encoding="utf-8")  # a file, not a pipe: a talkative build never blocks
        process = subprocess.Popen([*self.command, "build", "--quiet", "--site-dir", str(folder),
                                    "--config-file", str(self.config_file)],
                                   env=env, stdout=log, stderr=subprocess.STDOUT, cwd=Path(self.config_file).parent)
        child = _Child(language, process, folder, report, log)
        self._children.append(child)
        _RUNNING.add(self)

    @property
    def languages(self) -> list[str]:
        return [child.language for child in self._children]

    def finish(self, site: Path) -> BuildReport:
        """Wait for every build, move each site to site/<code>/, and return what they made together.

        Raises LanguageBuildError with the failed build's own message (the others are stopped)."""
        total = BuildReport()
        try:
            while self._children:
                child = self._children[0]
                child.process.wait()
                child.log.seek(0)
                output = child.log.read().strip()
                if child.process.returncode != 0:
                    raise LanguageBuildError(output or f"The {child.language} site could not be built.")
                target = Path(site) / child.language
                if target.exists():
                    shutil.rmtree(target)
                os.replace(child.folder, target)
                report = BuildReport.read(child.report)
                if report:
                    total.add(report)
                self._end(self._children.pop(0))
        finally:
            self.stop()
        return total

    def stop(self) -> None:
        """Stop any build still running, and remove what it wrote."""
        while self._children:
            child = self._children.pop()
            if child.process.poll() is None:
                child.process.kill()
                child.process.wait()
            self._end(child)
        _RUNNING.discard(self)

    @staticmethod
    def _end(child: _Child) -> None:
        child.log.close()
        shutil.rmtree(child.folder, ignore_errors=True)
        Path(child.report).unlink(missing_ok=True)


_RUNNING: set[LanguageBuilds] = set()


@atexit.register
def stop_all() -> None:
    """A build that ends early (an error, Ctrl-C) leaves no other-language build running."""
    for builds in list(_RUNNING):
        builds.stop()
