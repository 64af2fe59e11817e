"""The words of harm: what befell people, per language and per field of a casualty report.

Three rules read these words, and each once kept its own list, which drifted apart (a
word of dying one list knew and another did not, a Spanish form the gate took and the
strict score missed):

* the lexical gate and the casualty rules (:data:`extractor.types.casualty_report.CASUALTY_CUES`)
  ask whether a clause tells harm at all: any word of killing or injury, or of the
  event that harms (a massacre, a shooting, its victims, its toll) opens it;
* the strict score (``extractor.evaluation.stating._OUTCOME_WORDS``) asks which field a
  count fills: its own word of outcome must be that field's ("killed 3 and wounded 12"
  gives no killed count of 12), so it reads only the words that name an outcome, and
  also the outcomes no key count holds (missing, arrested, rescued: ``other``);
* the dating of a running total (``extractor.types.casualty_report._TOTAL_HARM``) also
  reads the verbs of a total that no casualty word tells ("ha matado a 300", "унесший
  жизни 300 человек", "أودى بحياة").

So the words live here once, in :data:`HARM_WORDS`, by language (ISO 639-1) and field,
written as regex fragments in the language's own spelling (accents kept: the gate reads
the article's text; the strict view folds them as it folds the text it reads). The three
tables are views of it (:func:`cue_words`, :func:`outcome_words`, :func:`total_words`).
Where the views differ on purpose, the difference is named here with its reason
(:data:`NOT_CUES`, :data:`CUE_LANGUAGES`, the ``event`` field), not left to drift.
"""

from __future__ import annotations

from typing import Literal

from extractor.text.cues import LazyPatterns, cue_pattern, cue_patterns
from extractor.text.grounding import normalise_text

HarmField = Literal["killed", "injured", "other", "event", "total"]
#: The fields whose words name what befell the counted people: a count's outcome.
OUTCOME_FIELDS: tuple[HarmField, ...] = ("killed", "injured", "other")

