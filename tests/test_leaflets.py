"""Leaflets as library staff and residents meet them: short enough to print, the phone number easy to
see, the right information, print sizes, tagged PDF, a QR code that scans, and clean failures."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import re
import shutil
from datetime import date

import pdfplumber
import pypdfium2
import pytest
import zxingcpp
from pdfminer.pdftypes import resolve1

from conftest import BUILD_DATE, FIXTURES, ROOT, SAMPLE
from sitebuild import run_wide
from opencounter import leaflets as leaflets_module
from opencounter.blocks import texts
from opencounter.leaflet_plan import INDEX, OFFICE, SERVICES, split, with_topics
from opencounter.leaflets import EDITIONS, LARGE_PRINT, STANDARD, LeafletError, LeafletMaker, plan_leaflets
from opencounter.leaflet_plan import popular_first, split
from opencounter.words import words as words_for
from opencounter.loading import load_catalogue
from opencounter.typeset import breakable
from opencounter.present import presenter

a_to_z = presenter("en").a_to_z

TEMPLATES = ROOT / "overrides" / "opencounter"
FONTS = ROOT / "overrides" / "assets" / "fonts"
MM = 72 / 25.4  # PDF points in a millimetre


def make(catalogue, **options):
    return LeafletMaker(catalogue, TEMPLATES, FONTS, catalogue.council.website, **options)


@pytest.fixture(scope="module")
def contract_catalogue():
    return load_catalogue(FIXTURES / "contract" / "services.yaml", FIXTURES / "contract" / "standards.yaml", BUILD_DATE)


@pytest.fixture(scope="module")
def contract_leaflets(contract_catalogue, tmp_path_factory):
    with run_wide(tmp_path_factory, "contract-leaflets") as cache:  # made once per run, not once per worker
        made = make(contract_catalogue, cache_dir=cache).make_all(plan_leaflets(contract_catalogue))
    return {(l.plan.slug, l.edition.slug): l for l in made}


@pytest.fixture(scope="module")
def sample_leaflets(tmp_path_factory):
    catalogue = load_catalogue(SAMPLE / "services.yaml", SAMPLE / "standards.yaml", BUILD_DATE)
    with run_wide(tmp_path_factory, "sample-leaflets") as cache:  # made once per run, not once per worker
        return catalogue, make(catalogue, cache_dir=cache).make_all(plan_leaflets(catalogue))


def large_catalogue(folder):
    """1,000 services and 60 offices, from the benchmark's generator."""
    import sys
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import write
    write(folder, 1000, 60)
    return load_catalogue(folder / "services.yaml", folder / "standards.yaml", BUILD_DATE)


@pytest.fixture(scope="module")
def large_council(tmp_path_factory):
    """Every leaflet of 1,000 services, made once: minutes, so only in `make test-scale` (a scheduled CI job)."""
    catalogue = large_catalogue(tmp_path_factory.mktemp("large"))
    return catalogue, make(catalogue).make_all(plan_leaflets(catalogue))


_PARSED: dict[bytes, pdfplumber.PDF] = {}
_TEXTS: dict[bytes, str] = {}


def parsed(leaflet) -> pdfplumber.PDF:
    """The leaflet's PDF, read by pdfplumber once per test process: its pages keep their parsed layout, so
    the tests that each read every sample leaflet share one parse (pdfminer's layout is most of the cost)."""
    key = hashlib.sha256(leaflet.pdf).digest()
    if key not in _PARSED:
        _PARSED[key] = pdfplumber.open(io.BytesIO(leaflet.pdf))
    return _PARSED[key]


def opened(leaflet) -> contextlib.AbstractContextManager:
    """`with opened(leaflet) as pdf:` reads like pdfplumber.open, and leaves the shared parse open."""
    return contextlib.nullcontext(parsed(leaflet))


def text(leaflet) -> str:
    key = hashlib.sha256(leaflet.pdf).digest()
    if key not in _TEXTS:
        # An address too long for the rest of a line is broken after a / or before a . at a zero-width
        # space, which prints nothing (typeset.breakable): the words as read, without the spaces or the break.
        _TEXTS[key] = " ".join(re.sub(r"\u200b\n?", "", page.extract_text() or "").replace("\n", " ")
                               for page in parsed(leaflet).pages)
    return _TEXTS[key]


def content_lines(page, edition):
    """The lines of text on a page between its running header and footer, top to bottom."""
    top, bottom = (30 if edition is LARGE_PRINT else 26) * MM, page.height - (26 if edition is LARGE_PRINT else 22) * MM
    return [line for line in page.extract_text_lines(return_chars=True) if top <= line["top"] and line["bottom"] <= bottom]


def is_heading_or_label(line, edition) -> bool:
    """A heading (bold, larger than the body) or a label that introduces what follows ("Without the internet:")."""
    chars = [c for c in line["chars"] if c["text"].strip()]
    bold = chars and all("Bold" in c["fontname"] for c in chars)
    return bool(bold and (max(c["size"] for c in chars) > edition.body * 1.05 or line["text"].rstrip().endswith(":")))


# ---------------------------------------------------------------- what library staff print

