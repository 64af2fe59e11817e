"""Round 58: the direction of an arms transfer read from sentences of every voice,
tense and language, with another country in a trailing phrase.

A party is a name, so it begins with a capital: "to France via Japan" marks France
alone as the recipient (the patterns once read "France via Japan" as one party naming
two countries, and so none). "X was supplied with ... by Y" and the Russian "Японии
переданы ... из Турции" name the recipient before the verb and the supplier after it.
German puts its participle last ("hat ... an X geliefert") and takes "von X" for the
source ("erhält von X"). A right answer is kept without a warning; the reversed answer
is swapped back.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from extractor.types.arms_transfer import transfer_sides
from tests.roles_support import run
from tests.test_round57_direction import arms

FAST = settings(max_examples=60, deadline=None)

# code: English, German, Spanish, French (bare, with article), French "of",
# Russian nominative, dative, genitive, accusative (all feminine: "поставила").
FORMS: dict[str, dict[str, str]] = {
    "DEU": {"en": "Germany", "de": "Deutschland", "es": "Alemania", "fr": "l'Allemagne",
            "fr_of": "de l'Allemagne", "ru_nom": "Германия", "ru_dat": "Германии",
            "ru_gen": "Германии", "ru_acc": "Германию"},
    "FRA": {"en": "France", "de": "Frankreich", "es": "Francia", "fr": "la France",
            "fr_of": "de la France", "ru_nom": "Франция", "ru_dat": "Франции",
            "ru_gen": "Франции", "ru_acc": "Францию"},
    "IND": {"en": "India", "de": "Indien", "es": "India", "fr": "l'Inde",
            "fr_of": "de l'Inde", "ru_nom": "Индия", "ru_dat": "Индии",
            "ru_gen": "Индии", "ru_acc": "Индию"},
    "JPN": {"en": "Japan", "de": "Japan", "es": "Japón", "fr": "le Japon",
            "fr_of": "du Japon", "ru_nom": "Япония", "ru_dat": "Японии",
            "ru_gen": "Японии", "ru_acc": "Японию"},
    "BRA": {"en": "Brazil", "de": "Brasilien", "es": "Brasil", "fr": "le Brésil",
            "fr_of": "du Brésil", "ru_nom": "Бразилия", "ru_dat": "Бразилии",
            "ru_gen": "Бразилии", "ru_acc": "Бразилию"},
    "POL": {"en": "Poland", "de": "Polen", "es": "Polonia", "fr": "la Pologne",
            "fr_of": "de la Pologne", "ru_nom": "Польша", "ru_dat": "Польше",
            "ru_gen": "Польши", "ru_acc": "Польшу"},
}  # fmt: skip
TRIPLES = st.permutations(sorted(FORMS)).map(lambda codes: codes[:3])

#: language -> (voice and tense, template): {A} supplies {W} to {B}; {T} is a phrase
#: naming a third country {C}.
TEMPLATES: dict[str, list[tuple[str, str]]] = {
    "en": [
        ("active past", "{A_en} delivered 14 {W} to {B_en}{T} on Tuesday."),
        ("active present", "{A_en} sells 14 {W} to {B_en}{T}, officials said."),
        ("active perfect", "{A_en} has sold 14 {W} to {B_en}{T}."),
        ("active future", "{A_en} will deliver 14 {W} to {B_en}{T}, officials said."),
        ("acquiring past", "{B_en} bought 14 {W} from {A_en}{T} on Tuesday."),
        ("acquiring perfect", "{B_en} has received 14 {W} from {A_en}{T}."),
        ("passive", "Fourteen {W} were delivered to {B_en} by {A_en}{T} on Tuesday."),
        ("supplied with", "{B_en} was supplied with 14 {W} by {A_en}{T}, the ministry said."),
    ],
    "de": [
        ("active past", "{A_de} lieferte 14 {W}{T} an {B_de}, teilte das Ministerium mit."),
        ("active present", "{A_de} liefert 14 {W}{T} an {B_de}, teilte das Ministerium mit."),
        ("active perfect", "{A_de} hat am Dienstag 14 {W}{T} an {B_de} geliefert."),
        ("active perfect", "{A_de} hat am Dienstag 14 {W}{T} an {B_de} verkauft."),
        ("active future", "{A_de} wird 14 {W}{T} an {B_de} liefern, teilte das Ministerium mit."),
        ("acquiring present", "{B_de} erhält{T} von {A_de} weitere 14 {W}."),
        ("acquiring past", "{B_de} erhielt{T} von {A_de} weitere 14 {W}."),
        ("acquiring perfect", "{B_de} hat{T} von {A_de} 14 {W} erhalten."),
        ("passive", "Am Dienstag wurden 14 {W}{T} von {A_de} an {B_de} geliefert."),
    ],
    "ru": [
        ("active past", "{A_ru_nom} поставила {B_ru_dat} 14 {W}{T}, сообщили в министерстве."),
        ("active present", "{A_ru_nom} поставляет {B_ru_dat} 14 {W}{T}, сообщили в министерстве."),
        ("acquiring past", "{B_ru_nom} закупила у {A_ru_gen} 14 {W}{T}, сообщили в министерстве."),
        ("acquiring past", "{B_ru_nom} получила от {A_ru_gen} 14 {W}{T}, сообщили в министерстве."),
        ("passive", "{B_ru_dat} переданы 14 {W} из {A_ru_gen}{T}, сообщили в министерстве."),
    ],
    "es": [
        ("active past", "{A_es} vendió 14 {W} a {B_es}{T}, informó el ministerio."),
        ("active present", "{A_es} entrega 14 {W} a {B_es}{T}, informó el ministerio."),
        ("active perfect", "{A_es} ha entregado 14 {W} a {B_es}{T}, informó el ministerio."),
        ("active future", "{A_es} entregará 14 {W} a {B_es}{T}, informó el ministerio."),
        ("acquiring past", "{B_es} compró 14 {W} a {A_es}{T}, informó el ministerio."),
        ("passive", "Catorce {W} fueron entregados a {B_es} por {A_es}{T}, informó el ministerio."),
    ],
    "fr": [
        ("active perfect", "{A_Fr} a livré 14 {W} à {B_fr}{T}, a indiqué le ministère."),
        ("active present", "{A_Fr} livre 14 {W} à {B_fr}{T}, a indiqué le ministère."),
        ("active future", "{A_Fr} livrera 14 {W} à {B_fr}{T}, a indiqué le ministère."),
        ("acquiring perfect", "{B_Fr} a reçu 14 {W} {A_fr_of}{T}, a indiqué le ministère."),
        ("passive", "Quatorze {W} ont été livrés à {B_fr} par {A_fr}{T}, a indiqué le ministère."),
    ],
}  # fmt: skip
TRAILING: dict[str, list[str]] = {
    "en": ["", " via {C_en}", " after {C_en} refused", " before {C_en} objected",
           " despite protests by {C_en}"],
    "de": ["", " über {C_de}", " nach Gesprächen mit {C_de}", " trotz Kritik in {C_de}"],
    "ru": ["", " через {C_ru_acc}", " после отказа {C_ru_gen}",
           " несмотря на возражения {C_ru_gen}"],
    "es": ["", " a través de {C_es}", " después de que {C_es} se negara",
           " antes de que {C_es} protestara", " pese a las críticas de {C_es}"],
    "fr": ["", " via {C_fr}", " après le refus {C_fr_of}", " avant que {C_fr} ne proteste",
           " malgré les critiques {C_fr_of}"],
}  # fmt: skip
WEAPONS = {
    "en": ["Leopard tanks", "howitzers", "F-16 fighters", "Patriot missiles"],
    "de": ["Leopard-Panzer", "Haubitzen", "Kampfjets", "Patriot-Raketen"],
    "ru": ["танков", "гаубиц", "истребителей", "ракет"],
    "es": ["tanques", "obuses", "cazas", "misiles"],
    "fr": ["chars", "obusiers", "avions de combat", "missiles"],
}
CASES = st.sampled_from(sorted(TEMPLATES)).flatmap(
    lambda language: st.tuples(
        st.just(language),
        st.sampled_from(TEMPLATES[language]),
        st.sampled_from(TRAILING[language]),
        st.sampled_from(WEAPONS[language]),
    )
)


def sentence(template: str, trailing: str, weapon: str, a: str, b: str, c: str) -> str:
    fields = {}
    for role, code in (("A", a), ("B", b), ("C", c)):
        fields |= {f"{role}_{key}": value for key, value in FORMS[code].items()}
        fields[f"{role}_Fr"] = FORMS[code]["fr"][:1].upper() + FORMS[code]["fr"][1:]
    return template.replace("{T}", trailing).replace("{W}", weapon).format(**fields)


def _coded(text: str, supplier: str, recipient: str, weapon: str) -> tuple[list, list[str]]:
    outcome = run("arms_transfer", text, **arms(supplier, recipient, weapon))
    pairs = [(r.supplier.country, r.recipient.country) for r in outcome.records]
    warnings = [w for w in outcome.warnings if "direction" in w or "swapped" in w]
    return pairs, warnings


@FAST
@given(triple=TRIPLES, case=CASES)
def test_a_right_answer_is_kept_without_a_warning(
    triple: tuple[str, str, str], case: tuple[str, tuple[str, str], str, str]
) -> None:
    """Whatever the voice, the tense and the phrase after the recipient, the supplier
    and the recipient as answered stand, and nothing says the evidence contradicts them."""
    (a, b, c), (_, (_, template), trailing, weapon) = triple, case
    text = sentence(template, trailing, weapon, a, b, c)
    pairs, warnings = _coded(text, a, b, weapon)
    assert pairs == [(a, b)], (text, warnings)
    assert not warnings, (text, warnings)


@FAST
@given(triple=TRIPLES, case=CASES)
def test_a_reversed_answer_is_swapped_back(
    triple: tuple[str, str, str], case: tuple[str, tuple[str, str], str, str]
) -> None:
    """Each sentence marks both sides (a preposition, the dative, a passive's agent, the
    subject of "supplied with"), so an answer with them the wrong way round is swapped."""
    (a, b, c), (_, (_, template), trailing, weapon) = triple, case
    text = sentence(template, trailing, weapon, a, b, c)
    pairs, warnings = _coded(text, b, a, weapon)
    assert pairs == [(a, b)], (text, warnings)
    assert any("swapped" in w for w in warnings), (text, warnings)


@FAST
@given(triple=TRIPLES, case=CASES)
def test_the_marks_name_each_side_once(
    triple: tuple[str, str, str], case: tuple[str, tuple[str, str], str, str]
) -> None:
    """The supplier is marked a supplier and the recipient a recipient, read in the
    sentence's language; the third country of the trailing phrase is neither."""
    (a, b, c), (language, (_, template), trailing, weapon) = triple, case
    text = sentence(template, trailing, weapon, a, b, c)
    suppliers, recipients = transfer_sides(text, language)
    assert (suppliers, recipients) == ({a}, {b}), text


