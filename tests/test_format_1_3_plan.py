"""Format 1.3 built end to end (tests/fixtures/format-1-3, built once as `ashcombe`): the plan page, What is
changing on service and office pages, measures over time on the standards page, and the links to the plan."""

from __future__ import annotations

import re

from test_build import text_of


def test_the_plan_page_is_titled_with_the_strategy_and_says_it_in_brief(ashcombe):
    html = ashcombe.page("plan")
    assert "<h1" in html and "Customer Services Strategy 2024 to 2027</h1>" in html
    page = text_of(html)
    for said in ["This plan runs from April 2024 to March 2027.",
                 "Approved by the Executive Committee on 20 March 2024.",
                 "Customers reach us in the way that suits them and get it right first time.",
                 "8 actions: 3 done, 1 on track, 1 at risk, 1 delayed, 1 not started, 1 dropped",
                 "We last updated this plan on 31 October 2026. We update it every 3 months.",
                 "Head of Customer Services is responsible for this plan."]:
        assert said in page, said
    assert 'href="https://democracy.ashcombe.example/decision/1234"' in html


def test_actions_are_grouped_by_theme_with_status_due_progress_and_update_in_words(ashcombe):
    page = text_of(ashcombe.page("plan"))
    digital = page.index("Digital: online services for everyone")
    contact = page.index("Getting in touch")
    others = page.index("Other actions")
    assert digital < page.index("One login for all our online services Status: On track Due March 2027 "
                                "Progress: 40% Latest update Business case agreed") < contact
    assert contact < page.index("Offer a call back instead of waiting in a queue Status: Delayed Was due June 2026") < others
    assert page.index("Self-service kiosks in Time Square Status: Dropped") < others
    assert others < page.index("Ask customers what they think every quarter Status: Done Due June 2025")
    assert "More of our services online, with help for people who need it." in page  # the theme's summary


def test_you_told_us_pairs_each_point_with_its_actions(ashcombe):
    html = ashcombe.page("plan")
    page = text_of(html)
    assert "You told us, so we are" in page and "When we asked you: September 2023 to January 2024." in page
    assert ("You told us: You wait too long when you phone us So we are: "
            "Offer a call back instead of waiting in a queue (Delayed, Was due June 2026)") in page
    assert 'href="#action-call-back"' in html and 'id="action-call-back"' in html


def test_the_plan_is_in_the_navigation_and_linked_from_home_and_standards(ashcombe):
    home = ashcombe.page("")
    assert re.search(r'<a href="plan/"[^>]*>\s*What we are changing: Customer Services Strategy 2024 to 2027', home)
    nav = re.findall(r'class="md-nav__link[^"]*"[^>]*href="([^"]*plan/)"', home) + \
        re.findall(r'href="([^"]*plan/)"[^>]*class="md-nav__link', home)
    assert nav, "the plan page is in the site navigation"
    standards = ashcombe.page("standards")
    assert 'href="../plan/">Customer Services Strategy 2024 to 2027</a>' in standards


def test_what_is_changing_on_service_and_office_pages_names_open_actions_only(ashcombe):
    council_tax = text_of(ashcombe.page("services/council-tax"))
    assert "What is changing" in council_tax
    assert "One login for all our online services: On track. Due March 2027." in council_tax
    assert "Offer a call back instead of waiting in a queue: Delayed. Was due June 2026." in council_tax
    assert 'href="../../plan/#action-customer-portal"' in ashcombe.page("services/council-tax")
    assert "What is changing" not in text_of(ashcombe.page("services/bins"))  # its action is done
    assert "What is changing" not in text_of(ashcombe.page("offices/library-hub"))  # done
    time_square = text_of(ashcombe.page("offices/time-square"))
    assert "Customer care training for every front-line member of staff: Not started. Due February 2027." in time_square


def test_measures_over_time_in_their_units_with_target_direction_baseline_and_met(ashcombe):
    page = text_of(ashcombe.page("standards"))
    for said in ["Average time to answer a call Target: 2 minutes by March 2027. Lower is better. "
                 "Before we started: 4 minutes 10 seconds (April 2023 to March 2024).",
                 "2024 to 2025 3 minutes 5 seconds Not met yet",
                 "April to June 2026 2 minutes 30 seconds Not met yet",
                 "2025 to 2026 4.2 out of 5 Target met", "2025 to 2026 1,204",
                 "2024 to 2025 74% (missed) 80%",
                 "Questions answered at the first contact Target: 90%. Higher is better. "
                 "No results yet. First results due March 2027."]:
        assert said in page, said


def test_a_chart_beside_each_table_of_two_periods_or_more_has_the_same_figures_and_a_name(ashcombe):
    html = ashcombe.page("standards")
    charts = re.findall(r"<svg[^>]*>.*?</svg>", html, re.S)
    charts = [c for c in charts if 'class="oc-chart"' in c]
    assert len(charts) == 5  # the standard, satisfaction, wait, score, forms; not the webchat (one period)
    wait = next(c for c in charts if "Average time to answer a call" in c)
    assert 'role="img"' in wait and "<title>Chart of Average time to answer a call:" in wait
    for figure in ["2024 to 2025 3 minutes 5 seconds", "April to June 2026 2 minutes 30 seconds", "Target 2 minutes"]:
        assert figure in re.search(r'aria-label="([^"]*)"', wait).group(1)
    assert "<script" not in wait and "href" not in wait  # drawn at build time, no request


