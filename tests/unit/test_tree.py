"""The real tree and the model: loads cleanly, reads text as editors mean it, matches its schema."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import jsonschema
import yaml

from build_tools.tree.load import tree_files
from build_tools.tree.model import LineText, Outcome, Text
from build_tools.tree.schema import schema_text
from build_tools.settings import TREE_DIR
from build_tools.tree.read import check_tree, load_tree
from tests.conftest import MINIMAL_TREE, TODAY, write_tree


def test_the_real_tree_is_valid() -> None:
    tree, problems = check_tree(TREE_DIR, today=TODAY)
    assert problems == []
    assert tree is not None and len(tree.outcomes()) >= 10


def test_the_minimal_tree_reads_as_the_model(tmp_path: Path) -> None:
    tree = load_tree(write_tree(tmp_path, {"tree.yaml": MINIMAL_TREE}), today=TODAY)
    unpaid = tree.nodes["unpaid"]
    assert isinstance(unpaid, Outcome)
    assert unpaid.title == LineText(zh="取消订单", en="Cancel the order")
    assert unpaid.reviewed == datetime.date(2026, 11, 1)
    assert [s.id for s in unpaid.sources] == ["law"]
    assert unpaid.at.line == 13 and unpaid.sources[0].at.line == 20


def test_folded_chinese_lines_join_without_a_space(tmp_path: Path) -> None:
    folded = MINIMAL_TREE.replace("    summary: {zh: 直接取消。, en: Just cancel.}",
                                  "    summary:\n      zh: >-\n        直接\n        取消。\n"
                                  "      en: >-\n        Just\n        cancel.")
    tree = load_tree(write_tree(tmp_path, {"tree.yaml": folded}), today=TODAY)
    assert tree.nodes["unpaid"].summary == Text(zh="直接取消。", en="Just cancel.")


def test_the_schema_file_is_up_to_date() -> None:
    assert (TREE_DIR / "schema.json").read_text(encoding="utf-8") == schema_text()


def test_every_tree_file_satisfies_the_schema() -> None:
    schema = json.loads(schema_text())
    for path in tree_files(TREE_DIR):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


def test_the_schema_rejects_what_the_checker_rejects() -> None:
    schema = json.loads(schema_text())
    data = yaml.safe_load(MINIMAL_TREE.replace("    summary:", "    sumary:", 1))
    errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.loads(json.dumps(data, default=str))))
    assert errors, "an unknown key must be flagged in the editor too"


def test_problems_keep_the_files_order(tmp_path: Path) -> None:
    broken = {f"{n}.yaml": "nodes: [unclosed\n" for n in "abcd"}
    folder = write_tree(tmp_path, broken)
    _, problems = check_tree(folder, today=TODAY)
    assert [Path(p.at.file).name for p in problems] == ["a.yaml", "b.yaml", "c.yaml", "d.yaml"]


QUESTION_WITH_A_RULE = MINIMAL_TREE.replace(
    "    tips: [be-polite]\n", "    tips: [be-polite]\n    sources: [law]\n    reviewed: 2026-11-02\n", 1)


def test_a_question_may_cite_sources_with_a_review_date(tmp_path: Path) -> None:
    tree = load_tree(write_tree(tmp_path, {"tree.yaml": QUESTION_WITH_A_RULE}), today=TODAY)
    start = tree.nodes["start"]
    assert [s.id for s in start.sources] == ["law"] and start.reviewed == datetime.date(2026, 11, 2)


def test_a_question_citing_sources_needs_a_review_date_and_the_other_way_round(tmp_path: Path) -> None:
    no_date = QUESTION_WITH_A_RULE.replace("    reviewed: 2026-11-02\n", "", 1)
    _, problems = check_tree(write_tree(tmp_path / "a", {"tree.yaml": no_date}), today=TODAY)
    assert [(p.at.line, p.message) for p in problems] == [
        (3, "question 'start' names `sources` but no `reviewed` date; add `reviewed: YYYY-MM-DD` "
            "(when its rule was last checked)")]
    no_sources = QUESTION_WITH_A_RULE.replace("    sources: [law]\n    reviewed", "    reviewed", 1)
    _, problems = check_tree(write_tree(tmp_path / "b", {"tree.yaml": no_sources}), today=TODAY)
    assert [p.message for p in problems] == [
        "question 'start' has a `reviewed` date but no `sources`; name the sources its intro "
        "relies on, or remove the date"]
