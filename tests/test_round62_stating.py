"""Round 62: the strict score took numbers that count no people for a casualty report's count.

1. Round 61 made a number next to Han, kana or Hangul whole, and left out only units: a
   count of things ("12座房屋", "12辆汽车", "家屋12棟", "病院が12か所", "12件の襲撃",
   "가옥 12채", "12개 주") was the count of a casualty report of 12. A count of a casualty
   report is a count of people: a counter of things makes a number none ("12个人" is
   twelve people, "12个村庄" twelve villages).
2. A day before English "May" ("On 12 May,"), after an abbreviated month and its dot
   ("On Sept. 12,"), or before a Spanish month without "de" ("El 12 mayo") was the count.
3. A noun multiplying a count word ("два десятка", "две сотни", "dos decenas", "dos
   centenares", "deux dizaines", "two hundreds of", "two score") left the count word a
   count of its own.
4. Units had words in six languages only: "Há 12 anos", "قبل 12 عاما", "12 jaar
   geleden", "12 yıl önce", "12 lat temu", "12 років тому", and in English "Aged 12",
   "Flight 12", "At 12:30", "12 noon", "12 times" were counts. The units are read from
   the Unicode CLDR (babel), every plural form.
5. Korean "12시민" (twelve citizens) was read as twelve o'clock ("시").

Every case is built here from templates over counts and languages, each measured quote
beside one with a counter of people that keeps its credit.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from num2words import num2words

from tests.test_round61_stating import _casualty, _tps

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
COUNTS = [7, 12, 35, 48, 120]


def _strict(language: str, gold_template: str, count: int, quote: str) -> int:
    """The strict credit of ``quote``, written after the gold sentence of ``count``."""
    sentence = gold_template.format(n=count)
    sep = "" if language in ("zh", "ja") else " "
    return _tps(f"{sentence}{sep}{quote}", _casualty(count, sentence), quote, language)[1]


# --- 1. counters of things by a number in a script written without spaces -----------------

UNSPACED_GOLD = {
    "zh": "枪手周一在尼日利亚卡杜纳打死了{n}名村民。",
    "ja": "武装集団が月曜日、ナイジェリアのカドゥナで村人{n}人を殺害した。",
    "ko": "무장 괴한들이 월요일 나이지리아 카두나에서 주민 {n}명을 살해했다.",
}
#: Per language: a report of harm in Nigeria with {x}, a number and what follows it;
#: counts of people (the count) and counts of things (none).
UNSPACED_COUNTERS = {
    "zh": ("警方说，尼日利亚的袭击中{x}，多人死亡。",
           ["{n}名村民被打死", "{n}人被打死", "{n}位村民遇难", "{n}个人被打死"],
           ["摧毁了{n}座房屋", "烧毁了{n}辆汽车", "{n}架无人机坠毁", "{n}个村庄遭袭",
            "{n}栋楼倒塌", "{n}艘船沉没", "{n}家医院关闭", "发生了{n}起爆炸", "{n}所学校关闭"]),
    "ja": ("警察によると、ナイジェリアの襲撃で{x}、多くの人が死亡した。",
           ["村人{n}人が殺され", "{n}名が殺され"],
           ["家屋{n}棟が焼け", "車{n}台が焼け", "{n}件の襲撃があり", "病院が{n}か所焼け",
            "{n}の州で", "{n}機の無人機が墜落し", "{n}軒の家が焼け"]),
    "ko": ("경찰은 나이지리아 공격으로 {x} 여러 명이 숨졌다고 밝혔다.",
           ["주민 {n}명이 죽고", "{n}시민이 죽고", "{n}주민이 죽고", "{n}일가족이 죽고"],
           ["가옥 {n}채가 불타고", "{n}개 주에서", "병원 {n}곳이 불타고", "{n}건의 공격으로",
            "차량 {n}대가 불타고", "선박 {n}척이 침몰하고"]),
}  # fmt: skip
UNSPACED_CASES = [
    (lang, x, counted)
    for lang, (_, people, things) in UNSPACED_COUNTERS.items()
    for counted, xs in ((True, people), (False, things))
    for x in xs
]


@SETTINGS
@given(st.sampled_from(UNSPACED_CASES), st.sampled_from(COUNTS))
def test_a_counter_of_things_makes_an_unspaced_number_no_count_of_people(
    case: tuple[str, str, bool], count: int
) -> None:
    language, x, counted = case
    report = UNSPACED_COUNTERS[language][0].format(x=x.format(n=count))
    assert _strict(language, UNSPACED_GOLD[language], count, report) == int(counted), report


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(COUNTS))
def test_a_count_of_things_and_a_country_is_no_casualty_report_in_japanese(count: int) -> None:
    gold = UNSPACED_GOLD["ja"]
    for quote in (
        f"ナイジェリアには病院が{count}か所ある。",
        f"ナイジェリアには{count}の州がある。",
    ):
        assert _strict("ja", gold, count, quote) == 0, quote
    assert _strict("ja", gold, count, f"ナイジェリアで{count}人が死亡した。") == 1


# --- 2-4. dates, multipliers and units by a number in spaced languages --------------------

SPACED_GOLD = {
    "en": "Gunmen killed {n} villagers in Kaduna, Nigeria.",
    "es": "Hombres armados mataron a {n} aldeanos en Kaduna, Nigeria.",
    "fr": "Des hommes armés ont tué {n} villageois à Kaduna, au Nigeria.",
    "ru": "Боевики убили {n} жителей в Кадуне, Нигерия.",
    "it": "Uomini armati hanno ucciso {n} abitanti a Kaduna, in Nigeria.",
    "pt": "Homens armados mataram {n} moradores em Kaduna, na Nigéria.",
    "ar": "قتل مسلحون {n} قرويا في كادونا بنيجيريا.",
    "nl": "Gewapende mannen doodden {n} dorpelingen in Kaduna, Nigeria.",
    "tr": "Silahlı kişiler Nijerya'nın Kaduna kentinde {n} köylüyü öldürdü.",
    "pl": "Uzbrojeni napastnicy zabili {n} mieszkańców w Kadunie w Nigerii.",
    "uk": "Бойовики вбили {n} жителів у Кадуні, Нігерія.",
}
#: Per language: a report of harm in Nigeria with no count of its own ({x}: a number and
#: what is written beside it), the counter of people that makes the number the count,
#: and the measures that make it none.
SPACED_MEASURES = {
    "en": ("{x}, police said many people were killed in the attack in Nigeria.", "{n} people",
           ["On {n} May", "On Sept. {n}", "On Jan. {n}", "On Dec. {n}", "On {n} May 2024",
            "Aged {n}", "Flight {n}", "At {n}:30", "At {n} noon", "{n} times",
            "After {n} minutes"]),
    "es": ("{x}, la policía dijo que murieron personas en Nigeria.", "{n} personas",
           ["El {n} mayo", "El {n} de mayo", "El {n} marzo", "Hace {n} años", "A {n} km"]),
    "pt": ("{x}, a polícia disse que pessoas foram mortas na Nigéria.", "{n} pessoas",
           ["Há {n} anos", "A {n} km", "Há {n} dias", "Em {n} março", "{n} por cento"]),
    "ar": ("{x}، قالت الشرطة إن أشخاصا قتلوا في نيجيريا.", "{n} أشخاص",
           ["قبل {n} عاما", "على بعد {n} كيلومترا", "الساعة {n}", "منذ {n} سنوات", "قبل {n} يوما"]),
    "nl": ("{x} zei de politie dat er mensen in Nigeria zijn gedood.", "{n} mensen",
           ["{n} jaar geleden", "Op {n} km", "{n} procent", "Om {n} uur", "{n} dagen geleden"]),
    "tr": ("{x}, polis Nijerya'da insanların öldürüldüğünü söyledi.", "{n} kişi",
           ["{n} yıl önce", "{n} km uzakta", "Yüzde {n}", "{n} saat sonra", "{n} gün önce"]),
    "pl": ("{x} policja podała, że w Nigerii zginęli ludzie.", "{n} osób",
           ["{n} lat temu", "{n} km dalej", "{n} procent", "{n} godzin później", "{n} dni temu"]),
    "uk": ("{x} поліція повідомила, що в Нігерії були вбиті люди.", "{n} людей",
           ["{n} років тому", "За {n} км", "{n} відсотків", "{n} днів тому", "{n} годин тому"]),
}  # fmt: skip
SPACED_CASES = [(lang, m) for lang, (_, _, ms) in SPACED_MEASURES.items() for m in ms]


@SETTINGS
@given(st.sampled_from(SPACED_CASES), st.sampled_from(COUNTS))
def test_a_date_or_unit_beside_a_spaced_number_makes_it_no_count(
    case: tuple[str, str], count: int
) -> None:
    language, measure = case
    report, counter, _ = SPACED_MEASURES[language]
    measured = report.format(x=measure.format(n=count))
    counted = report.format(x=counter.format(n=count))
    assert _strict(language, SPACED_GOLD[language], count, measured) == 0, measured
    assert _strict(language, SPACED_GOLD[language], count, counted) == 1, counted


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(COUNTS),
    st.sampled_from(["have died", "have been killed", "have been shot dead"]),
)
def test_may_the_verb_leaves_a_count_a_count(count: int, rest: str) -> None:
    quote = f"Police said {count} may {rest} in the attack in Nigeria."
    assert _strict("en", SPACED_GOLD["en"], count, quote) == 1, quote


#: Per language: a report of another toll with {x}, a count word and a noun multiplying
#: it; the multiplied forms, and the plain one (the count).
MULTIPLIED = {
    "en": ("Police said {x} people were killed in Nigeria last year.",
           ["{w} hundreds of", "{w} score", "{w} dozen", "{w} thousands of"]),
    "fr": ("La police a déclaré que {x} personnes avaient été tuées au Nigeria l'an dernier.",
           ["{w} dizaines de", "{w} centaines de", "{w} douzaines de", "{w} milliers de"]),
    "es": ("La policía dijo que {x} personas murieron en Nigeria el año pasado.",
           ["{w} decenas de", "{w} centenares de", "{w} docenas de", "{w} millares de"]),
    "ru": ("Полиция сообщила, что {x} человек были убиты в Нигерии в прошлом году.",
           ["{w} десятка", "{w} десятков", "{w} сотни", "{w} сотен", "{w} дюжины"]),
}  # fmt: skip
MULTIPLIED_GOLD = {
    "en": "Gunmen killed {n} villagers in Kaduna, Nigeria.",
    "fr": "Des hommes armés ont tué {n} villageois à Kaduna, au Nigeria.",
    "es": "Hombres armados mataron a {n} aldeanos en Kaduna, Nigeria.",
    "ru": "Боевики убили {n} жителей в Кадуне, Нигерия.",
}
MULTIPLIED_CASES = [(lang, f) for lang, (_, fs) in MULTIPLIED.items() for f in fs]
#: Russian writes two and three before a feminine noun ("сотня") as "две", "три".
_RU_FEMININE = {2: "две", 3: "три"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(MULTIPLIED_CASES), st.sampled_from([2, 3, 5, 7]), st.booleans())
def test_a_noun_multiplying_a_count_word_makes_it_no_count(
    case: tuple[str, str], count: int, feminine: bool
) -> None:
    language, frame = case
    word = str(num2words(count, lang=language))
    if language == "ru" and feminine and count in _RU_FEMININE:
        word = _RU_FEMININE[count]
    report = MULTIPLIED[language][0]
    gold = MULTIPLIED_GOLD[language].format(n=str(num2words(count, lang=language)))
    multiplied = report.format(x=frame.format(w=word))
    plain = report.format(x=str(num2words(count, lang=language)))
    text = f"Officials gave no details. {gold}"
    assert _tps(f"{text} {multiplied}", _casualty(count, gold), multiplied, language)[1] == 0
    assert _tps(f"{text} {plain}", _casualty(count, gold), plain, language) == (1, 1), plain


# --- 6. a count of things beside the harm in spaced languages ------------------------------

SPACED_GOLD["de"] = "Bewaffnete töteten {n} Dorfbewohner in Kaduna, Nigeria."
#: Per language: a report of harm in Nigeria with {x}, the counter of people that makes a
#: number the count, and counts of things (none).
THING_REPORTS = {
    "en": ("{x}, police said many people were killed in Nigeria.", "{n} people",
           ["In {n} attacks", "On {n} villages", "Across {n} states", "In {n} raids",
            "After {n} houses burned"]),
    "fr": ("{x}, la police a dit que des personnes ont été tuées au Nigeria.", "{n} personnes",
           ["Dans {n} attaques", "Dans {n} villages", "Dans {n} États", "{n} maisons brûlées"]),
    "es": ("{x}, la policía dijo que murieron personas en Nigeria.", "{n} personas",
           ["En {n} ataques", "En {n} aldeas", "En {n} estados", "{n} casas quemadas"]),
    "it": ("{x}, la polizia ha detto che delle persone sono state uccise in Nigeria.",
           "{n} persone", ["In {n} attacchi", "In {n} villaggi", "{n} ospedali colpiti"]),
    "pt": ("{x}, a polícia disse que pessoas foram mortas na Nigéria.", "{n} pessoas",
           ["Em {n} ataques", "Em {n} aldeias", "{n} hospitais atingidos"]),
    "de": ("{x} sagte die Polizei, dass Menschen in Nigeria getötet wurden.", "{n} Menschen",
           ["Bei {n} Angriffen", "In {n} Dörfern", "{n} Häuser brannten"]),
    "nl": ("{x} zei de politie dat er mensen in Nigeria zijn gedood.", "{n} mensen",
           ["Bij {n} aanvallen", "In {n} dorpen", "{n} ziekenhuizen geraakt"]),
    "ru": ("{x} полиция сообщила, что в Нигерии были убиты люди.", "{n} человек",
           ["В ходе {n} нападений", "В {n} деревнях", "{n} домов сгорели"]),
    "uk": ("{x} поліція повідомила, що в Нігерії були вбиті люди.", "{n} людей",
           ["Під час {n} нападів", "{n} будинків згоріли", "{n} лікарень"]),
    "pl": ("{x} policja podała, że w Nigerii zginęli ludzie.", "{n} osób",
           ["Podczas {n} ataków", "W {n} wiosek", "{n} domów spłonęło"]),
    "tr": ("{x}, polis Nijerya'da insanların öldürüldüğünü söyledi.", "{n} kişi",
           ["{n} saldırıda", "{n} köyde", "{n} ev yandı"]),
    "ar": ("{x}، قالت الشرطة إن أشخاصا قتلوا في نيجيريا.", "{n} أشخاص",
           ["في {n} هجمات", "في {n} قرية", "{n} منازل"]),
}  # fmt: skip
THING_CASES = [(lang, t) for lang, (_, _, ts) in THING_REPORTS.items() for t in ts]


@SETTINGS
@given(st.sampled_from(THING_CASES), st.sampled_from(COUNTS))
def test_a_noun_of_things_after_a_spaced_number_makes_it_no_count_of_people(
    case: tuple[str, str], count: int
) -> None:
    language, things = case
    report, counter, _ = THING_REPORTS[language]
    counted_things = report.format(x=things.format(n=count))
    counted = report.format(x=counter.format(n=count))
    assert _strict(language, SPACED_GOLD[language], count, counted_things) == 0, counted_things
    assert _strict(language, SPACED_GOLD[language], count, counted) == 1, counted


#: A statement of the count and the country about things, in languages the casualty type
#: has no words for (the count and the country are its two key facts there).
COUNTRY_THINGS = {
    "it": "La Nigeria ha {n} ospedali.",
    "pt": "A Nigéria tem {n} hospitais.",
    "ar": "في نيجيريا {n} مستشفى.",
    "nl": "Nigeria heeft {n} ziekenhuizen.",
    "tr": "Nijerya'da {n} hastane var.",
}


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(sorted(COUNTRY_THINGS)), st.sampled_from(COUNTS))
def test_a_count_of_things_in_the_country_is_no_casualty_report(language: str, count: int) -> None:
    quote = COUNTRY_THINGS[language].format(n=count)
    assert _strict(language, SPACED_GOLD[language], count, quote) == 0, quote


# --- round 62, second pass: what a count counts is read from the noun after it ------------
#
# 6. A counter of people or things both (Chinese "个", "家", Japanese "の") took a count of
#    people for things unless "人" came right after it: "12个平民", "12个巴勒斯坦人",
#    "12个孩子", "有12家人遇难", "12の遺体", "12の命" lost their strict credit. The noun
#    after the counter says what it counts.
# 7. A Turkish noun of things that the next noun possesses is its modifier ("12 köy
#    korucusu", village guards; "12 okul öğrencisi", school pupils), no noun counted; an
#    English possessive is one too ("12 states' officials").
# 8. English "may" before an aside or an adverb and then "have" is the verb ("12 may,
#    officials fear, have died", "12 may in fact have been killed"), no date.
# 9. An adjective between a number and its noun of things ("12 separate attacks", "12
#    Nigerian states") left the number a count of people.

#: Per language without spaces: a report with {x}, nouns of people after a counter of both
#: ("{c}" the counter), and nouns of things after it.
EITHER_COUNTERS = {
    "zh": ("尼日利亚卡杜纳{x}。", ["个", "個"],
           ["平民", "村民", "孩子", "学生", "遇难者", "巴勒斯坦人", "以色列人", "工人",
            "士兵", "乘客", "警察", "矿工", "武装分子", "家庭", "人"],
           ["村庄", "民居", "地方政府", "手机", "生产基地", "村子", "小时"]),
    "ja": ("ナイジェリアのカドゥナで{x}。", ["の"],
           ["遺体", "命", "アフガニスタン人", "住民", "兵士", "子供"],
           ["州", "村で住民", "村の住民", "民家"]),
}  # fmt: skip
EITHER_TAILS = {"zh": "{n}{c}{w}被打死", "ja": "{n}{c}{w}が見つかった"}
EITHER_CASES = [
    (lang, c, w, people)
    for lang, (_, counters, persons, things) in EITHER_COUNTERS.items()
    for c in counters
    for people, words in ((True, persons), (False, things))
    for w in words
]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(EITHER_CASES), st.sampled_from(COUNTS))
def test_a_counter_of_people_or_things_counts_what_its_noun_is(
    case: tuple[str, str, str, bool], count: int
) -> None:
    language, counter, noun, people = case
    tail = EITHER_TAILS[language].format(n=count, c=counter, w=noun)
    quote = EITHER_COUNTERS[language][0].format(x=tail)
    assert _strict(language, UNSPACED_GOLD[language], count, quote) == int(people), quote


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(COUNTS), st.sampled_from(["人", "医院", "公司"]))
def test_the_chinese_counter_of_households_counts_people_only_before_them(
    count: int, noun: str
) -> None:
    quote = f"尼日利亚卡杜纳有{count}家{noun}遇难。"
    assert _strict("zh", UNSPACED_GOLD["zh"], count, quote) == int(noun == "人"), quote


#: Turkish: a noun of things and the noun it modifies, which is what is counted (people),
#: beside the same noun of things counted itself (a verb's past after it).
TR_MODIFIED = ["köy korucusu", "araç sürücüsü", "hastane çalışanı", "okul öğrencisi",
               "ev sahibi", "kent sakini", "köy muhtarı"]  # fmt: skip
TR_COUNTED = ["köy yakıldı", "ev yandı", "okul kapatıldı", "araç tahrip edildi"]


@SETTINGS
@given(st.sampled_from(TR_MODIFIED + TR_COUNTED), st.sampled_from(COUNTS))
def test_a_turkish_noun_the_next_one_possesses_modifies_the_noun_counted(
    words: str, count: int
) -> None:
    quote = f"Nijerya'da Kaduna'da {count} {words}" + (
        " öldürüldü." if words in TR_MODIFIED else "."
    )
    expected = int(words in TR_MODIFIED)
    assert _strict("tr", SPACED_GOLD["tr"], count, quote) == expected, quote


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(COUNTS),
    st.sampled_from(
        [
            "{n} may, officials fear, have died",
            "{n} may, police said, have been killed",
            "{n} may in fact have been killed",
            "{n} may well have died",
            "{n} may indeed have been shot dead",
            "gunmen killed {n} states' officials",
            "gunmen killed {n} villages' chiefs",
        ]
    ),
)
def test_a_modal_may_or_a_possessive_leaves_an_english_count_a_count(count: int, said: str) -> None:
    quote = f"In Nigeria, {said.format(n=count)} in the attack."
    assert _strict("en", SPACED_GOLD["en"], count, quote) == 1, quote


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(COUNTS),
    st.sampled_from(
        [
            ("On {n} May, gunmen killed villagers in Kaduna, Nigeria.", 0),
            ("On {n} May, gunmen have killed villagers in Kaduna, Nigeria.", 0),
            ("In Nigeria, gunmen killed villagers in {n} separate attacks.", 0),
            ("In Nigeria, {n} Nigerian states saw attacks where villagers were killed.", 0),
            ("In Nigeria, gunmen killed villagers in {n} other villages.", 0),
            ("In Nigeria, gunmen killed {n} Nigerian villagers.", 1),
            ("In Nigeria, gunmen killed {n} in attacks on villages.", 1),
            ("In Nigeria, gunmen killed {n} people in villages.", 1),
        ]
    ),
)
def test_an_adjective_before_a_noun_of_things_leaves_it_a_count_of_things(
    count: int, case: tuple[str, int]
) -> None:
    template, expected = case
    quote = template.format(n=count)
    assert _strict("en", SPACED_GOLD["en"], count, quote) == expected, quote


#: Per language: a report with {p} a preposition of place, a number and {w} a noun; the
#: nouns of places (no count of people), and nouns of people or of the toll (the count).
PLACE_COUNTED = {
    "en": ("Nigeria: gunmen killed villagers {p} {n} {w} of Kaduna.", ["in", "at", "across"],
           ["hamlets", "camps", "LGAs", "counties", "checkpoints", "Kaduna villages"]),
    "fr": ("Au Nigeria, des villageois ont été tués {p} {n} {w} de Kaduna.", ["dans"],
           ["quartiers", "hameaux", "camps"]),
    "es": ("En Nigeria mataron a aldeanos {p} {n} {w} de Kaduna.", ["en"],
           ["barrios", "campamentos", "caseríos"]),
}  # fmt: skip
TOLL_COUNTED = {
    "en": ["Nigeria: the attack in Kaduna resulted in {n} deaths.",
           "Nigeria: the toll in Kaduna stood at {n} dead.",
           "Nigeria: gunmen killed {n} in attacks on villages in Kaduna.",
           "Nigeria: the toll in Kaduna rose to {n} people killed."],
    "fr": ["Au Nigeria, l'attaque de Kaduna s'est soldée par {n} morts."],
    "es": ["En Nigeria, el ataque en Kaduna se saldó con {n} muertos."],
}  # fmt: skip
PLACE_CASES = [
    (lang, template.format(p=p, n="{n}", w=w), 0)
    for lang, (template, preps, words) in PLACE_COUNTED.items()
    for p in preps
    for w in words
] + [(lang, template, 1) for lang, templates in TOLL_COUNTED.items() for template in templates]


@SETTINGS
@given(st.sampled_from(PLACE_CASES), st.sampled_from(COUNTS))
def test_a_number_a_preposition_of_place_governs_counts_places_unless_people_follow(
    case: tuple[str, str, int], count: int
) -> None:
    language, template, expected = case
    quote = template.format(n=count)
    assert _strict(language, SPACED_GOLD[language], count, quote) == expected, quote
