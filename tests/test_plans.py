"""Format 1.3, the strategy, the plan and measures over time: reading figures in a unit, wording them,
what the plan view chooses, and the advice on what has gone stale (rules alone, no site built)."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import BUILD_DATE, FIXTURES
from opencounter.advice import AdviceSettings, advise
from opencounter.errors import CatalogueError
from opencounter.loading import load_catalogue
from opencounter.models import Month
from opencounter.plans import latest_results, measures_over_time, open_actions, plan_page
from opencounter.present import presenter
from opencounter.values import ValueProblem, read_in_unit, read_time

CASE = FIXTURES / "format-1-3"


def ashcombe(build_date: date = BUILD_DATE, standards: str | None = None, tmp_path: Path | None = None):
    standards_path = CASE / "standards.yaml"
    if standards is not None:
        standards_path = tmp_path / "standards.yaml"
        standards_path.write_text(standards, encoding="utf-8")
    return load_catalogue(CASE / "services.yaml", standards_path, build_date)


# ---------------------------------------------------------------- reading figures in a unit

@pytest.mark.parametrize("text, seconds", [
    ("2:30", 150), ("150 seconds", 150), ("2 minutes 30 seconds", 150), ("2 minutes", 120), ("1 minute", 60),
    ("45 secs", 45), ("1 hour 5 minutes", 3900), ("0:45", 45), ("2 mins, 30 secs", 150), ("4.5 seconds", Decimal("4.5")),
])
def test_a_time_is_read_in_seconds_from_every_form(text, seconds):
    assert read_time(text) == Decimal(seconds)


@pytest.mark.parametrize("text", ["2.5", "150", "2:75", "soon"])
def test_a_time_without_its_unit_is_refused_with_the_forms_to_write(text):
    with pytest.raises(ValueProblem) as caught:
        read_time(text)
    assert "2:30" in caught.value.hint


def test_a_bare_number_for_a_time_names_both_units_with_the_number():
    with pytest.raises(ValueProblem) as caught:
        read_in_unit("150", "minutes")
    assert caught.value.hint.startswith("Write '150 minutes' or '150 seconds'")


@pytest.mark.parametrize("text, unit, out_of, value, percent", [
    ("78%", "percent", None, 78, True), ("1,204", "number", None, 1204, False), ("4.2", "score", Decimal(5), Decimal("4.2"), False),
    ("4.2 out of 5", "score", Decimal(5), Decimal("4.2"), False), ("86%", "", None, 86, True), ("41,204", "", None, 41204, False),
])
def test_figures_are_read_in_their_unit(text, unit, out_of, value, percent):
    figure = read_in_unit(text, unit, out_of)
    assert (figure.value, figure.percent) == (Decimal(value), percent)


@pytest.mark.parametrize("text, unit, words", [
    ("78", "percent", "Write '78%'"), ("78%", "number", "Write '78'"), ("5.5", "score", "from 0 to 5"),
    ("4 out of 10", "score", "out of 10"), ("lots", "number", "1,204"),
])
def test_a_figure_in_the_wrong_form_gets_a_hint_with_the_right_one(text, unit, words):
    with pytest.raises(ValueProblem) as caught:
        read_in_unit(text, unit, Decimal(5))
    assert words in caught.value.message + caught.value.hint


# ---------------------------------------------------------------- wording

@pytest.mark.parametrize("language, text, unit, said", [
    ("en", "2:30", "minutes", "2 minutes 30 seconds"), ("en", "150 seconds", "seconds", "2 minutes 30 seconds"),
    ("en", "1 minute", "minutes", "1 minute"), ("en", "45 seconds", "seconds", "45 seconds"),
    ("en", "4.2", "score", "4.2 out of 5"), ("en", "1204", "number", "1,204"), ("en", "78%", "percent", "78%"),
    ("cy", "2:30", "minutes", "2 funud 30 eiliad"), ("cy", "4.2", "score", "4.2 allan o 5"),
])
def test_figures_are_worded_by_the_presenter(language, text, unit, said):
    assert presenter(language).figure(read_in_unit(text, unit, Decimal(5))) == said


def test_the_plan_is_read_into_typed_values():
    catalogue = ashcombe()
    strategy, plan = catalogue.strategy, catalogue.plan
    assert strategy.start == Month(2024, 4) and strategy.approved == date(2024, 3, 20)
    assert strategy.themes[0].name == "Digital: online services for everyone"
    portal = plan.actions[0]
    assert portal.theme.id == "digital" and portal.heard.id == "one-login" and portal.progress == Decimal(40)
    wait = next(m for m in catalogue.measures if m.id == "average-wait")
    assert wait.target.value == 120 and wait.baseline.value == 250
    assert [r.result.value for r in catalogue.results_for(wait)] == [185, 150, 150]  # 3:05 unquoted, as typed


def test_the_count_line_says_each_status_in_words_in_a_fixed_order():
    catalogue = ashcombe()
    assert presenter("en").action_count(catalogue.plan.actions) == \
        "8 actions: 3 done, 1 on track, 1 at risk, 1 delayed, 1 not started, 1 dropped"


def test_the_plan_view_groups_actions_by_theme_and_pairs_what_residents_said():
    view = plan_page(ashcombe(), presenter("en"))
    assert view["title"] == "Customer Services Strategy 2024 to 2027"
    assert view["period"] == "This plan runs from April 2024 to March 2027."
    assert view["approved"] == "Approved by the Executive Committee on 20 March 2024."
    assert [t["name"] for t in view["themes"]] == ["Digital: online services for everyone", "Getting in touch",
                                                   "Other actions"]
    assert [a.id for a in view["themes"][0]["actions"]] == ["customer-portal", "webchat", "bin-app"]
    waiting = next(h for h in view["heard"] if h["id"] == "heard-waiting")
    assert [(a.title, a.status, a.due) for a in waiting["actions"]] == [
        ("Offer a call back instead of waiting in a queue", "Delayed", "Was due June 2026")]
    assert view["updated"].startswith("We last updated this plan on 31 October 2026. We update it every 3 months.")


def test_without_a_strategy_the_plan_is_called_our_plan_and_has_no_themes(tmp_path):
    text = (CASE / "standards.yaml").read_text()
    start, end = text.index("strategy:"), text.index("plan:")
    plain = text[:start] + text[end:]
    for line in ("      theme: digital\n", "      theme: contact\n", "      heard: one-login\n", "      heard: waiting\n",
                 "      heard: visit\n"):
        plain = plain.replace(line, "")
    view = plan_page(ashcombe(standards=plain, tmp_path=tmp_path), presenter("en"))
    assert view["title"] == "Our plan" and view["heard"] == [] and view["period"] == ""
    assert [t["name"] for t in view["themes"]] == [""] and len(view["themes"][0]["actions"]) == 8


def test_what_is_changing_lists_only_open_actions_that_name_the_page():
    catalogue = ashcombe()
    by_id = {s.id: s for s in catalogue.services}
    offices = {o.id: o for o in catalogue.offices}
    assert [a.id for a in open_actions(catalogue, service=by_id["council-tax"])] == ["customer-portal", "call-back"]
    assert open_actions(catalogue, service=by_id["bins"]) == ()  # its action is done
    assert open_actions(catalogue, office=offices["library-hub"]) == ()  # done
    assert [a.id for a in open_actions(catalogue, office=offices["time-square"])] == ["training"]


def test_measures_over_time_in_words_with_met_missed_and_none_yet():
    items = {i["name"]: i for i in measures_over_time(ashcombe(), presenter("en"))}
    wait = items["Average time to answer a call"]
    assert [(r["period"], r["figure"], r["met_text"]) for r in wait["rows"]] == [
        ("2024 to 2025", "3 minutes 5 seconds", "Not met yet"), ("2025 to 2026", "2 minutes 30 seconds", "Not met yet"),
        ("April to June 2026", "2 minutes 30 seconds", "Not met yet")]
    assert wait["target"] == "Target: 2 minutes by March 2027."
    assert wait["better"] == "Lower is better."
    assert wait["baseline"] == "Before we started: 4 minutes 10 seconds (April 2023 to March 2024)."
    assert "role=\"img\"" in wait["chart"] and "3 minutes 5 seconds" in wait["chart"]
    score = items["How easy our website is to use"]
    assert [r["met_text"] for r in score["rows"]] == ["Target missed", "Target met"]  # no 'by': judged as it stands
    assert items["Questions answered at the first contact"]["none_yet"] == \
        "No results yet. First results due March 2027."
    assert items["Average time to reply to a webchat"]["chart"] == ""  # one period: a table only
    assert items["Forms sent to us online"]["better"] == "Higher is better."


def test_without_better_nothing_is_said_about_direction_or_met(tmp_path):
    text = (CASE / "standards.yaml").read_text().replace("    unit: score\n    out_of: 5\n    better: higher\n",
                                                           "    unit: score\n    out_of: 5\n")
    items = {i["name"]: i for i in measures_over_time(ashcombe(standards=text, tmp_path=tmp_path), presenter("en"))}
    score = items["How easy our website is to use"]
    assert score["better"] == "" and not score["has_met"]


def test_after_the_target_month_a_miss_is_a_miss():
    items = {i["name"]: i for i in measures_over_time(ashcombe(date(2027, 4, 1)), presenter("en"))}
    assert items["Customers satisfied with our service"]["rows"][-1]["met_text"] == "Target missed"


def test_the_leaflet_gets_each_measure_with_its_latest_result_and_target():
    rows = {r["name"]: r for r in latest_results(ashcombe(), presenter("en"))}
    assert rows["Average time to answer a call"]["latest"] == "2 minutes 30 seconds (April to June 2026)"
    assert rows["Questions answered at the first contact"]["latest"] == "No results yet. First results due March 2027."


def test_welsh_words_for_the_plan():
    say = presenter("cy")
    view = plan_page(ashcombe(), say)
    assert view["period"] == "Mae'r cynllun hwn yn rhedeg o Ebrill 2024 i Mawrth 2027."
    assert "Ar y trywydd iawn" in {a.status for a in view["actions"]}


# ---------------------------------------------------------------- advice

def advice(today: date, standards: str | None = None, tmp_path: Path | None = None):
    standards_path = CASE / "standards.yaml"
    if standards is not None:
        standards_path = tmp_path / "standards.yaml"
        standards_path.write_text(standards, encoding="utf-8")
    catalogue = load_catalogue(CASE / "services.yaml", standards_path, today)
    return [p for p in advise(CASE / "services.yaml", standards_path, catalogue, AdviceSettings(), today)
            if p.rule == "past-dates"]


def test_an_action_past_due_and_still_open_gets_advice_at_its_due_line():
    found = advice(BUILD_DATE)
    assert [(p.line, p.where) for p in found] == [(63, "plan → actions → item 2 ('call-back') → due")]
    assert "was due by June 2026" in found[0].message and "dropped" in found[0].hint


def test_a_stale_plan_and_an_ended_strategy_get_advice():
    found = advice(date(2027, 6, 1))
    messages = " ".join(p.message for p in found)
    assert "The strategy ended in March 2027" in messages
    assert "an update was due by 31 January 2027" in messages
    assert not any("'Report a missed bin" in p.message for p in found)  # done actions are never late


@pytest.mark.parametrize("every, stale_after", [("month", date(2026, 12, 1)), ("quarter", date(2027, 2, 1)),
                                                 ("year", date(2027, 11, 1))])
def test_a_plan_is_stale_once_its_update_interval_has_passed(tmp_path, every, stale_after):
    text = (CASE / "standards.yaml").read_text().replace("update_every: quarter", f"update_every: {every}") \
        .replace("  to: 2027-03\n", "  to: 2028-03\n")
    before = date.fromordinal(stale_after.toordinal() - 2)
    assert not any("an update was due" in p.message for p in advice(before, text, tmp_path))
    assert any("an update was due" in p.message for p in advice(stale_after, text, tmp_path))


def test_an_action_due_after_the_strategy_ends_and_first_results_on_a_measure_with_results(tmp_path):
    text = (CASE / "standards.yaml").read_text().replace("      due: 2027-02\n", "      due: 2027-09\n") \
        .replace("    name: Forms sent to us online\n", "    name: Forms sent to us online\n    first_results: 2025-01\n")
    messages = [p.message for p in advice(BUILD_DATE, text, tmp_path)]
    assert any("is due in September 2027, after the strategy ends (March 2027)" in m for m in messages)
    assert any("'Forms sent to us online' has results" in m for m in messages)


def test_an_officer_can_accept_the_advice_on_one_line(tmp_path):
    text = (CASE / "standards.yaml").read_text().replace("      due: 2026-06\n", "      due: 2026-06  # accept\n")
    assert advice(BUILD_DATE, text, tmp_path) == []


# ---------------------------------------------------------------- errors that need the whole file

def test_a_result_for_a_measure_with_a_broken_unit_is_not_reported_twice(tmp_path):
    text = (CASE / "standards.yaml").read_text().replace("    unit: minutes\n", "    unit: mins\n", 1)
    with pytest.raises(CatalogueError) as caught:
        ashcombe(standards=text, tmp_path=tmp_path)
    assert [p.message for p in caught.value.problems] == ["'mins' is not one of the choices for 'unit'."]


def test_a_score_without_its_top_mark_is_an_error(tmp_path):
    text = (CASE / "standards.yaml").read_text().replace("    out_of: 5\n", "")
    with pytest.raises(CatalogueError) as caught:
        ashcombe(standards=text, tmp_path=tmp_path)
    assert caught.value.problems[0].message == "A score needs its top mark: 'out_of'."


# ---------------------------------------------------------------- a catalogue in Welsh and English (format 1.2)

BILINGUAL_PLAN = """
strategy:
  title:
    en: Customer Strategy 2025 to 2028
    cy: Strategaeth Cwsmeriaid 2025 i 2028
  from: 2025-04
  to: 2028-03
  approved: 2025-03
  approved_by:
    en: the Cabinet
    cy: y Cabinet
  themes:
    - id: digital
      name:
        en: Online services
        cy: Gwasanaethau ar-lein
  heard:
    when:
      en: Summer 2024
      cy: Haf 2024
    points:
      - id: welsh-online
        text:
          en: You want to do more online in Welsh
          cy: Rydych chi eisiau gwneud mwy ar-lein yn Gymraeg
