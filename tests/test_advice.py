"""`make check` advice: each rule, accepting it on one line, switching it off, tuning its limit."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from conftest import BUILD_DATE, FIXTURES, ROOT, SAMPLE, valid_services
from opencounter.advice import AdviceSettings, advise, reading_age, syllables
from opencounter.loading import load_catalogue


def advice_for(tmp_path, services: str, settings: AdviceSettings | None = None, today: date = BUILD_DATE):
    (tmp_path / "services.yaml").write_text(services)
    (tmp_path / "standards.yaml").write_text((FIXTURES / "valid" / "standards.yaml").read_text())
    catalogue = load_catalogue(tmp_path / "services.yaml", tmp_path / "standards.yaml", today)
    return advise(tmp_path / "services.yaml", tmp_path / "standards.yaml", catalogue, settings or AdviceSettings(), today)


def _service_with(summary: str, extra: str = "    reviewed: 2026-10-01\n") -> str:
    return valid_services().replace("    summary: Find out when your bins are collected.\n",
                                    f"    summary: {summary}\n{extra}")


def rules(found) -> list[str]:
    return [p.rule for p in found]


def test_a_plain_catalogue_gets_no_advice(tmp_path):
    assert advice_for(tmp_path, _service_with("Find out when we collect your bins.")) == []


@pytest.mark.parametrize("summary, rule, words", [
    ("We will utilise your address to find your day.", "plain-words", "Try 'use'"),
    ("Tell us in order to get your bin day.", "plain-words", "Try 'to'"),
    ("Find out when we collect your bins. Report a missed bin.", "long-summary", "one sentence"),
    ("Ask the DHP team when we collect your bins.", "jargon", "'DHP'"),
    ("Statutory collections happen weekly.", "jargon", "'statutory'"),
])
def test_each_text_rule(tmp_path, summary, rule, words):
    found = advice_for(tmp_path, _service_with(summary))
    assert rules(found) == [rule]
    assert words in found[0].message + found[0].hint
    assert (found[0].file, found[0].line) == ("services.yaml", 37)


def test_long_sentences_and_reading_age(tmp_path):
    long = " ".join(["word"] * 30) + "."
    found = advice_for(tmp_path, _service_with("Find out when we collect your bins.",
                                                f"    description: {long}\n    reviewed: 2026-10-01\n"))
    assert rules(found) == ["long-sentence", "reading-age"]
    hard = ("Comprehensive municipal administrative responsibilities necessitate extraordinary organisational "
            "capability and considerable interdepartmental coordination. Consequently, residents' applications "
            "are evaluated individually, considering documentary evidence, eligibility determinations and "
            "supplementary information. Notifications regarding determinations are communicated electronically.")
    found = advice_for(tmp_path, _service_with("Find out when we collect your bins.",
                                                f"    description: {hard}\n    reviewed: 2026-10-01\n"))
    assert "reading-age" in rules(found)


def test_the_glossary_explains_an_abbreviation(tmp_path):
    found = advice_for(tmp_path, _service_with("Ask for an Assisted collection."))
    assert found == []


def test_service_rules_digital_by_choice_and_review_date(tmp_path):
    services = valid_services().replace("    contact: [main-phone]\n    offices: [testham]\n",
                                        "    contact:\n      - type: online\n        url: https://x.example/bins\n")
    found = advice_for(tmp_path, services)
    assert sorted(rules(found)) == ["digital-by-choice", "review-date"]
    old = _service_with("Find out when we collect your bins.", "    reviewed: 2025-06-01\n")
    found = advice_for(tmp_path, old)
    assert rules(found) == ["review-date"] and "2025-06-01" in found[0].message


def test_past_closures_and_notices(tmp_path):
    services = _service_with("Find out when we collect your bins.").replace(
        "    on: [bins]", "    on: [bins]\n    until: 2026-10-31")
    found = advice_for(tmp_path, services, today=date(2027, 1, 5))
    assert rules(found) == ["past-dates", "past-dates"]


def test_accept_on_one_line_and_switch_off_and_tune(tmp_path):
    utilise = "We will utilise your address."
    assert rules(advice_for(tmp_path, _service_with(utilise + "  # accept"))) == []
    assert rules(advice_for(tmp_path, _service_with(utilise + "  # accept: plain-words"))) == []
    assert rules(advice_for(tmp_path, _service_with(utilise + "  # accept: jargon"))) == ["plain-words"]
    assert rules(advice_for(tmp_path, _service_with(utilise), AdviceSettings(off={"plain-words"}))) == []
    twelve = "Find out which day of the week we will come and collect your bins."
    assert rules(advice_for(tmp_path, _service_with(twelve), AdviceSettings(sentence_words=12))) == ["long-sentence"]


def test_settings_come_from_mkdocs_yml_and_typos_are_caught():
    settings = AdviceSettings.from_config({"off": ["jargon"], "reading_age": 11})
    assert settings.off == {"jargon"} and settings.reading_age == 11
    with pytest.raises(ValueError, match="Unknown advice rule"):
        AdviceSettings.from_config({"off": ["jargn"]})
    with pytest.raises(ValueError, match="Unknown advice setting"):
        AdviceSettings.from_config({"reading_agee": 9})


def test_reading_age_is_flesch_kincaid_plus_five():
    assert syllables("council") == 2 and syllables("collection") == 3 and syllables("make") == 1
    assert 5 <= reading_age("We collect your bin on Monday. Put it out by 7am.") <= 8
    assert reading_age("Comprehensive municipal administrative responsibilities necessitate consideration.") > 20


def run_check(folder) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "opencounter.check", str(folder)], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "hooks"), "BUILD_DATE": "2026-11-24", "PATH": "/usr/bin:/bin"})


def test_make_check_on_the_sample_has_no_errors(tmp_path):
    result = run_check(SAMPLE)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No errors" in result.stdout
    assert "Traceback" not in result.stderr


def test_make_check_prints_errors_first_then_advice_and_fails(tmp_path):
    for name in ("standards.yaml", "mkdocs.yml"):
        (tmp_path / name).write_text((ROOT / name).read_text() if name == "mkdocs.yml"
                                     else (FIXTURES / "valid" / name).read_text())
    (tmp_path / "services.yaml").write_text((FIXTURES / "invalid" / "bad-choice.yaml").read_text().replace(
        "summary: Find out when your bins are collected.", "summary: We will utilise your bins."))
    result = run_check(tmp_path)
    assert result.returncode == 1
    error_at, advice_at = result.stdout.find(": error: 'walkin'"), result.stdout.find("advice (plain-words)")
    assert 0 <= error_at < advice_at
    assert "1 error and 1 piece of advice" in result.stdout


def test_an_unquoted_off_in_mkdocs_yml_still_works_and_bad_values_are_explained():
    assert AdviceSettings.from_config({False: ["jargon"]}).off == {"jargon"}
    with pytest.raises(ValueError, match="must be a number, not 'a year'"):
        AdviceSettings.from_config({"review_months": "a year"})


GOVUK_STYLE = [line.strip() for line in (FIXTURES / "advice" / "govuk-style.txt").read_text().splitlines()
               if line.strip() and not line.startswith("#")]


def test_plain_english_in_the_govuk_style_passes_the_default_reading_age():
    """The default limit is calibrated on text written the way GOV.UK writes, which reads at about age 9."""
    limit = AdviceSettings().reading_age
    passages = [" ".join(GOVUK_STYLE[i:i + 4]) for i in range(0, len(GOVUK_STYLE), 4)]
    too_hard = [(round(reading_age(p), 1), p) for p in passages if reading_age(p) > limit]
    assert not too_hard, too_hard
    median = sorted(reading_age(p) for p in passages)[len(passages) // 2]
    assert 8 <= median <= 10  # about age 9: the measure agrees with GOV.UK's own figure


def test_one_short_sentence_gets_no_reading_age_however_long_its_words(tmp_path):
    """On one sentence the formula swings by years on a single word ("mattresses"): it needs a passage."""
    for sentence in GOVUK_STYLE + ["Book a collection of large items such as furniture, fridges and mattresses."]:
        assert "reading-age" not in rules(advice_for(tmp_path, _service_with(sentence)))


def test_the_shipped_default_in_mkdocs_yml_is_the_calibrated_one():
    from opencounter.check import advice_settings
    assert advice_settings(ROOT / "mkdocs.yml").reading_age == AdviceSettings().reading_age


@pytest.mark.parametrize("summary", ["Apply on GOV.UK or call us.", "Read the guidance on NHS.UK first.",
                                     "Email us at bins@riverside.example."])
def test_capitals_inside_a_dotted_name_are_not_jargon(tmp_path, summary):
    assert advice_for(tmp_path, _service_with(summary)) == []


def test_a_notice_about_a_day_that_has_passed_is_pointed_out(tmp_path):
    services = _service_with("Find out when we collect your bins.").replace(
        "Collections are a day late after bank holidays.",
        "Collections change for the bank holiday on 1 April 2023.")
    found = advice_for(tmp_path, services)
    assert rules(found) == ["past-dates"]
    assert "1 April 2023, which has passed" in found[0].message
    assert (found[0].line, "until:" in found[0].hint) == (42, True)
    later = services.replace("1 April 2023", "1 April 2027")
    assert advice_for(tmp_path, later) == []


def test_the_sample_ships_with_at_most_5_pieces_of_advice():
    result = run_check(SAMPLE)
    pieces = [line for line in result.stdout.splitlines() if ": advice (" in line]
    assert len(pieces) <= 5, "\n".join(pieces)


def test_under_github_actions_each_problem_is_also_an_annotation_on_its_line(tmp_path):
    (tmp_path / "services.yaml").write_text((FIXTURES / "invalid" / "bad-choice.yaml").read_text())
    (tmp_path / "standards.yaml").write_text((FIXTURES / "valid" / "standards.yaml").read_text())
    result = subprocess.run([sys.executable, "-m", "opencounter.check", str(tmp_path)], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "hooks"), "BUILD_DATE": "2026-11-24", "PATH": "/usr/bin:/bin",
                                 "GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert annotations[0].startswith("::error file=services.yaml,line=26,col=13,title=Error::'walkin' is not one")
    # The pull request shows the annotation alone: what was found is in it, with the hint.
    assert "%0AFound: 'walkin'%0A" in annotations[0]
    assert "%0AHow to fix it: Did you mean 'walk-in'?" in annotations[0]
    plain = run_check(tmp_path)
    assert not [line for line in plain.stdout.splitlines() if line.startswith("::")]


def test_characters_the_leaflet_fonts_cannot_print_are_named(tmp_path):
    from opencounter.typeset import printable_letters
    (tmp_path / "services.yaml").write_text(_service_with("Find out when we collect your bins 🗑 (bin day 日)."))
    (tmp_path / "standards.yaml").write_text((FIXTURES / "valid" / "standards.yaml").read_text())
    catalogue = load_catalogue(tmp_path / "services.yaml", tmp_path / "standards.yaml", BUILD_DATE)
    found = advise(tmp_path / "services.yaml", tmp_path / "standards.yaml", catalogue, AdviceSettings(), BUILD_DATE,
                   printable=printable_letters(ROOT / "overrides" / "assets" / "fonts"))
    assert rules(found) == ["leaflet-characters"]
    assert "'日', '🗑'" in found[0].message and found[0].line == 37
    welsh = _service_with("Dewch i'r swyddfa yn Nhŷ'r Cyngor, ŵyr a wyres.")
    (tmp_path / "services.yaml").write_text(welsh)
    catalogue = load_catalogue(tmp_path / "services.yaml", tmp_path / "standards.yaml", BUILD_DATE)
    assert advise(tmp_path / "services.yaml", tmp_path / "standards.yaml", catalogue, AdviceSettings(), BUILD_DATE,
                  printable=printable_letters(ROOT / "overrides" / "assets" / "fonts")) == []


def test_a_line_open_every_day_that_says_nothing_of_bank_holidays_is_advised(tmp_path):
    every_day = valid_services().replace("      Monday to Friday: 9am to 5pm\n", "      Every day: 8am to 8pm\n", 1)
    assert every_day != valid_services()
    found = [p for p in advice_for(tmp_path, every_day) if p.rule == "bank-holidays"]
    assert len(found) == 1 and "no 'Bank holidays:' line" in found[0].message
    said = every_day.replace("      Every day: 8am to 8pm\n", "      Every day: 8am to 8pm\n      Bank holidays: closed\n", 1)
    assert [p for p in advice_for(tmp_path, said) if p.rule == "bank-holidays"] == []


def test_a_list_with_an_item_missing_in_welsh_is_advised_but_keywords_may_differ(tmp_path):
    both = FIXTURES / "bilingual"
    (tmp_path / "standards.yaml").write_text((both / "standards.yaml").read_text())
    services = (both / "services.yaml").read_text()

    def advice(text: str) -> list:
        (tmp_path / "services.yaml").write_text(text)
        catalogue = load_catalogue(tmp_path / "services.yaml", tmp_path / "standards.yaml", BUILD_DATE)
        return [p for p in advise(tmp_path / "services.yaml", tmp_path / "standards.yaml", catalogue,
                                  AdviceSettings(), BUILD_DATE) if p.rule == "translation-items"]

    assert advice(services) == []
    short = services.replace("      cy: [mynediad heb risiau, dolen sain]\n", "      cy: [mynediad heb risiau]\n")
    found = advice(short)
    line = short.splitlines().index("      en: [step-free access, hearing loop]") + 1
    assert [(p.line, p.message) for p in found] == [
        (line, "'facilities' has 2 items in English (en) and 1 in Welsh (cy).")]
    assert "missing from the Welsh list" in found[0].hint
    accepted = short.replace("      en: [step-free access, hearing loop]\n",
                             "      en: [step-free access, hearing loop]  # accept\n")
    assert advice(accepted) == []
    keywords = services.replace("    keywords:\n      - en: ctax\n        cy: treth\n      - en: bill\n        cy: bil\n",
                                "    keywords:\n      en: [ctax, bill, council tax]\n      cy: [treth]\n")
    assert keywords != services and advice(keywords) == []


@pytest.mark.parametrize("review, advised", [("2020-03-31", True), ("2026-10", True), ("2026-11", False),
                                             ("2027-03-31", False)])
def test_a_review_date_that_has_passed_gets_advice(tmp_path, review, advised):
    (tmp_path / "services.yaml").write_text(_service_with("Find out when we collect your bins."))
    (tmp_path / "standards.yaml").write_text(f"adopted: 2019-04-01\nnext_review: {review}\n"
                                             + (FIXTURES / "valid" / "standards.yaml").read_text())
    catalogue = load_catalogue(tmp_path / "services.yaml", tmp_path / "standards.yaml", BUILD_DATE)
    found = advise(tmp_path / "services.yaml", tmp_path / "standards.yaml", catalogue, AdviceSettings(), BUILD_DATE)
    assert rules(found) == (["past-dates"] if advised else [])
    if advised:
        assert (found[0].file, found[0].line, found[0].where) == ("standards.yaml", 2, "next_review")
        said = "31 March 2020" if review == "2020-03-31" else "October 2026"
        assert found[0].message.startswith(f"The standards were due to be reviewed by {said}, which has passed.")

# ---------------------------------------------------------------- leaflet overflow (issue 23)

def test_an_address_or_a_word_too_long_for_a_leaflet_line_is_advised_on(tmp_path):
    address = ("https://www.testshire.example/" + "/".join(["bins"] * 50)).ljust(300, "a")
    word = "x" * 10_000
    found = advice_for(tmp_path, _service_with(
        "Find out when we collect your bins.",
        f"    reviewed: 2026-10-01\n    description: |\n      See [the rules]({address}).\n\n      {word}\n")
        .replace("  website: https://www.testshire.example\n",
                 f"  website: https://www.testshire.example\n  call_charges: {address}\n"))
    long = [p for p in found if p.rule == "leaflet-long-words"]
    assert [(p.where, p.message.split(":")[0]) for p in long] == [
        ("council → call_charges", "This web address has 300 characters"),
        ("services → item 1 ('bin-collections') → description", "This web address has 300 characters"),
        ("services → item 1 ('bin-collections') → description", "A word has 10,000 characters with no space")]
    assert "over 6 lines" in long[0].message and "short address" in long[0].hint


def test_an_address_that_fits_a_leaflet_line_or_is_accepted_gets_no_advice(tmp_path):
    fits = "https://www.testshire.example/bins/collection-days"
    found = advice_for(tmp_path, _service_with(f"Find out when we collect your bins at {fits}.",
                                               f"    reviewed: 2026-10-01\n    description: See {'x' * 60} # accept\n"))
    assert "leaflet-long-words" not in rules(found)
