"""Round 71: which leg of a journey a visit noun belongs to, and which "visiting" tells
no going (extractor.types.visit: _a_previous_leg, _visiting_a_person).

Principle (ACLED/UCDP: the visitor is the one who travelled; the venue is where they
went): a word of coming BACK from a visit ("returned from a visit to Lima", "recién
llegado de una visita a", "der aus einem Besuch in Wien zurückkam") marks a previous
leg, whose place is no venue of this visit. A word of LEAVING home ("departed from
Berlin to visit Lima", "salió de Madrid para visitar", "est parti de Paris pour
visiter", "partiu de Brasília em visita a", "вылетел из Москвы с визитом в") tells the
outward leg of this very visit: its place is where the visitor went.

What went wrong: round 70 took every word of cues.RETURN_WORDS, which holds words of
leaving as well as of coming back, for the previous-leg test, so leaving home to visit
X lost X (27/36 wrong); and the return words that hold their own "de" ("llegado de")
or come last (German "zurückkam") were missed.
"""

from __future__ import annotations

import itertools

import pytest

from extractor.types.visit import visit_venues

#: (language, destination as written after the preposition/verb, its code)
PLACES = {
    "en": [("Lima", "PER"), ("Vienna", "AUT"), ("Accra", "GHA")],
    "es": [("Lima", "PER"), ("Viena", "AUT"), ("Acra", "GHA")],
    "fr": [("Lima", "PER"), ("Vienne", "AUT"), ("Accra", "GHA")],
    "de": [("Lima", "PER"), ("Wien", "AUT"), ("Accra", "GHA")],
    "it": [("Lima", "PER"), ("Vienna", "AUT"), ("Accra", "GHA")],
    "pt": [("Lima", "PER"), ("Viena", "AUT"), ("Acra", "GHA")],
    "ru": [("Австрию", "AUT"), ("Гану", "GHA"), ("Перу", "PER")],
}
SUBJECTS = {
    "en": ["President Salo", "Foreign Minister Ana Ruiz"],
    "es": ["El presidente Salo", "La canciller Ana Ruiz"],
    "fr": ["Le président Salo", "La ministre Ana Ruiz"],
    "de": ["Präsident Salo", "Ministerin Ana Ruiz"],
    "it": ["Il presidente Salo", "La ministra Ana Ruiz"],
    "pt": ["O presidente Salo", "A ministra Ana Ruiz"],
    "ru": ["Президент Сало", "Министр Анна Руис"],
}
#: Leaving home on this visit: the place is gone to.
DEPART = {
    "en": ["{S} departed from Berlin to visit {D} on Monday.",
           "{S} left from Berlin on a visit to {D} on Monday.",
           "{S}, departing from Berlin on a visit to {D}, spoke on Monday."],
    "es": ["{S} salió de Madrid para visitar {D} el lunes.",
           "{S} salió de visita oficial a {D} el lunes.",
           "{S} volverá de visita a {D} el lunes.",
           "{S} partió de Madrid en visita oficial a {D} el lunes."],
    "fr": ["{S} est parti de Paris pour visiter {D} lundi.",
           "{S} a quitté Paris pour une visite à {D} lundi.",
           "{S} est revenu de Paris pour visiter {D} lundi."],
    "de": ["{S} reiste am Montag aus Berlin zu einem Besuch nach {D}.",
           "{S} verließ Berlin am Montag zu einem Besuch in {D}."],
    "it": ["{S} è partito da Roma per visitare {D} lunedì.",
           "{S}, partito da Roma in visita a {D}, ha parlato lunedì."],
    "pt": ["{S} partiu de Lisboa para visitar {D} na segunda-feira.",
           "{S} partiu de Brasília em visita a {D} na segunda-feira."],
    "ru": ["{S} вылетел из Москвы с визитом в {D} в понедельник.",
           "{S} вылетел из столицы с визитом в {D}."],
}  # fmt: skip
#: Coming back from a visit: the place is no venue of this one.
PREVIOUS = {
    "en": ["{S}, who returned from an official visit to {D}, received Minister Wik.",
           "{S}, just back from a two-day visit to {D}, received Minister Wik.",
           "{S}, fresh from a visit to {D}, received Minister Wik on Friday."],
    "es": ["{S}, tras regresar de su visita a {D}, recibió el viernes al canciller Wik.",
           "{S}, recién llegado de una visita a {D}, recibió el viernes al canciller Wik.",
           "{S}, de vuelta de una visita oficial a {D}, recibió al canciller Wik."],
    "fr": ["{S}, de retour d'une visite à {D}, a reçu vendredi le ministre Wik.",
           "{S}, arrivé d'une visite officielle à {D}, a reçu vendredi le ministre Wik.",
           "{S}, rentré d'une visite officielle à {D}, a reçu vendredi le ministre Wik."],
    "de": ["{S} empfing nach der Rückkehr von einem Besuch in {D} am Freitag Minister Wik.",
           "{S}, der aus einem Besuch in {D} zurückkam, empfing Minister Wik.",
           "{S}, der von seinem dreitägigen Besuch in {D} zurückgekehrt war, empfing Minister Wik."],
    "it": ["{S}, di ritorno da una visita a {D}, ha ricevuto venerdì il ministro Wik.",
           "{S}, giunto da una visita ufficiale a {D}, ha ricevuto venerdì il ministro Wik.",
           "{S}, rientrato da una visita ufficiale a {D}, ha ricevuto il ministro Wik."],
    "pt": ["{S}, de volta de uma visita a {D}, recebeu o ministro Wik na sexta-feira.",
           "{S}, chegado de uma visita oficial a {D}, recebeu o ministro Wik.",
           "{S}, recém-chegado de uma visita a {D}, recebeu o ministro Wik."],
    "ru": ["{S}, вернувшись из визита в {D}, принял в пятницу министра Вика.",
           "{S} после возвращения из поездки в {D} принял министра Вика."],
}  # fmt: skip


