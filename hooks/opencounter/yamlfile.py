"""Read a YAML file into a node tree that keeps line and column, with every value as typed text.

PyYAML turns `17:30` into 1050, `NO` into False and `0123` into 83, and keeps the last of two
duplicate keys without a word. Officers must get back exactly what they typed, so we only
*compose* the file (build the node tree, which keeps positions) and never construct Python
values from it: every scalar stays the text in the file.
"""

from __future__ import annotations

import copy
import re
import stat
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problem

try:  # libyaml is 8x faster and its nodes carry marks too
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["MappingNode", "Node", "ScalarNode", "SequenceNode", "read_yaml", "is_empty", "position"]

_NULL_TAG = "tag:yaml.org,2002:null"
_ALIAS = re.compile(r"(?:^|[\s\[{,])\*[^\s\]},]")


class _AliasMarkingLoader(yaml.SafeLoader):
    """Composes like the fast loader, but a value reached through an alias (*name) carries the alias's
    place, so a mistake in it is reported where the officer used it, not where the anchor is."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            node = copy.copy(super().compose_node(parent, index))
            node.start_mark, node.end_mark = event.start_mark, event.end_mark
            return node
        return super().compose_node(parent, index)


def position(node: Node) -> tuple[int, int]:
    """1-based line and column where a node starts."""
    return node.start_mark.line + 1, node.start_mark.column + 1


def is_empty(node: Node | None) -> bool:
    """True for a missing value: `key:` with nothing after it, `~`, or only spaces in quotes."""
    return node is None or (isinstance(node, ScalarNode) and (node.tag == _NULL_TAG or not node.value.strip()))


def read_yaml(path: Path, label: str, problems: list[Problem]) -> Node | None:
    """Compose one YAML file; add any problems found to `problems`.

    Returns the root node, or None when the file cannot be read at all. `label` is the name
    the officer knows the file by (for example `services.yaml`).
    """
    text = _read_text(path, label, problems)
    if text is None:
        return None
    depth_problem = _too_deep(text, label)
    if depth_problem:
        problems.append(depth_problem)
        return None

    tab_problems = _tab_problems(text, label)
    problems.extend(tab_problems)
    if tab_problems:
        # Try again as if the tabs were spaces, so that other problems are found in the same run.
        text = text.expandtabs(2)

    try:
        # Aliases (*name) are rare: only then the slower loader that marks each alias with its own place.
        loader = _AliasMarkingLoader if _ALIAS.search(text) else _Loader
        root = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as error:
        if not tab_problems:
            problems.append(_syntax_problem(error, label, text))
        return None
    except yaml.YAMLError as error:  # pragma: no cover - every composer error carries a mark
        problems.append(Problem(label, 1, 1, "", f"The file could not be read: {error}"))
        return None

    if root is None:
        problems.append(Problem(label, 1, 1, "", f"The file {label} is empty.",
                                hint="Add the sections the editors' guide lists."))
        return None
    _check_keys(root, label, problems)
    return root


# Far above any real catalogue (the sample is 45 KB; 3,000 services are about 1.5 MB), far below what hurts.
MAX_BYTES = 20 * 1024 * 1024
# libyaml's parser recurses once per level of nesting and overflows the C stack near 50,000 levels.
MAX_DEPTH = 100


def _read_text(path: Path, label: str, problems: list[Problem]) -> str | None:
    """The file's text, or None with a problem: never a hang on a pipe or a device, never a traceback."""
    def problem(message: str, hint: str, line: int = 1) -> None:
        problems.append(Problem(label, line, 1, "", message, hint=hint))

    try:
        info = path.stat()  # follows links: a link to /dev/zero is a device
    except FileNotFoundError:
        problem(f"The file {label} is missing.",
                f"Create {label} next to mkdocs.yml. The editors' guide has a starting point.")
        return None
    except OSError as error:
        problem(f"The file {label} cannot be opened: {error.strerror}.", "Check the file's permissions.")
        return None
    if stat.S_ISDIR(info.st_mode):
        problem(f"{label} is a folder, not a file.",
                f"Move the folder away and put the catalogue file {label} in its place.")
        return None
    if not stat.S_ISREG(info.st_mode):
        problem(f"{label} is not an ordinary file (it is a pipe, a device or a socket).",
                f"Replace it with the catalogue file {label}.")
        return None
    if info.st_size > MAX_BYTES:
        problem(f"{label} is {info.st_size // (1024 * 1024)} MB, far larger than any catalogue.",
                f"Check that this is the right file. A catalogue of 3,000 services is about 2 MB; "
                f"the limit is {MAX_BYTES // (1024 * 1024)} MB.")
        return None
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_BYTES + 1)
    except FileNotFoundError:  # deleted between the look and the read
        problem(f"The file {label} is missing.", f"Create {label} next to mkdocs.yml.")
        return None
    except OSError as error:
        problem(f"The file {label} cannot be read: {error.strerror}.",
                "Check the file's permissions, or save it again.")
        return None
    if data[:2] in (b"\xff\xfe", b"\xfe\xff") or _looks_like_utf16(data[:400]):
        problem(f"{label} is saved as UTF-16 text, not UTF-8.",
                "Save it again as UTF-8: in VS Code, click 'UTF-16' in the status bar and choose "
                "'Save with Encoding', then 'UTF-8'.")
        return None
    if b"\x00" in data:
        problem("This line has a NUL character (a zero byte), which is not text.",
                "Delete the odd character on this line, or type the line again. It often comes from "
                "copying from a PDF or a spreadsheet.", text_line_of_offset(data, data.index(b"\x00")))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problem("This line has a character that is not UTF-8 text.",
                "Save the file as UTF-8. Retype any curly quotes or special characters on this line.",
                text_line_of_offset(data, error.start))
        return None


