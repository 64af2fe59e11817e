"""A country written only as an adjective, or as a one-character abbreviation in a
compound, is a mention of it (round 58).

Principles checked here, on sentences the tests compose:

* an adjective of nationality in any of its forms ("tedesco", "tedeschi", "Duitse",
  "ryska", "niemieckim", "російська", "الأمريكي", "چینی", "रूसी", "האמריקני", "Çinli")
  names its country, in the article's language, for the list of countries the model is
  shown, for :func:`to_alpha3` and for the check that a record's countries are named: a
  right record whose countries the article writes only as adjectives is kept;
* an adjective's letters inside another word name nothing;
* Chinese, Japanese and Korean one-character abbreviations count in a compound of
  states ("中美两国", "日露外相会談", "한미 정상회담", "한·미") or before a side or an
  office ("美方", "米側", "英首相", "북측"), never as ordinary words ("日", "中", "米").
"""

from __future__ import annotations

import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import extractor.text.countries as countries_module
from extractor.text.countries import _word_before, countries_in_text, is_alpha3, to_alpha3
from tests.roles_support import run

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Per language: a sentence with one adjective slot, and forms of adjectives of
# nationality as newspapers write them (several genders, numbers and cases), per country.
ADJECTIVES: dict[str, tuple[str, dict[str, list[str]]]] = {
    "it": ("Il ministro ha incontrato martedì i colleghi {adj} per discutere di energia.", {
        "DEU": ["tedesco", "tedesca", "tedeschi", "tedesche"],
        "USA": ["americano", "statunitense", "statunitensi", "americana"],
        "CHN": ["cinese", "cinesi"], "RUS": ["russo", "russa", "russi"],
        "GBR": ["britannico", "britannica", "britannici"], "JPN": ["giapponese"]}),
    "pt": ("O ministro reuniu-se na terça-feira com o homólogo {adj} para discutir comércio.", {
        "DEU": ["alemão", "alemã", "alemães"], "CHN": ["chinês", "chinesa", "chineses"],
        "USA": ["norte-americano", "norte-americana", "estadunidense", "americano"],
        "RUS": ["russo", "russa"], "FRA": ["francês", "francesa"],
        "ARG": ["argentino", "argentina"], "BRA": ["brasileiro", "brasileira"]}),
    "nl": ("De minister ontmoette dinsdag zijn {adj} ambtgenoot voor overleg over energie.", {
        "DEU": ["Duits", "Duitse"], "USA": ["Amerikaans", "Amerikaanse"],
        "CHN": ["Chinees", "Chinese"], "RUS": ["Russisch", "Russische"], "FRA": ["Franse"],
        "BEL": ["Belgisch", "Belgische"], "JPN": ["Japans", "Japanse"]}),
    "sv": ("Ministern träffade på tisdagen sin {adj} kollega för samtal om säkerhet.", {
        "RUS": ["rysk", "ryska", "ryskt"], "FIN": ["finsk", "finska"],
        "USA": ["amerikansk", "amerikanska"], "DEU": ["tysk", "tyska"],
        "CHN": ["kinesisk", "kinesiska"]}),
    "da": ("Ministeren mødte tirsdag sin {adj} kollega til samtaler om handel og energi.", {
        "DEU": ["tysk", "tyske"], "RUS": ["russisk", "russiske"],
        "USA": ["amerikansk", "amerikanske"], "CHN": ["kinesisk", "kinesiske"]}),
    "no": ("Ministeren møtte tirsdag sin {adj} kollega for samtaler om handel og energi.", {
        "DEU": ["tysk", "tyske"], "RUS": ["russisk", "russiske"],
        "USA": ["amerikansk", "amerikanske"]}),
    "pl": ("Minister spotkał się we wtorek z {adj} odpowiednikiem, rozmawiali o energii.", {
        "DEU": ["niemiecki", "niemieckim", "niemiecka", "niemieckiego", "niemieccy"],
        "RUS": ["rosyjski", "rosyjska", "rosyjskiej"], "CHN": ["chiński", "chińska", "chińskim"],
        "USA": ["amerykański", "amerykańskim", "amerykańscy"],
        "FRA": ["francuski", "francuskim"]}),
    "uk": ("Міністр зустрівся у вівторок з {adj} колегою, вони обговорили безпеку.", {
        "RUS": ["російський", "російська", "російського"],
        "USA": ["американський", "американського", "американським"],
        "POL": ["польський", "польським"], "DEU": ["німецький", "німецького"],
        "CHN": ["китайський", "китайська"]}),
    "cs": ("Ministr se v úterý setkal se svým {adj} protějškem a jednali o obchodu.", {
        "DEU": ["německý", "německým", "německá"], "RUS": ["ruský", "ruská", "ruští"],
        "USA": ["americký", "americkým", "američtí"]}),
    "tr": ("Bakan salı günü {adj} mevkidaşıyla görüştü ve ticareti ele aldı.", {
        "RUS": ["Rus"], "DEU": ["Alman"], "CHN": ["Çinli"], "USA": ["Amerikan", "Amerikalı"],
        "FRA": ["Fransız"], "GBR": ["İngiliz"], "IRN": ["İranlı"]}),
    "ar": ("التقى وزير الخارجية يوم الثلاثاء بنظيره {adj} وبحث الجانبان العلاقات الثنائية.", {
        "USA": ["الأمريكي", "الأمريكية", "أمريكي"], "RUS": ["الروسي", "الروسية"],
        "CHN": ["الصيني", "الصينية"], "EGY": ["المصري", "المصرية"], "FRA": ["الفرنسي"],
        "DEU": ["الألماني"], "IRN": ["الإيراني"], "TUR": ["التركي"]}),
    "fa": ("وزیر امور خارجه روز سه‌شنبه با همتای {adj} خود دیدار و گفتگو کرد.", {
        "RUS": ["روسی", "روس"], "USA": ["آمریکایی"], "CHN": ["چینی"], "FRA": ["فرانسوی"],
        "IRN": ["ایرانی"]}),
    "ur": ("وزیر خارجہ نے منگل کو {adj} ہم منصب سے ملاقات کی اور تجارت پر بات کی۔", {
        "CHN": ["چینی"], "USA": ["امریکی"], "PAK": ["پاکستانی"], "RUS": ["روسی"]}),
    "hi": ("विदेश मंत्री ने मंगलवार को {adj} विदेश मंत्री से मुलाकात की और व्यापार पर चर्चा की।", {
        "CHN": ["चीनी"], "RUS": ["रूसी"], "USA": ["अमेरिकी"], "IND": ["भारतीय"],
        "JPN": ["जापानी"], "PAK": ["पाकिस्तानी"], "FRA": ["फ्रांसीसी"]}),
    "he": ("שר החוץ נפגש ביום שלישי עם עמיתו {adj} לשיחות על הביטחון.", {
        "USA": ["האמריקני", "האמריקאי", "אמריקנית"], "RUS": ["הרוסי", "הרוסית"],
        "CHN": ["הסיני", "הסינית"], "ISR": ["הישראלי"], "FRA": ["הצרפתי", "הצרפתית"],
        "DEU": ["הגרמני"]}),
}  # fmt: skip