def _cases(table):
    for lang, templates in table.items():
        for template, subject, (place, code) in itertools.product(
            templates, SUBJECTS[lang], PLACES[lang]
        ):
            yield lang, template.format(S=subject, D=place), code


@pytest.mark.parametrize(("lang", "sentence", "code"), list(_cases(DEPART)))
def test_leaving_home_on_a_visit_goes_there(lang: str, sentence: str, code: str) -> None:
    assert code in visit_venues(sentence, lang).went


@pytest.mark.parametrize(("lang", "sentence", "code"), list(_cases(PREVIOUS)))
def test_coming_back_from_a_visit_is_a_previous_leg(lang: str, sentence: str, code: str) -> None:
    assert code not in visit_venues(sentence, lang).went


#: Roles and superlatives of visiting: a post held, how many come; no one went there.
ROLES = {
    "en": ["{S}, a visiting research fellow in {D}, received Minister Wik.",
           "{S}, once a visiting diplomat in {D}, received Minister Wik.",
           "The museum, one of the most-visited sites in {D}, hosted {S} on Friday.",
           "The cathedral is the best visited site in {D}, {S} said."],
    "es": ["{S}, profesor visitante en {D}, recibió el viernes al canciller Wik.",
           "La catedral es el lugar más visitado de {D}, dijo {S}."],
    "de": ["Der Dom ist der am meisten besuchte Ort in {D}, sagte {S}."],
    "it": ["{S}, professore in visita a {D}, ha ricevuto venerdì il ministro Wik.",
           "La cattedrale è il sito più visitato di {D}, ha detto {S}."],
    "pt": ["{S}, professor visitante em {D}, recebeu o ministro Wik.",
           "A catedral é o local mais visitado de {D}, disse {S}."],
}  # fmt: skip
#: Near misses: the same words where someone did go.
ROLES_GONE = {
    "en": ["{S}, visiting {D} on Friday, met Minister Wik.",
           "{S}, visiting research facilities in {D}, met Minister Wik.",
           "The team visiting {D} met Minister Wik on Friday."],
    "es": ["{S} visitó {D} el lunes.", "El profesor visitó {D} el lunes."],
    "de": ["{S} besuchte am Montag {D}."],
    "it": ["{S} ha visitato {D} lunedì.", "Il professore visita {D} lunedì."],
    "pt": ["{S} visitou {D} na segunda-feira."],
}  # fmt: skip


@pytest.mark.parametrize(("lang", "sentence", "code"), list(_cases(ROLES)))
def test_a_visiting_role_or_superlative_tells_no_going(lang: str, sentence: str, code: str) -> None:
    assert code not in visit_venues(sentence, lang).went


@pytest.mark.parametrize(("lang", "sentence", "code"), list(_cases(ROLES_GONE)))
def test_a_going_near_a_role_word_still_goes(lang: str, sentence: str, code: str) -> None:
    assert code in visit_venues(sentence, lang).went
