"""Read services.yaml and standards.yaml into a Catalogue, or report every problem at once."""

from __future__ import annotations

import difflib
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

from . import format as fmt
from .errors import CatalogueError, Problem
from .fields import LanguageCode, Raw, Reader, Reference, describe, in_language
from .channels import CHANNEL_TYPES
from .words import words as words_for
from .models import (Accessibility, Catalogue, general_channels, Category, Channel, Closure,
                     Council, Feedback, GlossaryTerm, HeardPoint, Measure, Notice, Office, OnlineAction, Plan, Result,
                     Service, ServicePromise, Standard, Strategy, Theme, Action)
from .yamlfile import MappingNode, ScalarNode, SequenceNode, read_yaml


def load_catalogue(services_path: Path, standards_path: Path, build_date: date,
                   labels: tuple[str, str] = ("services.yaml", "standards.yaml"), language: str | None = None) -> Catalogue:
    """Read and check both files, and give the catalogue in one of its languages (the first if not given).

    Every language is checked, whichever is asked for: a field missing in one is a problem.
    Raises CatalogueError listing every problem found.
    """
    services_reader, standards_reader = Reader(labels[0]), Reader(labels[1])
    services_root = read_yaml(services_path, services_reader.label, services_reader.problems)
    standards_root = read_yaml(standards_path, standards_reader.label, standards_reader.problems)
    # When services.yaml cannot say its languages (a broken file, or a broken 'languages:' line, reported
    # on its own), the languages the files are written in stand in: no second problem on every field.
    languages = _languages(services_root) or _languages_written(services_root, standards_root)
    services_reader.languages = standards_reader.languages = languages
    services = _read_root(services_root, services_reader, fmt.SERVICES_FILE)
    standards = _read_root(standards_root, standards_reader, fmt.STANDARDS_FILE)
    if services is not None:
        _check_unique(services, services_reader, ("categories", "channels", "offices", "services"))
        _resolve_services(services, services_reader)
    if standards is not None:
        _check_unique(standards, standards_reader, ("standards", "measures"))
        _resolve_standards(standards, standards_reader,
                           _ids_as_written(services, "offices") if services is not None else None,
                           _ids_as_written(services, "services") if services is not None else None)
    problems = services_reader.problems + standards_reader.problems
    if problems or services is None or standards is None:
        raise CatalogueError(problems)
    language = language or languages[0]
    if language not in languages:
        raise ValueError(f"The catalogue is not written in '{language}': its languages are {', '.join(languages)}.")
    return _build(in_language(services, language), in_language(standards, language), build_date, language, languages)


def catalogue_languages(services_path: Path) -> tuple[str, ...]:
    """The languages services.yaml says the council publishes in, the main one first ("en" if it says none)."""
    root = read_yaml(services_path, "services.yaml", [])
    return _languages(root) or _languages_written(root, None)


def _languages(root) -> tuple[str, ...] | None:
    """`council: languages:` read ahead of the rest, since every field shown as words depends on it:
    ("en",) when it is not given, None when it cannot be read (the file, or the line; each is reported)."""
    if not isinstance(root, MappingNode):
        return None
    council = next((v for k, v in root.value if isinstance(k, ScalarNode) and k.value == "council"), None)
    if not isinstance(council, MappingNode):
        return ("en",)
    node = next((v for k, v in council.value if isinstance(k, ScalarNode) and k.value == "languages"), None)
    if node is None:
        return ("en",)
    items = node.value if isinstance(node, SequenceNode) else [node] if isinstance(node, ScalarNode) else []
    codes = [i.value.strip().lower() for i in items if isinstance(i, ScalarNode)]
    codes = [LanguageCode.NAMES.get(c, c) for c in codes]  # "welsh" is reported, and meant cy meanwhile
    if not codes or any(c not in fmt.LANGUAGES for c in codes):
        return None  # "fr", or "en, cy" as one: reported once, the languages the files use read meanwhile
    return tuple(dict.fromkeys(codes))


def _languages_written(*roots) -> tuple[str, ...]:
    """The language codes the files use as keys ("en:", "cy:"), English first: ("en",) if none."""
    found: set[str] = set()
    stack = [root for root in roots if root is not None]
    while stack:
        node = stack.pop()
        if isinstance(node, MappingNode):
            for key, value in node.value:
                if isinstance(key, ScalarNode) and key.value in fmt.LANGUAGES:
                    found.add(key.value)
                stack.append(value)
        elif isinstance(node, SequenceNode):
            stack.extend(node.value)
    return tuple(code for code in fmt.LANGUAGES if code in found) or ("en",)