@st.composite
def adjective_cases(draw: st.DrawFn) -> tuple[str, str, str, str]:
    """(language, sentence, code, adjective) over languages x countries x forms."""
    language = draw(st.sampled_from(sorted(ADJECTIVES)))
    template, forms = ADJECTIVES[language]
    code = draw(st.sampled_from(sorted(forms)))
    adjective = draw(st.sampled_from(forms[code]))
    return language, template.format(adj=adjective), code, adjective


@SETTINGS
@given(case=adjective_cases())
def test_an_adjective_of_nationality_names_its_country(case: tuple[str, str, str, str]) -> None:
    language, sentence, code, adjective = case
    assert countries_in_text(sentence, language) == [code], sentence
    assert to_alpha3(adjective, language) == code, adjective


# Letters of each script, to make words around an adjective.
ALPHABETS = {
    "Latin": "abcdefghijklmnoprstuvz",
    "Cyrillic": "абвгдежзиклмнопрстуфхцчшщ",
    "Arabic": "ابتثجحخدذرزسشصضطظعغفقكلمنهو",
    "Hebrew": "אבגדהוזחטיכלמנסעפצקרשת",
    "Devanagari": "कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह",
}
SCRIPT = {"uk": "Cyrillic", "ar": "Arabic", "fa": "Arabic", "ur": "Arabic", "he": "Hebrew",
          "hi": "Devanagari"}  # fmt: skip