def _looks_like_utf16(head: bytes) -> bool:
    """UTF-16 without a byte order mark: every other byte of plain text is a zero."""
    if len(head) < 8:
        return False
    return max(head[0::2].count(0), head[1::2].count(0)) > 0.4 * (len(head) // 2)


def _too_deep(text: str, label: str) -> Problem | None:
    """Nesting deeper than MAX_DEPTH, found before the parser can overflow on it.

    Brackets are counted with str.count, comments and quotes included: an overestimate only
    for text that is not a catalogue anyway.
    """
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if "[" in line or "{" in line or "]" in line or "}" in line:
            depth = max(0, depth + line.count("[") + line.count("{") - line.count("]") - line.count("}"))
        indent = len(line) - len(line.lstrip(" -"))
        if depth + indent // 2 > MAX_DEPTH:
            return Problem(label, number, 1, "", f"This line is nested more than {MAX_DEPTH} levels deep.",
                           hint="A catalogue needs a few levels only. Check for brackets [ or { that are never "
                                "closed, or for text pasted in by mistake.")
    return None


def text_line_of_offset(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


def _tab_problems(text: str, label: str) -> list[Problem]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        column = line.find("\t")
        if column >= 0:
            found.append(Problem(
                label, number, column + 1, "", "This line has a tab character.",
                expected="spaces", found="a tab",
                hint="Replace the tab with spaces. YAML files must be indented with spaces only."))
    return found


def _quoted_line(text: str, line: int) -> str:
    """ `name: Digital: operations` as `name: "Digital: operations"`: a key, then text with a colon in it."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    match = re.fullmatch(r"\s*(?:- )?([A-Za-z_][\w-]*): ([^\"'#][^#]*?:\s[^#]*?)\s*", lines[line - 1])
    if not match or '"' in match.group(2) or "\\" in match.group(2):
        return ""
    return f'{match.group(1)}: "{match.group(2)}"'


def _syntax_problem(error: yaml.MarkedYAMLError, label: str, text: str = "") -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (error.problem or "").strip()
    context = (error.context or "").strip()
    hint = ("Check the indentation of this line and the one before it: items at the same level "
            "must start in the same column. Every key needs a colon and a space after it, "
            "like 'name: Council Tax'.")
    if "mapping values are not allowed" in problem:
        message = "A colon in this line confuses the file layout."
        hint = ("If the text itself contains ': ', put the whole value in double quotes, "
                "like description: \"Note: bring ID\". Otherwise check the indentation.")
        quoted = _quoted_line(text, line)
        if quoted:  # the officer's own line, quoted: `name: "Digital: operations"`
            hint = (f"If the text itself contains ': ', put the whole value in double quotes: {quoted}. "
                    "Otherwise check the indentation.")
    elif "found character" in problem and "cannot start any token" in problem:
        message = "This line starts with a character that YAML does not allow here."
        hint = ("Put the value in double quotes. Values that start with @, ` or % must be quoted.")
    elif "found undefined alias" in problem or "found unhashable key" in problem:
        message = "This line uses YAML features the catalogue does not support."
        hint = "Write the value out in full instead of using * or ? at the start."
    elif "expected a single document" in context or "but found another document" in problem:
        message = "This file has more than one YAML document in it."
        hint = "Remove the line with three dashes (---) in the middle of the file."
    elif "while scanning a quoted scalar" in context or "found unexpected end of stream" in problem:
        message = "A quote is opened but never closed."
        if error.context_mark:  # point at the opening quote, not the end of the file
            line, column = error.context_mark.line + 1, error.context_mark.column + 1
        hint = "Add the closing quote mark at the end of the value."
    else:
        message = "The file layout is broken at this line."
    return Problem(label, line, column, "", message, found=problem or context, hint=hint)


def _repeated_key(label: str, key: ScalarNode, value: Node, first_line: int, earlier: Node) -> Problem:
    """A key given twice. Both parts may hold the officer's work, so the hint says how to keep it."""
    line, column = position(key)
    name = key.value
    if isinstance(value, SequenceNode) and isinstance(earlier, SequenceNode):
        hint = (f"Move the items under line {line} up into the '{name}' list that starts on line {first_line}, "
                f"then delete the second '{name}:' line.")
    elif isinstance(value, MappingNode) and isinstance(earlier, MappingNode):
        hint = (f"Move the lines under line {line} up into the '{name}' section that starts on line "
                f"{first_line}, then delete the second '{name}:' line.")
    else:
        hint = f"Keep the one you mean and delete the other. The first one is on line {first_line}."
    return Problem(label, line, column, "", f"The key '{name}' appears twice in the same section.",
                   found=f"'{name}' on line {first_line} and again on line {line}", hint=hint)


def _check_keys(node: Node, label: str, problems: list[Problem]) -> None:
    """Reject duplicate keys and keys that are not plain text, everywhere in the tree."""
    stack = [node]
    seen_nodes: set[int] = set()
    while stack:
        current = stack.pop()
        if id(current) in seen_nodes:  # aliases can make the tree a graph
            continue
        seen_nodes.add(id(current))
        if isinstance(current, MappingNode):
            first: dict[str, tuple[int, Node]] = {}
            kept = []
            for key, value in current.value:
                if not isinstance(key, ScalarNode):
                    line, column = position(key)
                    problems.append(Problem(label, line, column, "", "A key here is not plain text.",
                                            hint="Write keys as plain words followed by a colon, like 'name:'."))
                    kept.append((key, value))
                    continue
                if key.value not in first:
                    first[key.value] = (position(key)[0], value)
                    kept.append((key, value))
                    stack.append(value)
                    continue
                problems.append(_repeated_key(label, key, value, *first[key.value]))
                earlier = first[key.value][1]
                if type(earlier) is type(value) and isinstance(value, (MappingNode, SequenceNode)):
                    # Read both parts as one, so that the repeat is the only problem reported, not the
                    # dozen knock-on errors that losing half of a section would cause.
                    earlier.value.extend(value.value)
                else:
                    kept.append((key, value))
                    stack.append(value)
            current.value[:] = kept
        elif isinstance(current, SequenceNode):
            stack.extend(current.value)
