"""The bad-input corpus, part two: an editor pasting from chat apps and office documents, texts
that would break the page they render in, nesting of every form, and what a host types.

Same shape as bad_trees.py: each case makes one mistake and gives the whole report it must
print. Tree cases run through `check_tree` (or, marked `isolated`, through the command line in a
process of its own: a crash there fails the test instead of killing pytest). COMMANDS run a
command line against a tree folder and compare what it prints on stderr.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.conftest import MINIMAL_TREE
from tests.unit.bad_trees import Case, case, changed


@dataclass(frozen=True)
class Link:
    """A symbolic link in the tree folder, to `target` (which may not exist)."""

    target: str


def isolated(name: str, expect: str, tree: str) -> Case:
    """A case run in a process of its own: before the fix it killed the process."""
    return Case(name, [expect], {"tree.yaml": tree}, isolated=True)


DEEP = "lists or mappings are nested too deeply here (more than 200 levels); check for an " \
       "unclosed `[` or `{`, or a line of repeated `- `"
ONE_PARAGRAPH = "must be one paragraph without line breaks: it is shown inside a line of its page " \
                "(an answer's link, a list item); join the lines"
HEADING = "has a heading (a line starting with `#`, or underlined with `===` or `---`), which " \
          "would split the page; a text cannot add headings: remove it"
NO_PAGE = "which no page can show; delete it"
COLON = "a full-width colon `：` after `{key}`; YAML needs `:` and a space: `{key}: `"
INDENTED = "this line is indented with the {space}; YAML indents with ordinary spaces: retype the " \
           "indentation"
SAME_LABEL = "two answers of 'start' are labelled '{label}' (the first on line {line}); a reader " \
             "could not tell them apart"
LOOKS_LATIN = "the Cyrillic letter а (U+0430), which looks like the Latin a: retype it in plain ASCII"
EXTRA_ANSWERS = "".join(f"      - label: {{zh: 状态{i}, en: Status {i}}}\n        next: cancelled\n"
                        for i in range(10))
STEP = "      - {zh: 点取消订单。, en: Tap cancel.}"
SUMMARY = "summary: {zh: 直接取消。,"

CASES: list[Case] = [
    # --- nesting of every form: a located message, never a crash ---
    isolated("25,000 list markers on a line", f"decision_tree/tree.yaml:3:399: {DEEP}",
             "start: start\nnodes:\n" + "- " * 25_000 + "x\n"),
    isolated("a comment full of ] before deep brackets", f"decision_tree/tree.yaml:3:207: {DEEP}",
             "start: start\n# " + "]" * 100_000 + "\nnodes: " + "[" * 100_000 + "\n"),
    isolated("lists nested by indentation", f"decision_tree/tree.yaml:202:399: {DEEP}",
             "start: start\nnodes:\n" + "".join(" " * (2 * i) + "-\n" for i in range(300))),
    isolated("mappings nested in braces", f"decision_tree/tree.yaml:1:804: {DEEP}",
             "start: " + "{a: " * 30_000 + "\n"),
    isolated("mappings nested by indentation", f"decision_tree/tree.yaml:201:401: {DEEP}",
             "".join(" " * (2 * i) + "k:\n" for i in range(300))),
    # --- block Markdown in a text shown inside a line; headings that split a page ---
    case("hint with a blank line and a list item", f"decision_tree/tree.yaml:17:13: the 'en' text of "
         f"`hint` {ONE_PARAGRAPH}", changed("        next: cancelled\n", "        next: cancelled\n"
                                            "        hint:\n          zh: 已经取消了\n          en: |\n"
                                            "            Cancelled.\n\n            - [x](https://example.org/)\n")),
    case("step on two lines", f"decision_tree/tree.yaml:18:23: the 'zh' text of an item of `steps` "
         f"{ONE_PARAGRAPH}", changed(STEP, '      - {zh: "点取消订单。\\n然后确认。", en: Tap cancel.}')),
    case("evidence with a second paragraph", f"decision_tree/tree.yaml:34:11: the 'en' text of an "
         f"item of `evidence` {ONE_PARAGRAPH}",
         changed("      - {zh: 等待退款。, en: Wait for the refund.}\n",
                 "      - {zh: 等待退款。, en: Wait for the refund.}\n    evidence:\n      - zh: 截图。\n"
                 "        en: >-\n          A screenshot.\n\n\n          And the chat.\n")),
    case("heading in a summary", f"decision_tree/tree.yaml:16:29: the 'zh' text of `summary` {HEADING}",
         changed(SUMMARY, 'summary: {zh: "直接取消。\\n\\n# 注意",')),
    case("heading at the start of a step", "decision_tree/tree.yaml:18:15: the 'zh' text of an item "
         f"of `steps` {HEADING}", changed(STEP, '      - {zh: "## 第一步", en: Tap cancel.}')),
    case("underlined heading in a reply", f"decision_tree/tree.yaml:22:9: the 'en' text of `reply` {HEADING}",
         changed("    reply: {zh: 您好，请直接取消。, en: Hello. Please cancel.}\n",
                 "    reply:\n      zh: 您好，请直接取消。\n      en: |\n        Hello.\n        ======\n")),
    # --- characters no page can show, written as escapes ---
    case("C1 control character as an escape", f"decision_tree/tree.yaml:16:22: the 'zh' text of "
         f"`summary` contains the control character U+009B, {NO_PAGE}",
         changed(SUMMARY, 'summary: {zh: "直接\\x9b取消。",')),
    case("non-character as an escape", f"decision_tree/tree.yaml:16:22: the 'zh' text of `summary` "
         f"contains the non-character U+FFFE, {NO_PAGE}", changed(SUMMARY, 'summary: {zh: "直接\\uFFFE取消。",')),
    case("lone surrogate as an escape", f"decision_tree/tree.yaml:16:25: the 'zh' text of `summary` "
         f"contains the lone surrogate (half of a character) U+D83D, {NO_PAGE}",
         changed(SUMMARY, 'summary: {zh: "直接取消 \\ud83d",')),
    case("line separator as an escape", f"decision_tree/tree.yaml:8:38: the 'en' text of `label` "
         f"contains the line separator U+2028, {NO_PAGE}", changed("en: Pending}", 'en: "Pending\\L"}')),
    case("control character in a quoted key", "decision_tree/tree.yaml:16:10: unknown key "
         "`summ<U+0000>ary` in this outcome: it contains the control character U+0000: delete it",
         changed("    summary: {zh: 直接取消", '    "summ\\0ary": {zh: 直接取消')),
    # --- invisible and look-alike characters, named where they are ---
    case("zero width space inside a key", "decision_tree/tree.yaml:16:9: unknown key `summ<U+200B>ary` "
         "in this outcome: it contains the invisible character U+200B (zero width space): delete it",
         changed("    summary: {zh: 直接取消", "    summ\u200bary: {zh: 直接取消")),
    case("Cyrillic а in an id", f"decision_tree/tree.yaml:22:10: `id` 'cаncelled' contains {LOOKS_LATIN}",
         changed("  - id: cancelled", "  - id: c\u0430ncelled")),
    case("Cyrillic а in an answer's next", f"decision_tree/tree.yaml:11:16: `next` 'cаncelled' contains "
         f"{LOOKS_LATIN}", changed("        next: cancelled", "        next: c\u0430ncelled")),
    case("full-width letter in a kind", "decision_tree/tree.yaml:14:11: `kind` 'ｏutcome' contains the "
         "full-width ｏ (U+FF4F) instead of o: retype it in plain ASCII",
         changed("    kind: outcome", "    kind: \uff4futcome")),
    case("zero width space after a source id", "decision_tree/tree.yaml:20:18: an item of `sources` "
         "'law<U+200B>' contains the invisible character U+200B (zero width space): delete it",
         changed("    sources: [law]", "    sources: [law\u200b]")),
    # --- a trailing line break is not part of an id or an address ---
    case("line break after a redirect's old id", "decision_tree/tree.yaml:44:19: `old` "
         "'old-page<U+000A>' contains a line break (U+000A): delete it",
         MINIMAL_TREE + 'redirects:\n  - old: "old-page\\n"\n    to: cancelled\n'),
    case("line break after an id", "decision_tree/tree.yaml:13:16: `id` 'unpaid<U+000A>' contains a "
         "line break (U+000A): delete it", changed("  - id: unpaid", '  - id: "unpaid\\n"')),
    case("line break after an answer's next", "decision_tree/tree.yaml:11:25: `next` "
         "'cancelled<U+000A>' contains a line break (U+000A): delete it",
         changed("        next: cancelled", '        next: "cancelled\\n"')),
    case("line break after a source url", "decision_tree/tree.yaml:43:10: `url` must be a web address "
         "starting with https:// and without spaces, quotes, brackets or <>",
         changed("    quality: law", '    quality: law\n    url: "https://flk.npc.gov.cn/\\n"')),
    # --- pasted characters YAML misreads: named at their own line and column ---
    case("full-width colon after a key", "decision_tree/tree.yaml:5:10: " + COLON.format(key="title"),
         changed("    title: {zh: 开始", "    title：{zh: 开始")),
    case("full-width colon after kind", "decision_tree/tree.yaml:14:9: " + COLON.format(key="kind"),
         changed("    kind: outcome", "    kind：outcome")),
    case("full-width colon inside braces", "decision_tree/tree.yaml:5:15: " + COLON.format(key="zh"),
         changed("title: {zh: 开始", "title: {zh：开始")),
    case("full-width comma inside braces", "decision_tree/tree.yaml:5:19: a full-width comma `，` "
         "before `en:`; separate the entries of `{…}` with `,`",
         changed("title: {zh: 开始, en: Start}", "title: {zh: 开始， en: Start}")),
    case("indented with no-break spaces", "decision_tree/tree.yaml:14:1: " + INDENTED.format(
        space="no-break space U+00A0"), changed("    kind: outcome", "\xa0\xa0\xa0\xa0kind: outcome")),
    case("indented with ideographic spaces", "decision_tree/tree.yaml:14:3: " + INDENTED.format(
        space="ideographic space U+3000"), changed("    kind: outcome", "  \u3000kind: outcome")),
    case("pasted line separator", "decision_tree/tree.yaml:16:24: the line separator U+2028 is a line "
         "break to YAML but not to your editor (it comes with pasted text); delete it",
         changed(SUMMARY, "summary: {zh: 直接取消。\u2028,")),
    case("no space after a key's colon", "decision_tree/tree.yaml:14:9: `kind:` needs a space after "
         "its colon: `kind: outcome`", changed("    kind: outcome", "    kind:outcome")),
    case("no space after a language's colon", "decision_tree/tree.yaml:5:15: `zh:` needs a space after "
         "its colon: `zh: 开始`", changed("title: {zh: 开始", "title: {zh:开始")),
    case("ideographic space after a colon", "decision_tree/tree.yaml:14:10: the space after `kind:` is "
         "the ideographic space U+3000; type an ordinary space", changed("    kind: outcome", "    kind:\u3000outcome")),
    case("quote closed on a later line", "decision_tree/tree.yaml:17:11: this quote is not closed on its "
         "line: YAML reads on to the next one, on line 20; close it where the text ends",
         changed("    summary: {zh: 直接取消。, en: Just cancel.}",
                 "    summary:\n      zh: \"直接取消。\n      en: Just cancel.").replace(
             STEP, '      - {zh: "点取消订单。", en: Tap cancel.}')),
    # --- YAML features the tree does not use, in our words ---
    case("YAML 2.0 directive", "decision_tree/tree.yaml:1:1: this file declares a YAML version the "
         "checker does not read; remove the `%YAML` line (the tree is plain YAML 1.1)",
         "%YAML 2.0\n---\n" + MINIMAL_TREE),
    case("merge key", "decision_tree/tree.yaml:23:5: merge keys (`<<:`) are not supported; write the "
         "keys out", changed("  - id: cancelled\n", "  - id: cancelled\n    <<: {kind: outcome}\n")),
    case("merge key with an alias", "decision_tree/tree.yaml:23:5: merge keys (`<<:`) are not "
         "supported; write the keys out",
         changed("    kind: outcome\n    title: {zh: 已取消", "    <<: *o\n    title: {zh: 已取消")
         .replace("  - id: unpaid\n    kind: outcome", "  - id: unpaid\n    kind: &o outcome")),
    # --- files that look like part of the tree ---
    case("upper-case extension", "decision_tree/Extra.YAML:1:1: the extension `.YAML` is not "
         "lower-case, so this file is not read; rename it to `Extra.yaml`", MINIMAL_TREE,
         **{"Extra.YAML": "nodes: []\n"}),
    case("link to a missing file", "decision_tree/extra.yaml:1:1: this is a link to `../drafts/extra.yaml`, "
         "which does not exist; restore that file or remove the link", MINIMAL_TREE,
         **{"extra.yaml": Link("../drafts/extra.yaml")}),  # type: ignore[arg-type]
    case("folder named like a file", "decision_tree/more.yaml:1:1: this is a folder, not a file; tree "
         "files sit directly in the tree's folder (phrasings in its `phrasings/` folder)", MINIMAL_TREE, **{"more.yaml/tree.yaml": "nodes: []\n"}),
    case("macOS metadata file", "decision_tree/._tree.yaml:1:1: note: ignored: a file macOS writes "
         "beside each file it copies (not part of the tree)", MINIMAL_TREE,
         **{"._tree.yaml": b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        "}),
    # --- values the schema allows only one way ---
    case("review date without hyphens", "decision_tree/tree.yaml:21:15: `reviewed` is not a date; "
         "write it as YYYY-MM-DD", changed("    reviewed: 2026-11-01\n  - id: cancelled",
                                           "    reviewed: 20261101\n  - id: cancelled")),
    case("review date as a week", "decision_tree/tree.yaml:21:15: `reviewed` is not a date; write it "
         "as YYYY-MM-DD", changed("    reviewed: 2026-11-01\n  - id: cancelled",
                                  "    reviewed: 2026-W44-1\n  - id: cancelled")),
    case("two answers with the same label", "decision_tree/tree.yaml:10:9: " + SAME_LABEL.format(
        label="待付款", line=8), changed("label: {zh: 已取消, en: Cancelled}", "label: {zh: 待付款, en: Cancelled}")),
    case("two answers with the same English label", "decision_tree/tree.yaml:10:9: " + SAME_LABEL.format(
        label="Pending", line=8), changed("label: {zh: 已取消, en: Cancelled}", "label: {zh: 已取消, en: Pending}")),
    case("javascript: mentioned in prose", [], changed(SUMMARY, 'summary: {zh: "别在地址栏输入 javascript: 开头的代码。",')),
    # --- wide trees ---
    case("a question with twelve answers", "decision_tree/tree.yaml:3:5: warning: 'start' has 12 "
         "answers; a phone shows about 9 at once: split the question in two",
         changed("    tips: [be-polite]\n  - id: unpaid", EXTRA_ANSWERS + "    tips: [be-polite]\n  - id: unpaid")),
]


@dataclass(frozen=True)
class Command:
    """A command line run on a tree folder (the minimal tree unless `files` says otherwise), and
    every line it prints on stderr."""

    name: str
    args: list[str]
    expect: list[str]
    files: dict[str, str | bytes] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)


URLS = "/\n/about/\n/en/\n/en/about/\n/en/flowchart/\n/en/guide/cancelled/\n/en/guide/unpaid/\n"
BAD_SITE_URL = "SITE_URL is '{url}': it must be the site's address, a scheme, a host and a path and " \
               "nothing else (like https://name.github.io/repository/); {fix}"
NO_GIT = "decision_tree/published_urls.txt:1:1: note: not in a git repository: URLs removed from this " \
         "file cannot be checked (its own lines still are)"
BUILD = ["build", "--tree", "decision_tree", "--out", "pages"]

COMMANDS: list[Command] = [
    Command("published URLs not UTF-8", ["check", "decision_tree"],
            ["decision_tree/published_urls.txt:1:4: byte 0xb8 is not UTF-8; save the file as UTF-8",
             "1 problem in the decision tree; nothing was written."],
            {"published_urls.txt": "# 每个发布过的网址\n/\n/about/ # 关于\n".encode("gbk")}),
    Command("published URLs with a byte order mark", ["check", "decision_tree"],
            ["decision_tree/published_urls.txt:1:1: the file starts with a byte order mark (BOM); "
             "save it as UTF-8 without BOM", "1 problem in the decision tree; nothing was written."],
            {"published_urls.txt": b"\xef\xbb\xbf" + URLS.encode()}),
    Command("published URL broken over two lines", ["check", "decision_tree"],
            [NO_GIT, "decision_tree/published_urls.txt:2:1: '/guide/old-page' is not a URL of this site: "
             "write a path from the site's root, like /guide/name/",
             "1 problem in the decision tree; nothing was written."],
            {"published_urls.txt": "/\n/guide/old-page\n/\n"}),
    Command("check keeps the promise the build keeps", ["check", "decision_tree"],
            [NO_GIT, "decision_tree/published_urls.txt:3:1: '/guide/gone/' was published and no page "
             "serves it now; keep it working with a redirect (`redirects:` in the tree)",
             "1 problem in the decision tree; nothing was written."],
            {"published_urls.txt": "# kept by hand\n/\n/guide/gone/\n"}),
    Command("site address with a query", BUILD, [BAD_SITE_URL.format(
        url="https://example.org/help/?utm=x", fix="remove the query `?utm=x`")],
        env={"SITE_URL": "https://example.org/help/?utm=x"}),
    Command("site address with a fragment", BUILD, [BAD_SITE_URL.format(
        url="https://example.org/help/#top", fix="remove the fragment `#top`")],
        env={"SITE_URL": "https://example.org/help/#top"}),
    Command("site address with a quote", BUILD, [BAD_SITE_URL.format(
        url='https://example.org/"onload="alert(1)', fix="remove the character `\"`")],
        env={"SITE_URL": 'https://example.org/"onload="alert(1)'}),
    Command("site address empty", BUILD, ["SITE_URL is empty: set it to the site's address "
                                          "(like https://name.github.io/repository/), or leave it unset"],
            env={"SITE_URL": ""}),
    Command("site address given on the command line", ["replies", "--tree", "decision_tree",
                                                       "--site-url", "example.org/help"],
            ["--site-url is 'example.org/help': it must be the site's address, a scheme, a host and a path "
             "and nothing else (like https://name.github.io/repository/); start it with https://"]),
]