# Names whose words are not all capitalised ("la Corée du Sud", "Trinidad and Tobago",
# "Объединенным арабским эмиратам"): a party begins at a capital and reads on over the
# words that continue a country's name. code -> the forms the templates of each language use.
MULTIWORD: dict[str, dict[str, dict[str, str]]] = {
    "en": {"TTO": {"en": "Trinidad and Tobago"}, "BIH": {"en": "Bosnia and Herzegovina"},
           "COD": {"en": "the Democratic Republic of the Congo"}},
    "de": {"TTO": {"de": "Trinidad und Tobago"}, "BIH": {"de": "Bosnien und Herzegowina"}},
    "es": {"KOR": {"es": "Corea del Sur"}, "TTO": {"es": "Trinidad y Tobago"},
           "BIH": {"es": "Bosnia y Herzegovina"}},
    "fr": {"KOR": {"fr": "la Corée du Sud", "fr_of": "de la Corée du Sud"},
           "SAU": {"fr": "l'Arabie saoudite", "fr_of": "de l'Arabie saoudite"},
           "ZAF": {"fr": "l'Afrique du Sud", "fr_of": "de l'Afrique du Sud"},
           "CIV": {"fr": "la Côte d'Ivoire", "fr_of": "de la Côte d'Ivoire"}},
    "ru": {"ARE": {"ru_nom": "Объединенные арабские эмираты",
                   "ru_dat": "Объединенным арабским эмиратам",
                   "ru_gen": "Объединенных арабских эмиратов",
                   "ru_acc": "Объединенные арабские эмираты"},
           "BIH": {"ru_nom": "Босния и Герцеговина", "ru_dat": "Боснии и Герцеговине",
                   "ru_gen": "Боснии и Герцеговины", "ru_acc": "Боснию и Герцеговину"}},
}  # fmt: skip
MULTI_CASES = st.sampled_from(sorted(MULTIWORD)).flatmap(
    lambda language: st.tuples(
        st.just(language),
        st.sampled_from(sorted(MULTIWORD[language])),
        st.sampled_from(sorted(FORMS)),
        st.sampled_from(TEMPLATES[language]),
        st.sampled_from(WEAPONS[language]),
        st.booleans(),
    )
)


