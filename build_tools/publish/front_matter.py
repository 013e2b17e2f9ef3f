"""Check the front matter of the hand-written pages (docs/<lang>/*.md), as the tree is checked.

MkDocs reads a page's `---` block with YAML and, when YAML fails, silently keeps the block as
page text: an unquoted `: ` in a description becomes a stray heading on the published page.
So we read the block ourselves first and report each mistake as `file:line:col: message`.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from build_tools.settings import DOCS_DIRS
from build_tools.tree.load import compose_yaml, display_path
from build_tools.tree.yaml_errors import yaml_problem
from build_tools.tree.model import Position
from build_tools.tree.problems import Problem

FENCE = "---"
# Keys our pages use, and what each must be. Others are refused: a misspelt key is ignored by
# MkDocs, and the page would silently lose its title or description.
TEXT_KEYS = ("title", "description")


def page_files(folders: list[Path] | None = None) -> list[Path]:
    """Every hand-written page, in a stable order."""
    folders = list(DOCS_DIRS.values()) if folders is None else folders
    return sorted(p for folder in folders for p in folder.rglob("*.md"))


def check_pages(paths: list[Path] | None = None) -> list[Problem]:
    """Every problem in the front matter of these pages (default: all hand-written pages)."""
    return [problem for path in (page_files() if paths is None else paths)
            for problem in front_matter_problems(path)]


def front_matter_problems(path: Path) -> list[Problem]:
    name = display_path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [Problem(Position(name, 1, 1), f"cannot read the page: {error}")]
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != FENCE:
        return []  # no front matter: nothing to check
    end = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() in (FENCE, "...")), None)
    if end is None:
        return [Problem(Position(name, 1, 1), "the front matter's `---` is never closed; "
                                              "add a line `---` after its last key")]
    # The fence line is blanked, not dropped, so that YAML's line numbers are the file's.
    block = "\n".join(["", *lines[1:end]]) + "\n"
    try:
        root = compose_yaml(block)
    except yaml.MarkedYAMLError as error:
        return [yaml_problem(name, block, error)]
    except yaml.YAMLError as error:
        return [Problem(Position(name, 2, 1), f"not valid YAML: {error}")]
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        return [_at(name, root, "the front matter must be keys and values, like `title: …`")]
    return [problem for key, value in root.value for problem in _entry_problems(name, key, value)]


def _entry_problems(name: str, key: yaml.Node, value: yaml.Node) -> list[Problem]:
    if not isinstance(key, yaml.ScalarNode) or key.value not in TEXT_KEYS:
        shown = key.value if isinstance(key, yaml.ScalarNode) else "?"
        return [_at(name, key, f"unknown key `{shown}` in the front matter; "
                               f"the pages use only: {', '.join(TEXT_KEYS)}")]
    if not isinstance(value, yaml.ScalarNode):
        return [_at(name, value, f"`{key.value}` must be one text, not a list or mapping")]
    if value.tag != "tag:yaml.org,2002:str":
        return [_at(name, value, f"`{key.value}` is not read as text by YAML; "
                                 f"put it in quotes: \"{value.value}\"")]
    if not value.value.strip():
        return [_at(name, value, f"`{key.value}` is empty")]
    return []


def _at(name: str, node: yaml.Node, message: str) -> Problem:
    return Problem(Position(name, node.start_mark.line + 1, node.start_mark.column + 1), message)
