"""Round 68, frdates: a verb of speech's own phrases (its hearer, its setting) end where
the reported clause begins, so a date after them is the event's, not the report's.

- A complementizer ends the speech's phrase, elided or not ("a dit à l'AFP qu'une bombe
  lundi a tué", "told AFP that a bomb on Monday", "dijeron a Reuters que una bomba el
  lunes", "sagten der Zeitung, dass", "сообщили журналистам, что"), and so does a
  subject pronoun, the zero complementizer ("told reporters on Monday he flew to Kyiv on
  Friday").
- A speech has one day: once its date is written ("told reporters on Monday"), a later
  date belongs to the reported clause ("... Scholz visited Kyiv on Friday").

Near misses: the report's own date after its hearer stays the report's ("a dit à l'AFP
lundi qu'une bombe a tué", "told reporters on Monday that a bomb killed", "dijeron a
Reuters el lunes que"), and dates no event."""

from __future__ import annotations

import itertools

import pytest
from roles_support import run
from test_round67_dates2 import starts as visit_dates

#: roles_support's publication date is 2025-03-12 (a Wednesday).
MONDAY, FRIDAY = "2025-03-10", "2025-03-07"
C = dict(
    injured=None, qualifier="exact", victims=None, perpetrator=None, country=None,
    place=None, date=None, scope="event", violence_type=None, status="occurred",
    attribution=None,
)  # fmt: skip


def toll_dates(text: str) -> list[str | None]:
    """The dates of a right draft of the Basra toll over ``text``."""
    result = run("casualty_report", text, killed=12, **C, evidence=[1])
    return [r.date.value if r.date else None for r in result.records]


def _grid(*parts: list[str], sep: str = " ") -> list[str]:
    return [sep.join(p) for p in itertools.product(*parts)]


#: Speaker + verb, hearer or setting, complementizer (elided or not) + the dated toll.
IN_THE_CLAUSE = (
    _grid(["Des témoins ont dit", "La police a indiqué", "Le ministère a affirmé"],
          ["à l'AFP", "aux journalistes", "à la presse", "dans un entretien"],
          ["qu'une bombe lundi a tué 12 personnes à Bassora.",
           "qu'un attentat lundi a tué 12 personnes à Bassora.",
           "qu'à Bassora lundi 12 personnes ont été tuées.",
           "que des hommes armés lundi ont tué 12 personnes à Bassora."])
    + _grid(["Witnesses told AFP", "Officials told reporters", "Police said in an interview"],
            ["that a bomb on Monday killed 12 people in Basra.",
             "a bomb on Monday killed 12 people in Basra."])
    + _grid(["Testigos dijeron a Reuters", "Testigos dijeron a los periodistas"],
            ["que una bomba el lunes mató a 12 personas en Basora.",
             "que hombres armados el lunes mataron a 12 personas en Basora."])
    + _grid(["Zeugen sagten der Zeitung,", "Zeugen sagten im Interview,"],
            ["dass eine Bombe am Montag 12 Menschen in Basra getötet habe.",
             "eine Bombe habe am Montag 12 Menschen in Basra getötet."])
    + _grid(["Свидетели сообщили журналистам,", "Свидетели сообщили в интервью,"],
            ["что взрыв в понедельник убил 12 человек в Басре."])
)  # fmt: skip


@pytest.mark.parametrize("text", IN_THE_CLAUSE)
def test_a_date_after_the_complementizer_dates_the_toll(text: str) -> None:
    # fails on main: 62/158 of the fuller probe corpus right (every French "qu'" form wrong)
    assert toll_dates(text) == [MONDAY]


#: Near misses: the speech's own date after its hearer, the toll undated.
REPORTS_DATE = (
    _grid(["Des témoins ont dit", "La police a indiqué", "La police a affirmé"],
          ["à l'AFP lundi", "aux journalistes lundi", "à la presse lundi"],
          ["qu'une bombe a tué 12 personnes à Bassora.",
           "que 12 personnes ont été tuées à Bassora."])
    + _grid(["Witnesses told AFP on Monday", "Officials told reporters on Monday",
             "Police said in an interview on Monday"],
            ["that a bomb killed 12 people in Basra.", "12 people were killed in Basra."])
    + ["Testigos dijeron a Reuters el lunes que una bomba mató a 12 personas en Basora.",
       "Testigos dijeron a los periodistas el lunes que una bomba mató a 12 personas en Basora.",
       "Zeugen sagten der Zeitung am Montag, eine Bombe habe 12 Menschen in Basra getötet."]
)  # fmt: skip


@pytest.mark.parametrize("text", REPORTS_DATE)
def test_the_speechs_own_date_after_its_hearer_still_is_the_reports(text: str) -> None:
    assert toll_dates(text) == [None]


G = "German Chancellor Olaf Scholz"
#: A report's date, then a reported clause with no complementizer and its own date.
OWN_DATE_AFTER = _grid(
    [f"{G} told reporters on Monday", f"{G} told the BBC on Monday",
     f"{G} said in an interview on Monday", f"{G} said at a news conference on Monday"],
    ["he visited Kyiv on Friday.", "he flew to Kyiv on Friday.", "he travelled to Kyiv on Friday.",
     "Scholz visited Kyiv on Friday.", "she welcomed him in Kyiv on Friday."],
) + _grid(
    [f"{G} told reporters", f"{G} told the BBC", f"{G} said in an interview"],
    ["he flew to Kyiv on Friday.", "he travelled to Kyiv on Friday.", "he went to Kyiv on Friday."],
) + [
    f"Le chancelier allemand Olaf Scholz a déclaré {h} lundi qu'il s'est rendu à Kiev vendredi."
    for h in ["aux journalistes", "à la presse"]
] + ["El canciller alemán Olaf Scholz dijo a los periodistas el lunes que visitó Kiev el viernes."]  # fmt: skip


@pytest.mark.parametrize("text", OWN_DATE_AFTER)
def test_the_reported_clauses_own_date_dates_the_visit(text: str) -> None:
    # fails on main: 14 of these 32
    assert visit_dates(text) == [FRIDAY]


@pytest.mark.parametrize(
    "text",
    _grid([f"{G} told reporters on Monday", f"{G} said in an interview on Monday"],
          ["he had visited Kyiv.", "that he visited Kyiv.", "that talks in Kyiv had gone well."]),
)  # fmt: skip
def test_a_report_of_an_undated_visit_gives_it_no_date(text: str) -> None:
    assert visit_dates(text) == [None]