plan:
  updated: 2026-10-01
  owner:
    en: Head of Customer Services
    cy: Pennaeth Gwasanaethau Cwsmeriaid
  actions:
    - id: welsh-forms
      title:
        en: Every online form in Welsh
        cy: Pob ffurflen ar-lein yn Gymraeg
      theme: digital
      heard: welsh-online
      due: 2027-03
      status: on-track
measures:
  - id: wait
    name:
      en: Average wait on the phone
      cy: Amser aros cyfartalog ar y ffôn
    unit: minutes
    better: lower
    target: 2 minutes
    baseline: 3:10
    baseline_period:
      en: 2024 to 2025
      cy: 2024 i 2025
"""


def _bilingual(tmp_path, extra: str, language: str):
    case = FIXTURES / "bilingual"
    text = (case / "standards.yaml").read_text()
    if "\nmeasures:" in text:
        raise AssertionError("the bilingual fixture gained measures: merge them here")
    (tmp_path / "standards.yaml").write_text(text + extra, encoding="utf-8")
    return load_catalogue(case / "services.yaml", tmp_path / "standards.yaml", BUILD_DATE, language=language)


def test_both_languages_of_a_bilingual_plan_are_shown_in_their_own_words(tmp_path):
    welsh = plan_page(_bilingual(tmp_path, BILINGUAL_PLAN, "cy"), presenter("cy"))
    assert welsh["title"] == "Strategaeth Cwsmeriaid 2025 i 2028"
    assert welsh["approved"] == "Cymeradwywyd gan y Cabinet ym mis Mawrth 2025."
    assert welsh["heard"][0]["text"] == "Rydych chi eisiau gwneud mwy ar-lein yn Gymraeg"
    assert welsh["actions"][0].title == "Pob ffurflen ar-lein yn Gymraeg"
    assert "Pennaeth Gwasanaethau Cwsmeriaid" in welsh["updated"]
    english = plan_page(_bilingual(tmp_path, BILINGUAL_PLAN, "en"), presenter("en"))
    assert english["title"] == "Customer Strategy 2025 to 2028" and english["themes"][0]["name"] == "Online services"
    measure = measures_over_time(_bilingual(tmp_path, BILINGUAL_PLAN, "cy"), presenter("cy"))[-1]
    assert measure["baseline"] == "Cyn i ni ddechrau: 3 munud 10 eiliad (2024 i 2025)."


def test_a_plan_field_shown_as_words_in_one_language_only_is_an_error(tmp_path):
    one_language = BILINGUAL_PLAN.replace("""      title:
        en: Every online form in Welsh
        cy: Pob ffurflen ar-lein yn Gymraeg
