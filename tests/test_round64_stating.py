"""Round 64: the strict score read what a count counts by closed lists of words.

1. A noun of people after a count lost its credit in French, German, Portuguese and
   Dutch when no table listed it ("12 passagers ont été tués", "12 Passagiere wurden in
   Nigeria getötet", "12 passageiros morreram", "12 passagiers werden gedood"): English
   read the subject of a passive verb of killing, or the object of an active one, as
   people, but the verb was matched against accented words on the folded quote (French,
   German) or not known at all (Portuguese, Dutch). What a verb of killing or wounding
   takes as its subject or object is people in every language, unless it is a thing or
   an animal.
2. A count stated a field whatever befell what it counts: with the gold killed=N,
   "Gunmen killed 3 people and wounded N" was credited. A count states a field only when
   the word of outcome nearest it in its own clause is that field's.
3. A count of animals ("12 cattle were killed", "mataron 12 cabras", "убиты 12 коров",
   "12 mucche sono state uccise") was credited as a count of people.
4. The same for the injured count: "3 died and 12 were hurt" states injured=12, not
   killed=12; a lone word of outcome after a count is what befell it ("12 blessées").

Every case is built from templates over counts, nouns and languages; each quote that
must lose its credit stands beside a quote of people, written the same way, that keeps it.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_round61_stating import _casualty, _tps
from tests.test_round63_stating import GOLD as GOLD63

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COUNTS = [7, 12, 35, 48, 120]
GOLD = {**GOLD63, "it": "Uomini armati hanno ucciso {n} abitanti a Kaduna, in Nigeria."}


def _strict(language: str, count: int, quote: str) -> int:
    """The strict credit of ``quote``, written after the gold sentence of ``count``
    (killed) and a sentence between them, so only the quote itself can state the record."""
    sentence = GOLD[language].format(n=count)
    text = f"{sentence} Officials gave no details. {quote}"
    return _tps(text, _casualty(count, sentence), quote, language)[1]


# --- 1. a noun of people a verb of killing takes -------------------------------------------

#: Per language: nouns of people no table of the package lists.
UNLISTED_PEOPLE = {
    "fr": ["passagers", "médecins", "prêtres", "moines", "nonnes", "pèlerins", "bergers",
           "marins"],
    "de": ["Passagiere", "Ärzte", "Nonnen", "Mönche", "Hirten", "Köche", "Matrosen"],
    "pt": ["passageiros", "médicos", "padres", "freiras", "monges", "motoristas",
           "cozinheiros", "marinheiros"],
    "nl": ["passagiers", "artsen", "nonnen", "monniken", "priesters", "koks", "matrozen",
           "toeristen"],
}  # fmt: skip
#: Per language: a verb of killing taking the noun ({w}) as its subject or object.
HARM_FRAMES = {
    "fr": ["{n} {w} ont été tués au Nigeria.", "Au Nigeria, {n} {w} sont morts dimanche.",
           "Des hommes armés ont tué {n} {w} au Nigeria."],
    "de": ["{n} {w} wurden in Nigeria getötet.", "{n} {w} wurden getötet, sagte die Polizei in Nigeria.",
           "Bewaffnete töteten {n} {w} in Nigeria."],
    "pt": ["{n} {w} foram mortos na Nigéria.", "{n} {w} morreram na Nigéria.",
           "Homens armados mataram {n} {w} na Nigéria."],
    "nl": ["{n} {w} werden gedood in Nigeria.", "{n} {w} werden in Nigeria gedood.",
           "{n} {w} kwamen om in Nigeria.", "Gewapende mannen doodden {n} {w} in Nigeria."],
}  # fmt: skip


@SETTINGS
@given(
    st.sampled_from(
        [
            (lang, frame, w)
            for lang, ws in UNLISTED_PEOPLE.items()
            for frame in HARM_FRAMES[lang]
            for w in ws
        ]
    ),
    st.sampled_from(COUNTS),
)
def test_a_noun_a_verb_of_killing_takes_is_people_in_every_language(
    case: tuple[str, str, str], count: int
) -> None:
    language, frame, noun = case
    quote = frame.format(n=count, w=noun)
    assert _strict(language, count, quote) == 1, quote


# --- 2. a count of another outcome -------------------------------------------------------

#: Per language: (a quote where {n} counts another outcome than killing, the same quote
#: with {n} the dead). 3 is the other count.
OTHER_OUTCOME = {
    "en": [("Gunmen killed 3 people and wounded {n} in Nigeria.",
            "Gunmen killed {n} people and wounded 3 in Nigeria."),
           ("In Nigeria 3 people died and {n} were hurt.",
            "In Nigeria {n} people died and 3 were hurt."),
           ("Police detained {n} suspects after 3 people were killed in Nigeria.",
            "Police detained 3 suspects after {n} people were killed in Nigeria."),
           ("3 were slain in Nigeria; {n} went missing.",
            "{n} were slain in Nigeria; 3 went missing."),
           ("In Nigeria, 3 villagers were killed, {n} abducted.",
            "In Nigeria, {n} villagers were killed, 3 abducted.")],
    "es": [("En Nigeria fallecieron 3 personas y {n} quedaron heridas.",
            "En Nigeria fallecieron {n} personas y 3 quedaron heridas."),
           ("En Nigeria mataron a 3 personas y secuestraron a {n}.",
            "En Nigeria mataron a {n} personas y secuestraron a 3.")],
    "fr": [("Au Nigeria, 3 villageois ont été tués et {n} blessés.",
            "Au Nigeria, {n} villageois ont été tués et 3 blessés."),
           ("Au Nigeria, 3 personnes sont mortes et {n} ont disparu.",
            "Au Nigeria, {n} personnes sont mortes et 3 ont disparu.")],
    "de": [("In Nigeria wurden 3 Dorfbewohner getötet und {n} verwundet.",
            "In Nigeria wurden {n} Dorfbewohner getötet und 3 verwundet."),
           ("In Nigeria starben 3 Menschen, {n} werden vermisst.",
            "In Nigeria starben {n} Menschen, 3 werden vermisst.")],
    "ru": [("В Нигерии убиты 3 человека, ещё {n} получили ранения.",
            "В Нигерии убиты {n} человек, ещё 3 получили ранения."),
           ("В Нигерии погибли 3 жителя, {n} пропали без вести.",
            "В Нигерии погибли {n} жителей, 3 пропали без вести.")],
    "pt": [("Na Nigéria, 3 pessoas foram mortas e {n} ficaram feridas.",
            "Na Nigéria, {n} pessoas foram mortas e 3 ficaram feridas.")],
    "nl": [("In Nigeria werden 3 mensen gedood en {n} gewond.",
            "In Nigeria werden {n} mensen gedood en 3 gewond.")],
    "it": [("In Nigeria 3 persone sono state uccise e {n} sono rimaste ferite.",
            "In Nigeria {n} persone sono state uccise e 3 sono rimaste ferite.")],
}  # fmt: skip


@SETTINGS
@given(
    st.sampled_from([(lang, pair) for lang, pairs in OTHER_OUTCOME.items() for pair in pairs]),
    st.sampled_from(COUNTS),
)
def test_a_count_of_another_outcome_states_no_killed_count(
    case: tuple[str, tuple[str, str]], count: int
) -> None:
    language, (other, killed) = case
    assert _strict(language, count, other.format(n=count)) == 0, other
    assert _strict(language, count, killed.format(n=count)) == 1, killed


# --- 3. a count of animals ---------------------------------------------------------------

#: Per language: quotes of harm in Nigeria ({w}: what is counted).
ANIMAL_FRAMES = {
    "en": ["{n} {w} were killed in Nigeria.", "Raiders killed {n} {w} in Nigeria.",
           "In Nigeria, {n} {w} died in the attack.", "Raiders left {n} dead {w} in Nigeria."],
    "es": ["En Nigeria murieron {n} {w}.", "Los asaltantes mataron {n} {w} en Nigeria."],
    "fr": ["{n} {w} ont été tués au Nigeria.", "Au Nigeria, des assaillants ont tué {n} {w}."],
    "de": ["{n} {w} wurden in Nigeria getötet.", "In Nigeria töteten Angreifer {n} {w}."],
    "ru": ["В Нигерии были убиты {n} {w}.", "В Нигерии погибли {n} {w}."],
    "pt": ["{n} {w} foram mortos na Nigéria.", "Na Nigéria, atacantes mataram {n} {w}."],
    "nl": ["{n} {w} werden gedood in Nigeria.", "In Nigeria doodden aanvallers {n} {w}."],
    "it": ["{n} {w} sono stati uccisi in Nigeria.", "In Nigeria sono morti {n} {w}."],
}  # fmt: skip
#: Per language: (nouns of animals, nouns of people said the same way).
ANIMALS = {
    "en": (["cattle", "cows", "goats", "sheep", "camels", "donkeys", "heifers"],
           ["herders", "villagers", "farmers"]),
    "es": (["vacas", "cabras", "ovejas", "camellos", "corderos", "reses"],
           ["pastores", "campesinos"]),
    "fr": (["vaches", "chèvres", "moutons", "chameaux", "bœufs", "sangliers"],
           ["éleveurs", "villageois"]),
    "de": (["Kühe", "Ziegen", "Schafe", "Kamele", "Rinder", "Esel"], ["Hirten", "Bauern"]),
    "ru": (["коров", "коз", "овец", "верблюдов", "лошадей"], ["пастухов", "крестьян"]),
    "pt": (["vacas", "cabras", "ovelhas", "camelos", "bois"], ["pastores", "agricultores"]),
    "nl": (["koeien", "geiten", "schapen", "kamelen", "ezels"], ["herders", "boeren"]),
    "it": (["mucche", "capre", "pecore", "cammelli", "asini"], ["pastori", "contadini"]),
}  # fmt: skip


@SETTINGS
@given(
    st.sampled_from(
        [
            (lang, frame, w, people)
            for lang, (animals, people) in ANIMALS.items()
            for frame in ANIMAL_FRAMES[lang]
            for w in animals
        ]
    ),
    st.sampled_from(COUNTS),
)
def test_a_count_of_animals_is_no_count_of_people(
    case: tuple[str, str, str, list[str]], count: int
) -> None:
    language, frame, animal, people = case
    quote = frame.format(n=count, w=animal)
    assert _strict(language, count, quote) == 0, quote
    for noun in people:
        said = frame.format(n=count, w=noun)
        assert _strict(language, count, said) == 1, said


#: Per language: a gold sentence of {k} killed and {i} injured.
GOLD_BOTH = {
    "en": "Gunmen killed {k} villagers and wounded {i} in Kaduna, Nigeria.",
    "es": "Hombres armados mataron a {k} aldeanos e hirieron a {i} en Kaduna, Nigeria.",
    "fr": "Des hommes armés ont tué {k} villageois et blessé {i} à Kaduna, au Nigeria.",
    "de": "Bewaffnete töteten {k} Dorfbewohner und verletzten {i} in Kaduna, Nigeria.",
    "nl": "Gewapende mannen doodden {k} dorpelingen en verwondden {i} in Kaduna, Nigeria.",
}


def _strict_injured(language: str, injured: int, quote: str) -> int:
    """The strict credit of ``quote`` for a gold record of ``injured`` wounded (and a
    killed count the quote does not write)."""
    killed = injured + 5
    sentence = GOLD_BOTH[language].format(k=killed, i=injured)
    record = {"type": "casualty_report", "killed": killed, "injured": injured,
              "country": "NGA", "start": "2024-01-01", "evidence": sentence}  # fmt: skip
    text = f"{sentence} Officials gave no details. {quote}"
    return _tps(text, record, quote, language)[1]


#: Per language: (a quote where {n} counts the wounded, the same with {n} the dead).
WOUNDED = {
    "en": ("In Nigeria, 3 died and {n} were hurt.", "In Nigeria, {n} died and 3 were hurt."),
    "es": ("En Nigeria murieron 3 personas y {n} resultaron heridas.",
           "En Nigeria murieron {n} personas y 3 resultaron heridas."),
    "fr": ("Au Nigeria, 3 personnes ont été tuées et {n} blessées.",
           "Au Nigeria, {n} personnes ont été tuées et 3 blessées."),
    "de": ("In Nigeria wurden 3 Menschen getötet und {n} verletzt.",
           "In Nigeria wurden {n} Menschen getötet und 3 verletzt."),
    "nl": ("In Nigeria werden 3 mensen gedood en {n} gewond.",
           "In Nigeria werden {n} mensen gedood en 3 gewond."),
}  # fmt: skip


@SETTINGS
@given(st.sampled_from(sorted(WOUNDED)), st.sampled_from(COUNTS))
def test_a_count_of_the_wounded_states_the_injured_count_only(language: str, count: int) -> None:
    wounded, killed = WOUNDED[language]
    assert _strict_injured(language, count, wounded.format(n=count)) == 1, wounded
    assert _strict_injured(language, count, killed.format(n=count)) == 0, killed


# --- 5. (second probe) the counted group, dying of wounds, the event, trades ---------------
#
# The rules of 2-4 took a word of outcome inside the counted phrase for what befell it
# ("12 of the injured later died" lost killed credit, "12 der Geretteten verletzt"
# injured credit), knew no verb of dying of wounds ("succumbed to their wounds" read as
# wounded), let a word of the event beat the count's own noun ("the fatal crash left 12
# injured"), read the Spanish noun "asesino" (murderer) as a killing and knew no Spanish
# verb of wounding ("hirió a 12"), and took an animal anywhere in the phrase for its
# head ("12 cattle herders", "12 Rinderhirten" counted no people).

GOLD_BOTH["it"] = "Uomini armati hanno ucciso {k} abitanti e ferito {i} a Kaduna, in Nigeria."

#: Per language: (frames where {n} counts a group {g} described by an outcome and the
#: clause's verb kills it, the groups).
KILLED_GROUPS = {
    "en": (["In Nigeria, {n} of the {g} later died.", "In Nigeria, {n} of the {g} were killed.",
            "Doctors in Nigeria said {n} of those {g} had died."],
           ["injured", "wounded", "kidnapped", "abducted", "missing", "rescued"]),
    "es": (["En Nigeria, {n} de los {g} murieron en el hospital.", "En Nigeria murieron {n} de los {g}."],
           ["heridos", "secuestrados", "rescatados"]),
    "fr": (["Au Nigeria, {n} des {g} sont morts.", "Au Nigeria, {n} des {g} ont été tués."],
           ["blessés", "otages enlevés", "rescapés"]),
    "de": (["In Nigeria starben {n} der {g}.", "In Nigeria wurden {n} der {g} getötet."],
           ["Verletzten", "Entführten", "Geretteten"]),
    "pt": (["Na Nigéria, {n} dos {g} morreram.", "Na Nigéria morreram {n} dos {g}."],
           ["feridos", "sequestrados", "resgatados"]),
    "it": (["In Nigeria {n} dei {g} sono morti.", "In Nigeria sono morti {n} dei {g}."],
           ["feriti", "rapiti", "sopravvissuti"]),
}  # fmt: skip
#: Per language: (frames where {n} counts a group {g} the clause's verb wounds, the groups).
INJURED_GROUPS = {
    "en": (["In Nigeria, {n} of the {g} were injured.", "In Nigeria, {n} of the {g} were wounded."],
           ["survivors", "rescued miners", "freed hostages", "displaced"]),
    "es": (["En Nigeria, {n} de los {g} resultaron heridos."], ["rescatados", "evacuados"]),
    "fr": (["Au Nigeria, {n} des {g} ont été blessés."], ["rescapés", "otages libérés"]),
    "de": (["In Nigeria wurden {n} der {g} verletzt."], ["Geretteten", "Entführten", "Befreiten"]),
    "nl": (["In Nigeria raakten {n} van de {g} gewond."], ["geredde mijnwerkers", "bevrijde gijzelaars"]),
    "it": (["In Nigeria {n} dei {g} sono rimasti feriti."], ["sopravvissuti", "rapiti liberati"]),
}  # fmt: skip


def _group_cases(groups: dict[str, tuple[list[str], list[str]]]) -> list[tuple[str, str]]:
    return [(lang, frame.replace("{g}", g)) for lang, (frames, gs) in groups.items()
            for frame in frames for g in gs]  # fmt: skip


@SETTINGS
@given(st.sampled_from(_group_cases(KILLED_GROUPS)), st.sampled_from(COUNTS))
def test_an_outcome_inside_the_counted_group_describes_it_the_verb_decides(
    case: tuple[str, str], count: int
) -> None:
    language, frame = case
    quote = frame.format(n=count)
    assert _strict(language, count, quote) == 1, quote
    if language in GOLD_BOTH:  # the same quote states no injured count
        assert _strict_injured(language, count, quote) == 0, quote


@SETTINGS
@given(st.sampled_from(_group_cases(INJURED_GROUPS)), st.sampled_from(COUNTS))
def test_the_injured_of_a_described_group_state_the_injured_count(
    case: tuple[str, str], count: int
) -> None:
    language, frame = case
    quote = frame.format(n=count)
    assert _strict_injured(language, count, quote) == 1, quote
    assert _strict(language, count, quote) == 0, quote  # and no killed count


#: Per language: verbs of dying of one's wounds, {n} the dead.
SUCCUMBED = {
    "en": ["In Nigeria, {n} people succumbed to their wounds.",
           "In Nigeria, {n} of the victims later succumbed to their injuries."],
    "es": ["En Nigeria, {n} personas sucumbieron a sus heridas."],
    "fr": ["Au Nigeria, {n} personnes ont succombé à leurs blessures."],
    "nl": ["In Nigeria bezweken {n} mensen aan hun verwondingen."],
    "it": ["In Nigeria {n} persone sono soccombute alle ferite."],
}  # fmt: skip


@SETTINGS
@given(
    st.sampled_from([(k, q) for k, qs in SUCCUMBED.items() for q in qs]), st.sampled_from(COUNTS)
)
def test_dying_of_wounds_states_the_killed_count(case: tuple[str, str], count: int) -> None:
    language, frame = case
    quote = frame.format(n=count)
    assert _strict(language, count, quote) == 1, quote
    if language in GOLD_BOTH:
        assert _strict_injured(language, count, quote) == 0, quote


#: Per language: (frames where an event {g} of killing, or a killer, left {n} wounded, the
#: events).
EVENT_LEFT_WOUNDED = {
    "en": (["In Nigeria, the {g} left {n} injured.", "In Nigeria, the {g} left {n} people wounded.",
            "In Nigeria, the {g} left {n} injured people."],
           ["fatal crash", "fatal blast", "killing spree", "arrested gunman"]),
    "es": (["En Nigeria, el {g} dejó {n} heridos.", "En Nigeria, el {g} hirió a {n} personas."],
           ["presunto asesino", "asesino"]),
    "fr": (["Au Nigeria, {g} a fait {n} blessés."], ["l'accident mortel", "la fusillade meurtrière"]),
    "it": (["In Nigeria {g} ha causato {n} feriti."], ["l'incidente mortale", "l'attacco mortale"]),
}  # fmt: skip


@SETTINGS
@given(st.sampled_from(_group_cases(EVENT_LEFT_WOUNDED)), st.sampled_from(COUNTS))
def test_the_counts_own_word_of_outcome_wins_over_a_word_of_the_event(
    case: tuple[str, str], count: int
) -> None:
    language, frame = case
    quote = frame.format(n=count)
    assert _strict_injured(language, count, quote) == 1, quote
    assert _strict(language, count, quote) == 0, quote


#: Per language: (frames where {n} counts people named by the animals of their trade or
#: a place, {w}; frames where an animal heads the phrase, which count no people).
TRADES = {
    "en": (["In Nigeria, {n} {w} were killed.", "Gunmen killed {n} {w} in Nigeria."],
           ["cattle herders", "sheep farmers", "fish traders", "poultry farmers", "goat herders",
            "livestock traders", "dog handlers", "Buffalo residents", "Bulls fans"],
           ["stray cattle", "dairy cows", "village goats"]),
    "de": (["In Nigeria wurden {n} {w} getötet.", "In Nigeria töteten Angreifer {n} {w}."],
           ["Rinderhirten", "Rinderzüchter", "Pferdehändler"], ["Zuchtrinder", "Milchkühe"]),
    "es": (["En Nigeria mataron a {n} {w}."],
           ["pastores de ganado", "criadores de cabras", "vendedores de pollos"],
           ["vacas lecheras", "cabras del pueblo"]),
    "fr": (["Au Nigeria, {n} {w} ont été tués."],
           ["éleveurs de bétail", "bergers de moutons", "marchands de poissons"],
           ["vaches laitières", "moutons du village"]),
    "it": (["In Nigeria sono stati uccisi {n} {w}."],
           ["allevatori di bestiame", "pastori di pecore", "venditori di polli"],
           ["mucche da latte", "pecore del villaggio"]),
}  # fmt: skip


@SETTINGS
@given(
    st.sampled_from(
        [
            (lang, frame, w, heads)
            for lang, (frames, ws, heads) in TRADES.items()
            for frame in frames
            for w in ws
        ]
    ),
    st.sampled_from(COUNTS),
)
def test_only_the_head_noun_of_the_counted_phrase_makes_it_animals(
    case: tuple[str, str, str, list[str]], count: int
) -> None:
    language, frame, people, animals = case
    quote = frame.format(n=count, w=people)
    assert _strict(language, count, quote) == 1, quote
    for animal in animals:
        said = frame.format(n=count, w=animal)
        assert _strict(language, count, said) == 0, said
