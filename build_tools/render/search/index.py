"""The search index: the words shoppers type, mapped to the pages that answer them.

Chinese search must survive what people really type: no spaces, pinyin-input typos (退款多就到账),
traditional characters (退款多久到帳). So a page is indexed under several kinds of terms, and the
browser (docs/overrides/assets/search-rank.js) cuts a query into the same kinds and adds up scores:

- words of our dictionary (仅退款 and 七天无理由 stay whole, words.py): exact matches count most;
- character pairs and single characters: a typo spoils only the pairs that contain it;
- the pinyin of character pairs: a homophone typo still matches (the script hears pairs with the
  `sounds` table of the common characters, tables.py);
- English words, with a light stemmer, matched by prefix while the reader types.

Traditional characters are folded to simplified ones (OpenCC's tables, tables.py).

Beside the terms, each page carries what the tree says of it (meaning.py: the status and the
answers on each way to it, whether it answers "how long", whether it is a status's question
page) and its sentences, so that the script can weigh a query's meaning (没收到, 超过七天, 多久,
是什么意思) and show the sentence that matched; and what the phrasings taught (learned.py).

The index is built here; the script (docs/overrides/assets/search-text.js) cuts queries with
the dictionary and reads their meaning with the vocabulary the index carries. One cut: the
script and `terms` below give the same terms for every text of tests/search/vectors.json
(tests/unit/test_search_index.py, tests/browser/test_search_engine.py), and for every title and
keyword of the site (tests/browser/test_search_engine.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache, partial

from build_tools.derive.derive import Derived
from build_tools.render.text import lead, plain
from build_tools.tree.model import Outcome, Question, Tip
from build_tools.derive.paths import FLOWCHART, SOURCES, TIPS, url_of
from build_tools.render.search.lexicon import vocabulary
from build_tools.render.search.meaning import (Meaning, answer_text, decided_bound, label_text,
                                               meaning, page_meanings)
from build_tools.render.search.tables import tables
from build_tools.render.strings import strings_for
from build_tools.render.search.words import cut, dictionary, inner_words

# How much a match in each part of a page counts; words and single characters come from the
# short fields only (see `terms`).
SHORT_FIELDS = frozenset({"keywords", "title"})
# "answers" are the answers that lead to a page (label and hint): how a reader on the way there
# describes their situation (收到了，没问题，但我不想要了 leads to the seven-day return).
# "way" the answers given before those, on the ways from the home page.
FIELD_WEIGHTS = {"keywords": 8.0, "title": 5.0, "question": 3.0, "answers": 3.0, "summary": 2.0,
                 "body": 1.0, "way": 1.0, "sources": 0.5}
KIND_BOOST = {Outcome: 1.5, Question: 1.2, Tip: 1.3}
GENERAL_BOOST = 0.6
# How much each kind of term in a query counts, before rarity (idf).
PAIR, SINGLE, SOUND, WORD = 1.0, 0.25, 0.6, 1.5
STOP_WORDS = frozenset("a an and are can do does for from how i in is it my of on or the to what "
                       "when where why will with you your".split())
_HAN = "\u3400-\u9fff"
# Chinese characters with any digits among them (7天无理由), or letters and digits (12315).
_RUN = re.compile(f"[{_HAN}0-9]*[{_HAN}][{_HAN}0-9]*|[a-z0-9]+")
_UNIT = re.compile("[0-9]+|.")  # in a Chinese run: a number, or one character
_SEPARATORS = re.compile("[，。；：！？（）]")
_NUMBER_SPACE = re.compile(f"(?<=[0-9]) (?=[{_HAN}])|(?<=[{_HAN}]) (?=[0-9])")  # 7 天 is 7天
_SENTENCE_END = re.compile(r"(?<=[。！？；])|(?<=[.?!;]) (?=\S)")


@dataclass(frozen=True)
class SearchDoc:
    url: str  # relative to the language's root, as in the site
    title: str
    sentences: tuple[str, ...]  # what a result may show under its title: the lead's come first
    fields: tuple[tuple[str, str], ...]  # (field name, plain text)
    boost: float
    ways: tuple[Meaning, ...] = ()  # what the tree says of the page, along each way to it
    timing: bool = False  # it answers "how long" or "when"
    explains: bool = False  # a question page: it says what a status means, and leads on from it
    bound: float | None = None  # the days its answers fall either side of (7: within or past)


def documents(derived: Derived, lang: str) -> list[SearchDoc]:
    """One search document per node page, then the general pages (tips, flowchart, sources)."""
    docs = []
    for node in derived.tree.nodes.values():
        trails = derived.trails.get(node.id, ())
        fields = [("keywords", " ; ".join(node.search[lang])), ("title", node.title[lang]),
                  ("answers", " ; ".join(dict.fromkeys(answer_text(t.steps[-1], lang)
                                                      for t in trails if t.steps))),
                  ("way", " ; ".join(dict.fromkeys(answer_text(s, lang)
                                                  for t in trails for s in t.steps[:-1])))]
        if isinstance(node, Question):
            fields.append(("question", " ; ".join([node.question[lang]] + [
                label_text(a, lang) for a in node.answers])))
        if summary := getattr(node, "summary", None) or getattr(node, "intro", None):
            fields.append(("summary", summary[lang]))
        body = [t[lang] for name in ("steps", "evidence", "escalation", "notes", "points")
                for t in getattr(node, name, ())]
        fields.append(("body", " ; ".join(body)))
        sources = [derived.tree.sources[r.id].title[lang] for r in getattr(node, "sources", ())]
        fields.append(("sources", " ; ".join(sources)))
        reader = partial(read, lang=lang)
        ways, timing = page_meanings(derived, node.id, lang, reader)
        docs.append(SearchDoc(url_of(derived.path(node.id)), plain(node.title[lang]),
                              sentences([lead(node)[lang]] + body, lang),
                              tuple((f, plain(t)) for f, t in fields), KIND_BOOST[type(node)],
                              tuple(ways), timing, isinstance(node, Question),
                              decided_bound(node, lang, reader)))
    return docs + _general_documents(lang)


def sentences(texts: list[str], lang: str) -> tuple[str, ...]:
    """The texts' sentences as a reader sees them, each once."""
    found: dict[str, None] = {}
    for text in texts:
        for sentence in _SENTENCE_END.split(plain(text)):
            if sentence.strip(" ;；"):
                found[sentence.strip(" ;")] = None
    return tuple(found)


