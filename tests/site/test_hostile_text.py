"""Everything the site shows from the YAML is escaped or sanitised.

Hostile strings go into every kind of text field of the real tree: titles, questions, intros,
labels, hints, summaries, steps, evidence, replies, search phrases, tip points and source
titles. Each string is either rejected by the checker with a message an editor can act on, or
the strict site build succeeds and its HTML runs nothing the site did not write itself: no
script of the editor's, no event-handler attribute, no script URL, no template evaluated.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from build_tools.tree.read import check_tree
from tests.conftest import ROOT, TODAY, copy_project, site_build

pytestmark = pytest.mark.slow

URL = "https://example.org/"
YamlPath = tuple[str | int, ...]

# Where the strings go: (file, path to a text in it). One of each kind of field.
FIELDS: dict[str, tuple[str, YamlPath]] = {
    "home title": ("start.yaml", ("nodes", 0, "title", "zh")),
    "question": ("start.yaml", ("nodes", 0, "question", "en")),
    "intro": ("start.yaml", ("nodes", 0, "intro", "zh")),
    "answer label": ("start.yaml", ("nodes", 0, "answers", 0, "label", "zh")),
    "answer hint": ("start.yaml", ("nodes", 0, "answers", 1, "hint", "en")),
    "outcome title": ("cancelled.yaml", ("nodes", 0, "title", "zh")),
    "summary": ("cancelled.yaml", ("nodes", 0, "summary", "zh")),
    "step": ("cancelled.yaml", ("nodes", 0, "steps", 0, "zh")),
    "evidence": ("cancelled.yaml", ("nodes", 0, "evidence", 0, "en")),
    "reply": ("cancelled.yaml", ("nodes", 0, "reply", "zh")),
    "search phrase": ("cancelled.yaml", ("nodes", 0, "search", "zh", 0)),
    "tip title": ("tips.yaml", ("nodes", 0, "title", "zh")),
    "tip point": ("tips.yaml", ("nodes", 0, "points", 0, "en")),
    "source title": ("sources.yaml", ("sources", 0, "title", "zh")),
}


def find(root: yaml.Node, path: YamlPath) -> yaml.Node:
    node = root
    for key in path:
        found = node.value[key] if isinstance(key, int) else next(
            (v for k, v in node.value if k.value == key), None)
        assert found is not None, f"the real tree has no {path}: update FIELDS"
        node = found
    return node


def with_text(source: str, path: YamlPath, value: str) -> str:
    """The YAML source with the value at `path` replaced by `value` (double-quoted)."""
    node = find(yaml.compose(source), path)
    old = source[node.start_mark.index:node.end_mark.index]
    # Written as escapes when not printable, as an editor would have to (a lone surrogate cannot
    # be saved as UTF-8 at all).
    new = json.dumps(value, ensure_ascii=not value.isprintable()) + ("\n" if old.endswith("\n") else "")
    return source[:node.start_mark.index] + new + source[node.end_mark.index:]


def plant(tree_dir: Path, value: str, fields: dict[str, tuple[str, YamlPath]] = FIELDS) -> dict[str, int]:
    """Put `value` into every field; return the line each field's value is on now."""
    for name, path in fields.values():
        file = tree_dir / name
        file.write_text(with_text(file.read_text(encoding="utf-8"), path, value), encoding="utf-8")
    return {field: find(yaml.compose((tree_dir / name).read_text(encoding="utf-8")), path).start_mark.line + 1
            for field, (name, path) in fields.items()}


# --- strings the checker refuses, with what the editor reads ---

RAW_HTML = "contains raw HTML (`<...>`); write Markdown, or `&lt;` for a literal <"
SCRIPT_LINK = "contains a script link (javascript:, vbscript: or data:); link to https only"
REJECTED = {
    "<script>alert(1)</script>": RAW_HTML,
    "<img src=x onerror=alert(1)>": RAW_HTML,
    "</p><script>": RAW_HTML,
    "[x](javascript:alert(1))": SCRIPT_LINK,
    "[x](java&#115;cript:alert(1))": SCRIPT_LINK,
    "[x](jav\tascript:alert(1))": SCRIPT_LINK,
    '{ onclick="alert(1)" }': "contains `{...}`, which Markdown reads as HTML attributes; remove the braces",
    "[x](guide/cancelled.md)": "links to 'guide/cancelled.md'; a link must be a full address starting with https://",
    "![x](https://example.org/pixel.png)": "contains an image (`![...](...)`); texts cannot show images",
    "a\x9bb": "contains the control character U+009B, which no page can show; delete it",
    "a\ufffeb": "contains the non-character U+FFFE, which no page can show; delete it",
    "a\ud83db": "contains the lone surrogate (half of a character) U+D83D, which no page can show; delete it",
}
URL_RULE = "`url` must be a web address starting with https:// and without spaces, quotes, brackets or <>"
HOSTILE_URLS = ["javascript:alert(1)", 'https://example.org/" onmouseover="alert(1)',
                "https://example.org/) <script>alert(1)</script>", "http://example.org/"]


