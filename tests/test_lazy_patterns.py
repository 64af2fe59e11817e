"""Per-language pattern tables built on first use (:class:`extractor.text.cues.LazyPatterns`).

Invariants: a lazy table reads exactly as the eager dict it replaced (same keys,
same order, same pattern for each language); asking which languages it has builds
nothing; and every pattern of every table in the package compiles, so a typo in a
language's words fails here, not on the first article in that language.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import subprocess
import sys
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

import extractor
from extractor.text.cues import LazyPatterns, cue_pattern, cue_patterns

#: Languages whose patterns take each of :func:`cue_pattern`'s branches: spaced, unspaced
#: (Han), any language, an Indic script, Arabic with its joined clitics.
LANGUAGES = ["en", "es", "ru", "zh", "ja", "*", "hi", "ar", "fa", "de"]
WORDS = st.lists(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=8).map(
        re.escape
    ),
    min_size=1,
    max_size=4,
)
TABLES = st.dictionaries(st.sampled_from(LANGUAGES), WORDS, max_size=6)


@given(TABLES, st.booleans())
def test_a_lazy_table_reads_as_the_eager_dict(words: dict[str, list[str]], english: bool) -> None:
    """Keys, their order and every pattern are those of ``{"en": E, **{l: cue_pattern(..)}}``."""
    made = cue_pattern(["made"]) if english else None
    eager = {**({"en": made} if made is not None else {})}
    eager.update({language: cue_pattern(each, language) for language, each in words.items()})
    lazy = cue_patterns(words, english=made)
    assert list(lazy) == list(eager)
    assert len(lazy) == len(eager)
    for language, pattern in eager.items():
        assert language in lazy
        assert (lazy[language].pattern, lazy[language].flags) == (pattern.pattern, pattern.flags)
        assert lazy[language] is lazy[language]  # built once
    assert "xx" not in lazy and lazy.get("xx") is None
    with pytest.raises(KeyError):
        lazy["xx"]


@given(st.lists(st.sampled_from(LANGUAGES), unique=True), st.lists(st.sampled_from(LANGUAGES)))
def test_asking_which_languages_builds_nothing(languages: list[str], asked: list[str]) -> None:
    """``in``, iteration and ``len`` build no pattern; ``[]`` builds that language's only."""
    built: list[str] = []

    def build(language: str) -> re.Pattern[str]:
        built.append(language)
        return re.compile(re.escape(language))

    table = LazyPatterns(languages, build)
    assert [language in table for language in asked] == [lang in languages for lang in asked]
    assert list(table) == languages and len(table) == len(languages)
    assert built == []
    for language in asked:
        if language in table:
            assert table[language].pattern == re.escape(language)
    assert built == list(dict.fromkeys(lang for lang in asked if lang in languages))


def _tables() -> Iterator[tuple[str, LazyPatterns]]:
    """Every lazy table a module of the package holds, by its dotted name."""
    for module in pkgutil.walk_packages(extractor.__path__, "extractor."):
        if module.name.endswith("__main__") or module.name.startswith(
            ("extractor.integrations", "extractor.bulk.carriers")
        ):
            continue  # runs the CLI; optional extras (Ray, provider SDKs) hold no tables
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            if isinstance(value, LazyPatterns) and getattr(loaded, name) is value:
                yield f"{module.name}.{name}", value


def test_every_language_of_every_table_compiles() -> None:
    tables = dict(_tables())
    assert len(tables) > 40, sorted(tables)  # the package's tables were found
    for name, table in tables.items():
        for language in table:
            assert isinstance(table[language], re.Pattern), (name, language)
    from extractor.types.arms_transfer import _de_moves_no_goods

    assert _de_moves_no_goods().search("Deutschland hat Gelder an Polen übergeben")


def test_importing_the_cli_builds_no_arabic_toll_pattern() -> None:
    """The point of the laziness: a process that reads no Arabic builds no Arabic table
    (the largest patterns) by importing the package."""
    code = (
        "import extractor.cli\n"
        "from extractor.types.casualty_report import _RAISED_TOLL, _TOTAL_HARM\n"
        "print(sorted(set(_RAISED_TOLL._made) | set(_TOTAL_HARM._made)))\n"
    )
    built = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    assert "'ar'" not in built, built