@lru_cache(maxsize=65536)
def read(text: str, lang: str) -> Meaning:
    """The meaning of a text of the tree (answers repeat across a large tree)."""
    return meaning(normalize(text, lang), lang)


def _general_documents(lang: str) -> list[SearchDoc]:
    """The pages that gather others; found by their own names, after the answers."""
    t = strings_for(lang)
    return [SearchDoc(url_of(path), t[title], (t[intro],), (("title", t[title]), ("summary", t[intro])),
                      GENERAL_BOOST)
            for path, title, intro in ((TIPS, "tips_title", "tips_intro"),
                                       (FLOWCHART, "flowchart", "flowchart_intro"),
                                       (SOURCES, "sources_title", "sources_intro"))]


def build_index(docs: list[SearchDoc], lang: str, learned: dict) -> dict:
    """The index the browser downloads when the reader first opens search; `learned` is what
    the phrasings taught (learned.py)."""
    postings: dict[str, list[int]] = {}
    for number, doc in enumerate(docs):
        for term, weight in _document_terms(doc, lang).items():
            posting = (number, int(weight * 10 + 0.5) or 1)
            if term in postings:
                postings[term] += posting
            else:
                postings[term] = list(posting)
    index = {"docs": [[d.url, d.title, list(d.sentences)] for d in docs],
             "meanings": [[[w.as_json() for w in d.ways], int(d.timing), int(d.explains), d.bound]
                          for d in docs],
             "terms": dict(sorted(postings.items())),
             "weights": {"pair": PAIR, "single": SINGLE, "sound": SOUND, "word": WORD},
             "stop": sorted(STOP_WORDS) if lang == "en" else [],
             "dictionary": {"words": dictionary().weights, "unknown": -dictionary().log_total},
             "vocabulary": vocabulary(lang),
             "learned": learned}
    if lang == "zh":
        index["folding"] = "".join(k + v for k, v in tables()["folding"].items())  # 帳帐刪删…
        index["sounds"] = tables()["sounds"]
    return index


def _document_terms(doc: SearchDoc, lang: str) -> dict[str, float]:
    """Each term's weight in the document: field weight times (capped) count, times its boost."""
    weights: dict[str, float] = {}
    for field, text in doc.fields:
        weight = FIELD_WEIGHTS[field] * doc.boost
        for term, count in Counter(terms(text, lang, short=field in SHORT_FIELDS)).items():
            weights[term] = weights.get(term, 0.0) + weight * (count if count < 3 else 3)
    return weights


def normalize(text: str, lang: str = "zh") -> str:
    """NFKC, lower case, traditional characters folded (Chinese), and nothing but Chinese
    characters, letters and digits: what the script does to a query."""
    return " ".join(_runs(text, lang))


def _runs(text: str, lang: str) -> list[str]:
    """The normalized text's runs of Chinese characters and of letters or digits. Each step is
    skipped when it would change nothing (most texts): a large tree has ~50,000 texts."""
    text = _SEPARATORS.sub(",", text)  # what NFKC would make of them, without NFKC's cost
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.lower()
    if lang == "zh" and _traditional().search(text):
        text = text.translate(_folding())
    if " " in text:
        text = _NUMBER_SPACE.sub("", text)
    return _RUN.findall(text)


@cache
def _folding() -> dict[int, str]:
    return str.maketrans(tables()["folding"])


@cache
def _traditional() -> re.Pattern[str]:
    return re.compile("[" + re.escape("".join(tables()["folding"])) + "]")


def terms(text: str, lang: str, short: bool = True) -> list[str]:
    """The index terms of a text, in order: for a Chinese run its dictionary words (each followed
    by the words inside it), its characters, then its pairs (a number is one unit: 7天, 12315投);
    for English, each word and its stem. Dictionary words and single characters come from short
    fields only: in a long text pairs carry the same matches,
    singles match almost anything, and both would make a large site's build and index several
    times bigger."""
    found: list[str] = []
    for run in _runs(text, lang):
        if not run.isascii():
            units = _UNIT.findall(run)
            if short:
                for word in segment(run):
                    if len(word) > 1:
                        found += [word, *inner_words(word)]
                found += [u for u in units if _is_han(u)]
            found += [units[i] + units[i + 1] for i in range(len(units) - 1)]
        elif run not in STOP_WORDS:
            found.append(run)
            if (stemmed := stem(run)) != run:
                found.append(stemmed)
    return found


def stem(word: str) -> str:
    """A light English stemmer: refunds, refunding, refunded -> refund."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def segment(run: str) -> tuple[str, ...]:
    """The run cut by the domain dictionary of decision_tree/search_userdict.txt (words.py).
    Cached: titles and keywords repeat across a large tree (退款, 申请退款…)."""
    return tuple(cut(run))


def _is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff"
