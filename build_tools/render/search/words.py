"""Words of our domain dictionary in a run of Chinese characters and digits (仅退款, 7天无理由…).

This is jieba's dictionary cut, without its HMM for unknown words: every dictionary word that
starts at each character forms a graph, and the cut is the route through it whose words are the
most probable (a word's probability is its count in the dictionary over the total; a character
that is no word counts 1). As in jieba, digits left over between words stay together (订单12345
cuts 订/单/12345), and digits inside a dictionary word stay in it (7天无理由, 12315). jieba 0.42.1
did this for us until its import and start-up cost a tenth of a second on every build, for a
dictionary of 36 words.

The browser cuts queries with the same steps (docs/overrides/assets/search-text.js, which gets
the dictionary inside the index); tests/search/vectors.json holds texts and their terms, and
both cuts are run on it (tests/unit/test_words.py, tests/browser/test_search_engine.py).

The dictionary, decision_tree/search_userdict.txt, has one `word count [tag]` per line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path

from build_tools.settings import USER_DICTIONARY


@dataclass(frozen=True)
class Dictionary:
    counts: dict[str, int]  # every word, and every beginning of a word (count 0)
    log_total: float

    @cached_property
    def weights(self) -> dict[str, float]:
        """Each word's log probability, as the cut adds them up: the browser gets these very
        numbers (in the index), so both sides add the same floats in the same order and meet
        the same ties."""
        return {w: math.log(c) - self.log_total for w, c in sorted(self.counts.items()) if c}


@cache
def dictionary(path: Path = USER_DICTIONARY) -> Dictionary:
    counts: dict[str, int] = {}
    total = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        word, count = line.split()[:2]
        counts[word] = int(count)
        total += int(count)
        for end in range(1, len(word)):
            counts.setdefault(word[:end], 0)
    return Dictionary(counts, math.log(total))


def cut(run: str, words: Dictionary | None = None) -> list[str]:
    """The run cut into dictionary words, digit groups and single characters, in order."""
    words = words or dictionary()
    size = len(run)
    weights, unknown = words.weights, -words.log_total  # a character that is no word counts 1
    best: list[tuple[float, int]] = [(0.0, 0)] * (size + 1)  # from each position: score, word end
    for start in range(size - 1, -1, -1):
        best[start] = max((weights.get(run[start:end + 1], unknown) + best[end + 1][0], end)
                          for end in _word_ends(run, start, words))
    pieces: list[str] = []
    start = 0
    while start < size:
        end = best[start][1] + 1
        piece = run[start:end]
        if pieces and _loose_digits(piece, words) and _loose_digits(pieces[-1], words):
            pieces[-1] += piece  # digits that are no word: one number, as jieba keeps them
        else:
            pieces.append(piece)
        start = end
    return pieces


def inner_words(piece: str, words: Dictionary | None = None) -> list[str]:
    """The dictionary words inside a longer piece, shorter ones first, then left to right
    (未发货仅退款 holds 仅退款 and 退款), as jieba's cut for search adds them: a query that names
    the part still meets the whole."""
    words = words or dictionary()
    return [piece[i:i + n] for n in range(2, len(piece)) for i in range(len(piece) - n + 1)
            if words.counts.get(piece[i:i + n])]


def _loose_digits(piece: str, words: Dictionary) -> bool:
    return piece.isascii() and piece.isdigit() and not words.counts.get(piece)


def _word_ends(run: str, start: int, words: Dictionary) -> list[int]:
    """Where the dictionary words that begin at `start` end; the character alone if none does."""
    ends, end = [], start
    while end < len(run) and run[start:end + 1] in words.counts:
        if words.counts[run[start:end + 1]]:
            ends.append(end)
        end += 1
    return ends or [start]