#: Per language, per field, the words of harm (regex fragments, whole words, in the
#: language's own spelling; a word may serve two fields):
#:
#: * ``killed``, ``injured``: words of killing, dying, wounding (the key counts). Dying of
#:   one's wounds is being killed ("succumbed", "erlagen"); a noun of the agent
#:   ("asesino", "killer") says nothing of what befell the counted and is no outcome.
#: * ``other``: outcomes no key count holds (missing, kidnapped, arrested, displaced,
#:   rescued): a count of them states no killed or injured figure.
#: * ``event``: words that tell harm happened without naming a counted outcome: the
#:   event and its victims and toll ("massacre", "shooting", "victims", "bilan"), and
#:   stems broad enough to take the agent and the deed too ("kill\\w*": "killer",
#:   "killings"; "asesin\\w*": "asesino"). The gate opens on them; the strict view,
#:   which must know the field, does not read them.
#: * ``total``: verbs of a running total that no other word tells ("ha matado a 300",
#:   "a coûté la vie à", "унесший жизни"), read only to date a running total.
HARM_WORDS: dict[str, dict[HarmField, tuple[str, ...]]] = {
    "en": {
        "killed": (r"kill(?:s|ed|ing)?", "dead", "died", "dies", "die", "dying", r"deaths?",
                   "slain", r"murder(?:ed|ing)", r"perish\w*", r"fatal\w*", "executed",
                   "massacred", "beheaded", "lives", "bodies", "corpses", r"succumb\w*"),
        "injured": (r"injur\w*", r"wound\w*", "hurt", "maimed", r"hospitali[sz]ed"),
        "other": (r"missing", r"arrest\w*", "detained", r"abduct\w*", r"kidnapp?\w*",
                  "captured", "displaced", "rescued", "evacuated", r"surviv\w*", "freed",
                  "released", "fled", "homeless", "stranded", "deported", "expelled",
                  "evicted", "sickened", "infected"),
        "event": (r"kill\w*", r"casualt\w*", r"fatalit\w*", "death toll", "lost their lives",
                  r"massacre\w*", "shot", r"murder\w*"),
    },
    "es": {
        "killed": (r"muert\w*", "murió", "murieron", r"morir\w*", r"fallec\w*", "mat[oó]",
                   "mataron", "matando", r"matad[oa]s?", r"asesinad[oa]s?", "asesinaron",
                   "perdieron la vida", "perdió la vida", "cadáveres", r"sucumbi\w*"),
        "injured": (r"herid\w*", r"lesionad\w*", "lesiones", r"hiri(?:ó|eron|endo)",
                    r"hier(?:e|en)"),
        "other": (r"desaparec\w*", r"secuestr\w*", r"detenid\w*", r"detuv\w*", r"arrest\w*",
                  r"captur\w*", r"desplaz\w*", r"rescat\w*", r"evacu\w*", r"liberad\w*",
                  "liberaron", r"sobreviv\w*", r"rapt\w*", "huyeron"),
        "event": (r"asesin\w*", r"víctimas?", "bajas", r"masacre\w*", r"cadáver\w*",
                  r"tiroteo\w*", r"balacera\w*", r"acribill\w*"),
        "total": (r"matad[oa]s?", "matan", "matar", r"cobrad[oa] la vida",
                  r"costad[oa] la vida"),
    },
    "fr": {
        "killed": (r"tué\w*", "tuant", "tuer", "morts", "mortes", "mort", "morte",
                   r"décédé\w*", "décès", r"(?:ont|a) péri", "sont péri", "périrent",
                   r"abattu\w*", r"assassiné\w*", r"cadavres?", r"succomb\w*"),
        "injured": (r"blessé\w*", r"blessure\w*"),
        "other": (r"disparu\w*", r"enlevé\w*", r"kidnappé\w*", r"arrêté\w*", r"interpellé\w*",
                  r"détenu\w*", r"déplacé\w*", r"secouru\w*", r"évacué\w*", r"libéré\w*",
                  "survécu", r"rescapé\w*", "pris en otage", r"captur\w*"),
        "event": ("la mort", r"mortel\w*", r"décéd\w*", "victimes", r"massacre\w*",
                  r"fusillade\w*", r"assassinats?", "bilan", "pertes humaines"),
        "total": ("coûté la vie",),
    },
    "de": {
        "killed": (r"getötet\w*", r"tötete\w*", "(?-i:Tote[nr]?)", "Todesopfer", "starb(?:en|st|t)?",
                   "gestorben", "ums Leben", r"ermordet\w*", r"erschossen\w*",
                   "umgekommen", "Leichen?", r"massakriert\w*", r"hingerichtet\w*",
                   "erlag(?:en)?", "erlegen"),
        "injured": (r"verletzt\w*", r"verwundet\w*"),
        "other": (r"vermisst\w*", r"entführt\w*", r"verschleppt\w*", "festgenommen",
                  r"verhaftet\w*", r"gefangen\w*", r"vertrieben\w*", r"gerettet\w*",
                  r"evakuiert\w*", r"befreit\w*", r"überlebt\w*", "geflohen", "flüchteten"),
        "event": (r"Todes\w*", r"Opfer\w*", r"Leiche\w*", r"Massaker\w*", "Morde?s?",
                  r"Schießerei\w*", r"Schiesserei\w*"),
        "total": (r"\w*getötet", "das Leben gekostet"),
    },
    "ru": {
        "killed": (r"убит\w*", r"убил\w*", r"убив\w*", r"погиб\w*", r"гибел\w*", r"смерт\w*",
                   r"умер\w*", r"скончал\w*", r"застрел\w*", r"расстреля\w*", r"казнен\w*",
                   r"казнил\w*", "тел", "трупов", "трупы"),
        "injured": (r"ранен\w*", r"ранил\w*", r"пострада\w*", r"травм\w*"),
        "other": (r"пропал\w*", r"пропавш\w*", r"похищ\w*", r"похитил\w*", r"задержан\w*",
                  r"задержал\w*", r"арестова\w*", r"эвакуирова\w*", r"спасен\w*", r"спасл\w*",
                  r"освобожд\w*", r"бежал\w*", r"переселен\w*", r"выжил\w*"),
        "event": (r"убийств\w*", r"жертв\w*", r"труп\w*", "тела", r"расстрел\w*", r"резн\w*",
                  r"бойн\w*"),
        "total": (r"унес\w*", r"унёс\w*", r"жизн(?:и|ей)"),
    },
    "pt": {
        "killed": ("mort[oa]s?", "mortes?", r"morre\w*", r"morri\w*", "morreu", "matou",
                   "mataram", "matando", r"matad[oa]s?", r"assassinad\w*", r"falec\w*",
                   "óbitos?", "perderam a vida", "cadáveres", r"sucumb\w*"),
        "injured": (r"ferid\w*", r"lesionad\w*"),
        "other": (r"desaparecid\w*", r"sequestrad\w*", r"raptad\w*", r"detid\w*",
                  r"capturad\w*", r"deslocad\w*", r"desalojad\w*", r"resgatad\w*",
                  r"evacuad\w*", r"libertad\w*", r"sobreviv\w*"),
        "total": (r"matad[oa]s?", "matou", "mataram"),
    },
    "nl": {
        "killed": ("gedood", "doodden", "doodde", "dood", "doden", "omgekomen", "kwamen om",
                   "kwam om", "om het leven", "stierven", "stierf", "gestorven",
                   r"vermoord\w*", "doodgeschoten", "lijken", "sneuvelden", "gesneuveld",
                   "bezweken", "bezweek"),
        "injured": (r"gewond\w*", r"verwond\w*"),
        "other": (r"vermist\w*", r"ontvoerd\w*", "gearresteerd", "opgepakt", "aangehouden",
                  r"gevangen\w*", r"ontheemd\w*", "gered", "geëvacueerd", r"bevrijd\w*",
                  r"overleefd\w*", "gevlucht"),
    },
    "it": {
        "killed": (r"uccis\w*", r"uccid\w*", r"mort[ieoa]", "morirono", r"mortal\w*",
                   r"decedut\w*", r"decess\w*", "perso la vita", "cadaveri", r"soccomb\w*"),
        "injured": (r"ferit\w*", r"feriment\w*"),
        "other": (r"dispers\w*", r"scompars\w*", r"rapit\w*", r"sequestrat\w*",
                  r"arrestat\w*", r"fermat\w*", r"detenut\w*", r"sfollat\w*", r"evacuat\w*",
                  r"salvat\w*", r"liberat\w*", r"sopravvissut\w*"),
        "total": (r"uccis[oiea]", "ucciso"),
    },
    "zh": {
        "killed": ("死亡", "丧生", "遇难", "身亡", "罹难", "打死", "杀害", "杀死", "炸死", "遇害",
                   "丧命", "殒命", "死者", "尸体", "牺牲", "死难", "失去生命", "去世", "致死",
                   "身故"),
        "injured": ("受伤", "负伤", "伤者"),
        "event": ("死伤", "伤亡", "屠杀", "枪击", "夺走"),
    },
    "ar": {
        "total": ("أودى", "أودت", "بحياة"),
    },
}  # fmt: skip

