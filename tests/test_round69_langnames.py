"""Round 69: a language's name after a verb of speaking, writing, translating or
understanding, or a preposition of language ("in/auf/en/на/用 ...", "-speaking",
"-language", "языке", "...语"), names a tongue, not a state, so it is no evidence of a
country ("spricht Russisch", "traduit du russe", "traducido al ruso", "на русском языке",
"用俄语", "translated from Arabic"). The adjective before a noun of the state's own
("the Russian army", "russische Truppen", "le président russe", "российская сторона",
"俄罗斯外交部") and a person ("a Russian speaking to reporters") still name the state.

The corpus is built from language names x templates of speaking, writing, translating and
understanding x 8 languages. On main 1280 of 2638 sentences yielded a state; the near
misses (333) all kept theirs.
"""

from __future__ import annotations

import pytest

from extractor.text.countries import countries_in_text

# fmt: off
EN = ["Russian","French","German","Arabic","Spanish","Portuguese","Italian","Chinese","Japanese","Korean",
      "Turkish","Persian","Polish","Ukrainian","Dutch","Swedish","Greek","Hungarian","Czech","Romanian",
      "Finnish","Danish","Norwegian","Hebrew","Hindi","Thai","Vietnamese","Indonesian","Serbian","Croatian",
      "Bulgarian","Albanian","Georgian","Armenian","Lithuanian","Latvian","Estonian","Slovak","Icelandic","Malay"]
DE = ["Russisch","Französisch","Deutsch","Arabisch","Spanisch","Portugiesisch","Italienisch","Chinesisch","Japanisch",
      "Koreanisch","Türkisch","Persisch","Polnisch","Ukrainisch","Niederländisch","Schwedisch","Griechisch","Ungarisch",
      "Tschechisch","Rumänisch","Finnisch","Dänisch","Norwegisch","Hebräisch","Serbisch","Kroatisch","Bulgarisch",
      "Albanisch","Georgisch","Armenisch","Litauisch","Lettisch","Estnisch","Slowakisch","Isländisch"]
FR = ["russe","français","allemand","arabe","espagnol","portugais","italien","chinois","japonais","coréen","turc",
      "persan","polonais","ukrainien","néerlandais","suédois","grec","hongrois","tchèque","roumain","finnois","danois",
      "norvégien","hébreu","serbe","croate","bulgare","albanais","géorgien","arménien","lituanien","letton","estonien","slovaque","islandais"]
ES = ["ruso","francés","alemán","árabe","español","portugués","italiano","chino","japonés","coreano","turco","persa",
      "polaco","ucraniano","neerlandés","sueco","griego","húngaro","checo","rumano","finlandés","danés","noruego",
      "hebreo","serbio","croata","búlgaro","albanés","georgiano","armenio","lituano","letón","estonio","eslovaco","islandés"]
IT = ["russo","francese","tedesco","arabo","spagnolo","portoghese","italiano","cinese","giapponese","coreano","turco",
      "persiano","polacco","ucraino","olandese","svedese","greco","ungherese","ceco","rumeno","finlandese","danese",
      "norvegese","ebraico","serbo","croato","bulgaro","albanese","georgiano","armeno","lituano","lettone","estone","slovacco","islandese"]
PT = ["russo","francês","alemão","árabe","espanhol","português","italiano","chinês","japonês","coreano","turco","persa",
      "polonês","ucraniano","holandês","sueco","grego","húngaro","tcheco","romeno","finlandês","dinamarquês","norueguês",
      "hebraico","sérvio","croata","búlgaro","albanês","georgiano","armênio","lituano","letão","estoniano","eslovaco","islandês"]
# Russian: (adverb по-X, prepositional "на X языке", "X язык")
RU = [("русски","русском"),("французски","французском"),("немецки","немецком"),("арабски","арабском"),
      ("испански","испанском"),("португальски","португальском"),("итальянски","итальянском"),("китайски","китайском"),
      ("японски","японском"),("корейски","корейском"),("турецки","турецком"),("польски","польском"),
      ("украински","украинском"),("шведски","шведском"),("гречески","греческом"),("венгерски","венгерском"),
      ("чешски","чешском"),("румынски","румынском"),("фински","финском"),("датски","датском"),("норвежски","норвежском"),
      ("сербски","сербском"),("болгарски","болгарском"),("грузински","грузинском"),("армянски","армянском")]
