"""Round 63: the strict score credited a count of things as a casualty report's count.

1. The nouns of things after a count were a closed list, so any other noun kept the
   credit: "12 settlements", "12 attack helicopters", "over 12 nights", "12 massacres",
   "12 tanks", "12 cattle", "12 tonnes of aid", "12 asentamientos", "12 Siedlungen",
   "12 поселений". A count of a casualty report is a count of people: a number counts
   them before a noun of people or of the toll, before no noun ("12 were killed",
   "killing 12."), or before a verb ("12 fled"), and before no other noun.
2. A partitive counted anything: "in 12 of Nigeria's 36 states", "Kaduna's 12 LGAs".
3. A label before a number made a name of it in English only, and only for "Flight":
   "Resolution 12", "Zone 12", "Brigade 12", "el vuelo 12", "le vol 12", "Flug 12",
   "vlucht 12", "рейс 12", "الرحلة 12".
4. Units and counters of things joined to a number in Chinese and Japanese: "12吨援助",
   "12県", "12晩", "援助物資12トン", "12パーセント", "12便"; Arabic nouns of things
   ("12 مستوطنات", "12 مجازر") and "12 بالمئة". Portuguese and Dutch, which the
   casualty rules have no words of people for, read the nouns after a count the way
   English does, with words of people of their own here.

Every case is built from templates over counts, nouns and languages; each quote of things
stands beside quotes of people, written the same way, that keep their credit.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_round61_stating import _casualty, _tps

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COUNTS = [7, 12, 35, 48, 120]

GOLD = {
    "en": "Gunmen killed {n} villagers in Kaduna, Nigeria.",
    "es": "Hombres armados mataron a {n} aldeanos en Kaduna, Nigeria.",
    "fr": "Des hommes armés ont tué {n} villageois à Kaduna, au Nigeria.",
    "de": "Bewaffnete töteten {n} Dorfbewohner in Kaduna, Nigeria.",
    "ru": "Боевики убили {n} жителей в Кадуне, Нигерия.",
    "ar": "قتل مسلحون {n} قرويا في كادونا بنيجيريا.",
    "nl": "Gewapende mannen doodden {n} dorpelingen in Kaduna, Nigeria.",
    "pt": "Homens armados mataram {n} moradores em Kaduna, na Nigéria.",
    "zh": "枪手周一在尼日利亚卡杜纳打死了{n}名村民。",
    "ja": "武装集団が月曜日、ナイジェリアのカドゥナで村人{n}人を殺害した。",
}


def _strict(language: str, count: int, quote: str) -> int:
    """The strict credit of ``quote``, written after the gold sentence of ``count``."""
    sentence = GOLD[language].format(n=count)
    sep = "" if language in ("zh", "ja") else " "
    return _tps(f"{sentence}{sep}{quote}", _casualty(count, sentence), quote, language)[1]


def _capitalised(text: str) -> str:
    return text[0].upper() + text[1:] if text[:1].isalpha() else text


# --- 1. a noun of things after a count, in the languages with words of people ------------

#: Per language: reports of harm in Nigeria with no count of their own ({x}: a number and
#: what follows it), nouns of things (none of them in a list of things the rule holds),
#: and nouns of people or of the toll, written the same way.
FRAMES = {
    "en": ["{x}, police said many people were killed in Nigeria.",
           "Police in Nigeria said gunmen killed people, with {x}."],
    "es": ["{x}, la policía dijo que murieron personas en Nigeria.",
           "La policía dijo que en Nigeria murieron personas, con {x}."],
    "fr": ["{x}, la police a dit que des personnes ont été tuées au Nigeria.",
           "Selon la police, des personnes ont été tuées au Nigeria, avec {x}."],
    "de": ["{x} sagte die Polizei, dass Menschen in Nigeria getötet wurden.",
           "Die Polizei sagte, in Nigeria seien Menschen getötet worden, mit {x}."],
    "ru": ["{x} полиция сообщила, что в Нигерии были убиты люди.",
           "Полиция сообщила, что в Нигерии были убиты люди: {x}."],
    "pt": ["{x}, a polícia disse que pessoas foram mortas na Nigéria.",
           "A polícia disse que pessoas foram mortas na Nigéria, com {x}."],
    "nl": ["{x} zei de politie dat er mensen in Nigeria zijn gedood.",
           "De politie zei dat er in Nigeria mensen zijn gedood, met {x}."],
}  # fmt: skip
THINGS = {
    "en": ["{n} settlements", "{n} attack helicopters", "over {n} nights", "{n} massacres",
           "{n} explosions", "{n} ambushes", "{n} shootings", "{n} tanks", "{n} boats",
           "{n} mortar rounds", "{n} cattle", "{n} cows", "{n} goats", "{n} tonnes of aid",
           "{n} pounds of food", "{n} deadly attacks", "{n} armoured vehicles",
           "{n} local government areas", "{n} emirates", "{n} killing sprees",
           "{n} murder cases", "{n} death squads", "{n} warehouses", "{n} farmlands",
           "{n} governments", "{n} apartments", "{n} camels", "{n} motorbikes",
           "{n} grenades", "{n} curfews", "{n} checkpoints", "{n} bridges"],
    "es": ["{n} asentamientos", "{n} helicópteros de ataque", "durante {n} noches",
           "{n} masacres", "{n} explosiones", "{n} tiroteos", "{n} emboscadas", "{n} vacas",
           "{n} toneladas de ayuda", "{n} tanques", "{n} barcos", "{n} granjas",
           "{n} carreteras", "{n} mercados"],
    "fr": ["{n} colonies", "{n} hélicoptères d'attaque", "pendant {n} nuits",
           "{n} massacres", "{n} explosions", "{n} fusillades", "{n} embuscades",
           "{n} vaches", "{n} tonnes d'aide", "{n} chars", "{n} bateaux", "{n} fermes",
           "{n} routes", "{n} marchés"],
    "de": ["{n} Siedlungen", "{n} Kampfhubschrauber", "{n} Nächte lang", "{n} Massakern",
           "{n} Explosionen", "{n} Schießereien", "{n} Hinterhalten", "{n} Kühe",
           "{n} Tonnen Hilfsgüter", "{n} Panzer", "{n} Boote", "{n} Bauernhöfe",
           "{n} Straßen", "{n} Märkte", "{n} Lager"],
    "ru": ["{n} поселений", "{n} ударных вертолётов", "в течение {n} ночей",
           "{n} массовых убийств", "{n} взрывов", "{n} перестрелок", "{n} засад",
           "{n} коров", "{n} тонн помощи", "{n} танков", "{n} лодок", "{n} мечетей",
           "{n} беспилотников", "{n} рынков"],
    "pt": ["{n} assentamentos", "{n} helicópteros de ataque", "durante {n} noites",
           "{n} massacres", "{n} explosões", "{n} tiroteios", "{n} emboscadas", "{n} vacas",
           "{n} toneladas de ajuda", "{n} tanques", "{n} barcos", "{n} fazendas"],
    "nl": ["{n} nederzettingen", "{n} gevechtshelikopters", "{n} nachten lang",
           "{n} bloedbaden", "{n} explosies", "{n} schietpartijen", "{n} hinderlagen",
           "{n} koeien", "{n} ton hulp", "{n} tanks", "{n} boten", "{n} boerderijen"],
}  # fmt: skip
PEOPLE = {
    "en": ["{n} people", "{n} villagers", "{n} settlers", "{n} worshippers", "{n} herders",
           "{n} miners", "{n} bodies", "{n} dead", "{n} victims", "{n} Nigerians",
           "{n} residents", "{n} aid workers", "{n} police officers", "{n} helicopter crew",
           "{n} attack victims", "{n} mourners", "{n} churchgoers", "{n} fishermen",
           "{n} others", "{n} of them", "{n} government officials", "{n} casualties",
           "{n} deaths", "{n} wounded soldiers", "{n} Muslims", "{n} nurses",
           "{n} family members", "{n} pupils"],
    "es": ["{n} personas", "{n} colonos", "{n} fieles", "{n} cuerpos", "{n} muertos",
           "{n} víctimas", "{n} nigerianos", "{n} residentes", "{n} pescadores",
           "{n} de ellos", "{n} niños", "{n} civiles"],
    "fr": ["{n} personnes", "{n} colons", "{n} fidèles", "{n} corps", "{n} morts",
           "{n} victimes", "{n} Nigérians", "{n} habitants", "{n} pêcheurs",
           "{n} d'entre eux", "{n} enfants", "{n} civils"],
    "de": ["{n} Menschen", "{n} Siedler", "{n} Gläubige", "{n} Leichen", "{n} Tote",
           "{n} Opfer", "{n} Nigerianer", "{n} Bewohner", "{n} Fischer", "{n} Kinder",
           "{n} Zivilisten"],
    "ru": ["{n} человек", "{n} поселенцев", "{n} верующих", "{n} тел", "{n} погибших",
           "{n} жертв", "{n} нигерийцев", "{n} жителей", "{n} рыбаков", "{n} детей",
           "{n} мирных жителей"],
    "pt": ["{n} pessoas", "{n} colonos", "{n} fiéis", "{n} corpos", "{n} mortos",
           "{n} vítimas", "{n} nigerianos", "{n} moradores", "{n} pescadores",
           "{n} crianças", "{n} civis"],
    "nl": ["{n} mensen", "{n} kolonisten", "{n} gelovigen", "{n} lichamen", "{n} doden",
           "{n} slachtoffers", "{n} Nigerianen", "{n} inwoners", "{n} vissers",
           "{n} kinderen", "{n} burgers"],
}  # fmt: skip


def _cases(nouns: dict[str, list[str]]) -> list[tuple[str, str, str]]:
    return [(lang, frame, noun) for lang, items in nouns.items() for frame in FRAMES[lang]
            for noun in items]  # fmt: skip


def _quote(frame: str, noun: str, count: int) -> str:
    x = noun.format(n=count)
    return frame.format(x=_capitalised(x) if frame.startswith("{x}") else x)


@SETTINGS
@given(st.sampled_from(_cases(THINGS)), st.sampled_from(COUNTS))
def test_a_count_before_a_noun_of_things_is_no_count_of_people(
    case: tuple[str, str, str], count: int
) -> None:
    language, frame, noun = case
    quote = _quote(frame, noun, count)
    assert _strict(language, count, quote) == 0, quote


@SETTINGS
@given(st.sampled_from(_cases(PEOPLE)), st.sampled_from(COUNTS))
def test_a_count_before_a_noun_of_people_keeps_its_credit(
    case: tuple[str, str, str], count: int
) -> None:
    language, frame, noun = case
    quote = _quote(frame, noun, count)
    assert _strict(language, count, quote) == 1, quote


#: Per language: quotes whose count has no noun of its own (a verb, a mark, a word of a
#: closed class after it), which count people.
NO_NOUN = {
    "en": ["Police said {n} were killed in Kaduna, Nigeria.",
           "Gunmen attacked a village in Nigeria, killing {n}.",
           "Gunmen killed {n} on Sunday in Kaduna, Nigeria.",
           "In Nigeria, {n} died and {n} fled after gunmen attacked.",
           "Gunmen killed {n} in Kaduna, Nigeria, police said.",
           "In Nigeria, {n} drowned when gunmen attacked the boat, killing them."],
    "es": ["La policía dijo que {n} murieron en Kaduna, Nigeria.",
           "Hombres armados mataron a {n} en Kaduna, Nigeria.",
           "En Nigeria, {n} fueron asesinados el domingo."],
    "fr": ["La police a dit que {n} ont été tués à Kaduna, au Nigeria.",
           "Des hommes armés en ont tué {n} dans un village du Nigeria.",
           "Au Nigeria, {n} sont morts dimanche."],
    "de": ["Die Polizei sagte, {n} wurden in Kaduna, Nigeria, getötet.",
           "In Nigeria starben {n} bei dem Angriff, {n} wurden getötet."],
    "ru": ["Полиция сообщила, что {n} погибли в Кадуне, Нигерия.",
           "В Нигерии боевики убили {n} в воскресенье."],
    "pt": ["A polícia disse que {n} morreram em Kaduna, na Nigéria.",
           "Homens armados mataram {n} em Kaduna, na Nigéria."],
    "nl": ["De politie zei dat {n} werden gedood in Kaduna, Nigeria.",
           "In Nigeria kwamen {n} om bij de aanval, zei de politie."],
}  # fmt: skip


@SETTINGS
@given(
    st.sampled_from([(lang, q) for lang, qs in NO_NOUN.items() for q in qs]),
    st.sampled_from(COUNTS),
)
def test_a_count_with_no_noun_of_its_own_counts_people(case: tuple[str, str], count: int) -> None:
    language, quote = case
    assert _strict(language, count, quote.format(n=count)) == 1, quote


# --- 2. partitives ----------------------------------------------------------------------

PARTITIVES = {
    "en": (["Gunmen killed people in {n} of Nigeria's 36 states.",
            "Gunmen killed people across Kaduna's {n} LGAs, Nigeria police said."],
           ["Gunmen killed {n} of them in Kaduna, Nigeria.",
            "Gunmen killed {n} of the worshippers in Kaduna, Nigeria."]),
    "es": (["Hombres armados mataron a personas en {n} de los 36 estados de Nigeria."],
           ["Hombres armados mataron a {n} de ellos en Kaduna, Nigeria."]),
    "fr": (["Des hommes armés ont tué des personnes dans {n} des 36 États du Nigeria."],
           ["Des hommes armés ont tué {n} d'entre eux à Kaduna, au Nigeria."]),
}  # fmt: skip


@SETTINGS
@given(
    st.sampled_from([(lang, q, people) for lang, (things, persons) in PARTITIVES.items()
                     for people, qs in ((0, things), (1, persons)) for q in qs]),
    st.sampled_from(COUNTS),
)  # fmt: skip
def test_a_partitive_counts_what_it_takes(case: tuple[str, str, int], count: int) -> None:
    language, quote, people = case
    assert _strict(language, count, quote.format(n=count)) == people, quote


# --- 3. labels before a number ----------------------------------------------------------

LABELS = {
    "en": ("{x}, police said many people were killed in Nigeria.",
           ["Resolution {n}", "Zone {n}", "Area {n}", "Block {n}", "Phase {n}", "Chapter {n}",
            "Brigade {n}", "The {n} Division", "Flight {n}"]),
    "es": ("{x}, la policía dijo que murieron personas en Nigeria.",
           ["El vuelo {n}", "La resolución {n}", "La zona {n}", "La brigada {n}"]),
    "fr": ("{x}, la police a dit que des personnes ont été tuées au Nigeria.",
           ["Le vol {n}", "La résolution {n}", "La zone {n}", "La brigade {n}"]),
    "de": ("{x} sagte die Polizei, dass Menschen in Nigeria getötet wurden.",
           ["Flug {n}", "Resolution {n}", "Zone {n}", "Brigade {n}"]),
    "nl": ("{x} zei de politie dat er mensen in Nigeria zijn gedood.",
           ["Vlucht {n}", "Artikel {n}", "Resolutie {n}"]),
    "pt": ("{x}, a polícia disse que pessoas foram mortas na Nigéria.",
           ["O voo {n}", "A resolução {n}", "A zona {n}"]),
    "ru": ("{x} полиция сообщила, что в Нигерии были убиты люди.",
           ["Рейс {n}", "Резолюция {n}", "Зона {n}", "Бригада {n}"]),
    "ar": ("{x}، قالت الشرطة إن أشخاصا قتلوا في نيجيريا.",
           ["الرحلة {n}", "القرار {n}", "المنطقة {n}"]),
}  # fmt: skip


@SETTINGS
@given(
    st.sampled_from([(lang, label) for lang, (_, labels) in LABELS.items() for label in labels]),
    st.sampled_from(COUNTS),
)
def test_a_number_after_a_label_is_a_name(case: tuple[str, str], count: int) -> None:
    language, label = case
    quote = LABELS[language][0].format(x=label.format(n=count))
    assert _strict(language, count, quote) == 0, quote


@SETTINGS
@given(st.sampled_from(["area", "zone", "sector"]), st.sampled_from(COUNTS))
def test_a_label_before_a_count_of_people_leaves_it_a_count(label: str, count: int) -> None:
    quote = f"In the {label} {count} people were killed by gunmen, Nigeria police said."
    assert _strict("en", count, quote) == 1, quote


# --- 4. Chinese, Japanese and Arabic ----------------------------------------------------

OTHERS = {
    "zh": ("警方说，尼日利亚的袭击中{x}，多人死亡。",
           ["运送了{n}吨援助", "{n}公斤粮食被抢", "连续{n}晚遭袭"],
           ["{n}名村民被打死", "{n}人被打死"]),
    "ja": ("警察によると、ナイジェリアの襲撃で{x}、多くの人が死亡した。",
           ["{n}県で", "{n}晩にわたり", "援助物資{n}トンが焼け", "{n}パーセントが焼け",
            "{n}便が欠航し"],
           ["村人{n}人が殺され", "{n}名が殺され"]),
    "ar": ("{x}، قالت الشرطة إن أشخاصا قتلوا في نيجيريا.",
           ["{n} مستوطنات", "{n} مروحيات هجومية", "لمدة {n} ليال", "{n} مجازر",
            "{n} انفجارات", "{n} كمائن", "{n} مساجد", "{n} أطنان من المساعدات", "{n} دبابات",
            "{n} بالمئة"],
           ["{n} أشخاص", "{n} قتلى", "{n} ضحايا", "{n} مدنيين"]),
}  # fmt: skip


@SETTINGS
@given(
    st.sampled_from([(lang, x, people) for lang, (_, things, persons) in OTHERS.items()
                     for people, xs in ((0, things), (1, persons)) for x in xs]),
    st.sampled_from(COUNTS),
)  # fmt: skip
def test_units_and_nouns_of_things_in_chinese_japanese_and_arabic(
    case: tuple[str, str, int], count: int
) -> None:
    language, x, people = case
    quote = OTHERS[language][0].format(x=x.format(n=count))
    assert _strict(language, count, quote) == people, quote


#: Nouns of people in no table of the package: a verb of the toll that takes them as its
#: subject or object says they are victims.
UNLISTED_PEOPLE = ["cooks", "masons", "clerks", "thieves", "warlords", "kings", "spies",
                   "poets", "nomads", "generals", "chefs", "bishops"]  # fmt: skip
HARM_QUOTES = [
    "Police said {n} {x} were killed in Kaduna, Nigeria.",
    "In Nigeria, gunmen killed {n} {x} on Sunday.",
    "Gunmen killed at least {n} {x} in Kaduna, Nigeria.",
    "In Nigeria, {n} {x} died after gunmen attacked.",
    "Police said {n} {x} were among the dead in Kaduna, Nigeria.",
    "Police said {n} {x} were found dead in Kaduna, Nigeria.",
]


@SETTINGS
@given(st.sampled_from(UNLISTED_PEOPLE), st.sampled_from(HARM_QUOTES), st.sampled_from(COUNTS))
def test_a_noun_a_verb_of_the_toll_takes_is_of_people(noun: str, quote: str, count: int) -> None:
    said = quote.format(n=count, x=noun)
    assert _strict("en", count, said) == 1, said


@SETTINGS
@given(st.sampled_from(["tanks", "drones", "trucks", "boats"]), st.sampled_from(COUNTS))
def test_a_thing_the_casualty_rules_know_stays_a_thing_beside_a_verb_of_the_toll(
    noun: str, count: int
) -> None:
    said = f"Police in Nigeria said {count} {noun} were destroyed and people were killed."
    assert _strict("en", count, said) == 0, said