@SETTINGS
@given(data=st.data())
def test_an_adjective_inside_another_word_names_nothing(data: st.DataObject) -> None:
    """Letters added before and after an adjective make another word, no country: the
    forms are matched as whole words (with their clitics), never as parts of words."""
    language = data.draw(st.sampled_from(sorted(ADJECTIVES)))
    template, forms = ADJECTIVES[language]
    letters = ALPHABETS[SCRIPT.get(language, "Latin")]
    code = data.draw(st.sampled_from(sorted(forms)))
    adjective = data.draw(st.sampled_from(forms[code])).removeprefix("ה").removeprefix("ال")
    before = data.draw(st.text(letters, min_size=3, max_size=5))
    after = data.draw(st.text(letters, min_size=3, max_size=5))
    word = before + adjective + after
    assert countries_in_text(template.format(adj=word), language) == [], word


def test_a_hyphenated_adjective_names_its_country_once_its_parts_agree() -> None:
    assert to_alpha3("US-amerikanischen", "de") == "USA"
    assert to_alpha3("US-amerikanische") == "USA"
    assert to_alpha3("norte-americano", "pt") == "USA"


# ---------------------------------------------------------------- abbreviations

ABBREVIATED = {
    "zh": {"中": "CHN", "美": "USA", "俄": "RUS", "日": "JPN", "韩": "KOR", "英": "GBR",
           "法": "FRA", "德": "DEU", "印": "IND"},
    "ja": {"米": "USA", "英": "GBR", "仏": "FRA", "独": "DEU", "露": "RUS", "中": "CHN",
           "韓": "KOR", "日": "JPN"},
    "ko": {"한": "KOR", "미": "USA", "중": "CHN", "일": "JPN", "러": "RUS", "북": "PRK"},
}  # fmt: skip
# A compound of states before a relation ({c}: the compound), and one state before its
# side or office ({o}); the frame says nothing of any state otherwise.
COMPOUND = {
    "zh": ["{c}两国元首周二举行会谈。", "{c}关系近来有所改善。", "{c}外长周二通了电话。"],
    "ja": ["火曜日に{c}首脳会談が開かれた。", "{c}外相会談で協議した。", "{c}関係が改善した。"],
    "ko": ["화요일 {c} 정상회담이 열렸다.", "{c}는 화요일 회담했다.", "{c} 관계가 개선됐다."],
}
SIDE = {
    "zh": (["{o}方表示反对。", "{o}总统周二发表讲话。"], "美俄英法韩"),
    "ja": (["{o}側は反発した。", "{o}首相は火曜日に演説した。"], "米英仏独露韓"),
    "ko": (["{o}측은 반발했다.", "{o} 측 대표가 말했다."], "미중러북"),
}


@SETTINGS
@given(data=st.data())
def test_a_compound_of_abbreviations_names_each_state(data: st.DataObject) -> None:
    language = data.draw(st.sampled_from(sorted(ABBREVIATED)))
    table = ABBREVIATED[language]
    letters = data.draw(st.lists(st.sampled_from(sorted(table)), min_size=2, max_size=3,
                                 unique=True))  # fmt: skip
    compound = ("·" if language == "ko" and data.draw(st.booleans()) else "").join(letters)
    sentence = data.draw(st.sampled_from(COMPOUND[language])).format(c=compound)
    assert set(countries_in_text(sentence, language)) == {table[c] for c in letters}, sentence


@SETTINGS
@given(data=st.data())
def test_one_abbreviation_names_a_state_before_its_side_or_office(data: st.DataObject) -> None:
    language = data.draw(st.sampled_from(sorted(SIDE)))
    frames, letters = SIDE[language]
    letter = data.draw(st.sampled_from(letters))
    sentence = data.draw(st.sampled_from(frames)).format(o=letter)
    code = ABBREVIATED[language][letter]
    assert countries_in_text(sentence, language) == [code], sentence
    marker = data.draw(st.sampled_from(MARKERS[language]))
    assert to_alpha3(letter + marker, language) == code, letter + marker


MARKERS = {"zh": ["方"], "ja": ["側"], "ko": ["측", " 측"]}


