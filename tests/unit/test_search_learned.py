"""What search learns from the phrasings (build_tools/render/search/learned.py): an editor's
phrasing reaches the index of its own language, for its own page, and nothing else does."""

from __future__ import annotations

import math
from pathlib import Path

from build_tools.derive.derive import derive
from build_tools.render.pages import search_index
from build_tools.render.search.learned import ALPHA, Example, learn
from build_tools.render.search.index import terms
from build_tools.tree.read import load_tree
from tests.conftest import MINIMAL_TREE, TODAY, write_tree

PHRASINGS = """\
phrasings:
  - {query: 手滑点错了, lang: zh, expect: unpaid}
  - {query: clicked by mistake, lang: en, expect: unpaid}
  - {query: 钱退哪去了, lang: zh, expect: cancelled, also: [unpaid]}
"""


def _model(tmp_path: Path, lang: str) -> tuple[dict, list[str]]:
    """The minimal tree's model, with its pages numbered as its index numbers them."""
    tree = load_tree(write_tree(tmp_path, {"tree.yaml": MINIMAL_TREE,
                                           "phrasings/asked.yaml": PHRASINGS}), today=TODAY)
    index = search_index(derive(tree), lang)
    return index["learned"], [doc[0] for doc in index["docs"]]


def chances(model: dict, urls: list[str], query: str, lang: str) -> dict[str, float]:
    """Each page's chance for the query by naive Bayes, written plainly: search-rank.js must
    agree (tests/browser/test_search_engine.py); the pages no example leads to are left out."""
    known = {t for t in terms(query, lang) if t in model["counts"]}
    if not any(len(t) > 1 for t in known):
        return {}
    logs = {}
    for number, total in enumerate(model["totals"]):
        if total:
            counts = [dict(zip(model["counts"][t][::2], model["counts"][t][1::2])).get(number, 0)
                      for t in known]
            logs[urls[number]] = sum(math.log((n + model["alpha"]) / total) for n in counts)
    most = max(logs.values())
    weights = {url: math.exp((log - most) / model["spread"]) for url, log in logs.items()}
    return {url: w / sum(weights.values()) for url, w in weights.items()}


def test_a_phrasing_teaches_its_words_to_its_own_page_in_its_own_language(tmp_path: Path) -> None:
    zh, urls = _model(tmp_path, "zh")
    assert zh["counts"]["手滑"] == [1, 1]  # page 1 (unpaid), once
    assert "mistake" not in zh["counts"]
    en, _ = _model(tmp_path, "en")
    assert en["counts"]["mistake"] == [1, 1]
    assert "手滑" not in en["counts"]


def test_the_page_a_phrasing_names_is_the_likeliest_for_its_words(tmp_path: Path) -> None:
    model, urls = _model(tmp_path, "zh")
    chance = chances(model, urls, "不小心手滑了", "zh")
    assert max(chance, key=chance.get) == "guide/unpaid/"
    chance = chances(model, urls, "我的钱退哪去了", "zh")
    assert max(chance, key=chance.get) == "guide/cancelled/"  # `also` teaches nothing: one page


def test_titles_and_keywords_teach_a_page_no_phrasing_names(tmp_path: Path) -> None:
    model, urls = _model(tmp_path, "zh")
    chance = chances(model, urls, "礼貌沟通", "zh")  # the tip's title; no phrasing names it
    assert max(chance, key=chance.get) == "guide/be-polite/"
    assert model["totals"][urls.index("tips/")] == 0  # no example leads there: left out


def test_a_phrasing_may_name_a_page_by_its_old_id(tmp_path: Path) -> None:
    """A page renamed with a redirect keeps the phrasings that name its old id, as it keeps
    the links agents sent."""
    renamed = MINIMAL_TREE.replace("  - id: unpaid\n", "  - id: cancel-unpaid\n").replace(
        "next: unpaid\n", "next: cancel-unpaid\n") + "redirects:\n  - {old: unpaid, to: cancel-unpaid}\n"
    tree = load_tree(write_tree(tmp_path, {"tree.yaml": renamed, "phrasings/asked.yaml": PHRASINGS}),
                     today=TODAY)
    index = search_index(derive(tree), "zh")
    urls = [doc[0] for doc in index["docs"]]
    assert index["learned"]["counts"]["手滑"] == [urls.index("guide/cancel-unpaid/"), 1]


def test_each_term_counts_once_per_example_and_every_total_is_smoothed() -> None:
    model = learn([Example("退款退款", "a/"), Example("退款", "b/")], ["a/", "b/", "c/"], "zh")
    assert model["counts"]["退款"] == [0, 1, 1, 1]
    smoothing = ALPHA * len(model["counts"])
    assert model["totals"] == [round(len(set(terms("退款退款", "zh"))) + smoothing, 1),
                               round(len(set(terms("退款", "zh"))) + smoothing, 1), 0]
