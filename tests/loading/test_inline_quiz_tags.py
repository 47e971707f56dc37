"""A quiz tag inside running text is refused however it is spelled.

``find_quiz_blocks`` skips its inline parse when no text can hold a tag; these are the spellings
that reach markdown-it's text without ``<quiz>`` in the source, so the skip must not miss them.
"""

from __future__ import annotations

import pytest

from course.loading.markdown_scan import find_quiz_blocks

INLINE = "write '<quiz>' and '</quiz>' each on a line of its own"


@pytest.mark.parametrize("text", [
    "Tekst <quiz> midt i",
    "Tekst </quiz> midt i",
    "en entitet &lt;quiz&gt; her",
    "en tal-entitet &#60;quiz> her",
    r"et escape \<quiz> her",
    r"et escape <\/quiz> her",
    "en adresse <https://eksempel.dk/%3Cquiz%3E>",
    "en adresse <https://eksempel.dk/%3c/quiz%3e>",
])
def test_an_inline_tag_is_refused_on_its_line(text: str) -> None:
    _, problems, _ = find_quiz_blocks(f"Første linje.\n\n{text}\n", 10)
    assert problems == [(12, INLINE)]


@pytest.mark.parametrize("text", ["Almindelig tekst om quiz.", "Kode: `<quiz>`", "A & B, 30 %"])
def test_text_without_an_inline_tag_passes(text: str) -> None:
    _, problems, _ = find_quiz_blocks(f"{text}\n", 1)
    assert problems == []


def test_a_quiz_on_lines_of_its_own_is_a_block_not_a_problem() -> None:
    blocks, problems, blanked = find_quiz_blocks("<quiz>\nQ?\n- [x] a\n- [ ] b\n</quiz>\n", 5)
    assert [b.line for b in blocks] == [5] and problems == []
    assert "<quiz>" not in blanked


QUIZ = "<quiz>\nQ?\n- [x] a\n- [ ] b\n</quiz>"


@pytest.mark.parametrize("body", [
    f"```\n{QUIZ}\n```",  # fenced
    "- punkt\n\n  ~~~\n" + "\n".join("  " + line for line in QUIZ.split("\n")) + "\n  ~~~",  # fenced in a list
    "\n".join("\t" + line for line in QUIZ.split("\n")),  # a tab makes it indented code
])
def test_a_quiz_in_code_is_text_not_a_block(body: str) -> None:
    blocks, problems, _ = find_quiz_blocks(f"Tekst.\n\n{body}\n", 1)
    assert blocks == [] and problems == []


def test_a_quiz_beside_indented_text_is_still_a_block() -> None:
    body = f'!!! note "Sådan kan det lyde"\n    Jeg spørger alle.\n\n{QUIZ}\n'  # four spaces, yet no code at the margin
    blocks, problems, _ = find_quiz_blocks(body, 1)
    assert [b.line for b in blocks] == [4] and problems == []
