"""Kinds of value and records (fields.py): hints that lead the officer right, never to a value that says something else."""

from __future__ import annotations

import pytest

from conftest import valid_services
from opencounter import format as fmt
from opencounter.errors import CatalogueError
from opencounter.fields import Choice

ACCESS = Choice(("walk-in", "appointment", "closed"), together=fmt.ACCESS_TOGETHER)


@pytest.mark.parametrize("typed, hint", [
    ("walkin", "Did you mean 'walk-in'?"),
    ("apointment", "Did you mean 'appointment'?"),
    ("by appointment", "Did you mean 'appointment'?"),
    ("walk-in or appointment",
     "'walk-in or appointment' names 'walk-in' and 'appointment' together. When both are true, write "
     "'walk-in-and-appointment'."),
    ("Walk in / Appointment", "'Walk in / Appointment' names 'walk-in' and 'appointment' together. When both are "
                              "true, write 'walk-in-and-appointment'."),
    ("not walk-in", "Use one of: walk-in, appointment, closed."),
    ("closed on mondays", "Use one of: walk-in, appointment, closed."),
])
def test_a_hint_never_offers_a_choice_that_says_something_else(typed, hint):
    assert ACCESS.hint(typed) == hint


def test_a_phrase_is_not_cut_down_to_the_one_choice_it_names():
    # Without a choice for both, "walk-in or appointment" still does not become "appointment".
    plain = Choice(("walk-in", "appointment", "closed"))
    assert "Did you mean" not in plain.hint("walk-in or appointment")
    assert "Did you mean" not in Choice(("appointment", "closed")).hint("walk-in or appointment")
    assert "Did you mean" not in Choice(("phone", "email")).hint("phone or email")


def test_face_to_face_points_to_offices():
    hint = fmt.CHANNEL_FIELDS["type"].kind.hint("face-to-face")
    assert hint.startswith("In-person help is an office, not a channel: add the place under 'offices:'")
    assert fmt.STANDARD.fields["channel"].kind.hint("Face to face").startswith("Did you mean 'in-person'?")


def _problem(write_catalogue, services):
    with pytest.raises(CatalogueError) as caught:
        write_catalogue(services)
    [problem] = caught.value.problems
    return problem


def test_a_key_in_its_place_that_the_section_does_not_have_is_not_blamed_on_indenting(write_catalogue):
    services = valid_services().replace("    offices: [testham]\n", "    offices: [testham]\n    standards:\n"
                                        "      - promise: We reply within 2 working days.\n        channel: email\n")
    problem = _problem(write_catalogue, services)
    assert "indent" not in problem.hint
    assert problem.hint.startswith("'channel' does not belong in a service standard, which has promise and target only.")


def test_a_key_of_the_section_around_it_is_still_blamed_on_indenting(write_catalogue):
    services = valid_services().replace("        reason: Christmas\n",
                                        "        reason: Christmas\n        postcode: TE1 1AA\n")
    problem = _problem(write_catalogue, services)
    assert problem.hint == ("'postcode' is a key of an office, not of a closure. The line may be indented wrongly: "
                            "move it so that it lines up with the other keys of the section it belongs to.")


def test_the_choice_for_both_is_not_offered_for_itself():
    # Until a format offers the choice for both, typing it does not get itself as the hint.
    assert "write 'walk-in-and-appointment'" not in ACCESS.hint("walk-in-and-appointment")


def test_a_note_in_hours_is_sent_to_a_key_the_office_or_channel_has(write_catalogue):
    """An office has closures and a notice but no description; a channel has a description."""
    office = _problem(write_catalogue, valid_services().replace("      Mon-Fri: 09:00-17:00\n",
                                                                "      Mon-Fri: 9am to 5pm (Closed In August)\n"))
    assert office.hint.endswith("Put dates it is closed under its 'closures:', and anything else in its 'notice:'.")
    assert set(fmt.OFFICE.fields) >= {"closures", "notice"} and "description" not in fmt.OFFICE.fields
    channel = _problem(write_catalogue, valid_services().replace("      Monday to Friday: 9am to 5pm\n",
                                                                 "      Monday to Friday: 9am to 5pm (closed for lunch)\n"))
    assert channel.hint.endswith("Put anything else in the channel's 'description:'.")
    assert "description" in fmt.CHANNEL_FIELDS