def test_every_leaflet_comes_in_both_editions(sample_leaflets):
    catalogue, made = sample_leaflets
    topics = [c for c in catalogue.categories if catalogue.services_in(c)]
    assert len(made) == (3 + len(topics) + len(catalogue.offices)) * 2
    assert {l.edition for l in made} == set(EDITIONS)
    names = {l.path for l in made}
    assert "leaflets/how-to-contact-us.pdf" in names and "leaflets/large-print/how-to-contact-us.pdf" in names
    assert "leaflets/services-housing.pdf" in names and "leaflets/a-to-z-of-services.pdf" in names


def test_no_leaflet_is_too_long_to_print(sample_leaflets):
    _, made = sample_leaflets
    for leaflet in made:
        assert leaflet.pages <= leaflet.edition.pages, (leaflet.path, leaflet.pages)


def test_a_visiting_leaflet_fits_one_double_sided_sheet(sample_leaflets):
    _, made = sample_leaflets
    for leaflet in made:
        if leaflet.plan.kind == OFFICE and leaflet.edition is STANDARD:
            assert leaflet.pages <= 2, (leaflet.path, leaflet.pages)


def test_at_1000_services_the_plan_splits_long_topics_by_letter_and_the_index_names_every_part(tmp_path):
    """The plan the scale test below typesets (that one runs in `make test-scale`, a scheduled CI job): long
    topics are split into parts by letter, every service is in exactly one part, and the index's key names
    every part by its number and letters."""
    catalogue = large_catalogue(tmp_path)
    maker = make(catalogue)
    plans = plan_leaflets(catalogue)
    topics = [part for p in plans if p.kind == SERVICES for part in split(p, maker._parts_needed(p), maker.words)]
    assert len(topics) > len(catalogue.categories)  # long topics were split into parts
    assert all(t.context["part"] and t.number[-1].isalpha() for t in topics if "part_of" in t.context)
    where = {}
    for topic in topics:
        for service in topic.context["services"]:
            assert service.id not in where, service.id
            where[service.id] = topic.number
    assert set(where) == {s.id for s in catalogue.services}
    index = with_topics(next(p for p in plans if p.kind == INDEX), topics)
    key = " ".join(texts(maker.writer.document(index, STANDARD)["blocks"]))
    for topic in topics:
        assert f"{topic.number}: {topic.context['part']}" in key or f"{topic.number} {topic.title}" in key, topic.title


@pytest.mark.scale
def test_at_1000_services_every_leaflet_is_short_enough_and_the_index_points_to_the_right_one(large_council):
    catalogue, made = large_council
    for leaflet in made:
        assert leaflet.pages <= (24 if leaflet.edition is STANDARD else 36), (leaflet.path, leaflet.pages)
    plans = {l.plan.slug: l.plan for l in made}
    topics = [p for p in plans.values() if p.kind == SERVICES]
    assert len(topics) > len(catalogue.categories)  # long topics were split into parts, by letter
    assert any(p.context["part"] for p in topics)
    # Every service is in exactly one services leaflet, and that is the one the index names.
    where = {}
    for topic in topics:
        for service in topic.context["services"]:
            assert service.id not in where, service.id
            where[service.id] = topic.number
    assert set(where) == {s.id for s in catalogue.services}
    index = next(l for l in made if l.plan.kind == INDEX and l.edition is STANDARD)
    words = text(index)
    for topic in topics:  # the key names every part, by its number and letters
        assert f"{topic.number}: {topic.context['part']}" in words or f"{topic.number} {topic.title}" in words, topic.title
    assert max(l.pages for l in made if l.plan.kind == OFFICE and l.edition is STANDARD) <= 2


def test_a_leaflet_too_long_is_split_by_letter_and_each_part_fits(sample_leaflets, tmp_path):
    catalogue, _ = sample_leaflets
    made = make(catalogue, limits={"standard": 2, "large-print": 3}).make_all(plan_leaflets(catalogue))
    for leaflet in made:
        if leaflet.plan.kind in (SERVICES, INDEX):
            assert leaflet.pages <= (2 if leaflet.edition is STANDARD else 3), leaflet.path
    parts = [l.plan for l in made if l.plan.kind == SERVICES and l.plan.context["part"] and l.edition is STANDARD]
    assert parts, "Council Tax and benefits is longer than 3 large print pages: it is split"
    first = parts[0]
    assert re.fullmatch(r"\d+A", first.number) and first.slug.endswith("--part-1")
    assert re.fullmatch(r".+: [A-Z]( to [A-Z])?", first.title)
    assert f"Part 1 of {first.context['part_of'][1]}" in text(next(l for l in made if l.plan is first))


def test_services_leaflets_say_how_to_use_each_service_without_the_internet(sample_leaflets):
    catalogue, made = sample_leaflets
    leaflet = next(l for l in made if l.plan.slug == "services-council-tax-and-benefits" and l.edition is STANDARD)
    words = text(leaflet)
    assert "Services leaflet 1" in words
    for service in catalogue.services_in(catalogue.categories[0]):
        assert service.name in words and service.summary in words
    assert "Without the internet:" in words
    assert "Phone: 01632 960000 (Customer services)" in words
    assert "Write to Customer Services, Riverside House, Bridge Street, Riverton RV1 2AB" in words
    assert "Online: riverside.example/services/council-tax" in words
    # The most used first (as on the home page), then A to Z within the topic.
    popular = [s.id for s in catalogue.popular_services]
    names = [f"{s.name} {s.summary}" for s in popular_first(a_to_z(catalogue.services_in(catalogue.categories[0])), popular)]
    assert [words.index(n) for n in names] == sorted(words.index(n) for n in names)


