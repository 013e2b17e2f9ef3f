"""The query set is well-formed, and the search dictionary keeps the shop's words whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from build_tools.settings import TREE_DIR
from build_tools.render.search.words import cut
from tests.browser.test_search_meaning import PHRASINGS
from build_tools.tree.read import load_tree
from tests.search.runner import HELD_OUT, TUNED, UNSEEN, load_queries

# Words a shopper types as one unit; if the dictionary cut splits them in the pages, the index
# has no such word and prefix search for it matches nothing of the page's own text.
WHOLE_WORDS = ("七天无理由", "7天无理由", "仅退款", "退货退款", "官方介入", "待发货", "待付款", "待收货",
               "已完成", "已取消", "极速退款", "原路退款", "运费险", "确认收货", "延长收货")


@pytest.mark.parametrize("path", [*TUNED, *HELD_OUT], ids=lambda p: p.name)
def test_query_sets_name_real_pages_and_languages(path: Path) -> None:
    queries = load_queries(path)  # raises on an unknown node id or language
    assert len({(q.lang, q.query) for q in queries}) == len(queries), "duplicate query"


def test_the_query_set_is_big_enough_and_covers_both_languages() -> None:
    queries = load_queries()
    assert len(queries) >= 40
    assert {q.lang for q in queries} == {"zh", "en"}


def test_the_held_out_sets_stay_out_of_what_search_learns_from() -> None:
    """The build learns from every phrasing of the tree; a measured set copied in among them
    would count what was learned. Writers share a few phrasings by chance, never most."""
    learned = {(p.lang, p.query) for p in load_tree(TREE_DIR).phrasings}
    for path in HELD_OUT:
        queries = {(q.lang, q.query) for q in load_queries(path)}
        assert len(queries & learned) < len(queries) / 2, path.name


def test_the_blind_set_shares_no_query_with_the_tuned_set() -> None:
    tuned = {(q.lang, q.query) for q in load_queries()}
    assert not tuned & {(q.lang, q.query) for q in load_queries(UNSEEN)}


def test_the_meaning_tests_type_phrasings_of_no_query_set() -> None:
    """tests/browser/test_search_meaning.py proves mechanisms, not tuned answers. Counted, not
    listed: the held-out set's queries stay out of sight."""
    sets = {(q.lang, q.query) for path in (*TUNED, *HELD_OUT) for q in load_queries(path)}
    assert sum((lang, query) in sets for _, lang, query, _ in PHRASINGS) == 0


def _chinese_texts(node: object) -> list[str]:
    """Every zh text of the tree except the search keywords themselves."""
    found: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "search":
                continue
            if key == "zh" and isinstance(value, str):
                found.append(value)
            else:
                found.extend(_chinese_texts(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_chinese_texts(value))
    return found


def test_the_user_dictionary_keeps_the_shops_words_whole() -> None:
    texts = [t for f in sorted(TREE_DIR.glob("*.yaml"))
             for t in _chinese_texts(yaml.safe_load(f.read_text(encoding="utf-8")))]
    split = []
    for run in (m.group(0) for t in texts for m in re.finditer(r"[\u4e00-\u9fff0-9]+", t)):
        words = cut(run)
        cuts = {sum(len(w) for w in words[:i]) for i in range(1, len(words))}
        for word in WHOLE_WORDS:
            for start in (m.start() for m in re.finditer(re.escape(word), run)):
                if any(start < cut < start + len(word) for cut in cuts):
                    split.append(f"{word} in {'/'.join(words)}")
    assert split == []
