"""Speaker keys: which names make two pages' speakers one speaker in the ledger."""

from __future__ import annotations

from claimledger.store.speakers import keys_for, matching_keys


def test_acronym_and_full_name_meet() -> None:
    full = keys_for(["Syrian Observatory for Human Rights"], "organisation")
    short = keys_for(["SOHR"], "organisation")
    assert matching_keys(short) & full


def test_a_capital_alias_of_a_country_gives_no_key() -> None:
    """A capital acting for the US ("Washington") on one page must not pull the place, or a
    person of that name, into the country on another page."""
    country = keys_for(["United States", "US", "Washington"], "country")
    assert ("name", "united states") in country
    assert not any(key == "washington" for _, key in country)
    assert ("name", "washington") in keys_for(["Washington"], "place")


def test_unnamed_speakers_and_pronouns_give_no_keys() -> None:
    assert keys_for(["a witness"], "unnamed") == set()
    assert keys_for(["he", "They"], "person") == set()
