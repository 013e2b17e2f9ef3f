"""The bad-input corpus: one editor's mistake per case, and the exact message it must give.

Each case changes the minimal valid tree (tests/conftest.py) in one place, or supplies its own
files. Lines and columns are 1-based, as editors' IDEs show them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from tests.conftest import MINIMAL_TREE


@dataclass(frozen=True)
class Case:
    name: str
    expect: list[str]  # the whole report, one line per problem (then notices)
    files: dict[str, str | bytes] = field(default_factory=dict)
    isolated: bool = False  # run in a process of its own: it once crashed the process


def changed(old: str, new: str, count: int = 1) -> str:
    """The minimal tree with one piece of text replaced (it must be there)."""
    assert old in MINIMAL_TREE, old
    return MINIMAL_TREE.replace(old, new, count)


def case(name: str, expect: str | list[str], tree: str | bytes | None = None,
         **files: str | bytes) -> Case:
    expected = [expect] if isinstance(expect, str) else expect
    return Case(name, expected, {"tree.yaml": tree, **files} if tree is not None else files)


LONG = "很长" * 1001
CHAIN = 10_000  # questions in the stress case: deep enough to break any recursive check


def questions_in_a_row(count: int, answers: Callable[[int], list[tuple[str, str, str]]]) -> str:
    """The minimal tree with `count` questions q0, q1, … between the start and `unpaid`; question
    i offers `answers(i)`, each as (Chinese label, English label, next id)."""
    head, rest = MINIMAL_TREE.split("  - id: unpaid\n", 1)
    head = head.replace("        next: unpaid", "        next: q0")
    questions = "".join(
        f"  - id: q{i}\n    kind: question\n    title: {{zh: 问{i}, en: Q{i}}}\n"
        f"    question: {{zh: 继续吗？, en: Go on}}\n    answers:\n"
        + "".join(f"      - label: {{zh: {zh}, en: {en}}}\n        next: {to}\n" for zh, en, to in answers(i))
        for i in range(count))
    return head + questions + "  - id: unpaid\n" + rest


def long_chain_with_a_loop() -> str:
    """CHAIN questions in a row, each also offering the outcome; the last leads back to the first."""
    return questions_in_a_row(CHAIN, lambda i: [("继续", "Go on", f"q{(i + 1) % CHAIN}"),
                                                ("停", "Stop", "unpaid")])

CASES: list[Case] = [
    # --- files that are not YAML text ---
    case("empty file", "decision_tree/tree.yaml:1:1: the file is empty; remove it or add `nodes:`",
         ""),
    case("only comments", "decision_tree/tree.yaml:1:1: the file is empty; remove it or add `nodes:`",
         "# nothing here yet\n"),
    case("binary file", "decision_tree/tree.yaml:1:1: this is not a text file (it contains NUL bytes)",
         b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    case("not UTF-8", "decision_tree/tree.yaml:5:17: byte 0xbf is not UTF-8; save the file as UTF-8",
         changed("title: {zh: 开始", "title: {zh: 开始").encode("utf-8").replace(
             "开始".encode(), "开始".encode("gbk"), 1)),
    case("byte order mark", "decision_tree/tree.yaml:1:1: the file starts with a byte order mark "
         "(BOM); save it as UTF-8 without BOM", b"\xef\xbb\xbf" + MINIMAL_TREE.encode()),
    case("not UTF-8 after Chinese text", "decision_tree/tree.yaml:16:23: byte 0xa1 is not UTF-8; save the "
         "file as UTF-8", MINIMAL_TREE.encode().replace("。".encode(), "。".encode("gbk"), 1)),  # column in characters
    case("invisible control character", "decision_tree/tree.yaml:16:21: the invisible or special character "
         "U+0015 is not allowed in YAML; delete it", changed("summary: {zh: 直接取消。", "summary: {zh: 直接\x15取消。")),
    case("file cut off in a character", "decision_tree/tree.yaml:43:4: the file ends in the middle of a "
         "character; it was not saved completely", (MINIMAL_TREE + "# 备注\n").encode()[:-3]),
    case("no YAML files", "decision_tree:1:1: no .yaml files here; the decision tree is empty",
         **{"notes.txt": "not a tree"}),
    # --- broken YAML ---
    case("tab indentation", "decision_tree/tree.yaml:4:1: a tab is used for indentation; YAML needs spaces",
         changed("    kind: question", "\tkind: question")),
    case("bad indentation", "decision_tree/tree.yaml:5:11: unexpected `:` here: check this line's indentation, "
         "or put text that contains `: ` in quotes",
         changed("    title: {zh: 开始", "     title: {zh: 开始")),
    case("unclosed quote", "decision_tree/tree.yaml:19:17: this quote is never closed",
         changed("reply: {zh: 您好，请直接取消。", "reply: {zh: \"您好，请直接取消。")),
    case("apostrophe inside single quotes", "decision_tree/tree.yaml:18:16: text goes on after a closing "
         "quote or bracket: put the whole text in quotes (to write ' inside '…', type it twice: '')",
         changed("    summary: {zh: 直接取消。, en: Just cancel.}",
                 "    summary:\n      zh: 直接取消。\n      en: 'Don't wait.'")),
    case("backslash inside double quotes", "decision_tree/tree.yaml:16:19: a backslash `\\` inside \"…\" starts "
         "an escape: write `\\\\`, or use single quotes '…'", changed("summary: {zh: 直接取消。,", 'summary: {zh: "见 C:\\新建",')),
    case("text on the line of >-", "decision_tree/tree.yaml:17:14: after `|` or `>` the text starts on the "
         "next line, indented; or put the whole text in quotes instead",
         changed("    summary: {zh: 直接取消。, en: Just cancel.}",
                 "    summary:\n      zh: >- 直接取消。\n      en: Just cancel.")),
    case("text starting with @", "decision_tree/tree.yaml:18:13: YAML reserves @, ` and % at the start of a "
         "text: put the whole text in quotes", changed("      - {zh: 点取消订单。, en: Tap cancel.}",
                                                         "      - zh: @商家 请取消\n        en: Tap cancel.")),
    case("text starting with bold", "decision_tree/tree.yaml:18:14: YAML reads * and & at the start of a text "
         "as references: put the whole text in quotes", changed("      - {zh: 点取消订单。, en: Tap cancel.}",
                                                                  "      - zh: **取消订单** 在订单详情里\n        en: Tap cancel.")),
    case("text starting with a dash", "decision_tree/tree.yaml:18:13: a list item `- ` must start its own line; "
         "for text that starts with `- `, put the whole text in quotes",
         changed("      - {zh: 点取消订单。, en: Tap cancel.}", "      - zh: - 在订单详情里取消\n        en: Tap cancel.")),
    case("text starting with #", "decision_tree/tree.yaml:18:12: the 'zh' text of an item of `steps` is empty "
         "(after a space, # starts a comment in YAML: put text with # in quotes)",
         changed("      - {zh: 点取消订单。, en: Tap cancel.}", "      - zh: #取消订单 在订单详情里\n        en: Tap cancel.")),
    case("unclosed brackets, nested deep", "decision_tree/tree.yaml:2:207: lists or mappings are nested "
         "too deeply here (more than 200 levels); check for an unclosed `[` or `{`, or a line of repeated "
         "`- `", "start: start\nnodes: " + "[" * 3000 + "\n"),
    case("two documents", "decision_tree/tree.yaml:43:1: only one YAML document per file (remove the `---` line)",
         MINIMAL_TREE + "---\nnodes: []\n"),
    case("alias", "decision_tree/tree.yaml:29:14: aliases (*name) are not supported; write the value out",
         changed("    sources: [law]\n    reviewed: 2026-11-01\n  - id: cancelled",
                 "    sources: &s [law]\n    reviewed: 2026-11-01\n  - id: cancelled").replace(
             "    sources: [law]\n    reviewed: 2026-11-01\n  - id: be-polite",
             "    sources: *s\n    reviewed: 2026-11-01\n  - id: be-polite")),
    # --- keys ---
    case("unknown key, near miss", "decision_tree/tree.yaml:16:5: unknown key `sumary` in this outcome "
         "(did you mean 'summary'?)", changed("    summary: {zh: 直接取消", "    sumary: {zh: 直接取消")),
    case("unknown key, far off", "decision_tree/tree.yaml:43:5: unknown key `author` in this source", changed("    quality: law", "    quality: law\n    author: someone")),
    case("unknown key, a pasted paragraph", "decision_tree/tree.yaml:17:5: unknown key `Tap cancel in the "
         "order detail page…` in this outcome", changed("    steps:\n", "    Tap cancel in the order detail "
                                                                 "page, then confirm it on the next screen:\n    steps:\n")),
    case("duplicate key", "decision_tree/tree.yaml:16:5: duplicate key `title` (first written on line 15); "
         "YAML would silently keep only the last one",
         changed("    summary: {zh: 直接取消", "    title: {zh: 再来, en: Again}\n    summary: {zh: 直接取消")),
    case("missing required key", "decision_tree/tree.yaml:22:5: this outcome is missing the required key `reply`",
         changed("    reply: {zh: 您好，钱会原路退回。, en: Hello. The money goes back.}\n", "")),
    case("unknown kind", "decision_tree/tree.yaml:14:11: `kind` is 'outcom' (did you mean 'outcome'?); "
         "it must be one of: question, outcome, tip", changed("    kind: outcome", "    kind: outcom")),
    case("no kind", "decision_tree/tree.yaml:13:5: this node has no `kind` (question, outcome, tip)",
         changed("  - id: unpaid\n    kind: outcome\n", "  - id: unpaid\n")),
    # --- wrong types ---
    case("text instead of translations", "decision_tree/tree.yaml:15:12: `title` needs a text per "
         "language, e.g. `{zh: …, en: …}`", changed("title: {zh: 取消订单, en: Cancel the order}", "title: 取消订单")),
    case("list instead of text", "decision_tree/tree.yaml:16:19: the 'zh' text of `summary` must be a "
         "single value, not a list or mapping", changed("summary: {zh: 直接取消。,", "summary: {zh: [直接取消。],")),
    case("steps not a list", "decision_tree/tree.yaml:18:7: `steps` must be a list (lines starting with `- `)",
         changed("    steps:\n      - {zh: 点取消订单。, en: Tap cancel.}",
                 "    steps:\n      {zh: 点取消订单。, en: Tap cancel.}")),
    case("nodes not a list", "decision_tree/tree.yaml:2:8: `nodes` must be a list (lines starting with `- `)",
         "start: start\nnodes: start\n"),
    case("list in a list of ids", "decision_tree/tree.yaml:12:12: an item of `tips` must be a single value, "
         "not a list or mapping", changed("    tips: [be-polite]", "    tips: [[be-polite]]")),
    case("not a date", "decision_tree/tree.yaml:21:15: `reviewed` is not a date; write it as YYYY-MM-DD",
         changed("    reviewed: 2026-11-01", "    reviewed: last week")),
    case("date in the future", "decision_tree/tree.yaml:21:15: `reviewed` 2027-01-01 is in the future "
         "(today is 2026-12-07)", changed("    reviewed: 2026-11-01", "    reviewed: 2027-01-01")),
    case("bad quality", "decision_tree/tree.yaml:42:14: `quality` is 'blog'; it must be one of: law, "
         "official, api, secondary", changed("    quality: law", "    quality: blog")),
    # --- YAML 1.1 traps ---
    case("unquoted yes", "decision_tree/tree.yaml:8:30: the 'en' text of `label` `Yes` is read by YAML as a "
         "true/false value; put it in quotes: \"Yes\"", changed("en: Pending}", "en: Yes}")),
    case("unquoted off", "decision_tree/tree.yaml:10:30: the 'en' text of `label` `off` is read by YAML as a "
         "true/false value; put it in quotes: \"off\"", changed("en: Cancelled}\n        next", "en: off}\n        next")),
    case("unquoted no", "decision_tree/tree.yaml:10:30: the 'en' text of `label` `no` is read by YAML as a "
         "true/false value; put it in quotes: \"no\"", changed("en: Cancelled}\n        next", "en: no}\n        next")),
    case("unquoted On", "decision_tree/tree.yaml:8:30: the 'en' text of `label` `On` is read by YAML as a "
         "true/false value; put it in quotes: \"On\"", changed("en: Pending}", "en: On}")),
    case("octal-looking number", "decision_tree/tree.yaml:8:21: the 'zh' text of `label` `010` is read by "
         "YAML as a number; put it in quotes: \"010\"", changed("label: {zh: 待付款", "label: {zh: 010")),
    case("exponent number", "decision_tree/tree.yaml:8:21: the 'zh' text of `label` `1e3` is read as a "
         "number by some YAML tools; put it in quotes: \"1e3\"", changed("label: {zh: 待付款", "label: {zh: 1e3")),
    case("null as text", "decision_tree/tree.yaml:8:30: the 'en' text of `label` `null` is read by YAML as "
         "null (nothing); put it in quotes: \"null\"", changed("en: Pending}", "en: null}")),
    case("empty translation", "decision_tree/tree.yaml:8:30: the 'en' text of `label` is empty", changed("en: Pending}", "en: }")),
    case("blank translation", "decision_tree/tree.yaml:8:30: the 'en' text of `label` is empty",
         changed("en: Pending}", "en: \" \"}")),
    case("missing translation", "decision_tree/tree.yaml:15:12: `title` is missing its 'en' translation",
         changed("title: {zh: 取消订单, en: Cancel the order}", "title: {zh: 取消订单}")),
    case("unknown language", ["decision_tree/tree.yaml:15:12: `title` is missing its 'en' translation",
                              "decision_tree/tree.yaml:15:23: unknown key `fr` in the texts of `title`"],
         changed("title: {zh: 取消订单, en: Cancel the order}", "title: {zh: 取消订单, fr: Annuler}")),
    case("lone exclamation mark", "decision_tree/tree.yaml:16:19: the 'zh' text of `summary` starts with "
         "a lone `!`, which YAML takes for a tag and drops; put the whole text in quotes: \"! 直接取消。\"",
         changed("summary: {zh: 直接取消。,", "summary: {zh: ! 直接取消。,")),
    # --- text that could reach the page as HTML ---
    case("raw HTML", "decision_tree/tree.yaml:16:19: the 'zh' text of `summary` contains raw HTML (`<...>`); "
         "write Markdown, or `&lt;` for a literal <",
         changed("summary: {zh: 直接取消。,", "summary: {zh: \"<b>直接</b>取消。\",")),
    case("script tag", "decision_tree/tree.yaml:16:19: the 'zh' text of `summary` contains raw HTML (`<...>`); "
         "write Markdown, or `&lt;` for a literal <",
         changed("summary: {zh: 直接取消。,", "summary: {zh: \"取消<script>alert(1)</script>\",")),
    case("autolink", "decision_tree/tree.yaml:16:19: the 'zh' text of `summary` contains "
         "`<https://example.org/help>`; write a link as [text](https://example.org/help)",
         changed("summary: {zh: 直接取消。,", "summary: {zh: \"见 <https://example.org/help>\",")),
    case("autolink beside raw HTML", [
        "decision_tree/tree.yaml:16:19: the 'zh' text of `summary` contains `<http://example.org>`; "
        "write a link as [text](http://example.org)",
        "decision_tree/tree.yaml:16:19: the 'zh' text of `summary` contains raw HTML (`<...>`); "
        "write Markdown, or `&lt;` for a literal <"],
         changed("summary: {zh: 直接取消。,", "summary: {zh: \"<b>见</b> <http://example.org>\",")),
    case("attribute list", "decision_tree/tree.yaml:16:19: the 'zh' text of `summary` contains `{...}`, which "
         "Markdown reads as HTML attributes; remove the braces",
         changed("summary: {zh: 直接取消。,", "summary: {zh: \"直接取消。{ onclick=alert(1) }\",")),
    case("javascript link", "decision_tree/tree.yaml:16:19: the 'zh' text of `summary` contains a script "
         "link (javascript:, vbscript: or data:); link to https only",
         changed("summary: {zh: 直接取消。,", "summary: {zh: \"[取消](javascript:alert(1))\",")),
    case("javascript link hidden by an entity", "decision_tree/tree.yaml:16:19: the 'zh' text of `summary` "
         "contains a script link (javascript:, vbscript: or data:); link to https only",
         changed("summary: {zh: 直接取消。,", "summary: {zh: \"[取消](java&#115;cript:alert(1))\",")),
    case("link to a page of the site", "decision_tree/tree.yaml:16:19: the 'zh' text of `summary` links to "
         "'unpaid.md'; a link must be a full address starting with https://",
         changed("summary: {zh: 直接取消。,", "summary: {zh: \"[取消](unpaid.md)\",")),
    case("image", "decision_tree/tree.yaml:16:19: the 'zh' text of `summary` contains an image (`![...](...)`); "
         "texts cannot show images", changed("summary: {zh: 直接取消。,", "summary: {zh: \"![截图](https://example.org/a.png)\",")),
    case("source url not https", "decision_tree/tree.yaml:43:10: `url` must be a web address starting with "
         "https:// and without spaces, quotes, brackets or <>",
         changed("    quality: law", "    quality: law\n    url: http://flk.npc.gov.cn/")),
    case("source url breaking out of its link", "decision_tree/tree.yaml:43:10: `url` must be a web address "
         "starting with https:// and without spaces, quotes, brackets or <>",
         changed("    quality: law", "    quality: law\n    url: https://example.org/) <b>x</b>")),
    case("title on two lines", "decision_tree/tree.yaml:15:22: the 'zh' text of `title` must fit on one line",
         changed("title: {zh: 取消订单, en: Cancel the order}", "title: {zh: \"取消\\n订单\", en: Cancel the order}")),
    case("extremely long text", f"decision_tree/tree.yaml:16:19: the 'zh' text of `summary` is {len(LONG)} "
         "characters long; the limit here is 2000", changed("summary: {zh: 直接取消。,", f"summary: {{zh: {LONG},")),
    # --- ids and references ---
    case("id not slug-safe", "decision_tree/tree.yaml:13:9: `id` 'Unpaid Order' cannot be a URL: use lowercase "
         "ASCII letters, digits and single hyphens (at most 60)", changed("  - id: unpaid", "  - id: Unpaid Order")),
    case("reserved id", "decision_tree/tree.yaml:13:9: `id` 'index' is a name the site uses itself; "
         "choose another", changed("  - id: unpaid", "  - id: index")),
    case("duplicate id", "decision_tree/tree.yaml:22:5: duplicate id 'unpaid' (first defined at "
         "decision_tree/tree.yaml:13:5)", changed("  - id: cancelled", "  - id: unpaid")),
    case("duplicate id across files", "decision_tree/tree.yaml:31:5: duplicate id 'be-polite' (first "
         "defined at decision_tree/extra.yaml:2:5)", MINIMAL_TREE,
         **{"extra.yaml": "nodes:\n  - id: be-polite\n    kind: tip\n    title: {zh: 礼貌, en: Polite}\n"
                          "    summary: {zh: 礼貌。, en: Polite.}\n    points:\n      - {zh: 说清楚。, en: Clear.}\n"
                          "    sources: [law]\n    reviewed: 2026-11-01\n"}),
    case("dangling answer", "decision_tree/tree.yaml:11:15: there is no node with the id 'canceled' "
         "(did you mean 'cancelled'?)", changed("        next: cancelled", "        next: canceled")),
    case("dangling source", "decision_tree/tree.yaml:20:15: there is no source with the id 'laws' "
         "(did you mean 'law'?)", changed("    sources: [law]", "    sources: [laws]")),
    case("tree files in another folder", ["decision_tree/drafts:1:1: note: ignored: a folder; tree files are "
         "read from the tree's folder and its `phrasings/` folder only"], MINIMAL_TREE,
         **{"drafts/tree.yaml": MINIMAL_TREE}),
    case("a folder inside the phrasings", ["decision_tree/phrasings/2025:1:1: note: ignored: a folder; tree "
         "files are read from the tree's folder and its `phrasings/` folder only"], MINIMAL_TREE,
         **{"phrasings/2025/old.yaml": "phrasings: []\n"}),
    case("phrasing names an unknown page", "decision_tree/phrasings/asked.yaml:2:39: there is no node "
         "with the id 'unpayed' (did you mean 'unpaid'?)", MINIMAL_TREE,
         **{"phrasings/asked.yaml": "phrasings:\n  - {query: 怎么取消订单, lang: zh, expect: unpayed}\n"}),
    case("phrasing in an unknown language", "decision_tree/phrasings/asked.yaml:2:28: `lang` is 'fr'; "
         "it must be one of: zh, en", MINIMAL_TREE,
         **{"phrasings/asked.yaml": "phrasings:\n  - {query: annuler, lang: fr, expect: unpaid}\n"}),
    case("phrasing without its page", "decision_tree/phrasings/asked.yaml:2:5: this phrasing is missing "
         "the required key `expect`", MINIMAL_TREE,
         **{"phrasings/asked.yaml": "phrasings:\n  - {query: 怎么取消订单, lang: zh}\n"}),
    case("answer leads to a tip", "decision_tree/tree.yaml:11:15: an answer must lead to a question or an "
         "outcome; 'be-polite' is a tip", changed("        next: cancelled", "        next: be-polite")),
    case("tips names an outcome", "decision_tree/tree.yaml:12:23: `tips` must name tip nodes; 'unpaid' is "
         "an outcome", changed("    tips: [be-polite]", "    tips: [be-polite, unpaid]")),
    case("no start", "decision_tree/tree.yaml:1:1: no file sets `start:` (the id of the first question)",
         changed("start: start\n", "")),
    case("start is an outcome", "decision_tree/tree.yaml:1:8: `start` must be a question; 'unpaid' is an "
         "outcome", changed("start: start\n", "start: unpaid\n")),
    case("self reference", "decision_tree/tree.yaml:13:15: this answer leads back to an earlier question, "
         "making a loop: start → start",
         changed("        next: cancelled\n", "        next: cancelled\n      - label: {zh: 再问, en: Again}\n"
                 "        next: start\n")),
    case("cycle", "decision_tree/tree.yaml:19:15: this answer leads back to an earlier question, making a loop: "
         "start → middle → start",
         changed("  - id: unpaid\n", "  - id: middle\n    kind: question\n    title: {zh: 中间, en: Middle}\n"
                 "    question: {zh: 再问？, en: \"Again?\"}\n    answers:\n      - label: {zh: 回去, en: Back}\n"
                 "        next: start\n      - label: {zh: 继续, en: Next}\n        next: unpaid\n  - id: unpaid\n")
         .replace("        next: unpaid\n      - label: {zh: 已取消", "        next: middle\n      - label: {zh: 已取消")),
    case("unreachable node", "decision_tree/tree.yaml:22:5: 'cancelled' cannot be reached: no answer on the "
         "way from the start ('start') leads to it",
         changed("        next: cancelled", "        next: unpaid")),
    case("tip linked from nowhere", "decision_tree/tree.yaml:30:5: tip 'be-polite' is not linked from any "
         "page; add its id to a question's or outcome's `tips:`", changed("    tips: [be-polite]\n", "")),
    case("question with one answer", "decision_tree/tree.yaml:8:7: `answers` needs at least 2 items",
         changed("      - label: {zh: 已取消, en: Cancelled}\n        next: cancelled\n", "")),
    case("outcome without sources", "decision_tree/tree.yaml:20:14: `sources` needs at least 1 item",
         changed("    sources: [law]", "    sources: []")),
    case("outcome without review date", "decision_tree/tree.yaml:13:5: this outcome is missing the required "
         "key `reviewed`", changed("    sources: [law]\n    reviewed: 2026-11-01\n", "    sources: [law]\n")),
    case("redirect pointing nowhere", "decision_tree/tree.yaml:45:9: there is no node with the id 'gone'",
         MINIMAL_TREE + "redirects:\n  - old: old-page\n    to: gone\n"),
    case("redirect hiding a live page", "decision_tree/tree.yaml:44:5: 'unpaid' is a live node; a redirect "
         "from it would hide its page", MINIMAL_TREE + "redirects:\n  - old: unpaid\n    to: cancelled\n"),
    case("10,000 questions in a loop", f"decision_tree/tree.yaml:{19 + 9 * (CHAIN - 1)}:15: this answer leads "
         f"back to an earlier question, making a loop: q0 → q1 → q2 → … → q{CHAIN - 2} → q{CHAIN - 1} → q0 "
         f"({CHAIN} questions)", long_chain_with_a_loop()),
]
