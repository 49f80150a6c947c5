"""Text from YAML never becomes live markup; glossary terms are explained."""

from __future__ import annotations

from opencounter.text import Glossary, markdown_heading, render_inline_markdown, render_markdown


def test_raw_html_is_shown_as_text_not_markup():
    html = str(render_markdown('Hello <script>alert("x")</script> <img src=x onerror=alert(1)>'))
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_only_https_mailto_and_tel_links_survive():
    html = str(render_markdown("[a](javascript:alert(1)) [b](https://ok.example) [c](mailto:x@y.example) "
                               "[d](tel:01632960000) [e](data:text/html,hi)"))
    assert "javascript:" not in html and "data:" not in html
    assert 'href="https://ok.example"' in html
    assert 'href="mailto:x@y.example"' in html and 'href="tel:01632960000"' in html


def test_markdown_headings_sit_below_the_page_headings():
    html = str(render_markdown("# Big\n\n## Smaller\n\n##### Tiny"))
    assert "<h1" not in html and "<h2" not in html
    assert "<h3>Big</h3>" in html and "<h4>Tiny</h4>" in html


def test_inline_markdown_has_no_paragraph():
    assert str(render_inline_markdown("Closes at **1pm**.")) == "Closes at <strong>1pm</strong>."


def test_heading_is_escaped_for_markdown():
    import markdown
    for title in ["Council Tax & benefits", "<script>alert(1)</script>", "Bins *and* recycling", "1. Parking"]:
        html = markdown.markdown(markdown_heading(title))
        assert html.startswith("<h1>")
        assert "<script>" not in html
        assert "<em>" not in html and "<ol>" not in html


def test_first_use_of_each_term_is_linked_outside_links_and_headings():
    glossary = Glossary([("Council Tax Reduction", "Help to pay."), ("Council Tax", "A tax on homes.")])
    html = ('<h2>Council Tax</h2><p>Apply for council tax reduction. Council Tax is due. '
            '<a href="#">Council Tax</a> and Council Tax again.</p>')
    linked, used = glossary.link_terms(html)
    assert [t.term for t in used] == ["Council Tax Reduction", "Council Tax"]
    assert '<h2>Council Tax</h2>' in linked
    assert '<a class="oc-term" href="#term-council-tax-reduction">council tax reduction</a>' in linked
    assert linked.count('class="oc-term"') == 2


def test_terms_inside_words_are_not_linked():
    glossary = Glossary([("BSL", "British Sign Language")])
    _, used = glossary.link_terms("<p>BSLX and XBSL</p>")
    assert used == []
