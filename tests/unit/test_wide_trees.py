"""Trees far wider or more tangled than the real one stay readable: a warning for a question with
more answers than a phone shows, a navigation that does not repeat them on every page, and a
count of the other ways to a page that stays a few words."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from build_tools.derive.derive import MANY_WAYS, derive
from build_tools.publish.site import generate, navigation
from build_tools.tree.read import load_tree
from build_tools.tree.validate import MAX_ANSWERS
from tests.conftest import MINIMAL_TREE, ROOT, TODAY, write_tree
from tests.unit.bad_trees import questions_in_a_row
from tests.unit.test_templates import html_of


def wide_tree(answers: int) -> str:
    """The minimal tree with `answers` statuses on its home page."""
    more = "".join(f"      - label: {{zh: 状态{i}, en: Status {i}}}\n        next: cancelled\n"
                   for i in range(answers - 2))
    return MINIMAL_TREE.replace("    tips: [be-polite]\n  - id: unpaid", more + "    tips: [be-polite]\n  - id: unpaid")


def diamond(layers: int) -> str:
    """`layers` questions in a row, each with two answers to the next: 2**layers ways to the end."""
    after = lambda i: f"q{i + 1}" if i + 1 < layers else "unpaid"  # noqa: E731
    return questions_in_a_row(layers, lambda i: [("左", "Left", after(i)), ("右", "Right", after(i))])


def test_a_question_with_more_answers_than_a_phone_shows_is_a_warning(tmp_path: Path) -> None:
    write_tree(tmp_path / "decision_tree", {"tree.yaml": wide_tree(MAX_ANSWERS + 1)})
    result = subprocess.run([sys.executable, "-m", "build_tools", "check", "decision_tree"], cwd=tmp_path,
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert result.returncode == 0
    assert result.stdout.startswith("OK: 1 questions, 2 outcomes")
    assert "decision_tree/tree.yaml:3:5: warning: 'start' has 10 answers; a phone shows about 9 at " \
           "once: split the question in two" in result.stderr.splitlines()


def test_the_navigation_lists_the_statuses_only_while_a_phone_shows_them(tmp_path: Path) -> None:
    for answers, statuses in ((MAX_ANSWERS, MAX_ANSWERS), (MAX_ANSWERS + 1, 0), (1000, 0)):
        folder = write_tree(tmp_path / str(answers), {"tree.yaml": wide_tree(answers)})
        nav = navigation(derive(load_tree(folder, today=TODAY)), "en")
        assert len(nav) == 5 + statuses  # home, the statuses, tips, flowchart, sources, about


def test_a_page_reached_through_a_hundred_layer_diamond_prints_no_huge_count(tmp_path: Path) -> None:
    """2**100 ways lead to `unpaid`: the page names the two answers that lead there, and the
    count of ways stops at MANY_WAYS instead of growing to 31 digits."""
    derived = derive(load_tree(write_tree(tmp_path, {"tree.yaml": diamond(100)}), today=TODAY))
    assert derived.trail_counts["unpaid"] == MANY_WAYS
    for lang in ("zh", "en"):
        page = html_of(generate(derived, lang, "https://example.org/").files["guide/unpaid.md"])
        assert not re.search(r"[0-9]{4,}", page.replace("2026-11-01", ""))


def test_a_page_reached_by_many_answers_counts_the_ones_it_does_not_list(tmp_path: Path) -> None:
    derived = derive(load_tree(write_tree(tmp_path, {"tree.yaml": wide_tree(12)}), today=TODAY))
    page = html_of(generate(derived, "en", "https://example.org/").files["guide/cancelled.md"])
    assert "8 more ways here" in page  # 11 answers lead there, 3 are listed


def test_a_question_with_a_thousand_answers_builds(tmp_path: Path) -> None:
    """The flowchart's layout recursed once per answer and stopped the build at 1,000; in a
    process of its own, so that a crash fails this test only."""
    write_tree(tmp_path / "decision_tree", {"tree.yaml": wide_tree(1000)})
    result = subprocess.run([sys.executable, "-m", "build_tools", "build", "--tree", "decision_tree",
                             "--out", "pages", "--site-url", "https://example.org/"], cwd=tmp_path,
                            capture_output=True, text=True, env={"PYTHONPATH": str(ROOT), "PATH": ""},
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    home = (tmp_path / "pages" / "zh" / "index.md").read_text(encoding="utf-8")
    assert home.count('{ data-node="cancelled" }') == 999
