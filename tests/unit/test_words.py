"""The dictionary cut that finds the shop's words in Chinese text (build_tools/render/search/words.py)."""

from __future__ import annotations

from pathlib import Path

from build_tools.render.search.words import Dictionary, cut, dictionary


def _dictionary(tmp_path: Path, lines: str) -> Dictionary:
    path = tmp_path / "words.txt"
    path.write_text(lines, encoding="utf-8")
    return dictionary(path)


def test_the_shops_words_stand_whole_in_running_text() -> None:
    assert cut("我想申请仅退款可以吗") == ["我", "想", "申", "请", "仅退款", "可", "以", "吗"]
    assert "七天无理由" in cut("支持七天无理由退货")


def test_the_most_probable_cut_wins_over_the_longest_first_word(tmp_path: Path) -> None:
    words = _dictionary(tmp_path, "申请 100 v\n申 1000000\n请退 1000000\n")
    assert cut("申请退款", words) == ["申", "请退", "款"]  # two common words beat a rare one
    assert cut("申请", words) == ["申请"]  # a word beats two characters


def test_text_without_dictionary_words_is_single_characters() -> None:
    assert cut("你好") == ["你", "好"]
    assert cut("") == []


def test_digits_stay_in_the_words_that_hold_them_and_together_elsewhere() -> None:
    assert cut("7天无理由退货") == ["7天无理由", "退", "货"]
    assert cut("到12315投诉") == ["到", "12315", "投", "诉"]
    assert cut("订单12345号") == ["订", "单", "12345", "号"]  # no word: still one number