def test_the_a_to_z_is_alphabetical_and_names_the_leaflet_for_each_service(sample_leaflets):
    catalogue, made = sample_leaflets
    leaflet = next(l for l in made if l.plan.kind == INDEX and l.edition is STANDARD)
    lines = []
    with opened(leaflet) as pdf:
        for page in pdf.pages:  # read as a person does: down the left column, then down the right
            middle = page.width / 2
            for column in (lambda w: w["x0"] < middle, lambda w: w["x0"] >= middle):
                rows = {}
                for word in page.extract_words():
                    if column(word):
                        rows.setdefault(round(word["top"]), []).append(word["text"])
                lines += [" ".join(words) for _, words in sorted(rows.items())]
    joined = re.sub(r"\s+(?:\.\s?)+", " ", " ".join(lines))  # the dots between an entry and its leaflet
    numbers = {s.id: str(i) for i, c in enumerate(catalogue.categories, 1) for s in catalogue.services_in(c)}
    expected = [f"{s.name} {numbers[s.id]}" for s in a_to_z(catalogue.services)]
    positions = [joined.find(e) for e in expected]
    assert -1 not in positions, [e for e, p in zip(expected, positions) if p == -1]
    assert positions == sorted(positions)


def test_page_one_shows_the_main_phone_number_large_and_bold_with_its_hours(sample_leaflets):
    catalogue, made = sample_leaflets
    phone = catalogue.main_phone
    from opencounter.present import presenter
    main_number, main_hours = phone.number.display.split()[-1], presenter("en").open_text(phone.opening_hours)
    for leaflet in made:
        office = leaflet.plan.context.get("office") if leaflet.plan.kind == OFFICE else None
        last_part, hours = main_number, main_hours
        own = office and not office.is_closed and office.phone and office.phone != phone.number
        if own:  # a visiting leaflet: the office's own number
            last_part, hours = office.phone.display.split()[-1], presenter("en").open_text(office.opening_hours)
        with opened(leaflet) as pdf:
            page = pdf.pages[0]
            words = page.extract_words(extra_attrs=["size", "fontname"])
        biggest = max((w for w in words if w["text"] == last_part), key=lambda w: w["size"])
        assert biggest["size"] >= 1.2 * leaflet.edition.body, (leaflet.path, biggest["size"])
        assert "Bold" in biggest["fontname"], leaflet.path
        # Its hours are right beside it: on the next line down (an office's longer hours: before "Scan").
        if own:
            scan = min(w["top"] for w in words if w["text"] == "Scan" and w["top"] > biggest["top"])
            below = " ".join(w["text"] for w in words if biggest["top"] < w["top"] < scan)
        else:
            below = " ".join(w["text"] for w in words if 0 < w["top"] - biggest["top"] < biggest["size"] * 2.2)
        assert f"{hours}." in below, (leaflet.path, below)


def test_no_heading_or_label_is_left_alone_at_the_foot_of_a_page(sample_leaflets):
    _, made = sample_leaflets
    for leaflet in made:
        with opened(leaflet) as pdf:
            for number, page in enumerate(pdf.pages[:-1], start=1):
                lines = content_lines(page, leaflet.edition)
                assert lines and not is_heading_or_label(lines[-1], leaflet.edition), \
                    (leaflet.path, number, lines[-1]["text"] if lines else "")


def test_the_opening_hours_table_is_on_the_same_page_as_its_heading(sample_leaflets):
    _, made = sample_leaflets
    for leaflet in made:
        if leaflet.plan.kind != OFFICE or not leaflet.plan.context["office"].opening_hours:
            continue
        with opened(leaflet) as pdf:
            pages = [page.extract_text() for page in pdf.pages]
        page = next(i for i, t in enumerate(pages) if "Opening hours\nDay Hours" in t)
        assert "Bank holidays" in pages[page].split("Opening hours\nDay Hours")[1], leaflet.path


def test_a_closed_office_says_so_and_where_to_go_instead(sample_leaflets):
    _, made = sample_leaflets
    leaflet = next(l for l in made if l.plan.slug == "visiting-easterby-area-office" and l.edition is STANDARD)
    words = text(leaflet)
    assert "This office is closed." in words
    assert "Where to go instead Easterby Community Hub" in words
    assert "Opening hours" not in words.split("Where to go instead")[0]


def test_a_closed_office_without_instead_says_how_else_to_reach_us(contract_catalogue):
    office = dataclasses.replace(contract_catalogue.offices[0], access="closed")
    closed = dataclasses.replace(contract_catalogue, offices=(office,))
    plan = next(p for p in plan_leaflets(closed) if p.kind == OFFICE)
    words = text(make(closed).make_all([plan])[0])
    assert "This office is closed." in words and "Other ways to reach us" in words and "01632 960000" in words


# ---------------------------------------------------------------- what the leaflets say