def multiword_sentence(
    case: tuple[str, str, str, tuple[str, str], str, bool],
) -> tuple[str, str, str, str]:
    """A template of the case's language with the multiword country as the recipient (or,
    ``as_supplier``, the supplier) and a one-word country as the other side."""
    language, multi, other, (_, template), weapon, as_supplier = case
    a, b = (multi, other) if as_supplier else (other, multi)
    fields: dict[str, str] = {}
    for role, code in (("A", a), ("B", b)):
        forms = MULTIWORD[language][code] if code == multi else FORMS[code]
        fields |= {f"{role}_{key}": value for key, value in forms.items()}
        if "fr" in forms:
            fields[f"{role}_Fr"] = forms["fr"][:1].upper() + forms["fr"][1:]
    text = template.replace("{T}", "").replace("{W}", weapon).format(**fields)
    return language, text, a, b


@FAST
@given(case=MULTI_CASES)
def test_a_multiword_country_is_a_party(
    case: tuple[str, str, str, tuple[str, str], str, bool],
) -> None:
    """ "à la Corée du Sud", "to Trinidad and Tobago", "поставила Объединенным арабским
    эмиратам": a name's lower-case words are part of the party, on either side."""
    language, text, a, b = multiword_sentence(case)
    assert transfer_sides(text, language) == ({a}, {b}), text


