"""Cleaning's quick test for bold artefacts must never turn away a line that undoubling would change."""
from __future__ import annotations

import sys

from hypothesis import given
from hypothesis import strategies as st

from tests.test_fuzz import CHARS, FUZZ

clean_module = sys.modules["loaders.clean"]  # (the package exports the function under the module's name)


def test_blanks_are_every_character_python_calls_a_space() -> None:
    assert clean_module._BLANKS == {chr(c) for c in range(0x110000) if chr(c).isspace()}


@st.composite
def partly_doubled_lines(draw: st.DrawFn) -> str:
    """A line of chunks, each printed twice with a drawn probability (near and around the artefact threshold)."""
    chunks = draw(st.lists(st.text(CHARS, min_size=1, max_size=6), min_size=1, max_size=12))
    share = draw(st.sampled_from([0.5, 0.75, 0.8, 0.85, 0.9, 1.0]))
    doubled = draw(st.lists(st.floats(0, 1), min_size=len(chunks), max_size=len(chunks)))
    return "".join(c * 2 if p < share else c for c, p in zip(chunks, doubled))


def _undouble_in_full(line: str) -> list[int]:
    """Undoubling with the quick test switched off (it then reads every line to the end of its budget)."""
    quick = clean_module._may_be_doubled
    clean_module._may_be_doubled = lambda _line: True
    try:
        return clean_module._undouble(line, list(range(len(line))))
    finally:
        clean_module._may_be_doubled = quick


@FUZZ
@given(partly_doubled_lines())
def test_a_line_undoubling_would_change_passes_the_quick_test(line: str) -> None:
    if _undouble_in_full(line) != list(range(len(line))):
        assert clean_module._may_be_doubled(line)


def test_bold_artefact_lines_pass_the_quick_test_and_prose_does_not() -> None:
    assert clean_module._may_be_doubled("高新区塔吊林立高新区塔吊林立，，")
    assert not clean_module._may_be_doubled("郑州高新区塔吊林立，项目建设热火朝天。")
    assert not clean_module._may_be_doubled("   ")
