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
    """

    type: str
    label: str
    group: str
    needs: tuple[str, ...] = ()
    needs_one_of: tuple[str, ...] = ()
    link: str = ""
    number_label: str = ""
    offline: bool | str = False
    standards: tuple[str, ...] = ()
    general: bool = False
    relay: bool = False
    help_text: str = ""


CHANNEL_TYPES: dict[str, ChannelType] = {t.type: t for t in (
    ChannelType("phone", "Phone", "phone", needs=("number",), link="tel", number_label="Phone", offline=True,
                standards=("phone", "voicemail"), general=True),
    ChannelType("sms", "Text message", "sms", needs=("number",), link="sms", number_label="Text", offline=True,
                standards=("sms",)),
    ChannelType("email", "Email", "email", needs=("address",), link="mailto", standards=("email",), general=True),
    ChannelType("online", "Online", "online", needs=("url",), link="url", standards=("online",)),
    ChannelType("webchat", "Webchat", "webchat", needs=("url",), link="url", standards=("webchat", "online")),
    ChannelType("chatbot", "Digital assistant", "chatbot", needs=("url",), link="url", standards=("chatbot", "online")),
    ChannelType("post", "Post", "post", needs=("address", "postcode"), offline=True, standards=("post",), general=True),
    ChannelType("social", "Social media", "social", needs=("url",), link="url", standards=("social",)),
    ChannelType("text-relay", "Relay UK", "relay", needs=("number",), link="tel", number_label="Text relay",
                offline=True, standards=("text-relay", "phone"), general=True, relay=True,
                help_text="Use the Relay UK app or a textphone to call this number."),
    ChannelType("video-relay", "BSL video relay", "relay", needs_one_of=("number", "url"), link="tel",
                number_label="Video relay", offline="number", standards=("video-relay", "phone"), general=True,
                help_text="Talk to us in British Sign Language through a video relay interpreter."),
)}

# Sections of the contact page and the contact leaflet, in order, with their headings.
GROUPS: dict[str, str] = {
    "phone": "By phone",
    "sms": "By text message",
    "email": "By email",
    "online": "Online",
    "webchat": "Webchat",
    "chatbot": "Digital assistant",
    "post": "By post",
    "social": "Social media",
    "relay": "If you are deaf, hard of hearing or speech impaired",
}

# Ways of contacting the council that a standard may be about, with the heading it is listed under.
STANDARD_HEADINGS: dict[str, str] = {
    "any": "However you contact us",
    "phone": "When you phone us",
    "voicemail": "When you leave a voicemail",
    "sms": "When you send us a text message",
    "email": "When you email us",
    "online": "When you contact us online",
    "webchat": "When you use webchat",
    "chatbot": "When you use our digital assistant",
    "post": "When you write to us",
    "in-person": "When you visit us",
    "home-visit": "When we visit you at home",
    "social": "When you contact us on social media",
    "text-relay": "When you call us through Relay UK",
    "video-relay": "When you use BSL video relay",
}
STANDARD_CHANNELS: tuple[str, ...] = tuple(STANDARD_HEADINGS)

assert set(GROUPS) == {t.group for t in CHANNEL_TYPES.values()}, "every channel type needs a contact page group"
assert all(s in STANDARD_HEADINGS for t in CHANNEL_TYPES.values() for s in t.standards)


def channel_type(name: str) -> ChannelType:
    """The registry entry for a type the loader has accepted."""
    return CHANNEL_TYPES[name]


def groups_in_order(offline_first: bool = False) -> list[tuple[str, str]]:
    """(group, heading) pairs. Leaflets list the ways that need no internet first."""
    pairs = list(GROUPS.items())
    if offline_first:
        offline = {t.group for t in CHANNEL_TYPES.values() if t.offline is True}
        pairs.sort(key=lambda pair: pair[0] not in offline or pair[0] == "relay")
    return pairs
