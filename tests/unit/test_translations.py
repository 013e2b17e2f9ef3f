"""Every text of the tree and of the page chrome exists in every language, and is translated."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from build_tools.tree.model import LANGUAGES, Text, Tree
from build_tools.settings import TREE_DIR
from build_tools.render.strings import STRINGS
from build_tools.tree.read import load_tree
from tests.conftest import TODAY

HAN = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def texts(value: object) -> Iterator[Text]:
    """Every Text inside a record, however deep."""
    if isinstance(value, Text):
        yield value
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from texts(getattr(value, field.name))
    elif isinstance(value, tuple):
        for item in value:
            yield from texts(item)


def untranslated(tree: Tree) -> list[str]:
    """English texts that are still Chinese: no English word, or more Chinese than English.
    (English keeps app labels in Chinese with a gloss, so some Chinese is expected.)"""
    found = []
    for record in [*tree.nodes.values(), *tree.sources.values()]:
        for text in texts(record):
            han = len(HAN.findall(text.en))
            if not LATIN_WORD.search(text.en) or han > len(text.en) / 2:
                found.append(f"{record.id}: {text.en!r}")
    return found


def test_no_english_text_is_left_in_chinese() -> None:
    assert untranslated(load_tree(TREE_DIR, today=TODAY)) == []


def test_the_page_chrome_exists_in_every_language() -> None:
    missing = [key for key, values in STRINGS.items() if set(values) != set(LANGUAGES)
               or not all(v.strip() for v in values.values())]
    assert missing == []


# --- the English edition's glossary: one gloss per Chinese UI term, used everywhere ---------

# Every Chinese term the English pages keep (a reader must find it in the app, or meets it on a
# page), and the one English gloss it carries wherever a gloss stands beside it: "申请售后 (apply
# for after-sale service)", "待收货 – Shipped", or "platform intervention (平台介入)".
GLOSSARY = {
    "我": "Me", "订单": "Orders", "我的订单": "my orders", "订单详情": "order detail",
    "申请售后": "apply for after-sale service", "申请退款": "request a refund",
    "取消订单": "cancel order", "删除订单": "delete order",
    "客服与帮助": "customer service and help",
    "待付款": "pending payment", "待发货": "paid, not shipped", "待收货": "shipped",
    "已完成": "completed", "已取消": "cancelled",
    "退款中 / 售后中": "request in progress",
    "仅退款": "refund only", "未发货仅退款": "refund only, not shipped",
    "已发货仅退款": "refund only, shipped", "退货退款": "return and refund", "换货": "exchange",
    "补寄": "re-send", "维修": "repair", "七天无理由": "seven-day no-reason",
    "发货前极速退": "quick refund before shipping", "上门取件": "home pick-up",
    "平台介入": "platform intervention", "申请官方介入": "ask for official intervention",
    "客服介入": "customer-service intervention",
    "客服处理中": "customer service handling", "待商家举证": "waiting for the merchant's evidence",
    "支持买家": "buyer supported", "支持卖家": "seller supported",
    "运费险": "return-shipping insurance", "理赔中": "claim in progress",
    "理赔成功": "claim succeeded", "理赔失败": "claim failed",
    "原路退款": "refund to the original payment method", "零钱": "balance",
    "抖音支付": "Douyin Pay", "月付": "pay monthly", "先用后付": "use now, pay later",
    "DOU分期": "DOU instalments", "定金预售": "deposit pre-sale", "全款预售": "full-payment pre-sale",
    "随时退": "refund any time", "过期自动退": "automatic refund on expiry",
    "法定休假日": "statutory holiday", "消费者协会": "consumer association", "仲裁": "arbitration",
}
_TERM = re.compile("|".join(re.escape(t) for t in sorted(GLOSSARY, key=len, reverse=True)))
_AFTER = re.compile(r"\**\s*(?:\(|–\s*)")  # "订单详情** (order detail", "待收货 – Shipped"


def gloss_beside(text: str, match: re.Match[str]) -> str | None:
    """The words beside a term that gloss it: what follows "term (" or "term – ", or what
    precedes "(term"; None for a bare term."""
    after = _AFTER.match(text, match.end())
    if after and not HAN.match(text, after.end()):
        return text[after.end():]
    before = text[:match.start()].rstrip("*")
    if before.endswith("("):
        return before[:-1].rstrip(" *")
    return None


def glossed_as(text: str, match: re.Match[str], gloss: str) -> bool | None:
    beside = gloss_beside(text, match)
    if beside is None:
        return None
    return beside.lower().startswith(gloss.lower()) or beside.lower().endswith(gloss.lower())


def wrong_glosses(text: str) -> list[str]:
    """Terms glossed with other words than the glossary's."""
    found = []
    for match in _TERM.finditer(text):
        term, gloss = match.group(), GLOSSARY[match.group()]
        if glossed_as(text, match, gloss) is False:
            start = max(0, match.start() - 30)
            found.append(f"{term} glossed otherwise than {gloss!r}: …{text[start:match.end() + 30]}…")
    return found


def unglossed_in_steps(text: str) -> list[str]:
    """In a step the reader follows, every Chinese word is a glossary term with its gloss beside it."""
    found, covered = [], set()
    for match in _TERM.finditer(text):
        covered.update(range(match.start(), match.end()))
        if gloss_beside(text, match) is None:
            found.append(f"{match.group()} has no gloss beside it")
    found += [f"{text[i]!r} is not a glossary term" for i, ch in enumerate(text)
              if HAN.match(ch) and i not in covered]
    return found


def english_texts(tree: Tree) -> Iterator[tuple[str, str, bool]]:
    """(node id, English text, is it a step to follow in the app) for every text of the tree."""
    for record in [*tree.nodes.values(), *tree.sources.values()]:
        steps = {id(t) for t in (*getattr(record, "steps", ()), *getattr(record, "points", ()))}
        for text in texts(record):
            yield record.id, text.en, id(text) in steps


def test_every_chinese_term_in_english_has_one_gloss() -> None:
    tree = load_tree(TREE_DIR, today=TODAY)
    found = [f"{node_id}: {problem}" for node_id, text, _ in english_texts(tree)
             for problem in wrong_glosses(text)]
    assert found == []


def test_every_step_in_english_names_the_app_term_with_its_gloss() -> None:
    tree = load_tree(TREE_DIR, today=TODAY)
    found = [f"{node_id}: {problem}: {text[:60]!r}" for node_id, text, step in english_texts(tree)
             if step for problem in unglossed_in_steps(text)]
    assert found == []


def test_the_glossary_checks_catch_a_second_gloss_and_a_bare_term() -> None:
    assert wrong_glosses("Tap **申请售后 (after-sale)**.") == [
        "申请售后 glossed otherwise than 'apply for after-sale service': …Tap **申请售后 (after-sale)**.…"]
    assert wrong_glosses("ask the platform to step in (申请官方介入)") == [
        "申请官方介入 glossed otherwise than 'ask for official intervention': "
        "…ask the platform to step in (申请官方介入)…"]
    assert wrong_glosses("Tap **申请售后 (apply for after-sale service)**.") == []
    assert unglossed_in_steps("Tap **申请售后** and choose 仅退款.") == [
        "申请售后 has no gloss beside it", "仅退款 has no gloss beside it"]
    assert unglossed_in_steps("Tap 申请 (apply).") == ["'申' is not a glossary term",
                                                       "'请' is not a glossary term"]
