"""How fast and how big: Open Counter's build against a plain mkdocs-material build of the same pages.

    make bench                        (or: .venv/bin/python bench/build.py [--sizes 100 1000 3000])

For catalogues of 100, 1,000 and 3,000 services with 60 offices (and, unless --no-plan, a format 1.3 strategy,
a plan of 60 actions and 20 measures of 12 periods each, so the plan page, "What is changing" and the measures'
tables and charts are timed too), it builds, alternating in one run:
  - plain:   the same pages written by hand as Markdown, built by mkdocs-material with no hooks;
  - pages:   Open Counter with leaflets switched off (OPENCOUNTER_LEAFLETS=off);
  - warm:    Open Counter with leaflets, their cache already filled (`make site` run again);
  - cold:    Open Counter with leaflets and an empty cache (every leaflet rendered).
It prints median wall times, ratios to plain, and peak memory (the most the whole process tree held
at once, sampled, or its largest process where that is more), and for cold builds the longest single
leaflet PDF. Then it
times `make check` on the sample council, and a rebuild after a one-line YAML edit against a plain
rebuild after a one-line Markdown edit (what `mkdocs serve` does on save), and at 1,000 services the same
catalogue in Welsh and English (both sites, both sets of leaflets) against English alone (--sizes-only skips
these three). Figures, not pass or fail.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "bench"))

from generate import MEASURES, PERIODS, PLAN_ACTIONS, write  # noqa: E402
from opencounter.loading import load_catalogue  # noqa: E402
from opencounter.plans import has_plan, measures_over_time, plan_page, plan_title, what_is_changing  # noqa: E402
from opencounter.present import presenter  # noqa: E402
from opencounter.progress import BuildReport  # noqa: E402

PYTHON = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", BUILD_DATE="2026-11-24", PYTHONDONTWRITEBYTECODE="1")


def run(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of one command: the most its processes held at once, all
    together (sampled every 20 ms from /proc), or where /proc is missing, its largest process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env or ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = _TreeMemory(process.pid)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    sampler.stop()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed in {cwd}: {' '.join(command)}\n{process.stderr.read().decode()[-2000:]}")
    return elapsed, max(sampler.peak_mb, usage.ru_maxrss / 1024)


class _TreeMemory(threading.Thread):
    """The largest sum of resident memory of a process and all its descendants, while it runs."""

    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak_mb, self.running = pid, 0.0, True

    def run(self) -> None:
        page = os.sysconf("SC_PAGE_SIZE") / 2**20
        while self.running:
            try:
                parents, sizes = {}, {}
                for entry in os.listdir("/proc"):
                    if entry.isdigit():
                        try:
                            with open(f"/proc/{entry}/stat") as stat:
                                fields = stat.read().rsplit(")", 1)[1].split()
                            parents[int(entry)], sizes[int(entry)] = int(fields[1]), int(fields[21]) * page
                        except (OSError, IndexError, ValueError):
                            continue
                tree, changed = {self.pid}, True
                while changed:
                    grown = tree | {pid for pid, parent in parents.items() if parent in tree}
                    changed, tree = grown != tree, grown
                self.peak_mb = max(self.peak_mb, sum(sizes.get(pid, 0) for pid in tree))
            except OSError:
                return
            time.sleep(0.02)

    def stop(self) -> None:
        self.running = False
        self.join()


def our_project(folder: Path, services: int, plan: bool = True) -> Path:
    write(folder, services, 60, plan=plan)
    shutil.copytree(ROOT / "content", folder / "content")  # a copy: a link to pages outside the project is refused
    for name in ("mkdocs.yml", "hooks", "overrides"):
        (folder / name).symlink_to(ROOT / name)
    return folder


def bilingual_project(folder: Path, services: int) -> Path:
    """The same catalogue in Welsh and English (format 1.2), the Welsh filled in through `make translations`
    the way a translator would, and each hand-written page written twice (about.md and about.cy.md)."""
    from opencounter.translations import export, import_welsh
    write(folder, services, 60)
    path = folder / "services.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("council:\n", "council:\n  languages: [en, cy]\n", 1),
                    encoding="utf-8")
    sheet = folder / "translations.csv"
    export(folder, sheet)
    with sheet.open(encoding="utf-8-sig") as file:
        rows = list(csv.DictReader(file))
    for row in rows:  # web addresses stay one for both languages
        row["welsh"] = "" if row["english"].startswith("https://") else "Cymraeg: " + row["english"]
    with sheet.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.DictWriter(file, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    import_welsh(folder, sheet)
    shutil.copytree(ROOT / "content", folder / "content")
    for page in list((folder / "content").rglob("*.md")):
        page.with_suffix(".cy.md").write_text(page.read_text(encoding="utf-8"), encoding="utf-8")
    for name in ("mkdocs.yml", "hooks", "overrides"):
        (folder / name).symlink_to(ROOT / name)
    return folder


def plain_project(folder: Path, catalogue_folder: Path) -> Path:
    """The same pages as Open Counter makes, written as Markdown, for plain mkdocs-material."""
    catalogue = load_catalogue(catalogue_folder / "services.yaml", catalogue_folder / "standards.yaml",
                               date(2026, 11, 24))
    docs = folder / "docs"
    say = presenter("en")

    def page(path: str, text: str) -> None:
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(textwrap.dedent(text).strip() + "\n", encoding="utf-8")

    def hours(h) -> str:
        return "\n".join(f"- {days}: {text}" for days, text in say.summary(h)) if h else ""

    def channel(c) -> str:
        lines = [f"### {c.name}", ""]
        if c.number:
            lines.append(f"Phone: [{c.number.display}]({c.number.tel})")
        if c.email:
            lines.append(f"Email: <{c.email}>")
        if c.url:
            lines.append(f"Online: <{c.url}>")
        return "\n".join(lines) + "\n\n" + hours(c.opening_hours) + "\n"

    def changing(items, plan_link: str) -> str:  # "What is changing" (format 1.3), as on our pages
        if not items:
            return ""
        return (f"\n\n## {say.w('changing.heading')}\n\n{say.w('changing.lede')}\n\n" + "\n".join(
            f"- [{i.title}]({plan_link}#action-{i.id}): {i.status}" + (f". {i.due}" if i.due else "") + "."
            for i in items) + f"\n\n[{say.w('changing.more')}]({plan_link})\n")

    def measures(folder: Path) -> str:
        """Measures over time (format 1.3): each with its words, a table of its results and its chart, an SVG
        file beside the page (a hand-made site would draw it once and link it as an image)."""
        parts = []
        for item in measures_over_time(catalogue, say):
            about = " ".join(x for x in (item["target"], item["better"], item["baseline"]) if x)
            parts += [f"### {item['name']}", about, item["none_yet"]]
            if item["rows"]:
                head = [say.w("standards.period"), say.w("standards.result")]
                head += [say.w("standards.goal")] * item["has_goals"] + [say.w("measures.against_target")] * item["has_met"]
                rows = [[r["period"], r["figure"]] + [r["goal"]] * item["has_goals"] + [r["met_text"]] * item["has_met"]
                        for r in item["rows"]]
                parts.append("\n".join("| " + " | ".join(cells) + " |" for cells in [head, ["---"] * len(head), *rows]))
            if item["chart"]:
                folder.mkdir(parents=True, exist_ok=True)
                (folder / f"{item['id']}.svg").write_text(str(item["chart"]), encoding="utf-8")
                parts.append(f"![{say.w('measures.chart_note')}]({item['id']}.svg)")
        return f"\n\n## {say.w('measures.heading')} {{ #performance }}\n\n" + "\n\n".join(x for x in parts if x) if parts else ""

    def plan_markdown() -> str:
        """The plan page (format 1.3) as Markdown, from the same view our template prints."""
        view = plan_page(catalogue, say)
        parts = [f"# {plan_title(catalogue, say)}", " ".join(x for x in (view["period"], view["approved"]) if x)]
        if view["vision"]:
            parts += [f"## {say.w('plan.vision')}", view["vision"]]
        if view["actions"]:
            parts += [f"## {say.w('plan.actions_heading')}", view["count"]]
            for theme in view["themes"]:
                parts += [f"### {theme['name']}" if theme["name"] else "", theme["summary"]]
                for item in theme["actions"]:
                    status = " ".join(x for x in (f"{say.w('plan.status_label')}: {item.status}", item.due,
                                                  item.progress) if x)
                    parts.append(f"**{item.title}**\n{{ #action-{item.id} }}\n\n{status}")
                    if item.update:
                        parts.append(f"{say.w('plan.latest')}: {item.update}")
        if view["heard"]:
            parts += [f"## {say.w('plan.heard_heading')}", view["heard_when"]]
            for point in view["heard"]:
                parts.append(f"**{say.w('plan.you_told_us')}:** {point['text']}\n\n**{say.w('plan.so_we_are')}:**")
                parts.append("\n".join(f"- [{i.title}](#action-{i.id}) ({i.status}" + (f", {i.due}" if i.due else "")
                                       + ")" for i in point["actions"]))
        parts.append(view["updated"])
        if view["papers"]:
            parts += [f"## {say.w('plan.papers_heading')}", f"[{say.w('plan.papers')}]({view['papers']})"]
        parts.append(f"[{say.w('measures.heading')}](../standards/index.md#performance)")
        return "\n\n".join(x for x in parts if x)

    page("index.md", f"# {catalogue.council.name}\n\n" + "\n".join(
        f"- [{c.name}](categories/{c.id}/index.md)" for c in catalogue.categories))
    page("services/index.md", "# Services A to Z\n\n" + "\n".join(
        f"- [{s.name}]({s.id}/index.md)\n\n    {s.summary}" for s in sorted(catalogue.services, key=lambda s: s.name)))
    for category in catalogue.categories:
        page(f"categories/{category.id}/index.md", f"# {category.name}\n\n" + "\n".join(
            f"- [{s.name}](../../services/{s.id}/index.md)" for s in catalogue.services_in(category)))
    for s in catalogue.services:
        online = "\n".join(f"- [{a.label}]({a.url})" for a in s.online)
        offices = "\n".join(f"### [{o.name}](../../offices/{o.id}/index.md)\n\n{', '.join(o.address)}, {o.postcode}\n\n"
                            f"{hours(o.opening_hours)}" for o in s.offices)
        standards = "\n".join(f"- {p.promise} Target: {p.target}" for p in catalogue.standards_for(s))
        page(f"services/{s.id}/index.md", f"# {s.name}\n\n{s.summary}\n\n{s.description}\n\n## Do it online\n\n"
             f"{online}\n\n## Other ways to get in touch\n\n" + "\n".join(channel(c) for c in s.contact) +
             f"\n\n## Where to go in person\n\n{offices}\n\n## What we promise\n\n{standards}\n"
             + changing(what_is_changing(catalogue, say, service=s), "../../plan/index.md"))
    page("offices/index.md", "# Offices\n\n" + "\n".join(f"- [{o.name}]({o.id}/index.md)" for o in catalogue.offices))
    for o in catalogue.offices:
        rows = "\n".join(f"| {day} | {text} |" for day, text in say.week(o.opening_hours)) if o.opening_hours else ""
        services = "\n".join(f"- [{s.name}](../../services/{s.id}/index.md)" for s in catalogue.services_at(o))
        page(f"offices/{o.id}/index.md", f"# {o.name}\n\n{', '.join(o.address)}, {o.postcode}\n\n## Opening hours\n\n"
             f"| Day | Hours |\n| --- | --- |\n{rows}\n\n## How to get there\n\n{o.directions}\n\n"
             f"## Services you can get help with here\n\n{services}\n"
             + changing(what_is_changing(catalogue, say, office=o), "../../plan/index.md"))
    page("contact/index.md", "# Contact us\n\n" + "\n".join(channel(c) for c in catalogue.channels))
    page("standards/index.md", f"# {catalogue.standards_title}\n\n" + "\n".join(
        f"- {s.promise} Target: {s.target}" for s in catalogue.standards) + measures(docs / "standards"))
    nav = ["index.md", {"Services": ["services/index.md"] + [f"categories/{c.id}/index.md" for c in catalogue.categories]},
           "contact/index.md", "offices/index.md", "standards/index.md"]
    if has_plan(catalogue):
        page("plan/index.md", plan_markdown())
        nav.append("plan/index.md")
    import yaml
    (folder / "mkdocs.yml").write_text(yaml.safe_dump({
        "site_name": catalogue.council.name, "site_url": "https://www.largeshire.example/", "docs_dir": "docs",
        "theme": {"name": "material", "font": False, "features": ["navigation.indexes", "search.highlight"]},
        "plugins": [{"search": {"lang": "en"}}], "markdown_extensions": ["toc", "attr_list", "sane_lists"],
        "nav": nav, "not_in_nav": "/services/*/index.md\n/offices/*/index.md\n",
    }, sort_keys=False))
    return folder


def median(values: list[float]) -> float:
    return statistics.median(values)


def bench_size(services: int, repeats: int, cold_repeats: int, workdir: Path, plan: bool = True) -> float:
    ours = our_project(workdir / f"ours-{services}", services, plan)
    plain = plain_project(workdir / f"plain-{services}", ours)
    build = [PYTHON, "-m", "mkdocs", "build", "--quiet"]
    pages_only = dict(ENV, OPENCOUNTER_LEAFLETS="off")
    times: dict[str, list[float]] = {"plain": [], "pages": [], "warm": [], "cold": []}
    memory: dict[str, float] = {}
    report = None
    run(build, ours)  # fills the leaflet cache and warms the disk cache
    for index in range(repeats):
        for name, cwd, env in (("plain", plain, ENV), ("pages", ours, pages_only), ("warm", ours, ENV)):
            seconds, peak = run(build, cwd, env)
            times[name].append(seconds)
            memory[name] = max(memory.get(name, 0), peak)
        if index < cold_repeats:
            shutil.rmtree(ours / ".cache", ignore_errors=True)
            report_path = workdir / "report.json"
            seconds, peak = run(build, ours, dict(ENV, OPENCOUNTER_REPORT=str(report_path)))
            times["cold"].append(seconds)
            memory["cold"] = max(memory.get("cold", 0), peak)
            report = BuildReport.read(report_path)
    base = median(times["plain"])
    print(f"\n{services:,} services, 60 offices ({repeats} runs each, alternating; cold: {cold_repeats})")
    for name, label in (("plain", "plain mkdocs-material"), ("pages", "Open Counter, pages alone"),
                        ("warm", "Open Counter, leaflets from cache"), ("cold", "Open Counter, every leaflet rendered")):
        if times[name]:
            print(f"  {label:<40} median {median(times[name]):7.2f} s   x{median(times[name]) / base:5.2f}   "
                  f"peak memory {memory[name]:6.0f} MB")
    if times["cold"] and report:
        print(f"  cold: {report.leaflets} leaflets ({report.rendered} PDFs made, splitting included); the longest "
              f"single PDF took {report.longest_seconds:.2f} s ({report.longest})")
    return median(times["pages"])


def bench_bilingual(workdir: Path, services: int, repeats: int) -> None:
    """Both sites and both sets of leaflets, against the same catalogue in English alone."""
    english = our_project(workdir / f"english-{services}", services)
    both = bilingual_project(workdir / f"bilingual-{services}", services)
    build = [PYTHON, "-m", "mkdocs", "build", "--quiet"]
    times: dict[str, list[float]] = {"english": [], "both": [], "both-cold": []}
    memory: dict[str, float] = {}
    for project in (english, both):
        run(build, project)  # fills its leaflet cache
    for _ in range(repeats):
        for name, cwd in (("english", english), ("both", both)):
            seconds, peak = run(build, cwd)
            times[name].append(seconds)
            memory[name] = max(memory.get(name, 0), peak)
    shutil.rmtree(both / ".cache", ignore_errors=True)
    seconds, memory["both-cold"] = run(build, both)
    times["both-cold"].append(seconds)
    base = median(times["english"])
    print(f"\nWelsh and English, {services:,} services, 60 offices ({repeats} runs each, alternating; cold: 1)")
    for name, label in (("english", "English only, leaflets from cache"), ("both", "both sites, leaflets from cache"),
                        ("both-cold", "both sites, every leaflet rendered")):
        print(f"  {label:<40} median {median(times[name]):7.2f} s   x{median(times[name]) / base:5.2f}   "
              f"peak memory {memory[name]:6.0f} MB")


def bench_check() -> None:
    env = dict(ENV, PYTHONPATH=str(ROOT / "hooks"))
    seconds = [run([PYTHON, "-m", "opencounter.check", "."], ROOT, env)[0] for _ in range(5)]
    print(f"\nmake check on the sample council: median {median(seconds):.2f} s (5 runs)")


REBUILD = """
import sys, time, pathlib
from mkdocs.config import load_config
from mkdocs.commands.build import build
edit_file, old, new = sys.argv[1], sys.argv[2], sys.argv[3]
build(load_config("mkdocs.yml"), dirty=False)          # the first build when `mkdocs serve` starts
path = pathlib.Path(edit_file)
path.write_text(path.read_text().replace(old, new, 1))  # the officer saves a one-line change
start = time.perf_counter()
build(load_config("mkdocs.yml"), dirty=False)          # what serve runs on save
print(time.perf_counter() - start)
"""


def bench_rebuild(workdir: Path, services: int, repeats: int) -> None:
    results = {"plain": [], "ours": []}
    for index in range(repeats):
        ours = our_project(workdir / f"rebuild-ours-{index}", services)
        plain = plain_project(workdir / f"rebuild-plain-{index}", ours)
        for name, cwd, args in (("ours", ours, ["services.yaml", "summary: ", "summary: Now "]),
                                ("plain", plain, ["docs/services/service-1/index.md", "# ", "# Now "])):
            output = subprocess.run([PYTHON, "-c", REBUILD, *args], cwd=cwd, env=ENV, capture_output=True, text=True)
            if output.returncode:
                raise SystemExit(output.stderr[-2000:])
            results[name].append(float(output.stdout.strip().splitlines()[-1]))
    ours, plain = median(results["ours"]), median(results["plain"])
    print(f"\nRebuild after a one-line edit, {services:,} services ({repeats} runs): Open Counter {ours:.2f} s, "
          f"plain {plain:.2f} s, x{ours / plain:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--cold", type=int, default=1, help="how many cold (no cache) builds per size")
    parser.add_argument("--no-plan", dest="plan", action="store_false",
                        help="catalogues without the format 1.3 strategy, plan and measures (as before 1.3)")
    parser.add_argument("--sizes-only", action="store_true",
                        help="time the builds at each size only: no make check, rebuild or Welsh and English")
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}, Python {sys.version.split()[0]}")
    print(f"catalogues: format 1.3, with a strategy, a plan of {PLAN_ACTIONS} actions and {MEASURES} measures of "
          f"{PERIODS} periods each" if args.plan else "catalogues: no strategy, plan or measures (--no-plan)")
    with tempfile.TemporaryDirectory(prefix="oc-bench-") as temporary:
        workdir = Path(temporary)
        pages = {n: bench_size(n, args.repeats if n < 3000 else max(1, args.repeats - 1), args.cold, workdir,
                               args.plan) for n in args.sizes}
        if 1000 in pages and 3000 in pages:
            print(f"\n3,000 against 1,000 services, pages alone: x{pages[3000] / pages[1000]:.2f}")
        if args.sizes_only:
            return
        bench_check()
        bench_rebuild(workdir, 1000, args.repeats)
        if 1000 in args.sizes:
            bench_bilingual(workdir, 1000, args.repeats)


if __name__ == "__main__":
    main()
