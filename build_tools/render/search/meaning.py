"""What a text says happened to the order: the query understanding step of search.

`meaning` reads a text with the vocabulary of lexicon.py: which concepts it says happened or
did not (还没寄出来 = shipped-, 收到是坏的 = received+ faulty+), an amount of time and how it
compares (收货一个多月 = more than 30 days, 还在 7 天内 = less than 7; 还在七天内吗 asks which side,
and says neither), and whether it asks when or how long (多久, how long). What was only promised
says the reverse (说好48小时发货: not shipped), what was claimed or feared is not read (说是我弄坏的,
怎么避免买到假货), 是不是 / 有没有 ask and say neither way, and with a sign of a scam what the caller
said happened is not read. The browser reads queries with the same steps
(docs/overrides/assets/search-text.js); tests/search/vectors.json holds texts and their meaning,
and both sides are run on it.

`page_meanings` gives each page what the tree says of it, read the same way: for every way to
the page from the home page, the answers given on the way (label and hint: the status the
reader chose, then "还没收到", "已经超过 7 天"…) and then the page's own title, later texts
overriding earlier ones. The tree needs no field for "which status is this page in" or "which
page is within seven days": its answers already say so. A page answers "how long" when its
title, its lead or an answer on the way to it asks or says when (到账时间, 想知道钱什么时候到账).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from build_tools.derive.derive import Derived, Step
from build_tools.tree.model import Answer, Node
from build_tools.render.search.lexicon import (ALONE, AGO, ASKS, BEFORE, CLAIM_REACH, CLAIMS, DURATION,
                                               FEARS, LESS, MORE, NEGATION_REACH, NEGATORS,
                                               NUMBERS, PROMISES, QUESTION_ENDS, TOPICS, TURNS,
                                               UNITS, WHETHER, vocabulary)


@dataclass(frozen=True)
class Meaning:
    facts: dict[str, bool] = field(default_factory=dict)  # concept -> it happened or not
    days: float | None = None  # an amount of time named, in days
    than: str = ""  # "more" or "less" than `days`, or "" (just that long)
    asks: bool = False  # asks when or how long

    def as_json(self) -> dict:
        found: dict = {"facts": dict(sorted(self.facts.items())), "asks": self.asks}
        if self.days is not None:
            found.update(days=self.days, than=self.than)
        return found


@dataclass(frozen=True)
class _Item:
    kind: str  # facts, negator, before, promise, claim, turn, whether, asks, ago, duration
    start: int  # in characters (zh) or words (en)
    end: int
    value: object = None


def meaning(normalized: str, lang: str) -> Meaning:
    """What a text says, from its normalized form (index.normalize)."""
    items = _items(normalized, lang)
    facts: dict[str, bool] = {}
    conflicted: set[str] = set()
    days, than, asks = None, "", False
    negated_at: int | None = None  # where the last negator ended, until a word uses it
    last: tuple[_Item, bool] | None = None  # the last concept word, and whether it was negated
    claimed_until = -1  # where the words someone promised or claimed end (说好…发货)
    promised = False  # whether those words were a promise: what it names did not happen
    asked_at: int | None = None  # where the last 是不是 / 有没有 ended, until a word uses it

    def say(item: _Item, flip: bool) -> None:
        for fact in str(item.value).split():
            concept, happened = fact[:-1], (fact[-1] == "+") != flip
            if concept in conflicted:
                continue
            if facts.get(concept, happened) != happened:  # one text says both: it says neither
                conflicted.add(concept)
                del facts[concept]
            else:
                facts[concept] = happened

    for item in items:
        if item.kind == "turn":  # 说是正品结果是高仿: what follows is what happened
            claimed_until = -1
        elif item.start < claimed_until and item.kind != "asks":
            if promised and item.kind == "facts":
                say(item, True)
        elif item.kind in ("promise", "claim"):
            claimed_until = _clause_end(normalized, lang, item.end)
            promised = item.kind == "promise"
        elif item.kind == "negator":
            negated_at = item.end
        elif item.kind == "whether":
            asked_at = item.end
        elif item.kind == "facts":
            flip = negated_at is not None and _within_reach(normalized, lang, negated_at, item.start)
            whether = asked_at is not None and _within_reach(normalized, lang, asked_at, item.start)
            negated_at = asked_at = None
            if whether:  # 是不是骗子: asked, neither said nor denied
                last = None
                continue
            say(item, flip)
            last = (item, flip)
        elif item.kind == "before":
            if last is not None and last[0].end == item.start and not last[1]:
                for fact in str(last[0].value).split():  # 发货前: not shipped after all
                    facts.pop(fact[:-1], None)
                say(last[0], True)
            last = None
        elif item.kind == "asks":
            asks = True
        elif days is None:  # the first amount of time named counts
            days, than = item.value  # type: ignore[misc]
            if _asks_side(normalized, lang, item, asked_at):
                than = ""  # 还在七天内吗: which side is asked, not said
            asked_at = None
    if alone := {c: True for c in ALONE if facts.get(c)}:  # a scam's story is the bait
        facts = alone
    return Meaning(facts, days, than, asks)


def _asks_side(normalized: str, lang: str, item: _Item, asked_at: int | None) -> bool:
    """Whether the text asks which side of an amount of time it is on (还在七天内吗, is it still
    within 7 days) rather than saying it: 吗 right after it, or 是不是 / 'is it' before it (过了七天
    还能退吗 and 超过七天怎么办 say the side and ask something else)."""
    if asked_at is not None and _within_reach(normalized, lang, asked_at, item.start):
        return True
    return lang == "zh" and normalized[item.end:].startswith(QUESTION_ENDS)


def _clause_end(normalized: str, lang: str, start: int) -> int:
    """Where the clause that goes on at `start` ends: the next space in Chinese, CLAIM_REACH
    words on in English."""
    if lang == "en":
        return start + CLAIM_REACH
    end = normalized.find(" ", start)
    return len(normalized) if end < 0 else end


def _within_reach(normalized: str, lang: str, marker_end: int, word_start: int) -> bool:
    """Whether a negator or 是不是 ending at `marker_end` reaches the word at `word_start`."""
    if lang == "en":
        return word_start - marker_end <= NEGATION_REACH[lang]
    between = normalized[marker_end:word_start]
    return len(between) <= NEGATION_REACH[lang] and " " not in between  # one clause


def _items(normalized: str, lang: str) -> list[_Item]:
    """The text's known words and amounts of time, left to right, the longest at each place
    (but for a negator that runs into a word holding its own negator: 还没动静)."""
    words = _words(lang)
    duration = _duration(lang)
    found: list[_Item] = []
    if lang == "en":
        tokens = normalized.split(" ") if normalized else []
        k, offset = 0, 0  # offset: where token k starts in the text
        while k < len(tokens):
            size, kind, value = 0, "", None
            for n in range(min(len(tokens) - k, 5), 0, -1):  # phrases of up to five words
                if (phrase := " ".join(tokens[k:k + n])) in words:
                    size, (kind, value) = n, words[phrase]
                    break
            m = duration.match(normalized, offset)
            if m and m.end() >= offset + len(" ".join(tokens[k:k + size])):
                size = len(normalized[offset:m.end()].split(" "))
                kind, value = "duration", _amount(m, lang)
            if size:
                found.append(_Item(kind, k, k + size, value))
            for token in tokens[k:k + (size or 1)]:
                offset += len(token) + 1
            k += size or 1
        return found
    def longest(at: int) -> str:
        return next((normalized[at:at + n] for n in range(min(len(normalized) - at, 6), 0, -1)
                     if normalized[at:at + n] in words), "")

    i = 0
    while i < len(normalized):
        word = longest(i)
        if word and words[word][0] == "negator":
            # 还没 then 没动静: a word that begins with this negator's own last negator and goes
            # on past it is read whole, so that no list needs 还没动静 beside 没动静 (没有洞 stays
            # 没有 + 有洞: 有 is no negator).
            i, word = next(((j, inner) for j in range(i + 1, i + len(word))
                            if words.get(normalized[j:i + len(word)], ("",))[0] == "negator"
                            and j + len(inner := longest(j)) > i + len(word)), (i, word))
        m = duration.match(normalized, i)
        if m and m.end() - i >= len(word):
            found.append(_Item("duration", i, m.end(), _amount(m, lang)))
            i = m.end()
        elif word:
            kind, value = words[word]
            found.append(_Item(kind, i, i + len(word), value))
            i += len(word)
        else:
            i += 1
    return found


def _amount(m: re.Match[str], lang: str) -> tuple[float, str]:
    """(days, "more" | "less" | "") of a matched amount of time."""
    before, number, more, unit, after = m.groups()
    count = _number(number, lang)
    than = next((s for s in (before, after) if s in MORE or s in LESS), None)
    if than is not None:
        comparison = "more" if than in MORE else "less"
    else:
        comparison = "more" if more else ""
    return count * UNITS[unit], comparison


def _number(text: str, lang: str) -> float:
    if text.isdigit():
        return int(text)
    if lang == "zh" and "十" in text:
        tens, _, ones = text.partition("十")
        return (NUMBERS.get(tens[:1], 1) if tens else 1) * 10 + (NUMBERS.get(ones[:1], 0) if ones else 0)
    return NUMBERS[text if lang == "en" else text[:1]]


@cache
def _words(lang: str) -> dict[str, tuple[str, object]]:
    """Every known word -> (kind, value)."""
    known: dict[str, tuple[str, object]] = {w: ("facts", f) for w, f in vocabulary(lang)["words"].items()}
    known.update({w: ("negator", None) for w in NEGATORS[lang]})
    known.update({w: ("before", None) for w in BEFORE[lang]})
    known.update({w: ("promise", None) for w in PROMISES[lang]})
    known.update({w: ("claim", None) for w in (*CLAIMS[lang], *FEARS[lang])})
    known.update({w: ("turn", None) for w in TURNS[lang]})
    known.update({w: ("whether", None) for w in WHETHER[lang]})
    known.update({w: ("asks", None) for w in ASKS[lang]})
    known.update({w: ("ago", (float(d), "")) for w, d in AGO[lang].items()})
    return known


@cache
def _duration(lang: str) -> re.Pattern[str]:
    return re.compile(DURATION[lang], re.ASCII if lang == "en" else 0)


# --- what the tree says of each page ------------------------------------------------------

def page_meanings(derived: Derived, node_id: str, lang: str,
                  read: Callable[[str], Meaning]) -> tuple[list[Meaning], bool]:
    """The page's meaning along each way to it (at least one: its title alone), and whether it
    answers "how long"."""
    node = derived.tree.nodes[node_id]
    title = read(node.title[lang])
    ways = [_steering(combine([read(answer_text(step, lang)) for step in trail.steps] + [title]))
            for trail in derived.trails.get(node_id, ())] or [_steering(title)]
    lead = getattr(node, "summary", None) or getattr(node, "intro", None)
    timing = any(way.asks for way in ways) or (lead is not None and read(lead[lang]).asks)
    return ways, timing


def decided_bound(node: Node, lang: str, read: Callable[[str], Meaning]) -> float | None:
    """The amount of time a question's answers fall either side of (还在 7 天内 / 已经超过 7 天):
    the page that tells a reader near it which side they are on."""
    bounds = {m.days for a in getattr(node, "answers", ()) if (m := read(label_text(a, lang))).than}
    return bounds.pop() if len(bounds) == 1 else None


def _steering(said: Meaning) -> Meaning:
    """Without the topics, which weigh no page."""
    return Meaning({c: v for c, v in said.facts.items() if c not in TOPICS}, said.days, said.than,
                   said.asks)


def answer_text(step: Step, lang: str) -> str:
    """The answer given on a step, as the reader sees it."""
    return label_text(step.answer, lang)


def label_text(answer: Answer, lang: str) -> str:
    """An answer as the reader sees it: its label and its hint."""
    hint = answer.hint[lang] if answer.hint else ""
    return f"{answer.label[lang]} {hint}"


def combine(said: list[Meaning]) -> Meaning:
    """Texts read in order, later ones overriding earlier ones: the answers on a way to a page
    narrow what the status said (待收货, then 收到了)."""
    facts: dict[str, bool] = {}
    days, than, asks = None, "", False
    for m in said:
        facts.update(m.facts)
        if m.days is not None and m.than:
            days, than = m.days, m.than
        asks = asks or m.asks
    return Meaning(facts, days, than, asks)
