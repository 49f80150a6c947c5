"""Channel types, declared once: what each needs, what it is called, where it is shown, how it links.

The loader, the JSON Schemas, the standards, the web pages and the leaflets all read this
table. Adding a type means one entry here (and its words): nothing else spells types out.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChannelType:
    """One kind of channel.

    needs: the fields it must have (video relay needs a number or a url: see `needs_one_of`).
    group: the section of the contact page and leaflet it is listed under.
    link: how its value becomes a link: "tel", "sms", "mailto", "url", or "" (post).
    offline: it can be used without the internet ("number": only when it has a number).
    standards: the standards (by their `channel`) that apply to someone using it, its own first: a
        service page shows only the first, the standards page and leaflets list them all.
    general: offered to services that name no channels of their own (the first of its type).
    Its words (its name, the word before its number, how to use it) are in words/<language>.yaml,
    as channel.<type>.label, .number and .help.
    """

    type: str
    group: str
    needs: tuple[str, ...] = ()
    needs_one_of: tuple[str, ...] = ()
    link: str = ""
    offline: bool | str = False
    standards: tuple[str, ...] = ()
    general: bool = False
    relay: bool = False


CHANNEL_TYPES: dict[str, ChannelType] = {t.type: t for t in (
    ChannelType("phone", "phone", needs=("number",), link="tel", offline=True, standards=("phone", "voicemail"),
                general=True),
    ChannelType("sms", "sms", needs=("number",), link="sms", offline=True, standards=("sms",)),
    ChannelType("email", "email", needs=("address",), link="mailto", standards=("email",), general=True),
    ChannelType("online", "online", needs=("url",), link="url", standards=("online",)),
    ChannelType("webchat", "webchat", needs=("url",), link="url", standards=("webchat", "online")),
    ChannelType("chatbot", "chatbot", needs=("url",), link="url", standards=("chatbot", "online")),
    ChannelType("post", "post", needs=("address", "postcode"), offline=True, standards=("post",), general=True),
    ChannelType("social", "social", needs=("url",), link="url", standards=("social",)),
    ChannelType("text-relay", "relay", needs=("number",), link="tel", offline=True, standards=("text-relay", "phone"),
                general=True, relay=True),
    ChannelType("video-relay", "relay", needs_one_of=("number", "url"), link="tel", offline="number",
                standards=("video-relay", "phone"), general=True),
)}

# Sections of the contact page and the contact leaflet, in order (headings: channel.group.<group>).
GROUPS: tuple[str, ...] = ("phone", "sms", "email", "online", "webchat", "chatbot", "post", "social", "relay")

# Ways of contacting the council that a standard may be about, in the order the standards page lists
# them (headings: standards.heading.<channel>).
STANDARD_CHANNELS: tuple[str, ...] = ("any", "phone", "voicemail", "sms", "email", "online", "webchat", "chatbot",
                                      "post", "in-person", "home-visit", "social", "text-relay", "video-relay")

assert set(GROUPS) == {t.group for t in CHANNEL_TYPES.values()}, "every channel type needs a contact page group"
assert all(s in STANDARD_CHANNELS for t in CHANNEL_TYPES.values() for s in t.standards)


def channel_type(name: str) -> ChannelType:
    """The registry entry for a type the loader has accepted."""
    return CHANNEL_TYPES[name]