""", "      title: Every online form in Welsh\n")
    with pytest.raises(CatalogueError) as caught:
        _bilingual(tmp_path, one_language, "en")
    assert [p.message for p in caught.value.problems] == \
        ["'title' is in one language only: it needs English (en) and Welsh (cy)."]


# ---------------------------------------------------------------- charts

def test_a_chart_is_an_image_named_with_its_figures_with_text_escaped():
    from opencounter.charts import line_chart
    svg = line_chart([("2024 <b>", Decimal(3), "3"), ("2025", Decimal(5), "5")], "Chart of <x>: 2024 3; 2025 5.",
                     target=(Decimal(4), "Target 4"))
    assert svg.startswith('<svg class="oc-chart" role="img" aria-label="Chart of &lt;x&gt;: 2024 3; 2025 5."')
    assert "<title>Chart of &lt;x&gt;: 2024 3; 2025 5.</title>" in svg
    assert "<b>" not in svg and "2024 &lt;b&gt;" in svg
    assert svg.count("<circle") == 2 and 'stroke-dasharray="6 4"' in svg and "Target 4" in svg
    assert "<script" not in svg and "href" not in svg


def test_a_chart_leaves_long_figures_to_the_table_and_names_only_the_ends_of_many_periods():
    from opencounter.charts import line_chart
    points = [(f"Period {n}", Decimal(n), f"{n} minutes 30 seconds") for n in range(1, 13)]
    svg = line_chart(points, "Chart")
    assert "minutes 30 seconds" not in svg  # too long to print beside each point without overlap
    assert "Period 1<" in svg and "Period 12<" in svg and "Period 6<" not in svg
