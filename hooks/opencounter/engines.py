"""`make engines`: the site built with each engine Open Counter supports, and the two compared.

MkDocs 1.6 is the last of its line (MkDocs 2 drops hooks and plugins); ProperDocs is a maintained
fork of it that runs the same hooks and theme. Both build the project into .build/engines/<engine>/,
and every file must be the same byte for byte, apart from the page's generator tag (which names
the engine). Any other difference is listed and the exit code is 1.

No engine import here: each engine runs as `python -m <engine> build` in a child process.

    python -m opencounter.engines [project folder]
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ENGINES = {"mkdocs": "MkDocs", "properdocs": "ProperDocs"}
FOLDER = Path(".build") / "engines"
# <meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.1">: says which engine, so it differs.
_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
_SHOWN = 20  # differences listed at most


def build_with(engine: str, project: Path, folder: Path) -> subprocess.CompletedProcess:
    """Build the project with one engine into `folder` (emptied first); its messages are in the result."""
    shutil.rmtree(folder, ignore_errors=True)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", OPENCOUNTER_PROGRESS="0")
    return subprocess.run([sys.executable, "-m", engine, "build", "--quiet", "--config-file", "mkdocs.yml",
                           "--site-dir", str(folder)], cwd=project, env=env, capture_output=True, text=True)


def differences(first: Path, second: Path) -> list[str]:
    """Every file that is only in one site, or whose bytes differ apart from the generator tag."""
    def files(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}

    mine, theirs = files(first), files(second)
    found = [f"only in {first.name}/: {name}" for name in sorted(mine - theirs)]
    found += [f"only in {second.name}/: {name}" for name in sorted(theirs - mine)]
    for name in sorted(mine & theirs):
        a, b = (first / name).read_bytes(), (second / name).read_bytes()
        if a != b and _GENERATOR.sub(b"", a) != _GENERATOR.sub(b"", b):
            found.append(f"differs: {name}")
    return found


def compare(project: Path) -> int:
    """Build with each engine and compare. Returns the exit code for `make engines`."""
    project = project.resolve()
    missing = [name for engine, name in ENGINES.items() if importlib.util.find_spec(engine) is None]
    if missing:
        print(f"{' and '.join(missing)} is not installed here. Run 'make site' once to install what "
              "requirements.txt lists, then 'make engines' again.", file=sys.stderr)
        return 1
    folders = {}
    for engine, name in ENGINES.items():
        folder = project / FOLDER / engine
        result = build_with(engine, project, folder)
        if result.returncode != 0:
            print(f"{name} could not build the site:\n{(result.stdout + result.stderr).strip()}", file=sys.stderr)
            return 1
        folders[name] = folder
    (first_name, first), (second_name, second) = folders.items()
    found = differences(first, second)
    if found:
        shown = "\n".join(f"  {line}" for line in found[:_SHOWN])
        more = f"\n  and {len(found) - _SHOWN} more" if len(found) > _SHOWN else ""
        print(f"{first_name} and {second_name} built different sites ({len(found)} differences; the sites are "
              f"in {FOLDER}/):\n{shown}{more}", file=sys.stderr)
        return 1
    count = sum(1 for p in first.rglob("*") if p.is_file())
    print(f"{first_name} and {second_name} built the same site: {count:,} files, byte for byte the same apart "
          "from the generator tag.")
    return 0


if __name__ == "__main__":
    sys.exit(compare(Path(sys.argv[1] if len(sys.argv) > 1 else ".")))
