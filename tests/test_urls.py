from opencounter import urls


def test_every_page_is_a_folder_so_ids_cannot_clash_with_index_pages():
    assert urls.service("index") == "services/index/" != urls.SERVICES == "services/"
    assert urls.HOME == ""


def test_a_hand_written_file_is_published_at_a_folder_of_its_name():
    assert urls.url_of("about.md") == urls.url_of("about/index.md") == "about/"
    assert urls.url_of("index.md") == urls.HOME
    assert urls.url_of("help/parking.md") == "help/parking/"
    assert urls.url_of(urls.CONTACT) == urls.CONTACT  # an address is already one


def test_relative_links_work_from_any_folder():
    assert urls.relative("services/council-tax/", "offices/riverton/") == "../../offices/riverton/"
    assert urls.relative("", "services/") == "services/"
    assert urls.relative("services/", "") == "../"
    assert urls.relative("services/", "services/") == "./"
    assert urls.relative("about/", "glossary/#term-x") == "../glossary/#term-x"
