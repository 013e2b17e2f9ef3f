"""Editors' mistakes never crash the checker, and every valid tree builds: property-based tests.

Hypothesis mutates the real decision_tree/*.yaml the way a hurried editor (or a broken save)
would (escapes of characters no page can show, lone surrogates and list items nested by
indentation among them), and generates small valid trees from scratch; test_fuzz_nesting.py
nests YAML of every form up to 25,000 levels deep. The runs are deterministic
(`derandomize=True`: the same examples on every machine, no example database) and bounded.
Examples that run by default (FUZZ_EXAMPLES=100): 100 mutated trees, 25 harmless edits,
50 generated trees, plus 40 to check the generator itself; about 20 s on 2 cores.
FUZZ_EXAMPLES=2000 makes a deep run of a few minutes. To see how many ran, and how long each took:

    python -m pytest tests/unit/test_fuzz.py tests/unit/test_fuzz_nesting.py --hypothesis-show-statistics
"""

from __future__ import annotations

import functools
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.derive.derive import derive
from build_tools.tree.load import tree_files
from build_tools.tree.model import LANGUAGES, Tree
from build_tools.tree.problems import Problem
from build_tools.settings import TREE_DIR
from build_tools.publish.site import generate
from build_tools.tree.text_rules import MAX_LINE, normalize
from build_tools.tree.read import check_tree
from tests.conftest import TODAY

pytestmark = pytest.mark.slow

