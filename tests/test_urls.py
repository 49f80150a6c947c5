from opencounter import urls


def test_every_page_is_a_folder_so_ids_cannot_clash_with_index_pages():
    assert urls.url_of(urls.service("index")) == "services/index/"
    assert urls.url_of(urls.SERVICES) == "services/"
    assert urls.url_of(urls.HOME) == ""


def test_relative_links_work_from_any_folder():
    assert urls.relative("services/council-tax/", "offices/riverton/") == "../../offices/riverton/"
    assert urls.relative("", "services/") == "services/"
    assert urls.relative("services/", "") == "../"
    assert urls.relative("services/", "services/") == "./"
    assert urls.relative("about/", "glossary/#term-x") == "../glossary/#term-x"
