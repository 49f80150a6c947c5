"""The channel registry: every type it declares loads, has a place on the contact page and in leaflets,
renders on a service page, has standards, and is in the JSON Schema. A type added there is added everywhere."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, valid_services
from opencounter import urls
from opencounter.channels import CHANNEL_TYPES, STANDARD_CHANNELS
from opencounter.present import presenter

GROUPS = dict(presenter("en").channel_groups())
STANDARD_HEADINGS = presenter("en").standard_headings
from opencounter.leaflets import LeafletMaker, plan_leaflets
from opencounter.site import SiteRenderer, plan_site

VALUES = {"number": "01632 960123", "url": "https://www.testshire.example/x/", "address": "x@testshire.example",
          "postcode": "TE1 1AA"}


def _channel(kind: str) -> str:
    spec = CHANNEL_TYPES[kind]
    needs = spec.needs or spec.needs_one_of[:1]
    lines = [f"  - id: way-{kind}", f"    type: {kind}", f"    name: Way {kind}"]
    for field in needs:
        value = VALUES[field]
        if field == "number" and spec.relay:
            value = "18001 " + value
        if field == "address" and kind == "post":
            value = "[Council Offices, Testham]"
        lines.append(f"    {field}: {value}")
    return "\n".join(lines)


@pytest.fixture
def every_type(write_catalogue):
    channels = "\n".join(_channel(kind) for kind in CHANNEL_TYPES)
    services = valid_services().replace("channels:\n", "channels:\n" + channels + "\n", 1)
    services = services.replace("    contact: [main-phone]",
                                "    contact: [" + ", ".join(f"way-{k}" for k in CHANNEL_TYPES) + "]")
    return write_catalogue(services)


def _pages(catalogue):
    renderer = SiteRenderer(catalogue, ROOT / "overrides" / "opencounter", "https://www.testshire.example/")
    return {plan.src: renderer.render(plan) for plan in plan_site(catalogue)}


def test_every_type_loads_and_is_on_the_contact_page_under_its_group(every_type):
    contact = _pages(every_type)["contact/index.md"]
    for kind, spec in CHANNEL_TYPES.items():
        section = contact.split(f'<h2 id="{spec.group}">{GROUPS[spec.group]}</h2>', 1)
        assert len(section) == 2, f"no '{GROUPS[spec.group]}' section for {kind}"
        assert f"Way {kind}" in section[1].split("<h2", 1)[0], f"{kind} is not in its section"


def test_every_type_renders_on_a_service_page_with_the_link_it_makes(every_type):
    page = _pages(every_type)[urls.service("bin-collections")]
    for kind, spec in CHANNEL_TYPES.items():
        assert f"Way {kind}" in page
    assert 'href="sms:+441632960123"' in page and 'href="tel:+441632960123"' in page
    assert 'href="mailto:x@testshire.example"' in page


def test_every_type_has_standards_that_apply_and_headings_for_them():
    for kind, spec in CHANNEL_TYPES.items():
        assert spec.standards, kind
        assert all(s in STANDARD_CHANNELS for s in spec.standards)
    assert set(CHANNEL_TYPES) - {"post", "email", "online", "social", "phone"} <= set(STANDARD_HEADINGS)
    for language in ("en", "cy"):  # every type, group and standard has its words in every language
        say = presenter(language)
        assert all(say.channel_label(kind) and say.w(f"channel.group.{spec.group}") for kind, spec in CHANNEL_TYPES.items())
        assert set(say.standard_headings) == set(STANDARD_CHANNELS)


def test_standards_for_a_channel_reach_the_services_that_offer_it(write_catalogue):
    standards = "promises: [Treat you fairly]\nstandards:\n" + "".join(
        f"  - channel: {channel}\n    promise: Promise for {channel}.\n" for channel in STANDARD_HEADINGS)
    services = valid_services().replace("channels:\n", "channels:\n" + _channel("sms") + "\n" + _channel("chatbot") + "\n", 1)
    services = services.replace("    contact: [main-phone]", "    contact: [way-sms, way-chatbot]")
    catalogue = write_catalogue(services, standards)
    wanted = {standard.channel for standard in catalogue.standards_for(catalogue.services[0])}
    assert wanted == {"sms", "chatbot", "in-person"}  # each way in's own; "any" is one link away


def test_the_schema_offers_every_type_and_asks_for_what_each_needs():
    schema = json.loads((ROOT / "schemas" / "services.schema.json").read_text())
    channel = schema["properties"]["channels"]["anyOf"][0]["items"] if "anyOf" in schema["properties"]["channels"] \
        else schema["properties"]["channels"]["items"]
    assert channel["properties"]["type"]["anyOf"][0]["enum"] == list(CHANNEL_TYPES)
    needs = {rule["if"]["properties"]["type"]["const"] for rule in channel["allOf"]}
    assert needs == set(CHANNEL_TYPES)


def test_every_type_is_in_the_contact_leaflet(every_type):
    maker = LeafletMaker(every_type, ROOT / "overrides" / "opencounter", ROOT / "overrides" / "assets" / "fonts",
                         every_type.council.website)
    plan = next(p for p in plan_leaflets(every_type) if p.slug == "how-to-contact-us")
    from opencounter.blocks import texts
    from opencounter.leaflets import STANDARD
    words = " ".join(texts(maker.writer.document(plan, STANDARD)))
    for kind in CHANNEL_TYPES:
        assert f"Way {kind}" in words, kind
