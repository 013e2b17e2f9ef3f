"""Hand-written pages (docs/zh, docs/en): their front matter is YAML that every builder reads.

MkDocs silently drops front matter that is not valid YAML (the page then shows it as text and
takes the site's description); Zensical stops on it. Both ways the page's description is lost.
"""

from __future__ import annotations

import pytest
import yaml

from build_tools.settings import DOCS_DIRS

PAGES = sorted(p for folder in DOCS_DIRS.values() for p in folder.rglob("*.md"))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(p.parents[1]).as_posix())
def test_front_matter_is_valid_yaml_with_a_description(page) -> None:  # noqa: ANN001
    text = page.read_text(encoding="utf-8")
    assert text.startswith("---\n")
    front = yaml.safe_load(text.split("---\n", 2)[1])
    assert isinstance(front, dict) and front.get("description")