#: The languages whose words screen a text for harm (the lexical gate and the casualty
#: rules). A language the gate has no words for is not screened (no gate where none
#: fits: :func:`extractor.text.cues.patterns_for`), and the casualty rules read English
#: and digits there; giving Portuguese, Dutch or Italian words to the gate would start
#: screening texts the committed runs read unscreened, so they stay the strict score's.
CUE_LANGUAGES: tuple[str, ...] = ("en", "es", "fr", "de", "ru", "zh")
#: The languages the strict score reads a count's outcome in: those it has clause
#: words for (``extractor.evaluation.stating._CLAUSE_OPENERS``).
OUTCOME_LANGUAGES: tuple[str, ...] = ("en", "es", "fr", "de", "ru", "pt", "nl", "it")

#: Per language, the killed and injured words the gate does not open on, though they
#: name a count's outcome in a clause that already tells harm. English is read in every
#: language, and "die" is the German article; "hurt", "executed" (an order, a contract),
#: "fatal" and a Spanish "lesiones" or "hiere" are common outside any harm; the other
#: forms here ("succumbed", "казнен", "erlagen") came to the strict score from articles
#: its counts were read in, and the gate was not widened with them: the committed runs
#: were screened without them.
NOT_CUES: dict[str, frozenset[str]] = {
    "en": frozenset({"dies", "die", r"perish\w*", r"fatal\w*", "executed", "beheaded",
                     "corpses", r"succumb\w*", "hurt", "maimed", r"hospitali[sz]ed"}),
    "es": frozenset({r"matad[oa]s?", r"sucumbi\w*", "lesiones", r"hiri(?:ó|eron|endo)",
                     r"hier(?:e|en)"}),
    "fr": frozenset({"mort", "morte", "sont péri", r"succomb\w*"}),
    "de": frozenset({r"massakriert\w*", r"hingerichtet\w*", "erlag(?:en)?", "erlegen"}),
    "ru": frozenset({r"казнен\w*", r"казнил\w*", "тел", r"травм\w*"}),
}  # fmt: skip


def words_of(language: str, *fields: HarmField) -> list[str]:
    """The words of ``fields`` in ``language``, in the table's order, each once."""
    table = HARM_WORDS.get(language, {})
    return list(dict.fromkeys(word for field in fields for word in table.get(field, ())))


def cue_words(language: str) -> list[str]:
    """The words that tell a clause in ``language`` tells harm: killed, injured and
    event words, less :data:`NOT_CUES` (the gate's and the casualty rules' view)."""
    left_out = NOT_CUES.get(language, frozenset())
    return [w for w in words_of(language, "killed", "injured", "event") if w not in left_out]


def fold_word(word: str) -> str:
    """``word`` (a regex fragment) as the strict score's fold reads text: no accents,
    case folded ("Tote[nr]?" is "tote[nr]?")."""
    return normalise_text(word, accents=False)


def outcome_words(language: str) -> dict[str, str]:
    """Per field of outcome, folded, one alternation of ``language``'s words (the strict
    score's view): what a count's own word says befell the counted."""
    return {
        field: "|".join(dict.fromkeys(fold_word(w) for w in words_of(language, field)))
        for field in OUTCOME_FIELDS
        if words_of(language, field)
    }


def total_words(language: str) -> list[str]:
    """The verbs of a running total in ``language`` (the dating of a total's view)."""
    return words_of(language, "total")


#: The languages with verbs of a running total.
TOTAL_LANGUAGES: tuple[str, ...] = tuple(
    language for language, fields in HARM_WORDS.items() if "total" in fields
)


#: :func:`cue_words` as a pattern per language (each compiled on first use): the lexical
#: gate's words of harm, which the casualty rules and the drafting of an event's clause
#: both read. One table, so each language's pattern is compiled once.
HARM_CUES: LazyPatterns = cue_patterns(
    {language: cue_words(language) for language in CUE_LANGUAGES if language != "en"},
    english=cue_pattern(cue_words("en")),
)