@pytest.fixture
def tree_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(ROOT / "decision_tree", tmp_path / "decision_tree"))


@pytest.mark.parametrize("value", REJECTED)
def test_the_checker_refuses_markup_in_every_field(tree_dir: Path, value: str) -> None:
    lines = plant(tree_dir, value)

    tree, problems = check_tree(tree_dir, today=TODAY)

    assert tree is None
    assert sorted((Path(p.at.file).name, p.at.line) for p in problems) == sorted(
        (FIELDS[field][0], line) for field, line in lines.items())
    assert all(p.message.endswith(" " + REJECTED[value]) for p in problems), [str(p) for p in problems]


# Where each field is shown: on one line, inside a line (a link, a list item), or as paragraphs.
SHAPES = {"line": ["home title", "question", "answer label", "outcome title", "search phrase",
                   "tip title", "source title"],
          "paragraph": ["answer hint", "step", "evidence", "tip point"],
          "text": ["intro", "summary", "reply"]}
ONE_LINE = "must fit on one line"
ONE_PARAGRAPH = ("must be one paragraph without line breaks: it is shown inside a line of its page "
                 "(an answer's link, a list item); join the lines")
HEADING = ("has a heading (a line starting with `#`, or underlined with `===` or `---`), which would "
           "split the page; a text cannot add headings: remove it")


@pytest.mark.parametrize(("value", "refused"), [
    ("第一段\n\n- [x](https://example.org/)", {"line": ONE_LINE, "paragraph": ONE_PARAGRAPH}),
    ("第一段\n\n# 标题", {"line": ONE_LINE, "paragraph": ONE_PARAGRAPH, "text": HEADING}),
    ("## 标题", {"paragraph": HEADING, "text": HEADING}),
], ids=["a list after a blank line", "a heading after a blank line", "a heading"])
def test_block_markdown_is_refused_where_it_would_break_the_page(tree_dir: Path, value: str,
                                                                  refused: dict[str, str]) -> None:
    """A hint's blank line ends its answer's link, a step's its numbered list, and a heading
    splits any page; a summary may have paragraphs and lists."""
    lines = plant(tree_dir, value)

    tree, problems = check_tree(tree_dir, today=TODAY)

    field_at = {(FIELDS[field][0], line): field for field, line in lines.items()}
    found = {field_at[Path(p.at.file).name, p.at.line]: next(
        (m for m in (ONE_LINE, ONE_PARAGRAPH, HEADING) if p.message.endswith(" " + m)), p.message)
        for p in problems}
    assert found == {field: refused[shape] for shape, fields in SHAPES.items() if shape in refused
                     for field in fields}
    assert sorted(f for fields in SHAPES.values() for f in fields) == sorted(FIELDS)


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_the_checker_refuses_a_source_url_that_is_not_a_plain_https_address(tree_dir: Path, url: str) -> None:
    sources = tree_dir / "sources.yaml"
    text = sources.read_text(encoding="utf-8")
    assert "url: https://www.12315.cn/" in text
    sources.write_text(text.replace("url: https://www.12315.cn/", f"url: {json.dumps(url)}", 1), encoding="utf-8")

    tree, problems = check_tree(tree_dir, today=TODAY)

    assert [p.message for p in problems] == [URL_RULE]


# --- strings the site must show as text ---

ATTRIBUTE, APOSTROPHE = '" onmouseover="x(1)', "' onfocus='x(2)"
ENTITY_IMG, ENTITY_SCRIPT = "&lt;img src=x onerror=x(3)&gt;", "&lt;script&gt;x(4)&lt;/script&gt;"
JINJA = "{{ 7*7 }}{% raw %}"
# All of them at once, in every field: short enough for a title (120 characters).
ACCEPTED = " ".join([ATTRIBUTE, APOSTROPHE, ENTITY_IMG, ENTITY_SCRIPT, JINJA])
SHOWN = ACCEPTED.replace("&lt;", "<").replace("&gt;", ">")  # what a reader sees


class Page(HTMLParser):
    """One page, parsed: its scripts, its attributes, its visible text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[str] = []  # src, or the inline code
        self.attributes: list[tuple[str, str, str]] = []  # (tag, name, value), values unescaped
        self.text: list[str] = []
        self._script: list[str] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        if tag == "script":
            src = dict(attrs).get("src")
            self._script = [] if src is None else None
            if src is not None:
                self.scripts.append(src)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None

    def handle_data(self, data: str) -> None:
        (self._script if self._script is not None else self.text).append(data)


@dataclass(frozen=True)
class Built:
    folder: Path
    pages: dict[str, Page]  # path relative to the site -> parsed page


def build(folder: Path, value: str | None) -> Built:
    project = copy_project(folder)
    if value is not None:
        plant(project / "decision_tree", value)
    result = site_build(project, project / "site", URL)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    return Built(site, {p.relative_to(site).as_posix(): Page(p.read_text(encoding="utf-8"))
                        for p in sorted(site.rglob("*.html"))})


@pytest.fixture(scope="module")
def plain_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build(tmp_path_factory.mktemp("plain"), None)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The real site with ACCEPTED in every field, built with `mkdocs build --strict`."""
    return build(tmp_path_factory.mktemp("hostile"), ACCEPTED)