# Examples for the mutation test; the other tests run a share of it (theirs cost more, or find less).
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
FUZZ = settings(max_examples=EXAMPLES, derandomize=True, database=None, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

REAL_FILES: dict[str, bytes] = {p.name: p.read_bytes() for p in tree_files(TREE_DIR)}
# The line breaks an editor counts: positions are checked against them. (PyYAML also breaks
# lines at U+0085, U+2028 and U+2029; a file with one is refused at that character first.)
LINE_BREAK = re.compile("\r\n|[\r\n]")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder reused by every example (Hypothesis runs examples one after another)."""
    return tmp_path_factory.mktemp("fuzz") / "decision_tree"


def write_folder(folder: Path, files: dict[str, bytes]) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def assert_editor_can_find(problems: list[Problem], folder: Path, files: dict[str, bytes]) -> None:
    """Each problem names a file of the tree, a line and column inside it, and says something."""
    for problem in problems:
        path = Path(problem.at.file).resolve()
        assert path.parent == folder.resolve() and path.name in files, problem
        lines = LINE_BREAK.split(files[path.name].decode("utf-8", "replace"))
        assert 1 <= problem.at.line <= len(lines), problem
        assert 1 <= problem.at.column <= len(lines[problem.at.line - 1]) + 1, problem
        assert problem.message.strip() and "\n" not in problem.message, problem


# --- mutations of the real files: each takes Hypothesis's `draw` and a file's bytes ---

Draw = Callable[[st.SearchStrategy], object]
KEY_LINE = re.compile(rb"^( *)(- )?([A-Za-z_]+):(.*?)(\r?\n)?$")
REF_LINE = re.compile(rb"^ *(?:- )?(?:id|next|start|old|to): *([a-z0-9-]+) *$")
NODE_START = re.compile(rb"^  - id: ")
NEW_VALUES = [b"[]", b"{}", b"123", b"yes", b"no", b"on", b"off", b"null", b"~", b"010", b"1e3",
              b"2026-13-45", b'""', b"!!binary aGk=", b"{zh: x}", b"[a, b]", b"- x", b"@x", b"`x`",
              b'"\\q"', b"&anchor x", b"*anchor", b"|", b">-", b"? x"]
SYNTAX = [b": ", b"- ", b"#", b'"', b"'", b"&a ", b"*a", b"!!str ", b"? ", b"|", b">", b"---\n",
          b"...\n", b"%YAML 1.1\n", b"@", b"`", b"\\", b",", b"[", b"]", b"{", b"}", b"\r", b"\n  "]


def lines_of(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True) or [b""]


def pick_line(draw: Draw, lines: list[bytes], pattern: re.Pattern[bytes]) -> int | None:
    matching = [i for i, line in enumerate(lines) if pattern.match(line)]
    return draw(st.sampled_from(matching)) if matching else None


def block_end(lines: list[bytes], start: int) -> int:
    """The line after the value of the key on `start`: the first line indented no deeper."""
    match = KEY_LINE.match(lines[start])
    indent = len(match.group(1)) + len(match.group(2) or b"") if match else 0
    end = start + 1
    while end < len(lines) and (not lines[end].strip()
                                or len(lines[end]) - len(lines[end].lstrip(b" ")) > indent):
        end += 1
    return end


def delete_line(draw: Draw, data: bytes) -> bytes:
    lines = lines_of(data)
    del lines[draw(st.integers(0, len(lines) - 1))]
    return b"".join(lines)


def delete_key(draw: Draw, data: bytes) -> bytes:
    lines = lines_of(data)
    i = pick_line(draw, lines, KEY_LINE)
    if i is None:
        return data
    return b"".join(lines[:i] + lines[block_end(lines, i):])


def change_type(draw: Draw, data: bytes) -> bytes:
    """A key keeps its name; its value (inline or the block under it) becomes another type."""
    lines = lines_of(data)
    i = pick_line(draw, lines, KEY_LINE)
    if i is None:
        return data
    match = KEY_LINE.match(lines[i])
    new = match.group(1) + (match.group(2) or b"") + match.group(3) + b": "
    new += draw(st.sampled_from(NEW_VALUES)) + b"\n"
    return b"".join(lines[:i] + [new] + lines[block_end(lines, i):])


def swap_ids(draw: Draw, data: bytes) -> bytes:
    """Two ids (or references) trade places; drawing the same line twice changes nothing."""
    lines = lines_of(data)
    refs = [i for i, line in enumerate(lines) if REF_LINE.match(line)]
    if not refs:
        return data
    a, b = draw(st.sampled_from(refs)), draw(st.sampled_from(refs))
    id_a, id_b = REF_LINE.match(lines[a]).group(1), REF_LINE.match(lines[b]).group(1)
    lines[a] = lines[a].replace(id_a, id_b, 1) if a != b else lines[a]
    lines[b] = lines[b].replace(id_b, id_a, 1) if a != b else lines[b]
    return b"".join(lines)


def duplicate_node(draw: Draw, data: bytes) -> bytes:
    lines = lines_of(data)
    i = pick_line(draw, lines, NODE_START)
    if i is None:
        return data
    end = i + 1
    while end < len(lines) and not NODE_START.match(lines[end]) and (
            lines[end].startswith(b"   ") or not lines[end].strip()):
        end += 1
    return b"".join(lines[:end] + lines[i:end] + lines[end:])


def truncate(draw: Draw, data: bytes) -> bytes:
    return data[: draw(st.integers(0, len(data)))]


def insert(draw: Draw, data: bytes, what: bytes) -> bytes:
    at = draw(st.integers(0, len(data)))
    return data[:at] + what + data[at:]


def insert_tab(draw: Draw, data: bytes) -> bytes:
    return insert(draw, data, b"\t")


def insert_bytes(draw: Draw, data: bytes) -> bytes:
    return insert(draw, data, draw(st.binary(min_size=1, max_size=8)))


def insert_unicode(draw: Draw, data: bytes) -> bytes:
    return insert(draw, data, draw(st.text(min_size=1, max_size=8)).encode("utf-8"))


def insert_syntax(draw: Draw, data: bytes) -> bytes:
    return insert(draw, data, draw(st.sampled_from(SYNTAX)))


def insert_nesting(draw: Draw, data: bytes) -> bytes:
    """Brackets never closed, or list items nested by indentation, deep enough to exhaust a
    recursive parser."""
    if draw(st.booleans()):
        opener = draw(st.sampled_from([b"[", b"{", b"- "]))
        return insert(draw, data, opener * draw(st.integers(1, 1500)))
    lines = lines_of(data)
    at = draw(st.integers(0, len(lines)))
    nested = b"".join(b" " * (2 * i) + b"-\n" for i in range(draw(st.integers(1, 400))))
    return b"".join(lines[:at] + [nested] + lines[at:])


# Escapes of a double-quoted YAML text: the characters no page can show (controls, C1, lone
# surrogates, non-characters, line separators), invisible ones, and harmless ones.
ESCAPES = [b"\\x9b", b"\\x00", b"\\x85", b"\\e", b"\\0", b"\\uFFFE", b"\\uffff", b"\\U0010FFFF",
           b"\\ud83d", b"\\udc00", b"\\ud83d\\ude00", b"\\L", b"\\P", b"\\N", b"\\_", b"\\u200b",
           b"\\ufeff", b"\\u00e9", b"\\t", b"\\n", b"\\\\", b'\\"']


def escape(draw: Draw) -> bytes:
    if draw(st.booleans()):
        return draw(st.sampled_from(ESCAPES))
    return b"\\u%04x" % draw(st.integers(0, 0xFFFF))  # any code unit, surrogates included


def insert_escapes(draw: Draw, data: bytes) -> bytes:
    """Escapes written into a value: inside an existing double-quoted text, or as a new one."""
    quotes = [i + 1 for i, byte in enumerate(data) if byte == ord('"')]
    written = b"".join(escape(draw) for _ in range(draw(st.integers(1, 3))))
    if quotes and draw(st.booleans()):
        at = draw(st.sampled_from(quotes))
        return data[:at] + written + data[at:]
    lines = lines_of(data)
    i = pick_line(draw, lines, KEY_LINE)
    if i is None:
        return data
    match = KEY_LINE.match(lines[i])
    lines[i] = match.group(1) + (match.group(2) or b"") + match.group(3) + b': "x' + written + b'"\n'
    return b"".join(lines)


MUTATIONS = [delete_line, delete_key, change_type, swap_ids, duplicate_node, truncate,
             insert_tab, insert_bytes, insert_unicode, insert_syntax, insert_nesting, insert_escapes]


@FUZZ
@given(st.data())
def test_a_mutated_tree_gives_problems_that_point_into_the_files(workdir: Path, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(REAL_FILES)), label="file")
    mutations = data.draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3), label="mutations")
    mutated = REAL_FILES[name]
    for mutate in mutations:
        mutated = mutate(data.draw, mutated)
    files = {**REAL_FILES, name: mutated}
    folder = write_folder(workdir, files)

    tree, problems = check_tree(folder, today=TODAY)  # must return, never raise

    assert (tree is None) == bool(problems)
    assert_editor_can_find(problems, folder, files)
    if mutated == REAL_FILES[name]:
        assert problems == []


def harmless(draw: Draw, data: bytes) -> bytes:
    """Edits that change no value: Windows line endings, a comment or blank lines at the end."""
    edit = draw(st.sampled_from(["crlf", "comment", "blank lines", "no final newline"]))
    if edit == "crlf":
        return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    if edit == "comment":
        return data + "# 备注：以后再改\n".encode()
    if edit == "blank lines":
        return data + b"\n\n   \n"
    return data.rstrip(b"\n")


@pytest.fixture(scope="module")
def real_tree(workdir: Path) -> Tree:
    tree, problems = check_tree(write_folder(workdir, REAL_FILES), today=TODAY)
    assert problems == [] and tree is not None
    return tree


@settings(FUZZ, max_examples=max(1, EXAMPLES // 4))
@given(st.data())
def test_an_edit_that_changes_no_value_keeps_the_same_tree(workdir: Path, real_tree: Tree,
                                                           data: st.DataObject) -> None:
    names = data.draw(st.sets(st.sampled_from(sorted(REAL_FILES)), max_size=3), label="files")
    files = {name: harmless(data.draw, content) if name in names else content
             for name, content in REAL_FILES.items()}

    tree, problems = check_tree(write_folder(workdir, files), today=TODAY)

    assert problems == []
    assert tree == real_tree  # positions are not compared: line endings may move them


# --- small valid trees, written as YAML the way editors write it ---

WORDS_ZH = ["订单", "退款", "商家", "抖音", "客服", "申请", "已发货", "七天无理由", "原路退回", "运费险"]
WORDS_EN = ["order", "refund", "Tap", "merchant", "Douyin", "it's", "e.g.", "1–3 days", "12315", "¥20"]
PUNCTUATION = ["，", "。", "？", "！", "：", "；", "、", "“", "”", "（", "）", "——", "…", "→", "·",
               ", ", ". ", "? ", "! ", ": ", "; ", "'", '"', " - ", "/", "%", "&", " #", "@", "*",
               "~", "|", "\\", "=", "+", "`"]


def tokens(words: list[str]) -> list[str]:
    """What texts are made of: words, **bold** words, https links and punctuation."""
    return (words * 2 + [f"**{w}**" for w in words] + PUNCTUATION
            + [f"[{w}](https://example.org/{i})" for i, w in enumerate(words[:3])])


# Few draws per text: generating the trees, not checking them, is what takes the time.
LINE_PARTS = {lang: st.tuples(st.sampled_from(words), st.lists(st.sampled_from(tokens(words)), max_size=8))
              for lang, words in (("zh", WORDS_ZH), ("en", WORDS_EN))}


@st.composite
def line_texts(draw: Draw, lang: str) -> str:
    """One line of text, at most MAX_LINE characters, that starts with a word."""
    first, rest = draw(LINE_PARTS[lang])
    separator = "" if lang == "zh" else " "
    text = first
    for more in rest:
        if len(text) + len(separator) + len(more) > MAX_LINE:
            break
        text += separator + more
    return text


def texts(lang: str, multi_line: bool = False) -> st.SearchStrategy[str]:
    if not multi_line:
        return line_texts(lang)
    return st.lists(line_texts(lang), min_size=1, max_size=2).map("\n\n".join)


@functools.cache
def reads_back_plain(text: str) -> bool:
    """Whether YAML reads the text unquoted as exactly this string (and nothing like a number)."""
    if text != text.strip() or "\n" in text or text[0] in "-+.0123456789":
        return False
    try:
        node = yaml.compose(f"k: {text}\n").value[0][1]
    except yaml.YAMLError:
        return False
    return node.tag == "tag:yaml.org,2002:str" and node.style is None and node.value == text


def quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def scalar(draw: Draw, text: str) -> str:
    """The text as a YAML scalar, in a style drawn from those that read back as the same text."""
    styles = ["double"] + (["single"] if "\n" not in text else []) + (
        ["plain"] if reads_back_plain(text) else [])
    style = draw(st.sampled_from(styles))
    if style == "plain":
        return text
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    return quoted(text)


def translations(draw: Draw, values: dict[str, str], indent: int) -> str:
    """What follows `key:` or `-`: a flow mapping, or a block mapping indented by `indent`."""
    if draw(st.booleans()):
        return " {" + ", ".join(f"{lang}: {quoted(v)}" for lang, v in values.items()) + "}\n"
    return "\n" + "".join(f"{' ' * indent}{lang}: {scalar(draw, v)}\n" for lang, v in values.items())


def text_key(draw: Draw, key: str, indent: int, multi_line: bool = False) -> tuple[str, dict[str, str]]:
    values = {lang: draw(texts(lang, multi_line)) for lang in LANGUAGES}
    return f"{' ' * indent}{key}:" + translations(draw, values, indent + 2), values


def text_item(draw: Draw, indent: int) -> str:
    """A list item `- zh: …` (its other languages under it) or `- {zh: …, en: …}`: one
    paragraph, as a list item must be."""
    values = {lang: draw(texts(lang)) for lang in LANGUAGES}
    body = translations(draw, values, indent + 2)
    if body.startswith(" {"):
        return f"{' ' * indent}-{body}"
    return f"{' ' * indent}- " + body[1 + indent + 2:]  # the first language on the `-` line


def text_list(draw: Draw, key: str, at_least: int) -> str:
    items = [text_item(draw, 6) for _ in range(draw(st.integers(at_least, 2)))]
    return f"    {key}:\n" + "".join(items) if items else ""


def keywords(draw: Draw) -> str:
    if not draw(st.booleans()):
        return ""
    lines = ["    search:\n"]
    for lang in LANGUAGES:
        words = draw(st.lists(texts(lang), min_size=1, max_size=3))
        lines.append(f"      {lang}: [{', '.join(map(quoted, words))}]\n")
    return "".join(lines)


@dataclass
class Spec:
    """What a generated tree must read back as."""

    answers: dict[str, list[str]] = field(default_factory=dict)  # question -> answer targets
    outcomes: list[str] = field(default_factory=list)
    tips: dict[str, list[str]] = field(default_factory=dict)  # page -> the tips it links
    titles: dict[str, dict[str, str]] = field(default_factory=dict)  # node -> lang -> title


@st.composite
def valid_trees(draw: Draw) -> tuple[Spec, dict[str, bytes]]:
    """A start question, up to three more, 2-4 answers each, shared outcomes, linked tips."""
    spec = Spec()
    queue, budget = ["start"], draw(st.integers(0, 3))
    while queue:
        question, targets = queue.pop(0), []
        for _ in range(draw(st.integers(2, 4))):
            choice = draw(st.sampled_from(["question", "outcome", "shared"]))
            if choice == "question" and budget:
                budget -= 1
                queue.append(f"q-{budget}")
                targets.append(queue[-1])
            elif choice == "shared" and spec.outcomes:
                targets.append(draw(st.sampled_from(spec.outcomes)))
            else:
                spec.outcomes.append(f"outcome-{len(spec.outcomes)}")
                targets.append(spec.outcomes[-1])
        spec.answers[question] = targets
    pages = [*spec.answers, *spec.outcomes]
    for tip in [f"tip-{i}" for i in range(draw(st.integers(0, 2)))]:
        for page in sorted(draw(st.sets(st.sampled_from(pages), min_size=1, max_size=3))):
            spec.tips.setdefault(page, []).append(tip)
    tips = sorted({t for linked in spec.tips.values() for t in linked})
    blocks = ([question_block(draw, spec, q) for q in spec.answers]
              + [outcome_block(draw, spec, o) for o in spec.outcomes]
              + [tip_block(draw, spec, t) for t in tips])
    return spec, split_into_files(draw, blocks)


def node_head(draw: Draw, spec: Spec, node: str, kind: str) -> str:
    title, spec.titles[node] = text_key(draw, "title", 4)
    tips = spec.tips.get(node, [])
    return (f"  - id: {node}\n    kind: {kind}\n{title}"
            + (f"    tips: [{', '.join(tips)}]\n" if tips else "") + keywords(draw))


def question_block(draw: Draw, spec: Spec, node: str) -> str:
    block = node_head(draw, spec, node, "question") + text_key(draw, "question", 4)[0]
    if draw(st.booleans()):
        block += text_key(draw, "intro", 4, multi_line=True)[0]
    block += "    answers:\n"
    targets = spec.answers[node]
    labels = draw(st.lists(st.tuples(*(texts(lang) for lang in LANGUAGES)), min_size=len(targets),
                           max_size=len(targets), unique_by=tuple(  # a reader must tell them apart
                               (lambda pair, i=i: normalize(pair[i])) for i in range(len(LANGUAGES)))))
    for target, label in zip(targets, labels):
        block += "      - label:" + translations(draw, dict(zip(LANGUAGES, label)), 10)
        block += f"        next: {target}\n"
        if draw(st.booleans()):
            block += text_key(draw, "hint", 8)[0]
    return block


def sourced(draw: Draw) -> str:
    sources = sorted(draw(st.sets(st.sampled_from(["law", "app-help"]), min_size=1)))
    reviewed = draw(st.dates(min_value=TODAY.replace(year=2020), max_value=TODAY))
    return f"    sources: [{', '.join(sources)}]\n    reviewed: {reviewed.isoformat()}\n"


def outcome_block(draw: Draw, spec: Spec, node: str) -> str:
    block = node_head(draw, spec, node, "outcome") + text_key(draw, "summary", 4, True)[0]
    block += text_list(draw, "steps", at_least=1) + text_key(draw, "reply", 4, True)[0]
    for optional in ("evidence", "escalation", "notes"):
        block += text_list(draw, optional, at_least=0)
    return block + sourced(draw)


def tip_block(draw: Draw, spec: Spec, node: str) -> str:
    block = node_head(draw, spec, node, "tip") + text_key(draw, "summary", 4, True)[0]
    return block + text_list(draw, "points", at_least=1) + sourced(draw)


SOURCES = """\
sources:
  - id: law
    title: {zh: 消费者权益保护法, en: Consumer law}
    quality: law
    url: https://flk.npc.gov.cn/
  - id: app-help
    title: {zh: "抖音 App：客服与帮助", en: "Douyin app: help"}
    quality: official
"""


def split_into_files(draw: Draw, blocks: list[str]) -> dict[str, bytes]:
    """The nodes spread over one to three files; `start:` and the sources in the first."""
    count = draw(st.integers(1, 3))
    where = [draw(st.integers(0, count - 1)) for _ in blocks]
    files = {}
    for i in range(count):
        nodes = "".join(b for b, w in zip(blocks, where) if w == i)
        head = "# yaml-language-server: $schema=schema.json\nstart: start\n" + SOURCES if i == 0 else ""
        if head or nodes:
            files[f"part-{i}.yaml"] = (head + (f"nodes:\n{nodes}" if nodes else "")).encode("utf-8")
    return files


@settings(FUZZ, max_examples=max(1, EXAMPLES // 2))
@given(valid_trees())
def test_a_valid_tree_reads_back_as_written_and_builds(workdir: Path,
                                                       generated: tuple[Spec, dict[str, bytes]]) -> None:
    spec, files = generated
    folder = write_folder(workdir, files)

    tree, problems = check_tree(folder, today=TODAY)

    assert problems == [], "\n".join(map(str, problems))
    assert {q.id: [a.next.id for a in q.answers] for q in tree.questions()} == spec.answers
    assert sorted(o.id for o in tree.outcomes()) == sorted(spec.outcomes)
    assert {n: {lang: normalize(t) for lang, t in titles.items()} for n, titles in spec.titles.items()} == {
        n.id: {lang: n.title[lang] for lang in LANGUAGES} for n in tree.nodes.values()}
    derived = derive(tree)
    for lang in LANGUAGES:
        site = generate(derived, lang, "https://example.org/")
        for node in tree.nodes.values():
            assert f"# {node.title[lang]}\n" in site.files[derived.path(node.id)]


def test_the_generated_trees_have_every_promised_shape() -> None:
    """Guards the strategy: it must keep producing the shapes the test above relies on."""
    seen = dict.fromkeys(["shared outcome", "nested question", "tip", "several files",
                          "four answers", "flow mapping", "plain text"], False)

    @settings(FUZZ, max_examples=40)
    @given(valid_trees())
    def look(generated: tuple[Spec, dict[str, bytes]]) -> None:
        spec, files = generated
        targets = [t for ts in spec.answers.values() for t in ts]
        text = b"".join(files.values()).decode()
        seen["shared outcome"] |= len(targets) > len(set(targets))
        seen["nested question"] |= len(spec.answers) > 1
        seen["tip"] |= bool(spec.tips)
        seen["several files"] |= len(files) > 1
        seen["four answers"] |= any(len(ts) == 4 for ts in spec.answers.values())
        seen["flow mapping"] |= "title: {zh:" in text
        seen["plain text"] |= bool(re.search(r"\n      zh: [^\"'\n]", text))

    look()
    assert all(seen.values()), seen


def test_the_mutations_find_what_they_look_for_in_the_real_files() -> None:
    """If the tree files change style (say, flow lists of nodes), these mutations go blind."""
    lines = [line for data in REAL_FILES.values() for line in lines_of(data)]
    assert sum(1 for line in lines if NODE_START.match(line)) > 10
    assert sum(1 for line in lines if REF_LINE.match(line)) > 20
    assert sum(1 for line in lines if KEY_LINE.match(line)) > 200
