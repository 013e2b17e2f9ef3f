"""What the templates make of awkward but valid text: it stays text, and links stay links."""

from __future__ import annotations

from pathlib import Path

import markdown

from build_tools.derive.derive import derive
from build_tools.publish.site import generate
from build_tools.tree.read import load_tree
from tests.conftest import MINIMAL_TREE, TODAY, write_tree


def html_of(page: str) -> str:
    body = page.split("---\n", 2)[2]  # without the front matter
    return markdown.markdown(body, extensions=["attr_list", "md_in_html"])


def test_a_bracket_in_a_label_keeps_the_answer_a_link(tmp_path: Path) -> None:
    tree = MINIMAL_TREE.replace("label: {zh: 待付款, en: Pending}", 'label: {zh: "待付款]", en: "[Pending"}')
    derived = derive(load_tree(write_tree(tmp_path, {"tree.yaml": tree}), today=TODAY))
    for lang, label in (("zh", "待付款]"), ("en", "[Pending")):
        home = html_of(generate(derived, lang, "https://example.org/").files["index.md"])
        assert f'<strong>{label}</strong></a>' in home
        trail = html_of(generate(derived, lang, "https://example.org/").files["guide/unpaid.md"])
        assert f'>{label}</a>' in trail  # when the page applies
        assert f'{label} <span class="trail__change">' in trail  # the reader's own answer


def test_a_question_that_cites_sources_shows_them_and_its_review_date(tmp_path: Path) -> None:
    tree = MINIMAL_TREE.replace("    tips: [be-polite]\n",
                                "    tips: [be-polite]\n    sources: [law]\n    reviewed: 2026-11-02\n", 1)
    tree = tree.replace("    quality: law\n", "    quality: law\n    url: https://example.org/law\n")
    derived = derive(load_tree(write_tree(tmp_path, {"tree.yaml": tree}), today=TODAY))
    home = generate(derived, "en", "https://example.org/").files["index.md"]
    assert "reviewed: 2026-11-02\n" in home.split("---\n", 2)[1]  # in the front matter too
    page = html_of(home)
    assert '<a href="https://example.org/law">Consumer law</a> (law)' in page
    assert '<time datetime="2026-11-02">2026-11-02</time>' in page


def test_a_question_without_sources_shows_no_sources_section(tmp_path: Path) -> None:
    derived = derive(load_tree(write_tree(tmp_path, {"tree.yaml": MINIMAL_TREE}), today=TODAY))
    home = generate(derived, "en", "https://example.org/").files["index.md"]
    assert "## Sources" not in home and "reviewed:" not in home
