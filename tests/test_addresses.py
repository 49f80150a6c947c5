"""A hand-written page at the address of a generated page is found, however it is written."""

from __future__ import annotations

from opencounter import urls
from opencounter.addresses import address_clashes
from opencounter.content import versions

GENERATED = [(urls.HOME, "Riverside Borough Council", "services.yaml"), (urls.CONTACT, "Contact us", "services.yaml"),
             (urls.STANDARDS, "Our standards", "standards.yaml"), (urls.service("council-tax"), "Council Tax",
                                                                   "services.yaml")]


def _written(tmp_path, *names: str, languages=("en",), language="en") -> dict[str, str]:
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# A page\n")
    return {page: files[language] for page, files in versions(tmp_path, languages).items() if language in files}


def test_a_page_in_a_folder_of_the_generated_pages_name_clashes(tmp_path):
    clashes = address_clashes(_written(tmp_path, "contact/index.md", "about.md"), GENERATED)
    assert [(c.written, c.url, c.title) for c in clashes] == [("contact/index.md", "contact/", "Contact us")]
    assert clashes[0].message() == (
        "content/contact/index.md has the same address as the generated page 'Contact us'. "
        "Rename or move content/contact/index.md; the generated page comes from services.yaml.")


def test_a_page_named_after_the_generated_page_clashes_too(tmp_path):
    clashes = address_clashes(_written(tmp_path, "standards.md", "services/council-tax.md"), GENERATED)
    assert [(c.written, c.source_file) for c in clashes] == [("services/council-tax.md", "services.yaml"),
                                                             ("standards.md", "standards.yaml")]


def test_a_home_page_written_by_hand_clashes_with_the_generated_home_page(tmp_path):
    assert [c.url for c in address_clashes(_written(tmp_path, "index.md"), GENERATED)] == [""]


def test_a_welsh_version_clashes_in_the_welsh_site_only(tmp_path):
    written_cy = _written(tmp_path, "about.md", "about.cy.md", "contact.cy.md", languages=("en", "cy"), language="cy")
    assert [c.written for c in address_clashes(written_cy, GENERATED)] == ["contact.cy.md"]
    written_en = _written(tmp_path, languages=("en", "cy"), language="en")
    assert address_clashes(written_en, GENERATED) == []


def test_pages_at_their_own_addresses_do_not_clash(tmp_path):
    assert address_clashes(_written(tmp_path, "about.md", "contact-us.md", "services/parking/index.md"), GENERATED) == []