# Ordinary words that hold the abbreviations ("日" day, "中" middle, "米" rice, "英" hero,
# "한" one, "일" work, "중독" addiction, "남미" South America), in ordinary sentences.
ORDINARY = {
    "zh": ["今日", "中间", "美丽", "日子", "英雄", "法律", "道德", "印刷", "增加", "意思",
           "其中", "完美方案", "每日军事", "集中加强", "精英", "日中午", "美德", "法德兼修"],
    "ja": ["毎日", "日中は暑い", "中身", "米を食べる", "英雄", "一日中", "朝日新聞", "単独首脳",
           "新米", "本日中", "中止", "独自", "印刷", "白米"],
    "ko": ["한 사람이", "일을 했다", "중독", "남미", "미러", "중이다", "북쪽", "영남", "한 일을",
           "일일", "중미", "미남", "영화", "독서"],
}  # fmt: skip
ENDS = {"zh": "。", "ja": "。", "ko": ". "}


@SETTINGS
@given(data=st.data())
def test_an_abbreviation_used_as_an_ordinary_word_names_nothing(data: st.DataObject) -> None:
    language = data.draw(st.sampled_from(sorted(ORDINARY)))
    words = data.draw(st.lists(st.sampled_from(ORDINARY[language]), min_size=1, max_size=6))
    text = ENDS[language].join(words) + ENDS[language]
    assert countries_in_text(text, language) == [], text


# ---------------------------------------------------------------- end to end


def meeting(a: str, ca: str, b: str, cb: str) -> dict[str, Any]:
    return {"participants": [{"name": a, "title": None, "country": ca},
                             {"name": b, "title": None, "country": cb}],
            "countries": [ca, cb], "format": "bilateral", "place": None, "date": None,
            "topics": [], "status": "occurred", "attribution": None, "evidence": [1]}  # fmt: skip


# A meeting whose two countries the article writes only as adjectives ({a}, {b}: the
# adjectives of the first and second state; the two people as the article writes them).
MEETINGS = {
    "it": ("Il ministro {a} Tajani ha incontrato martedì il collega {b} Wadephul. "
           "I due hanno discusso di energia e di commercio.", "Tajani", "Wadephul"),
    "nl": ("De {a} minister Veldkamp ontmoette dinsdag zijn {b} ambtgenoot Wadephul. "
           "Ze spraken over energie en handel.", "Veldkamp", "Wadephul"),
    "sv": ("Den {a} utrikesministern Stenergard träffade på tisdagen sin {b} kollega "
           "Valtonen. De diskuterade säkerhet.", "Stenergard", "Valtonen"),
    "ar": ("التقى وزير الخارجية {a} شكري بنظيره {b} بلينكن يوم الثلاثاء. "
           "وبحث الجانبان العلاقات الثنائية.", "شكري", "بلينكن"),
    "he": ("שר החוץ {a} סער נפגש ביום שלישי עם עמיתו {b} רוביו. השניים דנו בביטחון.",
           "סער", "רוביו"),
    "tr": ("{a} Dışişleri Bakanı Fidan salı günü {b} mevkidaşı Lavrov ile görüştü. "
           "Görüşme iki saat sürdü.", "Fidan", "Lavrov"),
    "pl": ("{a} minister Sikorski spotkał się we wtorek z {b} odpowiednikiem Wadephulem. "
           "Rozmawiali o energii.", "Sikorski", "Wadephulem"),
}  # fmt: skip
FORMS = {  # the adjective as the frame's slot wants it, per state
    "it": {"ITA": "italiano", "DEU": "tedesco", "USA": "americano", "FRA": "francese"},
    "nl": {"NLD": "Nederlandse", "DEU": "Duitse", "USA": "Amerikaanse", "FRA": "Franse"},
    "sv": {"SWE": "svenska", "FIN": "finska", "USA": "amerikanska", "RUS": "ryska"},
    "ar": {"EGY": "المصري", "USA": "الأمريكي", "RUS": "الروسي", "CHN": "الصيني"},
    "he": {"ISR": "הישראלי", "USA": "האמריקני", "RUS": "הרוסי", "FRA": "הצרפתי"},
    "tr": {"TUR": "Türk", "RUS": "Rus", "DEU": "Alman", "USA": "Amerikan"},
    "pl": {"POL": "Polski", "DEU": "niemieckim", "USA": "amerykańskim", "FRA": "francuskim"},
}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_a_meeting_of_states_written_as_adjectives_is_kept(data: st.DataObject) -> None:
    language = data.draw(st.sampled_from(sorted(MEETINGS)))
    template, a, b = MEETINGS[language]
    first, *others = FORMS[language]
    second = data.draw(st.sampled_from(others))
    text = template.format(a=FORMS[language][first], b=FORMS[language][second])
    result = run("meeting", text, **meeting(a, first, b, second))
    assert result.records, (text, result.problems)
    assert set(result.records[0].countries()) == {first, second}


