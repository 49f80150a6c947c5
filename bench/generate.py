"""Generate a large, realistic catalogue for benchmarks: N services, M offices, written to the format.

    python bench/generate.py --services 1000 --offices 60 --out /tmp/big
writes /tmp/big/services.yaml and /tmp/big/standards.yaml (the same seed gives the same files). The
standards carry a format 1.3 strategy (themes, "you told us"), a plan of 60 actions (every status, some
naming services and offices) and 20 measures with 12 periods of results each; `--no-plan` leaves them out.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = ("apply report council tax housing benefit bin collection recycling parking permit planning licence "
         "school place library leisure centre register birth death marriage repair road pothole care support "
         "carer grant payment discount appeal complaint noise pest control street lighting trees allotment "
         "market business rates food safety hygiene taxi licence election voting register pension "
         "disabled facilities blue badge travel pass youth club adult learning community hall room hire").split()

TOPICS = ["Council Tax and benefits", "Bins and recycling", "Housing", "Planning", "Adult social care",
          "Children and schools", "Parking and roads", "Libraries and leisure", "Births, deaths and marriages",
          "Business and licensing", "Environment", "Community and safety"]


def _slug(text: str) -> str:
    return "-".join("".join(ch if ch.isalnum() else " " for ch in text.lower()).split())


def _sentence(rng: random.Random, low: int = 8, high: int = 18) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


PLAN_ACTIONS = 60
MEASURES = 20
PERIODS = 12
STATUSES = ("not-started", "on-track", "at-risk", "delayed", "done", "dropped")
THEMES = ("Digital: online services for everyone", "Getting in touch", "Visiting us", "Getting it right first time",
          "Listening to you", "Our staff")
# Twelve quarters, oldest first, as results are written.
QUARTERS = [f"{months} {year + (months == 'January to March')}" for year in (2023, 2024, 2025)
            for months in ("April to June", "July to September", "October to December", "January to March")]


def _plan(rng: random.Random, services: int, offices: int) -> tuple[list[str], list[str]]:
    """A format 1.3 strategy, plan and measures for standards.yaml, and the measures' results (for performance:)."""
    out = ["title: Our customer service standards", "adopted: 2024-04", "next_review: 2027-03",
           "strategy:", "  title: Customer Services Strategy 2024 to 2027", "  from: 2024-04", "  to: 2027-03",
           "  approved: 2024-03-20", "  approved_by: the Executive Committee",
           "  vision: Customers reach us in the way that suits them and get it right first time.",
           "  papers: https://democracy.largeshire.example/decision/1234", "  themes:"]
    for n, theme in enumerate(THEMES):
        out += [f"    - id: theme-{n}", f'      name: "{theme}"', f"      summary: {_sentence(rng, 6, 12)}"]
    out += ["  heard:", "    when: September 2023 to January 2024", "    points:"]
    for n in range(12):
        out += [f"      - id: heard-{n}", f"        text: You want {' '.join(rng.choice(WORDS) for _ in range(6))}"]
    out += ["plan:", "  updated: 2026-10-31", "  update_every: quarter", "  owner: Head of Customer Services",
            "  actions:"]
    for n in range(PLAN_ACTIONS):
        status = STATUSES[n % len(STATUSES)]
        out += [f"    - id: action-{n}", f"      title: {_sentence(rng, 5, 10).rstrip('.')}",
                f"      status: {status}"]
        if n % 7:
            out.append(f"      theme: theme-{n % len(THEMES)}")
        if n % 3 == 0:
            out.append(f"      heard: heard-{n % 12}")
        if status == "done":  # done in the past; open actions due before the strategy ends; delayed ones late
            out.append(f"      due: 2025-{n % 12 + 1:02d}")
        elif status == "delayed":
            out.append(f"      due: 2026-{n % 9 + 1:02d}")
        elif status != "dropped":
            out.append(f"      due: 2027-{n % 3 + 1:02d}")
        if status in ("on-track", "at-risk", "delayed"):
            out.append(f"      progress: {10 + n % 9 * 10}%")
        if n % 2:
            out.append(f"      update: {_sentence(rng)}")
        if n % 4 == 1:
            named = dict.fromkeys((n % services, (n * 11 + 5) % services))  # one service, or two
            out.append(f"      services: [{', '.join(f'service-{i}' for i in named)}]")
        if n % 5 == 2:
            out.append(f"      offices: [office-{n % offices}]")
    out.append("measures:")
    results = []
    for n in range(MEASURES):
        unit = ("percent", "number", "minutes", "score")[n % 4]
        out += [f"  - id: measure-{n}", f"    name: {_sentence(rng, 4, 8).rstrip('.')}", f"    unit: {unit}",
                f"    better: {'lower' if unit == 'minutes' else 'higher'}"]
        if unit == "percent":
            values = [f"{60 + (n + p * 3 + rng.randint(0, 5)) % 40}%" for p in range(PERIODS)]
            out += ["    target: 85%", "    by: 2027-03", "    baseline: 71%",
                    "    baseline_period: April 2022 to March 2023"]
        elif unit == "number":
            values = [f"{rng.randint(800, 5000):,}" for _ in range(PERIODS)]
            out += [f"    target: {6000 + n:,}"]
        elif unit == "minutes":
            values = [f"{rng.randint(1, 6)} minutes {rng.randint(0, 59)} seconds" for _ in range(PERIODS)]
            out += ["    target: 2 minutes", "    by: 2027-03", "    baseline: 4 minutes 10 seconds",
                    "    baseline_period: April 2022 to March 2023"]
        else:
            values = [f"{rng.randint(25, 48) / 10}" for _ in range(PERIODS)]
            out += ["    out_of: 5", "    target: 4"]
        results += [line for period, value in zip(QUARTERS, values)
                    for line in (f"  - measure: measure-{n}", f"    period: {period}", f"    result: {value}")]
    return out, results