def _read_root(root, reader: Reader, record) -> Raw | None:
    if root is None:
        return None
    if not isinstance(root, MappingNode):
        reader.problem(root, (), f"{reader.label} should start with its sections, like 'council:'.",
                       expected="keys at the start of lines, with no dash before them",
                       found="a list" if root.id == "sequence" else "a single value",
                       hint="Compare the file with the sample in the editors' guide.")
        return None
    return record.read(root, reader, ())


def _check_unique(raw: Raw, reader: Reader, lists: tuple[str, ...]) -> None:
    _no_suggestion_in_use(raw, reader, lists)
    for name in lists:
        first: dict[str, Raw] = {}
        for item in raw.get(name, []):
            item_id = item.get("id")
            if item_id is None:
                continue
            if item_id in first:
                line = first[item_id].at("id").start_mark.line + 1
                reader.problem(item.at("id"), item.where + ("id",), f"The id '{item_id}' is used twice in {name}.",
                               expected="a different id for each item", found=f"'{item_id}' again (first on line {line})",
                               hint=f"Give this one a different id, like '{item_id}-2', and update anything that points at it.")
            else:
                first[item_id] = item


def _no_suggestion_in_use(raw: Raw, reader: Reader, lists: tuple[str, ...]) -> None:
    """An id hint ("Try 'council-tax'.") must not suggest an id another item already has."""
    for name in lists:
        used = set(_ids(raw, name))
        for index, problem in enumerate(reader.problems):
            suggestion = re.fullmatch(r"Try '(.+)'\.", problem.hint)
            if not (suggestion and problem.where.startswith(name + " →") and problem.where.endswith("→ id")):
                continue
            taken = suggestion.group(1)
            if taken in used:
                free = next(f"{taken}-{n}" for n in range(2, 1000) if f"{taken}-{n}" not in used)
                reader.problems[index] = replace(problem, hint=(
                    f"'{taken}' is already the id of another item in {name}. Try '{free}', or another id "
                    "that says how this one differs."))


def _ids(raw: Raw, name: str) -> list[str]:
    return [item["id"] for item in raw.get(name, []) if "id" in item]


def _ids_as_written(raw: Raw, name: str) -> list[str]:
    """Every id as typed, wrong ones too: a reference to an id that has its own problem is not a second one."""
    written = []
    for item in raw.get(name, []):
        node = item.nodes.get("id")
        if "id" in item:
            written.append(item["id"])
        elif isinstance(node, ScalarNode) and node.value.strip():
            written.append(node.value.strip())
    return written


def _resolve(reference: Reference, known: list[str], reader: Reader, what: str, where_to_add: str) -> None:
    if reference.id in known:
        return
    close = difflib.get_close_matches(reference.id, known, n=1, cutoff=0.6)
    if close:
        hint = f"Did you mean '{close[0]}'?"
    elif known:
        hint = f"Use one of: {', '.join(known[:12])}{', …' if len(known) > 12 else ''}. Or add it to {where_to_add}."
    else:
        hint = f"Add it to {where_to_add} first."
    article = "an" if what[0] in "aeiou" else "a"
    reader.problem(reference.node, reference.where, f"There is no {what} with the id '{reference.id}'.",
                   expected=f"the id of {article} {what} in {where_to_add}", found=f"'{reference.id}'", hint=hint)


def _resolve_services(raw: Raw, reader: Reader) -> None:
    categories, channels = _ids_as_written(raw, "categories"), _ids_as_written(raw, "channels")
    offices, services = _ids_as_written(raw, "offices"), _ids_as_written(raw, "services")
    for reference in raw.get("council", {}).get("popular", []):
        _resolve(reference, services, reader, "service", "services")
    access = {office.get("id"): office.get("access") for office in raw.get("offices", [])}
    for office in raw.get("offices", []):
        for reference in office.get("instead", []):
            _resolve(reference, offices, reader, "office", "offices")
            if access.get(reference.id) == "closed" and reference.id != office.get("id"):
                open_ones = [i for i, a in access.items() if a and a != "closed"]
                reader.problem(reference.node, reference.where, f"The office '{reference.id}' is closed too.",
                               expected="the id of an office that is open", found=f"'{reference.id}' (access: closed)",
                               hint=f"Send people to an open office, like '{open_ones[0]}'." if open_ones
                               else "Send people to an office that is open, or leave 'instead' out.")
    for service in raw.get("services", []):
        if "category" in service:
            _resolve(service["category"], categories, reader, "category", "categories")
        for item in service.get("contact", []):
            if isinstance(item, Reference):
                _resolve(item, channels, reader, "channel", "channels")
        for office in service.get("offices", []):
            _resolve(office, offices, reader, "office", "offices")
    targets = sorted(set(offices + services + categories))
    for notice in raw.get("notices", []):
        for reference in notice.get("on", []):
            _resolve(reference, targets, reader, "office, service or category", "offices, services or categories")