# ---------------------------------------------------------------- false countries
#
# Negative cases (round 58, second pass): words that have an adjective's letters but are
# a surname, a common word or a part of another word name no state.

# Given names, and the capitalised forms of adjectives of nationality that are also
# surnames, per language that writes its adjectives in lower case: after a given name or
# a title the capital says a name ("Jan Niemiecki", "Francesco Turco", "Іван Турецький").
SURNAMES: dict[str, tuple[list[str], list[str], str]] = {
    "pl": (["Jan", "Marek", "Piotr", "pan", "Anna"],
           ["Niemiecki", "Turecki", "Włoski", "Czeski", "Węgierski", "Niemiecka"],
           "{n} {s} powiedział w poniedziałek, że nie przyjdzie na zebranie."),
    "uk": (["Іван", "Петро", "пан", "Олег"],
           ["Турецький", "Польський", "Німецький", "Угорський", "Чеський"],
           "{n} {s} сказав у понеділок, що не прийде на збори."),
    "cs": (["Jan", "Petr", "pan", "Karel"], ["Turecký", "Německý", "Český", "Polský"],
           "{n} {s} v pondělí řekl, že na schůzi nepřijde."),
    "it": (["Francesco", "il signor", "Marco", "Giulia"],
           ["Turco", "Greco", "Tedesco", "Francese", "Russo", "Spagnolo", "Inglese"],
           "{n} {s} ha detto lunedì che non verrà alla riunione."),
    "pt": (["João", "o senhor", "Maria", "Pedro"],
           ["Alemão", "Russo", "Turco", "Francês", "Espanhol", "Português"],
           "{n} {s} disse na segunda-feira que não virá à reunião."),
    "es": (["Juan", "el señor", "Pedro", "Ana"], ["Alemán", "Francés", "Ruso", "Turco", "Griego"],
           "{n} {s} dijo el lunes que no vendrá a la reunión."),
    "fr": (["Jean", "monsieur", "Pierre", "Marie"], ["Allemand", "Français", "Turc", "Russe"],
           "{n} {s} a dit lundi qu'il ne viendrait pas à la réunion."),
    "ru": (["Иван", "Пётр", "господин", "Олег"], ["Турецкий", "Польский", "Немецкий"],
           "{n} {s} сказал в понедельник, что не придёт на собрание."),
    "sv": (["Anders", "herr", "Karin"], ["Rysk", "Tysk", "Svensk", "Fransk"],
           "{n} {s} sade på måndagen att han inte kommer till mötet."),
}  # fmt: skip


@SETTINGS
@given(data=st.data())
def test_an_adjective_written_as_a_surname_names_no_state(data: st.DataObject) -> None:
    language = data.draw(st.sampled_from(sorted(SURNAMES)))
    given_names, surnames, frame = SURNAMES[language]
    name = data.draw(st.sampled_from(given_names))
    surname = data.draw(st.sampled_from(surnames))
    text = frame.format(n=name, s=surname)
    if data.draw(st.booleans()):  # after another sentence too
        text = frame.format(n=name, s="Kowalski") + " " + text
    assert countries_in_text(text, language) == [], text