def test_the_hostile_strings_fit_every_field() -> None:
    assert len(ACCEPTED) <= 120


def test_every_page_runs_only_the_sites_own_scripts(hostile_site: Built, plain_site: Built) -> None:
    assert sorted(hostile_site.pages) == sorted(plain_site.pages)
    changed = [path for path, page in hostile_site.pages.items()
               if page.scripts != plain_site.pages[path].scripts]
    assert changed == []


EVENT_HANDLER = re.compile(r"on\w+", re.IGNORECASE)
SCRIPT_URL = re.compile(r"^(?:javascript|vbscript|data):", re.IGNORECASE)


def offending_attributes(site: Built, meta: bool) -> list[str]:
    """Event handlers, and script URLs in any attribute as a browser reads them: on <meta> tags
    only, or on every other element."""
    found = []
    for path, page in site.pages.items():
        for tag, name, value in page.attributes:
            if (tag == "meta") != meta:
                continue
            squeezed = re.sub(r"[\s\x00-\x1f]", "", value)
            if EVENT_HANDLER.fullmatch(name) or SCRIPT_URL.match(squeezed):
                found.append(f"{path}: <{tag} {name}={value!r}>")
    return found


def test_no_element_gets_an_event_handler_or_a_script_url(hostile_site: Built) -> None:
    assert offending_attributes(hostile_site, meta=False) == []


def test_a_quote_in_a_title_or_summary_cannot_add_attributes_to_the_meta_tags(hostile_site: Built) -> None:
    assert offending_attributes(hostile_site, meta=True) == []


def visible_text(page: Page) -> str:
    return " ".join("".join(page.text).split())


def test_the_hostile_strings_are_shown_as_written_and_no_template_runs(hostile_site: Built) -> None:
    outcome = visible_text(hostile_site.pages["guide/cancelled/index.html"])
    assert SHOWN in outcome  # the step, the summary, the evidence...
    assert "49" not in outcome.replace(SHOWN, "")
    assert SHOWN in visible_text(hostile_site.pages["index.html"])  # title, intro, label
    assert SHOWN in visible_text(hostile_site.pages["en/index.html"])  # the English question
    assert SHOWN in visible_text(hostile_site.pages["sources/index.html"])


def test_the_reply_keeps_its_quotes_inside_the_copy_button(hostile_site: Built) -> None:
    """The reply is copied from an attribute, `data-copy-text="…"`: its quotes must stay in it."""
    page = hostile_site.pages["guide/cancelled/index.html"]
    buttons = [dict((name, value) for t, name, value in page.attributes[i:i + 6] if t == "button")
               for i, (tag, name, _) in enumerate(page.attributes) if tag == "button" and name == "type"]
    reply = next(b for b in buttons if "data-copy-text" in b and not b["data-copy-text"].startswith("http"))
    assert sorted(reply) == ["class", "data-copied", "data-copy-text", "data-failed", "hidden", "type"]
    first_line = reply["data-copy-text"].split("\n")[0]
    assert ATTRIBUTE in first_line and APOSTROPHE in first_line and JINJA in first_line
    # What the agent pastes is what the page shows: `&lt;` is a <, escaped once, not twice.
    assert SHOWN in first_line and "&lt;" not in first_line


def strings_in(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for key, value in data.items() for s in strings_in(key) + strings_in(value)]
    if isinstance(data, list):
        return [s for item in data for s in strings_in(item)]
    return []


def test_the_search_index_holds_no_markup_from_the_tree(hostile_site: Built) -> None:
    """Whichever search the site uses, its index (one per language) is read by a script: no
    string in it may carry a tag or an event handler, even if the script renders it as HTML."""
    indexes = sorted(hostile_site.folder.glob("**/search/*.json"))
    assert {p.relative_to(hostile_site.folder).parts[0] for p in indexes} >= {"search", "en"}
    for index in indexes:
        raw = index.read_text(encoding="utf-8")
        assert "<script" not in raw.lower() and "<img" not in raw.lower(), index
        for text in strings_in(json.loads(raw)):
            fragment = Page(text)
            assert fragment.scripts == [], (index, text)
            assert not [a for a in fragment.attributes if EVENT_HANDLER.fullmatch(a[1])], (index, text)
