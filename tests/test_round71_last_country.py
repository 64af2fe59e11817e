"""Round 71: a place of several parts is in the country it names last.

A place is written from its smallest unit to its widest ("Moscow, Idaho, United States"),
so a country's whole name written last holds the city, whatever namesake the gazetteer
knows best. Round 71 kept a lower-case tail that holds a country ("in the United States")
and so exposed the older reading, which asked the gazetteer for the city first: Moscow,
Idaho was Russia's. Built from cities with a bigger namesake abroad x their region x the
ways a country is written last."""

from __future__ import annotations

import itertools

import pytest

from extractor.text.places import place_country

CITIES = [("Moscow", "Idaho", "United States", "USA"), ("Paris", "Texas", "United States", "USA"),
          ("Athens", "Georgia", "United States", "USA"), ("London", "Ontario", "Canada", "CAN"),
          ("Birmingham", "Alabama", "United States", "USA"),
          ("Valencia", "Carabobo", "Venezuela", "VEN"), ("Hamilton", "Waikato", "New Zealand", "NZL")]  # fmt: skip
FORMS = ["{C}, {R}, {S}", "{C}, {R}, in {S}", "{C}, {R}, in the {S}", "{C}, {R}, the {S}"]


@pytest.mark.parametrize(
    ("place", "code"),
    [
        (form.format(C=c, R=r, S=s), code)
        for (c, r, s, code), form in itertools.product(CITIES, FORMS)
        if "the" not in form or s in ("United States",)
    ],
)
def test_a_country_named_last_holds_the_city(place: str, code: str) -> None:
    """Fails on 979469a: 6/22 (round 71 kept the tail: 22/22 before this)."""
    assert place_country(place) == code, place


@pytest.mark.parametrize(
    ("place", "code"),
    [("Tbilisi, Georgia", "GEO"), ("Atlanta, Georgia", "USA"), ("Moscow, Idaho", "USA"),
     ("Kyiv, Ukraine", "UKR"), ("Perth, Scotland", "GBR"), ("Moscow", "RUS")],
)  # fmt: skip
def test_near_misses_read_as_before(place: str, code: str) -> None:
    """Near misses: two parts, or a state that is also a country's name, read as before."""
    assert place_country(place) == code, place
