"""What the pages may say (SOURCES.md, second edition), checked on everything a reader gets.

Every generated page, reply text and search keyword, in every language, is read as plain text and
cut into sentences; no sentence may state what SOURCES.md lists under "Must not be stated as
fact", count the seven days from the day of receipt, or promise what the sources do not. Every
source is linked where SOURCES.md gives a link, and a page that sends a reader to 12315 or to
the platform's intervention names what supports it.

The patterns look for a claim, not for a topic: a page may say that 运费险 payouts are not known,
but not how much they are. Run this file as a script on another tree folder to see what the
patterns catch there: `python -m tests.unit.test_content OLD_TREE_FOLDER` (decision 008 records
what they caught on the first edition's tree).
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from build_tools.derive.derive import derive
from build_tools.publish.site import generate
from build_tools.render.strings import STRINGS
from build_tools.render.text import reply_text
from build_tools.settings import TREE_DIR
from build_tools.tree.model import LANGUAGES, Tree
from build_tools.tree.read import load_tree
from tests.conftest import TODAY

SITE = "https://example.org/"


@dataclass(frozen=True)
class Rule:
    name: str
    claim: re.Pattern[str]
    # A sentence that names the topic only to say it is not known, or where to check it.
    unless: re.Pattern[str] | None = None

    def breaks(self, sentence: str) -> bool:
        return bool(self.claim.search(sentence)) and not (self.unless and self.unless.search(sentence))


def rule(name: str, claim: str, unless: str | None = None) -> Rule:
    return Rule(name, re.compile(claim, re.IGNORECASE), re.compile(unless, re.IGNORECASE) if unless else None)


# A figure of time: "3 天", "1–3 个工作日", "几分钟", "48 hours".
_TIME = (r"(?:\d+\s*(?:[-–~至到]\s*\d+\s*)?(?:个)?(?:工作日|小时|分钟|天|日)"
         r"|\d+\s*(?:[-–]\s*\d+\s*)?(?:working days?|hours?|minutes?|days?)\b|几分钟|within minutes)")
# A question ("…吗", "…?") or a sentence that says where to check is not a claim.
_HEDGE = (r"吗|\?|是否|有没有|能不能|多久|多少|哪里|以[^。]{0,16}为准|没有可靠|不一定|查看|看清|标注|"
          r"whether|how (?:much|long|soon)|where the|check|no reliable|not (?:say|known|a promise|"
          r"guaranteed)|may not|shows? (?:it|whether)|labels?")

RULES: list[Rule] = [
    # Must not: any Douyin refund arrival time (抖音支付, 月付, 先用后付, "1–7 days").
    rule("douyin-refund-time",
         rf"(?:抖音支付|月付|先用后付|DOU ?分期|极速退款?|Douyin Pay|pay monthly|use now, pay later|"
         rf"quick refund)[^。；;\n]{{0,40}}?{_TIME}"),
    rule("one-to-seven-days", r"(?<![\d.])1\s*[-–~至到]\s*7\s*(?:个)?(?:工作日|天|日|working days|days)"),
    # Must not: a bank card (or balance) refund time given as Douyin's: payment providers' own
    # figures are named as theirs (WeChat Pay); a merchant's legal deadline is not a payout time.
    rule("unattributed-refund-time",
         rf"(?:零钱|银行卡|余额|到账|bank card|balance|arriv)[^。；;\n]{{0,30}}?{_TIME}",
         unless=r"微信|WeChat|商家|merchant|经营者|法|Law|art\.|条"),
    # Must not: 运费险 amounts, payout timing or destination (WeChat's ¥19.35 / ¥10 are another product).
    rule("freight-insurance-figures",
         rf"(?:运费险|return-shipping insurance)[^。；;\n]{{0,60}}?(?:¥\s*\d|\d+(?:\.\d+)?\s*(?:元|yuan)|{_TIME})"),
    rule("freight-insurance-destination",
         r"(?:运费险|理赔款|赔付款|insurance)[^。；;\n]{0,30}?(?:退|打|赔|存|转|paid|credited|sent|goes)\s*"
         r"(?:到|进|入|into|to)\s*(?:你的|your )?(?:零钱|余额|银行卡|钱包|原支付|balance|wallet|bank card)",
         unless=_HEDGE),
    rule("wechat-insurance-figures", r"19\.35"),
    # Must not: the "168 hours" rule.
    rule("168-hours", r"168\s*(?:个)?(?:小时|hours?)"),
    # Must not: "merchant refunds within 3 working days".
    rule("three-working-days", r"(?<![\d–~-])(?:3|三)\s*个?工作日|\b(?<![\d–-])(?:3|three) working days"),
    # Must not: any shift of the start date because receipt fell on a weekend.
    rule("weekend", r"周末|周六|周日|星期[六日天]|双休日|weekend|saturday|sunday"),
    # Must not: which statuses allow 删除订单.
    rule("delete-statuses",
         r"(?:待付款|待发货|待收货|已完成|已取消|完成|取消)(?:的订单|后|之后|状态)?[^。；\n]{0,8}?(?:才)?(?:能|可以|可|不能|无法)删除"
         r"|只有[^。]{0,15}(?:才)?(?:能|可以)删除|状态[^。]{0,6}(?:不能|无法|不可以?)删除"
         r"|(?:cannot|can't|can only) be deleted (?:in|when|after|once|until)"
         r"|(?:completed|cancelled|pending|shipped) orders? (?:can|cannot|can't) be deleted"
         r"|after it completes or is cancelled"),
    # Must not: the exact button path of 删除订单.
    rule("delete-button-path",
         r"(?:右上角|⋯|更多)[^。\n]{0,20}删除|删除[^。\n]{0,10}(?:在|位于)[^。\n]{0,20}(?:右上角|⋯)"
         r"|(?:top right|⋯)[^.\n]{0,40}delete|delete option is under"),
    # Must not: the auto-confirm-receipt period and "extend once".
    rule("auto-confirm-period",
         r"自动确认[^。；\n]{0,20}?\d+\s*(?:个)?(?:天|日)|\d+\s*(?:天|日)[^。；\n]{0,10}自动确认"
         r"|auto(?:matic(?:ally)?)?[- ]?confirm\w*[^.;\n]{0,40}?\d+\s*days?|\d+\s*days?[^.;\n]{0,30}automatic"),
    rule("extend-once", r"延长[^。；，\n]{0,10}(?:一次|1\s*次)|只能延长|(?:extend|extension)[^.;\n]{0,30}(?:once|one time)"),
    # Must not: button names as certain (申请官方介入 / 客服仲裁): "tap X" names a button.
    rule("intervention-button",
         r"点\s*[“\"「]?\s*(?:申请官方介入|客服仲裁|客服介入|官方介入|平台介入)"
         r"|(?:tap|press|click)\s*[“\"]?\s*(?:申请官方介入|客服仲裁|客服介入|platform intervention)"
         r"|(?:显示为|shown as)[^。.\n]{0,10}(?:客服仲裁|申请官方介入)"),
    # Must not: any intervention timing.
    rule("intervention-timing",
         rf"(?:介入|仲裁|intervention|arbitration|step in)[^。；;\n]{{0,30}}?{_TIME}"
         r"|\d+\s*(?:个)?(?:小时|天|工作日)[^。；\n]{0,8}?(?:后|内)(?:可以|才能)?(?:申请)?(?:介入|仲裁)",
         unless=r"12315|投诉|complaint|受理|调解|mediation|快递|courier"),
    # Must not: 团购 随时退 / 过期自动退 as a Douyin guarantee.
    rule("group-buy-guarantee",
         r"随时退|过期自动退|refund(?:ed)? (?:at )?any time|refund(?:ed)? automatically (?:on|at|after|when)"
         r"|automatic refund on expiry", unless=_HEDGE),
    # Must not: Douyin's 定金 (deposit) refund rules.
    rule("deposit-rules",
         r"定金[^。；\n]{0,15}?(?:不退|不予退还|不可退|可以退|能退|可退|全额退|会退)"
         r"|deposits? (?:is|are|will be|can be|cannot be|can't be) (?:not )?refund|non-refundable",
         unless=_HEDGE + r"|民法典|Civil Code"),
    # Must not: ODR "10 working days" as law; that Douyin is an ODR firm.
    rule("odr", r"(?<![\d.])10\s*个?工作日|\b(?:10|ten) working days|在线纠纷解决|\bODR\b|online dispute resolution"),
    # Must not: that a request "will be" approved automatically.
    rule("auto-approval-promise",
         r"(?:会|将|一定|肯定)[^。，；,\n]{0,8}?自动(?:审核)?通过"
         r"|(?:will|are|is|get|gets)\s+(?:be\s+)?(?:approved automatically|automatically approved)|auto-approved"),
    # Must not: article numbers of the 七日办法 (only its wording, as "the 2017 measures").
    rule("measures-article",
         r"(?:七日无理由退货暂行办法|七日办法|2017 年的?办法|2017 measures|Seven-Day No-Reason Returns)"
         r"[^。；;\n]{0,20}(?:第[一二三四五六七八九十百零〇\d]+条|art(?:icle|\.)\s*\d+)"),
    # Issue 14: the seven days run from the day AFTER signing, never from the day of receipt.
    rule("seven-days-from-receipt",
         r"(?:从|自)(?:签收|收货|收到(?:商品|货)?)(?:的)?(?:当天|当日|那天|那一天|之日|日)"
         r"|签收(?:当天|当日|那天)(?:起|开始)(?:算|计)"
         r"|(?:run|runs|count|counts|counted|counting|start|starts)\s+(?:from|on)\s+the\s+(?:very\s+)?day\s+(?:you|of|it)\b"
         r"|from the day (?:you )?(?:received|signed|got)|within (?:7|seven) days of (?:receipt|receiving|delivery)"),
    # Issue 14: no refund promised "once the parcel is back" (the sources give no such rule).
    rule("refund-once-back",
         r"(?:退回|寄回|送回)(?:商家)?(?:后|之后|以后)[^。；\n]{0,12}?(?:就|会|即|马上)[^。；\n]{0,6}?退款"
         r"|once the (?:parcel|goods|item|package) (?:is|are|gets?) back|once the merchant confirms the parcel"),
    # Issue 14: no return "any time after receipt" (art. 24: after 7 days only where the contract
    # may be cancelled, otherwise exchange or repair).
    rule("return-any-time", r"随时(?:都)?(?:可以|能)?退货|任何时候(?:都)?(?:可以|能)?退|return(?:ed)? (?:it )?(?:at )?any ?time"),
    # SOURCES.md: a page never tells a reader to choose a status other than the one the app shows.
    rule("other-status",
         r"(?:回到|返回)首页[^。\n]{0,6}?(?:选择|选)[^。\n]{0,4}?[“\"]?(?:待付款|待发货|待收货|已完成|已取消)"
         r"|home page and choose\s+\**(?:待|已)"),
    # SOURCES.md: fraud (欺诈, art. 55) is not every exaggeration: false advertising is not fraud as such.
    rule("fraud-is-not-exaggeration",
         r"欺诈或虚假宣传|虚假宣传或欺诈|fraud or false advertising|false advertising or fraud"
         r"|(?:虚假宣传|夸大宣传|false advertising|exaggerat\w*)[^。.\n]{0,30}(?:三倍|退一赔三|three times|triple)"),
]

# Where SOURCES.md gives a link: statutes link the official page where known, else the
# LawRefBook mirror at commit 2f4c5c2; the 2017 measures are on samr.gov.cn; 12315 is 12315.cn.
MIRROR = "https://github.com/LawRefBook/Laws/blob/2f4c5c2"
LINKS = {
    "consumer-rights-law": MIRROR, "civil-code-periods": MIRROR, "civil-code-contracts": MIRROR,
    "ecommerce-law": MIRROR, "food-safety-law": MIRROR, "express-delivery-regulations": MIRROR,
    "complaint-measures": MIRROR, "seven-day-return-measures": "https://www.samr.gov.cn/",
    "national-12315": "https://www.12315.cn/",
}
# A page that mentions these must cite what supports them.
MENTIONS = {
    "12315": (re.compile(r"12315"), "national-12315"),
    "platform intervention": (re.compile(r"平台介入|官方介入|客服介入|客服仲裁|platform intervention|step in",
                                         re.IGNORECASE), "doudian-arbitration-api"),
}


# --- reading what readers read --------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTRS = re.compile(r"\{[:.#][^}]*\}|\{ [^}]*\}")
_UNITS = re.compile(r"[。！？；;\n]+|(?<=[.!?])\s+")


# A tip page, and the flowchart's list of tips, give the titles of the pages a tip appears on,
# joined by commas; each title is read on its own page, and joined they would read as one sentence.
_USED_ON = re.compile("^(?:" + "|".join(re.escape(t) for t in STRINGS["used_on"].values()) + ").*$"
                      "|(?:" + "|".join(re.escape(t) for t in STRINGS["tip_for"].values()) + ").*$",
                      re.MULTILINE)


def plain(markdown: str) -> str:
    """What a reader sees of a generated page: no tags, link targets, attributes or emphasis."""
    text = _ATTRS.sub("", _LINK.sub(r"\1", _TAG.sub(" ", _USED_ON.sub("", markdown))))
    return html.unescape(text.replace("**", "").replace("*", ""))


def sentences(text: str) -> Iterator[str]:
    for unit in _UNITS.split(text):
        if unit.strip():
            yield " ".join(unit.split())


def published(tree: Tree) -> Iterator[tuple[str, str]]:
    """(where, text) for every generated page, reply and keyword, in every language."""
    derived = derive(tree)
    for lang in LANGUAGES:
        for path, content in generate(derived, lang, SITE).files.items():
            if path.endswith(".md"):
                yield f"{lang}/{path}", plain(content)
        for outcome in tree.outcomes():
            yield f"{lang} reply of {outcome.id}", reply_text(outcome, lang, SITE, derived)
        for node in tree.nodes.values():
            for keyword in node.search[lang]:
                yield f"{lang} keyword of {node.id}", keyword


def violations(tree: Tree) -> list[str]:
    found = []
    for where, text in published(tree):
        for sentence in sentences(text):
            found += [f"{r.name}: {where}: {sentence}" for r in RULES if r.breaks(sentence)]
    return sorted(set(found))


def unlinked(tree: Tree) -> list[str]:
    """Sources without the link SOURCES.md gives, and law without any link."""
    found = []
    for source in tree.sources.values():
        expected = LINKS.get(source.id)
        if expected and not (source.url or "").startswith(expected):
            found.append(f"{source.id}: links {source.url or 'nothing'}; SOURCES.md gives {expected}…")
        elif source.quality == "law" and not source.url:
            found.append(f"{source.id}: a statute without a link")
    return found


def own_texts(node: object) -> Iterator[str]:
    """A node's own words (not the trail or other pages' titles), in every language."""
    for value in vars(node).values():
        items = value if isinstance(value, tuple) else (value,)
        for item in items:
            if hasattr(item, "zh") and hasattr(item, "en") and isinstance(item.zh, str):
                yield from (item[lang] for lang in LANGUAGES)
            elif hasattr(item, "label"):
                yield from own_texts(item)


def uncited_mentions(tree: Tree) -> list[str]:
    found = []
    for node in tree.nodes.values():
        text = "\n".join(own_texts(node))
        cited = {ref.id for ref in getattr(node, "sources", ())}
        found += [f"{node.id} mentions {what} without citing {source}"
                  for what, (pattern, source) in MENTIONS.items()
                  if pattern.search(text) and source not in cited]
    return found


# --- the tests ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tree() -> Tree:
    return load_tree(TREE_DIR, today=TODAY)


def test_nothing_published_states_what_sources_md_forbids(tree: Tree) -> None:
    assert violations(tree) == []


def test_every_source_has_the_link_sources_md_gives(tree: Tree) -> None:
    assert unlinked(tree) == []
    assert set(LINKS) <= set(tree.sources), "a source SOURCES.md links is missing from sources.yaml"


def test_pages_show_each_source_with_its_link(tree: Tree) -> None:
    derived = derive(tree)
    for lang in LANGUAGES:
        files = generate(derived, lang, SITE).files
        for node in tree.nodes.values():
            page = files[derived.path(node.id)]
            for ref in getattr(node, "sources", ()):
                source = tree.sources[ref.id]
                if source.url:
                    assert f"]({source.url})" in page, f"{lang} {node.id} does not link {source.id}"


def test_pages_that_send_readers_to_12315_or_the_platform_cite_the_support(tree: Tree) -> None:
    assert uncited_mentions(tree) == []


# Each rule catches the first edition's wording it was written for (and passes its correction),
# so that a rule cannot silently match nothing.
CAUGHT = {
    "seven-days-from-receipt": (["七天无理由退货：从签收那天算起", "确认签收日期：从签收当天起算 7 天",
                                 "The seven days run from the day you received the goods, not from the order"],
                                ["七天从签收的次日开始算（签收当天不算）",
                                 "The seven days start on the day after you signed for the goods"]),
    "refund-once-back": (["once the parcel is back, the merchant refunds you the way you paid"],
                         ["商家应当自收到退回商品之日起 7 日内退款"]),
    "odr": (["参加在线纠纷解决的企业须在 10 个工作日内回应"], ["监管部门应当自收到投诉之日起 7 个工作日内决定是否受理"]),
    "extend-once": (["在订单详情里 延长收货（只能延长一次）"], ["能否延长，以订单详情页显示的为准"]),
    "intervention-button": (["点 申请官方介入（有时显示为 客服仲裁 或 平台介入）"],
                            ["在售后单页面找平台介入的入口（页面上可能叫“申请官方介入”或“客服介入”）"]),
    "delete-button-path": (["点右上角的 ⋯，如果有 删除订单，点它并确认"], ["在订单详情或订单列表里找 删除订单"]),
    "delete-statuses": (["没有“删除订单”选项时，说明当前状态不能删除"], ["哪些状态下能删除，各方说法不一"]),
    "auto-approval-promise": (["部分申请会自动通过，钱会按原支付方式退回"],
                              ["抖音的售后系统里有自动审核的机制，但你的申请不一定走自动审核"]),
    "unattributed-refund-time": (["to a bank card in about 1–3 working days"],
                                 ["WeChat Pay's own help says refunds to a bank card take about 1–3 working days"]),
    "other-status": (["请回到首页选择“待发货”"], ["请回到首页，选 App 里这笔订单显示的状态"]),
    "fraud-is-not-exaggeration": (["商家欺诈或虚假宣传：可要求三倍赔偿"], ["不是每一句夸张的宣传都构成欺诈"]),
    "douyin-refund-time": (["抖音支付的退款 1 个工作日内到账"], ["抖音支付、月付、先用后付的到账时间，以 App 里的退款信息为准"]),
    "freight-insurance-figures": (["运费险会赔 12 元"], ["运费险赔多少、多久到账、赔到哪里，本站没有可靠来源"]),
    "group-buy-guarantee": (["抖音团购都支持随时退、过期自动退"], ["券上有没有“随时退”“过期自动退”的标注，以券的页面为准"]),
    "deposit-rules": (["预售定金不退"], ["不付尾款时定金能不能退，以下单页面写明的规则为准"]),
}


@pytest.mark.parametrize("name", sorted(CAUGHT))
def test_each_rule_catches_the_wording_it_was_written_for(name: str) -> None:
    checked = next(r for r in RULES if r.name == name)
    bad, good = CAUGHT[name]
    assert [s for s in bad if not checked.breaks(s)] == []
    assert [s for s in good if checked.breaks(s)] == []


if __name__ == "__main__":  # python -m tests.unit.test_content OLD_TREE_FOLDER
    old = load_tree(Path(sys.argv[1]), today=TODAY)
    for line in violations(old) + unlinked(old) + uncited_mentions(old):
        print(line)