def generate(services: int = 1000, offices: int = 60, seed: int = 1, plan: bool = True) -> tuple[str, str]:
    rng = random.Random(seed)
    out = ["council:", "  name: Largeshire County Council", "  website: https://www.largeshire.example",
           "  nation: england", "  call_charges: https://www.gov.uk/call-charges", "categories:"]
    for topic in TOPICS:
        out += [f"  - id: {_slug(topic)}", f"    name: {topic}", f"    summary: {_sentence(rng, 6, 10)}"]
    out += ["channels:",
            "  - id: main-phone", "    type: phone", "    name: Customer services", "    number: 01632 960000",
            "    opening_hours:", "      Monday to Friday: 8:30am to 5pm", "      Saturday: 9am to midday",
            "  - id: email", "    type: email", "    name: General enquiries", "    address: hello@largeshire.example",
            "  - id: web", "    type: online", "    name: Apply or report online", "    url: https://www.largeshire.example/apply/",
            "  - id: post", "    type: post", "    name: Write to us", "    address: [County Hall, Market Square, Largetown]",
            "    postcode: LG1 1AA",
            "  - id: relay", "    type: text-relay", "    name: Relay UK", "    number: 18001 01632 960000",
            "offices:"]
    for n in range(offices):
        access = "walk-in" if n % 5 else ("appointment" if n % 10 else "closed")
        out += [f"  - id: office-{n}", f"    name: {rng.choice(WORDS).capitalize()} Office {n}",
                f"    address: [{n} High Street, Town {n}]", f"    postcode: LG{n % 9 + 1} {n % 10}AB",
                f"    access: {access}", "    opening_hours:", "      Mon-Thu: 9am to 5pm",
                "      Friday: 9am to 12:30pm and 1:30pm to 4:30pm", "    closures:",
                "      - from: 2026-12-24", "        to: 2027-01-01", "        reason: Christmas and New Year",
                "    facilities: [step-free access, hearing loop]", f"    directions: {_sentence(rng)}",
                f"    phone: 01632 960{n % 1000:03d}"]
    out.append("services:")
    for n in range(services):
        name = f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {n}"
        description = "\n".join("      " + _paragraph(rng, 4) + "\n" for _ in range(3))
        out += [f"  - id: service-{n}", f"    name: {name}", f"    category: {_slug(TOPICS[n % len(TOPICS)])}",
                f"    summary: {_sentence(rng)}", "    description: |", description.rstrip("\n"),
                "    online:", f"      - label: Apply for {name.lower()}",
                f"        url: https://www.largeshire.example/service-{n}/apply/",
                "    contact:", "      - main-phone", "      - email", "      - type: phone", f"        name: {name} team",
                f"        number: 01632 960{(n * 7) % 1000:03d}", "        opening_hours:",
                "          Monday to Friday: 9am to 5pm",
                f"    offices: [office-{n % offices}, office-{(n * 3 + 1) % offices}]",
                f"    keywords: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]", "    reviewed: 2026-06-01",
                "    owner: Customer services team"]
    standards = ["promises:", "  - Treat you fairly and with respect", "standards:",
                 "  - id: answer-calls", "    channel: phone", "    promise: We aim to answer calls within 45 seconds.",
                 "    target: 45 seconds", "  - id: reply-emails", "    channel: email",
                 "    promise: We will reply within 2 working days.", "    target: 2 working days",
                 "  - channel: in-person", "    promise: We will see you within 15 minutes.", "    target: 15 minutes",
                 "performance:", "  - standard: answer-calls", "    period: April to June 2026", "    result: 86%",
                 "    goal: 80%"]
    if plan:
        plan_lines, results = _plan(rng, services, offices)
        standards = plan_lines + standards + results
    return "\n".join(out) + "\n", "\n".join(standards) + "\n"


def write(folder: Path, services: int, offices: int, seed: int = 1, plan: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    services_text, standards_text = generate(services, offices, seed, plan)
    (folder / "services.yaml").write_text(services_text, encoding="utf-8")
    (folder / "standards.yaml").write_text(standards_text, encoding="utf-8")
    return folder


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=1000)
    parser.add_argument("--offices", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--no-plan", dest="plan", action="store_false",
                        help="leave out the strategy, the 60-action plan and the 20 measures (format 1.3)")
    args = parser.parse_args()
    print(write(args.out, args.services, args.offices, args.seed, args.plan))