def test_office_leaflet_has_address_hours_closures_and_services(contract_leaflets):
    words = text(contract_leaflets[("visiting-riverton", "standard")])
    for expected in ["Visiting Riverside House", "Bridge Street", "RV1 2AB", "You can walk in", "01632 960000",
                     "Monday to Friday 9am to 5pm", "Bank holidays Closed",
                     "Thursday 24 December 2026 to Friday 1 January 2027: Christmas and New Year",
                     "Step-free access", "The number 30 bus stops outside.", "Council Tax",
                     "Scan to open this page", "riverside.example/offices/riverton",
                     "This leaflet was made on 24 November 2026"]:
        assert expected in words, expected


def test_closures_include_the_bank_holidays_in_the_next_three_months(contract_catalogue):
    spring = dataclasses.replace(contract_catalogue, build_date=date(2027, 3, 1))
    plan = next(p for p in plan_leaflets(spring) if p.slug == "visiting-riverton")
    words = text(make(spring).make_all([plan])[0])
    assert "Friday 26 March 2027: Good Friday, bank holiday: closed" in words
    assert "Monday 29 March 2027: Easter Monday, bank holiday: closed" in words
    assert "Christmas" not in words  # that closure has passed


def test_contact_leaflet_has_every_channel_the_offices_in_brief_and_how_to_complain(contract_leaflets):
    words = text(contract_leaflets[("how-to-contact-us", "large-print")])
    for expected in ["01632 960000", "Monday to Friday: 9am to 5pm", "enquiries@riverside.example",
                     "riverside.example/en/report-it", "Riverside House Riverton RV1 2AB", "Riverside House",
                     "Walk in", "Make a complaint", "riverside.example/en/complaints"]:
        assert expected in words, expected
    assert "Step-free access" not in words  # an office's details are in its own leaflet


def test_standards_leaflet_has_standards_targets_asks_feedback_and_results(contract_leaflets):
    words = text(contract_leaflets[("customer-service-standards", "standard")])
    assert "within 45 seconds." in words and "Target: 45 seconds." not in words  # the target, said once
    for expected in ["Provide a professional, friendly service", "When you phone us",
                     "When you email us", "Be courteous and respectful towards us",
                     "riverside.example/en/complaints", "April to June 2026", "86%", "80%"]:
        assert expected in words, expected


# ---------------------------------------------------------------- print, tags and codes

@pytest.mark.parametrize("edition", EDITIONS, ids=[e.slug for e in EDITIONS])
def test_print_sizes_meet_the_minimums(sample_leaflets, edition):
    _, made = sample_leaflets
    for leaflet in made:
        if leaflet.edition is not edition:
            continue
        with opened(leaflet) as pdf:
            sizes = [round(c["size"], 1) for page in pdf.pages for c in page.chars if c["text"].strip()]
            fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
        assert min(sizes) >= edition.smallest, leaflet.path
        assert max(set(sizes), key=sizes.count) == edition.body, leaflet.path  # most text is body text
        assert fonts <= {"AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold"}, (leaflet.path, fonts)


def test_leaflets_are_tagged_pdf_with_language_title_headings_tables_and_alt_text(contract_leaflets):
    leaflet = contract_leaflets[("visiting-riverton", "standard")]
    with opened(leaflet) as pdf:
        catalog = pdf.doc.catalog
        assert resolve1(catalog["Lang"]) == b"en-GB"
        assert resolve1(catalog["MarkInfo"])["Marked"] is True
        assert pdf.metadata["Title"] == "Visiting Riverside House - Riverside Borough Council"
        kinds, alts = set(), []

        def walk(node):
            node = resolve1(node)
            if isinstance(node, list):
                for child in node:
                    walk(child)
            elif isinstance(node, dict):
                if "S" in node:
                    kinds.add(resolve1(node["S"]).name)
                if "Alt" in node:
                    alts.append(resolve1(node["Alt"]))
                if "K" in node:
                    walk(node["K"])

        walk(catalog["StructTreeRoot"])
    assert {"H1", "H2", "Table", "TH", "TD", "L", "LI", "Figure"} <= kinds
    assert alts == [b"QR code that opens riverside.example/offices/riverton"]


def test_fonts_are_embedded(contract_leaflets):
    for leaflet in contract_leaflets.values():
        pdf = pypdfium2.PdfDocument(leaflet.pdf)
        raw = leaflet.pdf
        assert b"/FontFile2" in raw or b"/FontFile3" in raw, leaflet.path
        assert len(pdf) == leaflet.pages