# Adjectives of nationality made by a regular suffix (the nisba) that are also ordinary
# words or names, each in a sentence where it is that word or name: "चीनी" sugar, "भारती",
# "ईरानी" surnames, "چینی" porcelain, "ترکی" the Turkish language, "סיני" Sinai,
# "ברזילי" a hospital, "לובי" a lobby, "קנדי" Kennedy, "الصينية" a tray, "أحمد المصري".
COLLIDING: dict[str, tuple[list[str], list[str]]] = {
    "hi": (["चीनी", "मिस्री"], ["बाजार में {w} के दाम बढ़ गए।", "उसने चाय में {w} डाली।",
                              "उन्होंने {w} और चाय खरीदी।"]),
    "ur": (["چینی"], ["بازار میں {w} کی قیمت میں اضافہ ہو گیا۔", "حکومت نے {w} کی برآمد روک دی۔"]),
    "fa": (["چینی", "ترکی"], ["ظروف {w} را در آشپزخانه گذاشت.", "او به زبان {w} صحبت می‌کند."]),
    "he": (["סיני", "ברזילי", "לובי", "קנדי", "ספרדי", "מצרי", "רוסי"],
           ["הצבא פעל בחצי האי {w} אתמול.", "הם נפגשו ב{w} של המלון.",
            "הוא עבד בבית החולים {w} שנים רבות."]),
    "ar": (["الصينية", "كندي", "مصري", "القطري"],
           ["وضعت الأم الطعام على {w} ثم جلست.", "قال الرجل إن {w} وصل أمس."]),
}  # fmt: skip
# Given names: a nisba right after one is a surname ("स्मृति ईरानी", "أحمد المصري").
PERSONS: dict[str, tuple[list[str], list[str], str]] = {
    "hi": (["उमा", "सुनील", "स्मृति"], ["भारती", "ईरानी", "मिस्री"], "{n} {w} ने रैली को संबोधित किया।"),
    "ar": (["أحمد", "منيب", "خالد", "عبد الله"],
           ["المصري", "القطري", "السوري", "العراقي", "التركي", "الكندي", "الصيني", "الروسي"],
           "قال {n} {w} إن الاجتماع انتهى."),
    "he": (["משה", "דוד", "הנשיא", "יוסי"], ["ברזילי", "קנדי", "רוסי", "מצרי", "סיני", "ספרדי"],
           "{n} {w} אמר שהישיבה הסתיימה."),
}  # fmt: skip


@SETTINGS
@given(data=st.data())
def test_a_nisba_that_is_a_word_or_a_surname_names_no_state(data: st.DataObject) -> None:
    if data.draw(st.booleans()):
        language = data.draw(st.sampled_from(sorted(COLLIDING)))
        words, frames = COLLIDING[language]
        text = data.draw(st.sampled_from(frames)).format(w=data.draw(st.sampled_from(words)))
    else:
        language = data.draw(st.sampled_from(sorted(PERSONS)))
        names, words, frame = PERSONS[language]
        text = frame.format(
            n=data.draw(st.sampled_from(names)), w=data.draw(st.sampled_from(words))
        )
    assert countries_in_text(text, language) == [], text


@SETTINGS
@given(data=st.data())
def test_a_colliding_nisba_next_to_a_state_office_still_names_it(data: st.DataObject) -> None:
    """The weaker forms still count where they are adjectives: "चीनी विदेश मंत्री",
    "همتای چینی", "الوزير القطري", "השר הסיני"."""
    language, text, code = data.draw(st.sampled_from([
        ("hi", "चीनी विदेश मंत्री ने मंगलवार को बयान दिया।", "CHN"),
        ("hi", "ईरानी सेना ने अभ्यास किया।", "IRN"),
        ("fa", "وزیر امور خارجه با همتای چینی خود دیدار کرد.", "CHN"),
        ("ar", "التقى الوزير القطري بالصحفيين.", "QAT"),
        ("ar", "اجتمع الرئيس بنظيره المصري أمس.", "EGY"),
        ("he", "השר הסיני נפגש עם עמיתו.", "CHN"),
    ]))  # fmt: skip
    assert countries_in_text(text, language) == [code], text


# Phrases of an adjective of nationality that name no state (a goldfish, a wrench, a walnut).
IDIOMS = {
    "tr": [
        "Japon balığı akvaryumda yüzüyor.",
        "İngiliz anahtarı ile vidayı sıktı.",
        "Rus ruleti oynamak tehlikelidir.",
        "Türk kahvesi içtik.",
    ],
    "pl": ["Włoski orzech rośnie w ogrodzie.", "Kupiłem orzechy włoskie na targu."],
    "it": ["Abbiamo bevuto un caffè turco.", "Siamo andati al bagno turco."],
}


@SETTINGS
@given(data=st.data())
def test_an_idiom_with_an_adjective_names_no_state(data: st.DataObject) -> None:
    language = data.draw(st.sampled_from(sorted(IDIOMS)))
    text = data.draw(st.sampled_from(IDIOMS[language]))
    assert countries_in_text(text, language) == [], text