def test_no_chart_asks_for_anything_and_no_page_has_a_chart_script(ashcombe):
    for page in ("standards", "plan"):
        html = ashcombe.page(page)
        assert "chart.js" not in html.lower() and "d3" not in re.findall(r'src="([^"]*)"', html)


def _leaflet(site, name: str) -> str:
    import io

    import pdfplumber
    with pdfplumber.open(io.BytesIO((site / "leaflets" / name).read_bytes())) as pdf:
        return " ".join((page.extract_text() or "").replace("\n", " ") for page in pdf.pages)


def test_the_plan_leaflet_in_both_sizes_has_the_strategy_actions_by_theme_and_measures(ashcombe):
    for name in ("our-plan.pdf", "large-print/our-plan.pdf"):
        text = re.sub(r"\s+", " ", _leaflet(ashcombe.site, name))
        assert text.count("Customer Services Strategy 2024 to 2027") >= 2, name  # title and running footer
        for said in ["Approved by the Executive Committee on 20 March 2024.",
                     "8 actions: 3 done, 1 on track, 1 at risk, 1 delayed, 1 not started, 1 dropped",
                     "Digital: online services for everyone", "Status: On track. Due March 2027. Progress: 40%.",
                     "Status: Delayed. Was due June 2026.", "You told us: You wait too long when you phone us",
                     "4.2 out of 5", "No results yet.", "85% by March"]:
            assert said in text, (name, said)


def test_the_plan_leaflet_is_on_the_leaflets_page_with_its_question(ashcombe):
    page = text_of(ashcombe.page("leaflets"))
    assert "What is the council changing, and how far has it got?" in page
    assert 'href="our-plan.pdf"' in ashcombe.page("leaflets") or 'our-plan.pdf"' in ashcombe.page("leaflets")
    assert "large-print/our-plan.pdf" in ashcombe.page("leaflets")
    assert "our-plan.pdf" in ashcombe.page("plan")  # the plan page links its leaflet


def test_the_standards_leaflet_says_a_measure_has_no_results_yet_and_words_times(ashcombe):
    text = re.sub(r"\s+", " ", _leaflet(ashcombe.site, "customer-service-standards.pdf"))
    assert "No results yet. First results due March 2027." in text
    assert "3 minutes 5 seconds" in text and "185 seconds" not in text


def test_the_data_package_has_the_plans_actions(ashcombe):
    import csv
    import json
    folder = ashcombe.site / "openreferral"
    package = json.loads((folder / "datapackage.json").read_text())
    resource = next(r for r in package["resources"] if r["name"] == "plan_actions")
    fields = [f["name"] for f in resource["schema"]["fields"]]
    assert fields == ["id", "title", "theme", "status", "due", "progress", "update", "services", "offices"]
    rows = list(csv.DictReader((folder / resource["path"]).open(encoding="utf-8", newline="")))
    assert len(rows) == 8
    portal = rows[0]
    assert (portal["id"], portal["theme"], portal["status"], portal["due"], portal["progress"], portal["services"]) == \
        ("customer-portal", "digital", "on-track", "2027-03", "40", "council-tax;benefits")
    assert rows[6]["offices"] == "time-square" and rows[7]["theme"] == ""


def test_the_plan_page_has_an_item_list_of_its_actions(ashcombe):
    import json
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', ashcombe.page("plan"), re.S)
    assert len(found) == 1
    data = json.loads(found[0])
    assert data["@type"] == "ItemList" and data["name"] == "Customer Services Strategy 2024 to 2027"
    assert data["numberOfItems"] == 8 == len(data["itemListElement"])
    first = data["itemListElement"][0]
    assert first == {"@type": "ListItem", "position": 1, "name": "One login for all our online services",
                     "url": "https://www.ashcombe.example/plan/#action-customer-portal",
                     "description": "Status: On track. Due March 2027."}


def test_a_time_is_published_in_seconds_whatever_unit_the_measure_is_written_in():
    import csv
    import io
    from conftest import BUILD_DATE, FIXTURES
    from opencounter.loading import load_catalogue
    from opencounter.openreferral import OpenReferral
    case = FIXTURES / "format-1-3"
    catalogue = load_catalogue(case / "services.yaml", case / "standards.yaml", BUILD_DATE)
    rows = list(csv.DictReader(io.StringIO(
        OpenReferral(catalogue, "https://ashcombe.example/").tables()["performance.csv"].decode("utf-8"))))
    wait = [(r["period"], r["result"], r["unit"]) for r in rows if r["measure"] == "average-wait"]
    assert wait[0] == ("2024 to 2025", "185", "seconds")  # written "3:05" in a measure in minutes