def _resolve_standards(raw: Raw, reader: Reader, offices: list[str] | None, services: list[str] | None = None) -> None:
    """References in standards.yaml: results to standards and measures, standards to offices in services.yaml
    (not checked when services.yaml could not be read: its own problems come first), and (format 1.3) the
    plan's actions to the strategy's themes and heard points, and to services and offices."""
    standards, measures = _ids_as_written(raw, "standards"), _ids_as_written(raw, "measures")
    for standard in raw.get("standards", []):
        for office in standard.get("offices", []) if offices is not None else []:
            _resolve(office, offices, reader, "office", "offices in services.yaml")
    strategy = raw.get("strategy", {})
    heard = strategy.get("heard", {})
    _check_unique(strategy, reader, ("themes",))
    _check_unique(heard, reader, ("points",))
    _check_unique(raw.get("plan", {}), reader, ("actions",))
    themes, points = _ids_as_written(strategy, "themes"), _ids_as_written(heard, "points")
    for action in raw.get("plan", {}).get("actions", []):
        if "theme" in action:
            _resolve(action["theme"], themes, reader, "theme", "themes under 'strategy:'")
        if "heard" in action:
            _resolve(action["heard"], points, reader, "heard point", "points under 'strategy: heard:'")
        for service in action.get("services", []) if services is not None else []:
            _resolve(service, services, reader, "service", "services in services.yaml")
        for office in action.get("offices", []) if offices is not None else []:
            _resolve(office, offices, reader, "office", "offices in services.yaml")
    for result in raw.get("performance", []):
        if "standard" in result:
            _resolve(result["standard"], standards, reader, "standard", "standards")
        if "measure" in result:
            _resolve(result["measure"], measures, reader, "measure", "measures")


# ---------------------------------------------------------------- building the models

def _channel(raw: Raw, words) -> Channel:
    kind = raw["type"]
    address = raw.get("address", ())
    return Channel(
        id=raw.get("id", ""), type=kind, name=raw.get("name") or words(f"channel.{kind}.label"),
        number=raw.get("number"), url=raw.get("url", ""),
        email=address if kind == "email" else "",
        address=address if kind != "email" else (),
        postcode=raw.get("postcode", ""),
        opening_hours=raw.get("opening_hours"), description=raw.get("description", ""),
        languages=tuple(dict.fromkeys(raw.get("languages", ()))))


def _office(raw: Raw) -> Office:
    return Office(
        id=raw["id"], name=raw["name"], address=raw["address"], postcode=raw["postcode"],
        access=raw["access"], opening_hours=raw.get("opening_hours"),
        closures=tuple(Closure(c["from"], c.get("to", c["from"]), c.get("reason", "")) for c in raw.get("closures", [])),
        facilities=raw.get("facilities", ()), directions=raw.get("directions", ""), phone=raw.get("phone"),
        latitude=raw.get("latitude"), longitude=raw.get("longitude"), notice=raw.get("notice", ""),
        instead=tuple(r.id for r in raw.get("instead", [])))