# Words that end in an abbreviation's character before a side or an office, in
# sentences: "合法政府" lawful government, "清朝政府" the Qing government, Japanese "欧米首脳"
# (Western leaders), "北米", "南米", "中米" (Central America), "富豪側", "今朝首相"; Korean
# "북측"/"남측" as the north or south side of a place.
CJK_WORDS = {
    "zh": (["合法", "非法", "执法", "立法", "司法", "清朝", "明朝", "王朝", "唐朝", "宪法", "完美"],
           ["联合国承认该国的{w}政府。", "他们说{w}军队已经出发。", "{w}大使出访了。"]),
    "ja": (["欧米", "北米", "南米", "中米", "富豪", "今朝", "王朝", "明朝", "翌朝"],
           ["{w}首脳会談が開かれた。", "{w}側の弁護士が話した。", "{w}政府が倒れた。"]),
    "ko": (["북측", "남측"], ["건물 {w}에 주차장이 있다.", "{w} 출입구를 이용하세요.",
                            "공원 {w}으로 걸어갔다."]),
}  # fmt: skip


@SETTINGS
@given(data=st.data())
def test_an_abbreviation_ending_a_word_names_no_state(data: st.DataObject) -> None:
    language = data.draw(st.sampled_from(sorted(CJK_WORDS)))
    words, frames = CJK_WORDS[language]
    text = data.draw(st.sampled_from(frames)).format(w=data.draw(st.sampled_from(words)))
    assert countries_in_text(text, language) == [], text


def test_a_japanese_central_america_is_no_pair_and_a_party_side_still_counts() -> None:
    assert countries_in_text("中米関係が悪化した。", "ja") == []
    assert countries_in_text("米中関係が悪化した。", "ja") == ["USA", "CHN"]
    assert countries_in_text("元米大統領が来日した。", "ja") == ["USA"]
    assert countries_in_text("북측 대표단이 도착했다.", "ko") == ["PRK"]
    assert countries_in_text("남측 당국자가 말했다.", "ko") == ["KOR"]


# Forms of adjectives of the languages of DEMONYM_NAMES that are also the name of a
# US state, a club or a person: a field whose language is not known is no adjective.
FIELD_FORMS = {"Indiana": "it", "Portuguesa": "pt", "Greco": "it", "Niemiecki": "pl",
               "Polski": "pl", "Tedesca": "it", "Amerykańska": "pl", "Niemieccy": "pl"}  # fmt: skip


@SETTINGS
@given(value=st.sampled_from(sorted(FIELD_FORMS)))
def test_an_adjective_form_is_no_country_in_a_field_of_no_language(value: str) -> None:
    import pytest

    with pytest.raises(ValueError):
        to_alpha3(value)
    assert is_alpha3(to_alpha3(value, FIELD_FORMS[value]))


@settings(max_examples=20, deadline=None)
@given(
    st.sampled_from([("Afghans", "AFG"), ("Français", "FRA"), ("Allemands", "DEU"),
                     ("Ukrainiens", "UKR"), ("Chinois", "CHN")]),
    st.sampled_from(["Le pays accueille des {} vulnérables.", "Il a remercié les {} pour leur aide.",
                     "Selon lui, les {} attendent une réponse."]),
)  # fmt: skip
def test_a_french_noun_of_a_people_is_a_mention(people, template):
    """French writes the noun of a people with a capital in the adjective's form: "des
    Afghans" inside a sentence names Afghanistan, it is no surname."""
    word, code = people
    assert code in countries_in_text(template.format(word), "fr")


_OLD_WORD_BEFORE = re.compile(r"(\w[\w'’-]*)[ \t]+\Z")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aÉé_1'’- \t.\nXß", max_size=30), st.data())
def test_the_word_before_is_the_anchored_pattern_read_backwards(text, data):
    """The French surname rule reads the word before an adjective backwards (linear in the
    text's length); it finds what the pattern anchored at that point finds."""
    start = data.draw(st.integers(0, len(text)))
    found = _OLD_WORD_BEFORE.search(text, 0, start)
    assert _word_before(text, start) == (found.group(1) if found else "")


def test_french_adjectives_cost_linear_work():
    """Work read backwards per adjective is bounded by the word before it, not the text."""
    calls = 0
    real = countries_module._is_word

    def counted(char: str) -> bool:
        nonlocal calls
        calls += 1
        return real(char)

    sentence = "Les Français et les Allemands parlent. "
    counts = []
    for n in (50, 200):
        calls = 0
        countries_module._is_word = counted
        try:
            countries_in_text(sentence * n, "fr")
        finally:
            countries_module._is_word = real
        counts.append(calls)
    # linear: four times the text, four times the work, give or take what the first
    # sentence saves by having no word before it (a few calls per word read back)
    assert counts[1] <= 4 * counts[0] + 40, counts