def test_the_qr_code_scans_from_a_150_dpi_print(contract_leaflets):
    for (slug, edition), leaflet in contract_leaflets.items():
        page = pypdfium2.PdfDocument(leaflet.pdf)[0]
        image = page.render(scale=150 / 72).to_pil()
        codes = [r for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
        assert [c.text for c in codes] == [
            f"https://www.riverside.example/{leaflet.plan.qr_src.replace('index.md', '')}"], slug
        if slug == "services-council-tax-and-benefits":  # a topic of one service: its QR opens the service's page
            assert codes[0].text == "https://www.riverside.example/services/council-tax/"
        corners = codes[0].position
        width_mm = (corners.top_right.x - corners.top_left.x) / 150 * 25.4  # the symbol, without its quiet zone
        assert width_mm >= 30, (slug, edition, width_mm)


def test_the_same_catalogue_gives_byte_identical_pdfs(contract_catalogue, contract_leaflets):
    again = make(contract_catalogue, workers=1).make_all(plan_leaflets(contract_catalogue))
    assert all(l.pdf == contract_leaflets[(l.plan.slug, l.edition.slug)].pdf for l in again)


def test_unchanged_leaflets_come_from_the_cache(contract_catalogue, tmp_path, monkeypatch):
    plans = plan_leaflets(contract_catalogue)[:1]
    first = make(contract_catalogue, cache_dir=tmp_path).make_all(plans)
    monkeypatch.setattr(leaflets_module, "typeset_timed", lambda *job: pytest.fail("made again"))
    maker = make(contract_catalogue, cache_dir=tmp_path)
    second = maker.make_all(plans)
    assert [l.pdf for l in first] == [l.pdf for l in second]
    assert [l.pages for l in first] == [l.pages for l in second]
    assert (maker.stats.rendered, maker.stats.cached) == (0, 2)


def test_a_missing_font_is_a_clear_error(contract_catalogue, tmp_path):
    with pytest.raises(LeafletError, match="font is missing: AtkinsonHyperlegible-Regular.ttf"):
        LeafletMaker(contract_catalogue, TEMPLATES, tmp_path, contract_catalogue.council.website)


def test_welsh_letters_print_whole_and_read_back_right_and_emoji_are_left_out(contract_catalogue):
    welsh = dataclasses.replace(contract_catalogue, council=dataclasses.replace(
        contract_catalogue.council, name="Cyngor Dŵr a Thŷ y Wyddfa 🙂"))
    plan = next(p for p in plan_leaflets(welsh) if p.slug == "how-to-contact-us")
    leaflet = make(welsh).make_all([plan])[0]
    words = text(leaflet)
    # A letter built from y and an accent would read back as the wrong letter, here and wherever y is.
    assert "Cyngor Dŵr a Thŷ y Wyddfa" in words and "🙂" not in words
    assert "Every day" in words or "Monday to Friday" in words
    with opened(leaflet) as pdf:
        fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars if c["text"] in "ŵŷ"}
    assert fonts == {"NotoSans-Regular"}, fonts  # the shipped fallback, not a system font


def test_nothing_from_the_council_name_becomes_typst_code(contract_catalogue):
    tricky = '#panic("no") ]) *bold* $x$ <label> @ref \\ // comment `raw` {{ }}'
    odd = dataclasses.replace(contract_catalogue, council=dataclasses.replace(contract_catalogue.council, name=tricky))
    plan = next(p for p in plan_leaflets(odd) if p.slug == "how-to-contact-us")
    words = text(make(odd).make_all([plan])[0])
    assert tricky in words


def test_a_template_error_names_the_template_and_the_leaflet(contract_catalogue, tmp_path):
    shutil.copytree(TEMPLATES, tmp_path / "t")
    template = tmp_path / "t" / "leaflets" / "leaflet.typ"
    template.write_text(template.read_text().replace("#render(leaflet.blocks)", "#render(leaflet.blocks"))
    maker = LeafletMaker(contract_catalogue, tmp_path / "t", FONTS, contract_catalogue.council.website)
    plan = next(p for p in plan_leaflets(contract_catalogue) if p.slug == "how-to-contact-us")
    with pytest.raises(LeafletError, match=r"The leaflet template leaflet.typ failed for 'How to contact us \((standard|large) print\)'"):
        maker.make_all([plan])


def test_anything_that_would_break_pdf_ua_fails_the_leaflet(contract_catalogue, tmp_path):
    shutil.copytree(TEMPLATES, tmp_path / "t")
    template = tmp_path / "t" / "leaflets" / "leaflet.typ"
    assert ", alt: b.qr_alt" in template.read_text()
    template.write_text(template.read_text().replace(", alt: b.qr_alt", ""))
    maker = LeafletMaker(contract_catalogue, tmp_path / "t", FONTS, contract_catalogue.council.website)
    plan = next(p for p in plan_leaflets(contract_catalogue) if p.slug == "how-to-contact-us")
    with pytest.raises(LeafletError, match="alt"):
        maker.make_all([plan])


# ---------------------------------------------------------------- what must never happen on paper

def _every_char_on_the_paper(leaflet) -> None:
    with opened(leaflet) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            for char in page.chars:
                assert 0 <= char["top"] and char["bottom"] <= page.height - 5 * MM, (leaflet.path, number, char["text"])


def test_a_standard_with_many_results_runs_over_pages_and_loses_none(contract_catalogue):
    standard = contract_catalogue.standards[0]
    results = tuple(dataclasses.replace(contract_catalogue.performance[0], period=f"Month {n}") for n in range(1, 31))
    busy = dataclasses.replace(contract_catalogue, performance=results)
    plan = next(p for p in plan_leaflets(busy) if p.slug == "customer-service-standards")
    for leaflet in make(busy).make_all([plan]):
        words = text(leaflet)
        assert all(f"Month {n} " in words for n in range(1, 31)), leaflet.path
        _every_char_on_the_paper(leaflet)
    assert standard.promise