ZH = ["俄语","法语","德语","阿拉伯语","西班牙语","葡萄牙语","意大利语","汉语","日语","韩语","土耳其语","波斯语","波兰语",
      "乌克兰语","荷兰语","瑞典语","希腊语","匈牙利语","捷克语","罗马尼亚语","芬兰语","丹麦语","挪威语","希伯来语","塞尔维亚语",
      "越南语","泰语","印尼语","朝鲜语","英语","俄文","法文","德文","日文","中文","英文"]

CORPUS = {
 "en": (EN, ["The minister speaks {x} fluently.", "She answered in {x}.", "The speech was translated from {x}.",
             "He understands {x} well.", "a {x}-speaking town held elections.", "The {x}-language press reported it.",
             "The letter was written in {x}.", "Officials spoke {x} at the talks.", "He learned {x} at school.",
             "The document was translated into {x}."]),
 "de": (DE, ["Der Minister spricht {x}.", "Er antwortete auf {x}.", "Das Buch wurde aus dem {x}en übersetzt.",
             "Sie versteht {x} gut.", "Der Brief ist auf {x} geschrieben.", "Er spricht fließend {x}.",
             "Die Rede wurde ins {x}e übersetzt.", "{x} sprechende Bürger protestierten.", "Sie lernt {x} an der Schule.",
             "Der Text wurde in {x} veröffentlicht."]),
 "fr": (FR, ["Le ministre parle {x}.", "Il a répondu en {x}.", "Le discours a été traduit du {x}.",
             "Elle comprend le {x}.", "La lettre est écrite en {x}.", "Il parle couramment le {x}.",
             "Le texte a été traduit en {x}.", "Il apprend le {x} à l'école.", "Les habitants parlent {x} à la maison.",
             "Un journal de langue {x} a publié l'article."]),
 "es": (ES, ["El ministro habla {x}.", "Respondió en {x}.", "El discurso fue traducido del {x}.",
             "Ella entiende el {x}.", "La carta está escrita en {x}.", "Habla {x} con fluidez.",
             "El texto fue traducido al {x}.", "Aprende {x} en la escuela.", "Los vecinos hablan {x} en casa.",
             "Un diario en lengua {x} publicó el artículo."]),
 "it": (IT, ["Il ministro parla {x}.", "Ha risposto in {x}.", "Il discorso è stato tradotto dal {x}.",
             "Lei capisce il {x}.", "La lettera è scritta in {x}.", "Parla {x} fluentemente.",
             "Il testo è stato tradotto in {x}.", "Impara il {x} a scuola.", "Gli abitanti parlano {x} a casa.",
             "Un giornale in lingua {x} ha pubblicato l'articolo."]),
 "pt": (PT, ["O ministro fala {x}.", "Respondeu em {x}.", "O discurso foi traduzido do {x}.",
             "Ela entende o {x}.", "A carta está escrita em {x}.", "Fala {x} fluentemente.",
             "O texto foi traduzido para o {x}.", "Aprende {x} na escola.", "Os moradores falam {x} em casa.",
             "Um jornal em língua {x} publicou o artigo."]),
 "ru": (RU, ["Министр говорит по-{a}.", "Он ответил на {b} языке.", "Письмо написано на {b} языке.",
             "Она хорошо понимает по-{a}.", "Речь была переведена на {b} язык.", "Газета на {b} языке опубликовала статью.",
             "Он свободно говорит по-{a}.", "Текст опубликован на {b}."]),
 "zh": (ZH, ["部长用{x}发表讲话。", "他会说{x}。", "这封信是用{x}写的。", "文件被翻译成{x}。", "她能听懂{x}。",
             "他在学校学习{x}。", "讲话从{x}翻译过来。", "他用流利的{x}回答。"]),
}



EN_STATES = [("Russian","RUS"),("French","FRA"),("German","DEU"),("Spanish","ESP"),("Italian","ITA"),
             ("Chinese","CHN"),("Japanese","JPN"),("Turkish","TUR"),("Polish","POL"),("Ukrainian","UKR"),
             ("Greek","GRC"),("Swedish","SWE")]