@settings(max_examples=25, deadline=None)
@given(case=MULTI_CASES)
def test_a_reversed_multiword_answer_is_swapped_back(
    case: tuple[str, str, str, tuple[str, str], str, bool],
) -> None:
    """With both sides marked, a draft naming them the wrong way round is swapped."""
    _, text, a, b = multiword_sentence(case)
    pairs, warnings = _coded(text, b, a, case[4])
    assert pairs == [(a, b)], (text, warnings)
    assert any("swapped" in w for w in warnings), (text, warnings)


# A Russian adjective of nationality on the goods names their origin, not their recipient.
RU_ADJECTIVES = {
    "RUS": ["Российские", "российские", "Российская", "Российский"],
    "FRA": ["Французские", "французская", "Французский"],
    "DEU": ["Немецкие", "немецкая", "Германские"],
    "TUR": ["Турецкие", "турецкий"],
}
RU_GOODS = ["С-400", "танки", "гаубицы", "техника", "комплекс", "истребители"]
RU_PASSIVES = ["поставлены", "переданы", "отправлены", "поставлена", "передан"]


@FAST
@given(
    origin=st.sampled_from(sorted(RU_ADJECTIVES)),
    data=st.data(),
    goods=st.sampled_from(RU_GOODS),
    verb=st.sampled_from(RU_PASSIVES),
    to=st.sampled_from(["в {ru_acc}", "{ru_dat}"]),
)
def test_a_russian_adjective_before_a_passive_is_the_origin(
    origin: str, data: st.DataObject, goods: str, verb: str, to: str
) -> None:
    """ "Российские С-400 поставлены в Индию": Russia supplies, India receives; the
    adjective is not read as the recipient of the passive."""
    adjective = data.draw(st.sampled_from(RU_ADJECTIVES[origin]))
    recipient = data.draw(st.sampled_from(sorted(set(FORMS) - {origin})))
    text = f"{adjective} {goods} {verb} {to.format(**FORMS[recipient])}."
    suppliers, recipients = transfer_sides(text, "ru")
    assert origin not in recipients, text
    assert recipient in recipients, text
    assert suppliers <= {origin}, text