def test_a_long_name_keeps_the_running_footer_on_one_line_and_on_the_paper(contract_catalogue):
    office = dataclasses.replace(contract_catalogue.offices[0], name="The Very Long Name of a Community Hub, Library "
                                 "and Customer Service Centre on the High Street")
    long = dataclasses.replace(contract_catalogue, offices=(office,))
    plan = next(p for p in plan_leaflets(long) if p.kind == OFFICE)
    for leaflet in make(long).make_all([plan]):
        _every_char_on_the_paper(leaflet)
        with opened(leaflet) as pdf:
            page = pdf.pages[0]
            footer = [line for line in page.extract_text_lines() if line["top"] > page.height - 22 * MM]
        assert len(footer) == 1 and footer[0]["text"].startswith("Visiting The Very Long Name"), footer
        assert "…" in footer[0]["text"] and f"Page 1 of {leaflet.pages}" in footer[0]["text"]


def test_phone_numbers_and_postcodes_in_any_text_never_break_across_lines(sample_leaflets):
    _, made = sample_leaflets
    number = re.compile(r"\b0\d{3,4}\b")
    for leaflet in made:
        with opened(leaflet) as pdf:
            for page in pdf.pages:
                for line in (page.extract_text() or "").splitlines():
                    for found in number.finditer(line):
                        assert re.match(r"0\d{3,4} \d{3,6}", line[found.start():]), (leaflet.path, line)


def test_notices_are_on_the_leaflets_they_apply_to(sample_leaflets):
    catalogue, made = sample_leaflets
    everywhere = next(n for n in catalogue.notices_for() if not n.on)
    for leaflet in made:
        if leaflet.edition is STANDARD:
            assert " ".join(everywhere.text.split()[:6]) in text(leaflet), leaflet.path  # a notice for every page
    for_a_service = next(n for n in catalogue.notices_for("pre-application-advice"))
    words = text(next(l for l in made if l.plan.slug == "services-planning-and-building-control" and l.edition is STANDARD))
    assert " ".join(for_a_service.text.split()[:6]) in words


def test_a_service_description_is_printed_with_its_safety_lines(sample_leaflets):
    _, made = sample_leaflets
    words = text(next(l for l in made if l.plan.slug == "services-children-families-and-schools" and l.edition is STANDARD))
    assert "immediate danger, call 999" in words


def test_an_office_that_sees_people_by_appointment_is_not_offered_as_a_walk_in(sample_leaflets):
    _, made = sample_leaflets
    words = text(next(l for l in made if l.plan.slug == "services-births-deaths-and-marriages" and l.edition is STANDARD))
    assert "Visit Riverton Register Office" not in words
    assert "By appointment at Riverton Register Office. To book, call" in words


def test_an_online_only_service_without_a_phone_line_names_the_other_ways_in(contract_catalogue):
    no_phone = dataclasses.replace(contract_catalogue, channels=tuple(c for c in contract_catalogue.channels
                                                                      if c.type != "phone"))
    online_only = dataclasses.replace(no_phone.services[0], contact=(), offices=())
    catalogue = dataclasses.replace(no_phone, services=(online_only,))
    assert catalogue.main_phone is None and catalogue.offline_channels
    plan = next(p for p in plan_leaflets(catalogue) if p.kind == SERVICES)
    words = " ".join(texts(make(catalogue).writer.document(plan, STANDARD)))
    assert "ask at a library" not in words and "contact us and we will help you" in words
    assert "Riverside House, Riverton" in words  # the council's address, from its post channel


def test_services_leaflets_are_numbered_without_gaps(contract_catalogue):
    empty = dataclasses.replace(contract_catalogue.categories[0], id="empty", name="Empty")
    gappy = dataclasses.replace(contract_catalogue, categories=(empty, *contract_catalogue.categories))
    numbers = [p.number for p in plan_leaflets(gappy) if p.kind == SERVICES]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]


def test_catalogue_text_never_becomes_typst_code_in_markdown_or_welsh_text(contract_catalogue):
    tricky = 'Code: #panic("no") ]) $x$ <label> @ref // not a comment #set page(width: 1cm) ŵ ŷ'
    service = dataclasses.replace(contract_catalogue.services[0], summary=tricky, description=f"{tricky}\n\n- {tricky}")
    odd = dataclasses.replace(contract_catalogue, services=(service,))
    plan = next(p for p in plan_leaflets(odd) if p.kind == SERVICES)
    words = text(make(odd).make_all([plan])[0])
    assert words.count(tricky) == 3


def test_the_progress_line_is_finished_even_when_the_index_comes_from_the_cache(contract_catalogue, tmp_path):
    make(contract_catalogue, cache_dir=tmp_path).make_all(plan_leaflets(contract_catalogue))
    service = dataclasses.replace(contract_catalogue.services[0], summary="A new summary for the service.")
    edited = dataclasses.replace(contract_catalogue, services=(service,), offices=())
    calls = []
    make(edited, cache_dir=tmp_path, progress=lambda done, total, left: calls.append((done, total))).make_all(
        plan_leaflets(edited))
    assert calls and calls[-1][0] == calls[-1][1]