NEAR_MISSES = {
 "en": (EN_STATES, ["The {x} army crossed the border.", "The {x} President met reporters.", "A {x} speaking to reporters said no.",
             "{x} officials said in English that talks failed.", "Troops moved in {x} territory.",
             "They teach {x} pilots to fly.", "He learned {x} forces had crossed.", "Investment in {x} companies rose.",
             "The ship sailed in {x} waters.", "Aid came from {x} donors.", "He spoke with {x} officials.",
             "Weapons were sold to {x} buyers.", "The {x} foreign minister wrote a letter.", "She translated for {x} diplomats."]),
 "de": ([("russische","RUS"),("französische","FRA"),("polnische","POL"),("türkische","TUR"),("chinesische","CHN")],
        ["Die {x}n Truppen rückten vor.", "{X} Truppen überquerten die Grenze.", "Der {x} Präsident sprach in Berlin.",
         "Er sprach mit dem {x}n Außenminister.", "Er spricht mit {x}n Diplomaten.", "Die Rede des {x}n Ministers wurde übersetzt."]),
 "fr": ([("russe","RUS"),("français","FRA"),("polonais","POL"),("turc","TUR"),("chinois","CHN")],
        ["Le président {x} a parlé.", "L'armée {x} avance.", "Il parle avec le ministre {x}.", "Le gouvernement {x} a répondu en anglais.",
         "Des troupes ont été envoyées en territoire {x}."]),
 "es": ([("ruso","RUS"),("francés","FRA"),("polaco","POL"),("turco","TUR"),("chino","CHN")],
        ["El presidente {x} habló.", "El ejército {x} avanzó.", "Habló con el ministro {x}.", "El gobierno {x} respondió en inglés."]),
 "it": ([("russo","RUS"),("francese","FRA"),("polacco","POL"),("turco","TUR"),("cinese","CHN")],
        ["Il presidente {x} ha parlato.", "L'esercito {x} avanza.", "Ha parlato con il ministro {x}.", "Il governo {x} ha risposto in inglese."]),
 "pt": ([("russo","RUS"),("francês","FRA"),("polonês","POL"),("turco","TUR"),("chinês","CHN")],
        ["O presidente {x} falou.", "O exército {x} avançou.", "Falou com o ministro {x}.", "O governo {x} respondeu em inglês."]),
 "ru": ([("российск","RUS"),("французск","FRA"),("польск","POL"),("турецк","TUR"),("китайск","CHN")],
        ["{X}ая сторона ответила.", "Министр говорил с {x}им министром.", "Войска вошли на {x}ую территорию.",
         "Корабль стоял на {x}ом берегу.", "Он говорил о {x}ом правительстве."]),
 "zh": ([("俄罗斯","RUS"),("法国","FRA"),("波兰","POL"),("土耳其","TUR"),("西班牙","ESP")],
        ["{x}外交部发表声明。", "{x}军队越过边境。", "他用英语与{x}总统交谈。", "{x}文化部长访问北京。", "{x}文件显示交易。"]),
}
# fmt: on


def _sentences(language: str) -> list[str]:
    names, templates = CORPUS[language]
    out = []
    for name in names:
        for template in templates:
            if language == "ru":
                text = template.format(a=name[0], b=name[1])
            else:
                text = template.format(x=name)
            out.append(text[0].upper() + text[1:])
    return out


@pytest.mark.parametrize("language", sorted(CORPUS))
def test_a_language_named_is_no_state(language: str) -> None:
    wrong = [(s, countries_in_text(s, language)) for s in _sentences(language)]
    wrong = [(s, got) for s, got in wrong if got]
    assert not wrong, f"{len(wrong)} of {len(_sentences(language))}: {wrong[:5]}"


@pytest.mark.parametrize("language", sorted(NEAR_MISSES))
def test_the_adjective_of_a_state_still_names_it(language: str) -> None:
    states, templates = NEAR_MISSES[language]
    missed = []
    for adjective, code in states:
        for template in templates:
            text = template.format(x=adjective, X=adjective[:1].upper() + adjective[1:])
            if code not in countries_in_text(text, language):
                missed.append(text)
    assert not missed


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The talks were held in Russian-occupied Kherson.", "en", ["RUS"]),
        ("Aid from Russian-backed groups arrived.", "en", ["RUS"]),
        ("They invested in Chinese\ncompanies last year.", "en", ["CHN"]),
        ("The money went to Burmese government funds in Burmese government hands.", "en", ["MMR"]),
        ("Troops held in Russian supply lines.", "en", ["RUS"]),
        ("Putin spoke in Russian and Zelensky answered in Ukrainian.", "en", []),
        ("Он говорит на русском и украинском языках.", "ru", []),
        ("Войска высадились на турецком побережье.", "ru", ["TUR"]),
        ("Корабль стоял на российском берегу.", "ru", ["RUS"]),
        ("美国文化部长发表讲话。", "zh", ["USA"]),
        ("他读了英文报纸。", "zh", []),
        ("Das Gespräch fand auf Englisch statt, die russische Seite schwieg.", "de", ["RUS"]),
    ],
)
def test_examples(text: str, language: str, expected: list[str]) -> None:
    assert countries_in_text(text, language) == expected
