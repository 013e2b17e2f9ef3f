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