def test_a_leaflet_that_cannot_be_split_and_is_too_long_is_reported(contract_catalogue):
    maker = make(contract_catalogue, limits={"standard": 1, "large-print": 1})
    maker.make_all([p for p in plan_leaflets(contract_catalogue) if p.slug == "how-to-contact-us"])
    assert any("'How to contact us (standard print)' has" in note and "more than the 1 a library will print" in note
               for note in maker.stats.too_long)


def test_a_cache_that_cannot_be_written_only_makes_the_next_build_slower(contract_catalogue, tmp_path):
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    made = make(contract_catalogue, cache_dir=blocked).make_all(plan_leaflets(contract_catalogue)[:1])
    assert len(made) == 2 and all(l.pdf.startswith(b"%PDF") for l in made)


class _WorkerThatDies(leaflets_module.Typesetter):
    def typeset(self, job):
        import os
        os._exit(1)


def test_a_worker_that_dies_is_a_clear_error_not_a_traceback(contract_catalogue):
    maker = make(contract_catalogue)
    maker.setter.__class__ = _WorkerThatDies
    with pytest.raises(LeafletError, match="stopped before it finished"):
        maker.make_all(plan_leaflets(contract_catalogue))


# ---------------------------------------------------------------- leaflets that answer the question asked

def top_and_after(document) -> tuple[str, str]:
    """The words in page 1's box, and the words between the box and the first heading after it."""
    blocks = document["blocks"]
    at = next(i for i, b in enumerate(blocks) if b["type"] == "top")
    after = []
    for block in blocks[at + 1:]:
        if block["type"] == "heading":
            break
        after.append(block)
    return "".join(texts(blocks[at]["blocks"])), "".join(texts(after))


def test_a_visiting_leaflet_leads_with_the_offices_own_number_and_hours_and_labels_the_council_line():
    catalogue = load_catalogue(SAMPLE / "services.yaml", SAMPLE / "standards.yaml", BUILD_DATE)
    plan = next(p for p in plan_leaflets(catalogue) if p.slug == "visiting-millbrook-hub")
    box, after = top_and_after(make(catalogue).writer.document(plan, STANDARD))
    assert "Phone this office on" in box and "01632 960220" in box
    assert "This office is open: Monday to Friday: 9am to 5pm; Saturday: 9am to midday. Closed on bank holidays." in box
    assert "960000" not in box  # the council's main line is not in the office's box...
    assert "Riverside Borough Council main phone line: 01632 960000" in after  # ...but below it, named as the council's
    assert after.index("960000") < after.index("Monday to Friday: 9am to 5pm.")  # with its own hours


def test_a_visiting_leaflet_puts_notices_for_another_place_after_the_offices_hours():
    catalogue = load_catalogue(SAMPLE / "services.yaml", SAMPLE / "standards.yaml", BUILD_DATE)
    plan = next(p for p in plan_leaflets(catalogue) if p.slug == "visiting-millbrook-hub")
    words = " ".join(texts(make(catalogue).writer.document(plan, STANDARD)["blocks"]))
    own, christmas = "Millbrook Library and Customer Hub closes at 1pm", "Riverside House closes at 5:15pm"
    assert words.index(own) < words.index("Opening hours") < words.index("Closures and bank holidays") \
        < words.index(christmas)
    assert "Libraries and hubs have their own Christmas opening times" in words  # the whole notice
    other = next(p for p in plan_leaflets(catalogue) if p.slug == "visiting-riverton-library")
    assert own not in " ".join(texts(make(catalogue).writer.document(other, STANDARD)["blocks"]))


def test_an_office_whose_number_is_the_main_line_gives_the_lines_hours_beside_it_named_as_the_councils():
    catalogue = load_catalogue(SAMPLE / "services.yaml", SAMPLE / "standards.yaml", BUILD_DATE)
    plan = next(p for p in plan_leaflets(catalogue) if p.slug == "visiting-riverside-house")
    assert plan.context["office"].phone == catalogue.main_phone.number
    box, _ = top_and_after(make(catalogue).writer.document(plan, STANDARD))
    assert box.index("This office is open: Monday to Thursday: 8:45am to 5:15pm") \
        < box.index("Riverside Borough Council main phone line: 01632 960000") \
        < box.index("Monday to Friday: 9am to 5pm. Closed on bank holidays.")  # the line's hours, not the office's
    assert "Phone this office on" not in box


def test_a_topic_leaflet_starts_with_the_most_used_services_then_a_to_z():
    catalogue = load_catalogue(SAMPLE / "services.yaml", SAMPLE / "standards.yaml", BUILD_DATE)
    popular = [s.id for s in catalogue.popular_services]
    plan = next(p for p in plan_leaflets(catalogue) if p.slug == "services-council-tax-and-benefits")
    services = plan.context["services"]
    assert services[0].id == "council-tax" and "council-tax" in popular  # not Business rates, first in A to Z
    rest = [s for s in services if s.id not in popular]
    assert list(rest) == list(a_to_z(rest)) and len(rest) == len(services) - 1
    for part in split(plan, 2, words_for("en")):  # a part still covers its letters, its most used first
        names = [s.name for s in part.context["services"]]
        first, last = part.context["part"].split(" to ") if " to " in part.context["part"] else [part.context["part"]] * 2
        assert all(first <= n[0] <= last for n in names), (part.title, names)
        chosen = [s.id for s in part.context["services"] if s.id in popular]
        assert [s.id for s in part.context["services"]][:len(chosen)] == chosen


