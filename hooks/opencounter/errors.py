"""Problems found in a catalogue, and how they are told to the person who wrote it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a catalogue file, pointing at the line where it is."""

    file: str
    line: int  # 1-based
    column: int  # 1-based
    where: str  # the path in plain words: "services → council-tax → contact → item 2"
    message: str  # what is wrong, as a sentence
    expected: str = ""
    found: str = ""
    hint: str = ""
    severity: str = "error"  # "error" stops the build; "advice" is a suggestion from `make check`
    rule: str = ""  # for advice: the rule's name, to switch it off or accept it

    def format(self) -> str:
        """The problem as a short block of plain text, first line `file:line:column: message`."""
        label = f"advice ({self.rule})" if self.severity == "advice" else "error"
        lines = [f"{self.file}:{self.line}:{self.column}: {label}: {self.message}"]
        if self.where:
            lines.append(f"    Where:    {self.where}")
        if self.expected:
            lines.append(f"    Expected: {self.expected}")
        if self.found:
            lines.append(f"    Found:    {self.found}")
        if self.hint:
            lines.append(f"    How to fix it: {self.hint}")
        return "\n".join(lines)

    @property
    def sort_key(self) -> tuple[str, int, int]:
        return (self.file, self.line, self.column)


class CatalogueError(Exception):
    """The catalogue has one or more problems; nothing should be built from it."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        """Every problem, then a count and what happens next."""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        blocks = [p.format() for p in self.problems]
        blocks.append(
            f"Found {count} {noun} in the catalogue. Nothing was built, and the site "
            "that was there before is unchanged. Fix the lines above and try again."
        )
        return "\n\n".join(blocks)


def found_text(value: object, limit: int = 60) -> str:
    """Show a value the way the officer typed it, shortened, for the "Found" line."""
    if value is None or value == "":
        return "nothing"
    text = str(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
