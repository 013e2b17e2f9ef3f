"""The search index: words stay whole, typos and traditional characters have something to match."""

from __future__ import annotations

import json

from build_tools.derive.derive import derive
from build_tools.cli import main
from build_tools.render.pages import search_index
from build_tools.render.search.index import normalize, segment, stem, terms
from build_tools.render.search.tables import tables
from build_tools.settings import TREE_DIR
from build_tools.tree.read import load_tree
from tests.conftest import TODAY


def test_domain_words_stay_whole() -> None:
    for word in ("七天无理由", "仅退款", "退货退款", "官方介入", "待发货", "运费险"):
        assert word in segment(f"我想问{word}怎么办"), word


def test_chinese_text_becomes_words_pairs_and_characters() -> None:
    found = terms("申请仅退款", "zh")
    assert {"仅退款", "申请", "请仅", "仅退", "退款", "申", "款"} <= set(found)


def test_text_is_normalized_as_a_phone_keyboard_would_type_it() -> None:
    assert normalize("Ｒｅｆｕｎｄ，退款！ 7天") == "refund 退款 7天"
    assert normalize("签收后 7 天内") == "签收后7天内"  # the page's spaced digits meet a typed 7天


def test_english_words_are_stemmed_and_common_words_dropped() -> None:
    assert stem("refunds") == stem("refunded") == stem("refunding") == "refund"
    assert terms("How do I get my refunds", "en") == ["get", "refunds", "refund"]  # word, stem


def test_traditional_characters_fold_to_simplified_ones() -> None:
    folding = tables()["folding"]
    assert folding["賬"] == "账" and folding["帳"] == "帐"  # and 帐 sounds like 账: see below
    assert folding["刪"] == "删" and folding["單"] == "单"


def test_homophones_share_a_sound() -> None:
    sounds = tables()["sounds"]
    assert "久" in sounds["jiu"] and "就" in sounds["jiu"] and "账" in sounds["zhang"]
    assert "帐" in sounds["zhang"] and "推" in sounds["tui"] and "退" in sounds["tui"]


def test_the_character_tables_are_up_to_date() -> None:
    assert main(["tables", "--check"]) == 0, "run `python -m build_tools tables`"


def test_the_index_is_deterministic_and_in_each_language() -> None:
    derived = derive(load_tree(TREE_DIR, today=TODAY))
    zh = search_index(derived, "zh")
    assert json.dumps(zh) == json.dumps(search_index(derived, "zh"))
    en = search_index(derived, "en")
    assert len(zh["docs"]) == len(en["docs"]) == len(derived.tree.nodes) + 3  # + tips, flowchart, sources
    assert "folding" not in en and "sounds" not in en
    folding = dict(zh["folding"][i:i + 2] for i in range(0, len(zh["folding"]), 2))
    for traditional, simplified in {"賬": "账", "質": "质", "聯": "联", "刪": "删"}.items():
        assert traditional in zh["terms"] or folding[traditional] == simplified


def test_every_synonym_leads_to_words_the_pages_have() -> None:
    """A shopper's word (卖家) looks for the site's word (商家): a site word that no page uses, or
    a misspelt one, would send the query nowhere."""
    derived = derive(load_tree(TREE_DIR, today=TODAY))
    nowhere = []
    for lang in ("zh", "en"):
        index = search_index(derived, lang)
        for word, site_words in index["vocabulary"]["synonyms"].items():
            nowhere += [f"{lang}: {word} -> {site}" for site in site_words
                        if not any(term in index["terms"] for term in terms(site, lang))]
            assert word not in site_words
    assert nowhere == []


def test_the_question_pages_are_marked_as_saying_what_a_status_means() -> None:
    """待发货是什么意思 asks for the question page of 待发货, not for one of its answers: the index
    marks the question pages, and ships the words that ask what something means."""
    derived = derive(load_tree(TREE_DIR, today=TODAY))
    index = search_index(derived, "zh")
    marked = {doc[0] for doc, meaning in zip(index["docs"], index["meanings"]) if meaning[2]}
    assert "guide/pending-shipment/" in marked and "" in marked  # a status's page, and the home page
    assert "guide/refund-before-shipment/" not in marked  # an answer
    assert len(marked) == len(derived.tree.questions())
    assert "什么意思" in index["vocabulary"]["explains"]


def test_the_seven_day_question_is_marked_as_deciding_the_seven_days() -> None:
    """签收第六天 is near the bound that 还在七天无理由退货期内吗 splits on (还在 7 天内 / 已经超过 7
    天): that question page tells the reader which side they are on. No other page splits on one."""
    derived = derive(load_tree(TREE_DIR, today=TODAY))
    for lang in ("zh", "en"):
        index = search_index(derived, lang)
        bounds = {doc[0]: meaning[3] for doc, meaning in zip(index["docs"], index["meanings"])
                  if meaning[3] is not None}
        assert bounds == {"guide/within-seven-days/": 7}
