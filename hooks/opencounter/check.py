"""`make check`: check services.yaml and standards.yaml without building the site.

Prints every error, then every piece of advice, each with file:line:column. Exits 1 when
there are errors and 0 when there is only advice.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

from .advice import ENGLISH_RULES, AdviceSettings, advise
from .calendar import build_date
from .content import missing_translations, other_councils, remote_load_problems, unsafe_links
from .errors import CatalogueError
from .loading import catalogue_languages, load_catalogue
from .typeset import FONT_FILES, printable_letters
from .values import ValueProblem


def advice_settings(config_path: Path) -> AdviceSettings:
    """The `extra: advice:` section of mkdocs.yml (tags such as !ENV are read as plain text)."""
    if not config_path.is_file():
        return AdviceSettings()

    class _Loader(yaml.SafeLoader):
        pass

    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_Loader) or {}
    return AdviceSettings.from_config(((config.get("extra") or {}).get("advice")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=".", type=Path,
                        help="the folder with services.yaml, standards.yaml and mkdocs.yml")
    args = parser.parse_args(argv)
    folder = args.folder
    services, standards = folder / "services.yaml", folder / "standards.yaml"
    try:
        settings = advice_settings(folder / "mkdocs.yml")
        today = build_date()
    except (ValueError, ValueProblem) as problem:
        print(f"mkdocs.yml, extra: advice: {getattr(problem, 'message', problem)}", file=sys.stderr)
        return 1
    errors, catalogue = [], None
    try:
        catalogue = load_catalogue(services, standards, today)
    except CatalogueError as error:
        errors = error.problems
    languages = catalogue_languages(services) if services.is_file() else ("en",)
    errors += missing_translations(folder / "content", languages)  # a hand-written page with no Welsh version
    links = unsafe_links(folder / "content", folder)  # links out of the project: checked before any page is read
    errors += links or (remote_load_problems(folder / "content") if (folder / "content").is_dir() else [])
    fonts = folder / "overrides" / "assets" / "fonts"
    printable = printable_letters(fonts) if all((fonts / name).is_file() for name in FONT_FILES) else None
    advice = advise(services, standards, catalogue, settings, today, printable=printable) \
        if services.is_file() and standards.is_file() else []
    if catalogue is not None and (folder / "content").is_dir() and "other-council" not in settings.off:
        advice += other_councils(folder / "content", catalogue.council.name)
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in errors + advice:
        print(problem.format(), end="\n\n")
        if annotate:  # GitHub shows these on the lines of the file, in the pull request and the editor
            print(github_annotation(problem))
    if len(languages) > 1 or languages != ("en",):
        print(f"The plain English advice ({', '.join(ENGLISH_RULES)}) reads the English text only; the other "
              "languages are checked for a line in every field.\n")
    if advice:
        counts = {}
        for item in advice:
            counts[item.rule] = counts.get(item.rule, 0) + 1
        print("Advice by rule: " + ", ".join(f"{rule} {n}" for rule, n in sorted(counts.items())) +
              ". To switch a rule off or change its limit, see 'extra: advice:' in mkdocs.yml.")
    print(_summary(len(errors), len(advice)))
    return 1 if errors else 0


def github_annotation(problem) -> str:
    """The problem as a GitHub Actions workflow command: ::error file=…,line=…,col=…::message."""
    def data(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    def prop(text: str) -> str:
        return data(text).replace(":", "%3A").replace(",", "%2C")

    kind = "warning" if problem.severity == "advice" else "error"
    title = f"Advice ({problem.rule})" if problem.severity == "advice" else "Error"
    # The pull request shows this alone, not the block printed above: what was found is part of the message.
    message = problem.message + "".join(f"\n{label}: {text}" for label, text in (
        ("Where", problem.where), ("Expected", problem.expected), ("Found", problem.found),
        ("How to fix it", problem.hint)) if text)
    return (f"::{kind} file={prop(problem.file)},line={problem.line},col={problem.column},"
            f"title={prop(title)}::{data(message)}")


def _summary(errors: int, advice: int) -> str:
    def count(n: int, noun: str) -> str:
        return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
    if errors:
        return (f"{count(errors, 'error')} and {count(advice, 'piece')} of advice. The site will not build "
                "until the errors are fixed.")
    if advice:
        return (f"No errors. {count(advice, 'piece')} of advice: the site will build, but please read it. "
                "To accept advice on one line, end it with '# accept'.")
    return "No errors and no advice. The catalogue is ready to publish."


if __name__ == "__main__":
    sys.exit(main())