def _build(services: Raw, standards: Raw, build_date: date, language: str, languages: tuple[str, ...]) -> Catalogue:
    words = words_for(language)
    council_raw = services["council"]
    council = Council(council_raw["name"], council_raw["website"], council_raw["nation"],
                      council_raw.get("tagline", ""), council_raw.get("call_charges", ""),
                      tuple(r.id for r in council_raw.get("popular", [])), council_raw.get("extra_help", ""),
                      languages, area=council_raw.get("area", ""))
    categories = {c["id"]: Category(c["id"], c["name"], c.get("summary", "")) for c in services["categories"]}
    channels = {c["id"]: _channel(c, words) for c in services["channels"]}
    offices = {o["id"]: _office(o) for o in services.get("offices", [])}
    service_list = []
    for s in services["services"]:
        contact = tuple(channels[item.id] if isinstance(item, Reference) else _channel(item, words)
                        for item in s.get("contact", []))
        service_list.append(Service(
            id=s["id"], name=s["name"], category=categories[s["category"].id], summary=s["summary"],
            description=s.get("description", ""),
            online=tuple(OnlineAction(o["label"], o["url"]) for o in s.get("online", [])),
            contact=contact if "contact" in s else general_channels(tuple(channels.values())),
            offices=tuple(offices[o.id] for o in s.get("offices", [])),
            standards=tuple(ServicePromise(p["promise"], p.get("target", "")) for p in s.get("standards", [])),
            keywords=s.get("keywords", ()), status=s.get("status", "active"), reviewed=s.get("reviewed"),
            owner=s.get("owner", ""), uses_council_contacts="contact" not in s))
    notices = tuple(Notice(n["text"], n.get("from"), n.get("until"), n.get("level", "info"),
                           tuple(r.id for r in n.get("on", []))) for n in services.get("notices", []))
    standard_list = [Standard(s.get("id", ""), s.get("channel", "any"), s["promise"], s.get("target", ""),
                              s.get("detail", ""), s.get("share"), tuple(offices[o.id] for o in s.get("offices", [])))
                     for s in standards["standards"]]
    by_id = {s.id: s for s in standard_list if s.id}
    measures = {m["id"]: Measure(m["id"], m["name"], m.get("description", ""), m.get("unit", ""), m.get("out_of"),
                                 m.get("better", ""), m.get("target"), m.get("by"), m.get("baseline"),
                                 m.get("baseline_period", ""), m.get("first_results"))
                for m in standards.get("measures", [])}
    feedback_raw = standards.get("feedback")
    strategy = _strategy(standards.get("strategy"))
    return Catalogue(
        council=council, categories=tuple(categories.values()), channels=tuple(channels.values()),
        offices=tuple(offices.values()), services=tuple(service_list), notices=notices,
        promises=tuple(standards["promises"]), standards=tuple(standard_list),
        introduction=standards.get("introduction", ""), ask_of_you=tuple(standards.get("ask_of_you", ())),
        feedback=Feedback(feedback_raw.get("complaints", ""), feedback_raw.get("suggestions", ""),
                          feedback_raw.get("text", "")) if feedback_raw else None,
        performance=tuple(Result(by_id[r["standard"].id] if "standard" in r else None, r["period"], r["result"],
                                 r.get("goal"), measures[r["measure"].id] if "measure" in r else None)
                          for r in standards.get("performance", [])),
        standards_title=standards.get("title") or words("standards.title"), adopted=standards.get("adopted"),
        next_review=standards.get("next_review"), measures=tuple(measures.values()),
        glossary=tuple(GlossaryTerm(g["term"], g["meaning"]) for g in standards.get("glossary", [])),
        accessibility=Accessibility(**{k: tuple(v) if k == "problems" else v
                                       for k, v in services.get("accessibility", {}).items()}),
        strategy=strategy, plan=_plan(standards.get("plan"), strategy),
        build_date=build_date, language=language)


def _strategy(raw: Raw | None) -> Strategy | None:
    if raw is None:
        return None
    heard = raw.get("heard", {})
    return Strategy(raw["title"], raw.get("from"), raw.get("to"), raw.get("approved"), raw.get("approved_by", ""),
                    raw.get("vision", ""), raw.get("papers", ""),
                    tuple(Theme(t["id"], t["name"], t.get("summary", "")) for t in raw.get("themes", [])),
                    heard.get("when", ""), tuple(HeardPoint(p["id"], p["text"]) for p in heard.get("points", [])))


def _plan(raw: Raw | None, strategy: Strategy | None) -> Plan | None:
    if raw is None:
        return None
    themes = {t.id: t for t in strategy.themes} if strategy else {}
    points = {p.id: p for p in strategy.heard} if strategy else {}
    actions = tuple(Action(
        a["id"], a["title"], a["status"], themes[a["theme"].id] if "theme" in a else None,
        points[a["heard"].id] if "heard" in a else None, a.get("due"), a.get("progress"), a.get("update", ""),
        tuple(r.id for r in a.get("services", [])), tuple(r.id for r in a.get("offices", [])))
        for a in raw["actions"])
    return Plan(raw["updated"], actions, raw.get("update_every", "year"), raw.get("owner", ""))


__all__ = ["load_catalogue", "catalogue_languages", "CatalogueError", "Problem", "describe"]