def test_a_leaflet_for_one_service_scans_to_that_services_page(contract_catalogue):
    plan = next(p for p in plan_leaflets(contract_catalogue) if p.kind == SERVICES)
    assert [s.id for s in plan.context["services"]] == ["council-tax"]
    assert make(contract_catalogue).writer.address(plan) == "https://www.riverside.example/services/council-tax/"
    two = dataclasses.replace(contract_catalogue, services=(
        contract_catalogue.services[0], dataclasses.replace(contract_catalogue.services[0], id="rates", name="Rates")))
    plan = next(p for p in plan_leaflets(two) if p.kind == SERVICES)
    assert make(two).writer.address(plan) == "https://www.riverside.example/categories/council-tax-and-benefits/"

# ---------------------------------------------------------------- file names (hostile input, issue 23)

def test_no_id_can_give_two_leaflets_one_file_name():
    catalogue = load_catalogue(FIXTURES / "format-1-1" / "services.yaml", FIXTURES / "format-1-1" / "standards.yaml",
                               BUILD_DATE)
    plans = plan_leaflets(catalogue)
    office = next(p for p in plans if p.kind == OFFICE)
    topic = next(p for p in plans if p.kind == SERVICES and len(p.context["services"]) > 1)
    # An office whose id ends -large-print; a topic whose id ends -part-1, beside the topic split in two.
    clashing = [office, dataclasses.replace(office, slug=office.slug + "-large-print"),
                *split(topic, 2), dataclasses.replace(topic, slug=topic.slug + "-part-1")]
    names = [p.file_name(edition) for p in clashing for edition in EDITIONS]
    assert len(set(names)) == len(names), names
    assert office.file_name(LARGE_PRINT) == f"large-print/{office.slug}.pdf"


def test_two_leaflets_in_one_file_stop_the_build_rather_than_count_one_file_twice(contract_catalogue, monkeypatch):
    monkeypatch.setattr(leaflets_module.LeafletPlan, "file_name", lambda self, edition: "same.pdf")
    with pytest.raises(LeafletError, match="Two leaflets would have the same file name: leaflets/same.pdf"):
        make(contract_catalogue).make_all(plan_leaflets(contract_catalogue))


# ---------------------------------------------------------------- text too long for a line (issue 23)

LONG_ADDRESS = ("https://www.testshire.example/" + "/".join(["section-of-the-website"] * 12) + "/page?x=1").ljust(300, "a")
LONG_WORD = "Pneumono" + "x" * 9992


def test_a_300_character_address_and_a_10000_letter_word_stay_inside_the_page(tmp_path):
    services = (FIXTURES / "valid" / "services.yaml").read_text().replace(
        "    summary: Find out when your bins are collected.\n",
        "    summary: Find out when your bins are collected.\n    description: |\n"
        f"      Read [the rules]({LONG_ADDRESS}) first.\n\n      See {LONG_ADDRESS} for more.\n\n"
        f"      The word is {LONG_WORD} and that is all.\n")
    (tmp_path / "services.yaml").write_text(services)
    catalogue = load_catalogue(tmp_path / "services.yaml", FIXTURES / "valid" / "standards.yaml", BUILD_DATE)
    plans = [p for p in plan_leaflets(catalogue) if p.kind == SERVICES]
    for leaflet in make(catalogue).make_all(plans):
        with pdfplumber.open(io.BytesIO(leaflet.pdf)) as pdf:
            printed = ""
            mm = 72 / 25.4
            top, bottom = (26, 22) if leaflet.edition is STANDARD else (30, 26)  # the margins, as in leaflet.typ
            for page in pdf.pages:
                right = page.width - 18 * mm  # the 18 mm margin
                assert max(c["x1"] for c in page.chars if c["text"].strip()) <= right + 0.5, leaflet.path
                printed += "".join(c["text"] for c in page.chars  # the text, without headers and footers
                                   if c["top"] > top * mm and c["bottom"] < page.height - bottom * mm)
        printed = re.sub(r"\s", "", printed)
        assert LONG_WORD in printed and LONG_ADDRESS[len("https://"):] in printed, leaflet.path  # nothing lost


def test_long_words_get_places_to_break_and_short_ones_none():
    assert breakable("Call 01632 960000 or visit testshire.example/bins") == \
        "Call 01632 960000 or visit testshire\u200b.example/\u200bbins"
    assert breakable("testshire.example") == "testshire.example"  # 20 characters or fewer: never broken
    assert breakable("x" * 35).split("\u200b") == ["x" * 10, "x" * 10, "x" * 15]
    assert breakable("x" * 45).split("\u200b") == ["x" * 10] * 3 + ["x" * 15]
    welsh = "ŵ" * 30
    assert breakable(welsh).replace("\u200b", "") == welsh
    accented = "e\u0301" * 20  # an accent written as a second character stays with its letter
    assert all(not piece.startswith("\u0301") for piece in breakable(accented).split("\u200b"))
