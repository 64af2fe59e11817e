"""Round 65: in Arabic a spokesman is a source, and a verb before its subject is its deed.

- "قال المتحدث باسم الجيش إن مسلحين قتلوا 12": the body a spokesman speaks for speaks; the
  doer is who the reported clause names ("المتحدث باسم الجيش إن قواته قتلت" claims the
  deed as the army's own).
- "قتل الجيش 12 مدنيا، قالت الحكومة": a verb of harm right before the name, its count right
  after, is the name's deed (verb-subject-object); the government in the next clause is
  the source.

Each sentence is written for this test and generated over names, counts and templates.
"""

from __future__ import annotations

from tests.test_round64_casroles import _cases, _check

_DOERS = ["الجيش", "الشرطة", "قوات الأمن", "الميليشيا"]
_SOURCES = ["الحكومة", "وزارة الداخلية", "الأمم المتحدة", "المرصد"]
_COUNTS = ["12", "37"]
_VERB_FIRST = [
    "قتل {D} {N} مدنيا، قالت {S}.",
    "قتلت {D} {N} شخصا في القرية، حسبما قالت {S}.",
    "قتل {D} {N} مسلحا يوم الأربعاء، وفق ما ذكرت {S}.",
]
_SPOKESMAN = [
    "قال المتحدث باسم {S} إن مسلحين قتلوا {N} مدنيا.",
    "قال متحدث باسم {S} إن {D} قتل {N} شخصا.",
    "وأكد الناطق باسم {S} أن مجهولين قتلوا {N} مدنيا في القرية.",
]
_OWN_SPOKESMAN = [
    "قال المتحدث باسم {D} إن قواته قتلت {N} مسلحا.",
    "وقال الناطق باسم {D} إنه قتل {N} مسلحا.",
]


def _corpus_arabic() -> list[tuple[str, str, str, bool]]:
    """(language, name, text, doer) over every template and filler."""
    fillers = {"D": _DOERS, "S": _SOURCES, "N": _COUNTS}
    cases = _cases(_VERB_FIRST, fillers, "D", doer=True)
    cases += _cases(_VERB_FIRST, fillers, "S", doer=False)
    cases += _cases(_SPOKESMAN, fillers, "S", doer=False)
    cases += _cases(_SPOKESMAN[1:2], fillers, "D", doer=True)
    cases += _cases(_OWN_SPOKESMAN, {"D": _DOERS, "N": _COUNTS}, "D", doer=True)
    return [("ar", name, text, doer) for name, text, doer in cases]


def test_a_verb_first_harm_is_its_subjects_and_a_spokesman_speaks() -> None:
    _check("ar", [(name, text, doer) for _, name, text, doer in _corpus_arabic()])
