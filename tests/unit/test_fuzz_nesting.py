"""Nesting of any form and depth gives a located message, never a crash: property-based.

Hypothesis writes valid YAML nested 2 to 25,000 levels deep in a drawn mix of forms (`- ` on a
line, lists and mappings by indentation, brackets, braces, brackets after a quoted text or a
comment full of closing ones) and checks that the checker stops exactly at the 201st level. It
runs in a forked child: libyaml's recursion once killed the process, and a crash must fail the
test, not pytest. Runs as many examples as test_fuzz.py's generated trees (FUZZ_EXAMPLES / 2).
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.tree.read import check_tree
from tests.conftest import TODAY
from tests.unit.test_fuzz import EXAMPLES, FUZZ, Draw, write_folder

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("nesting") / "decision_tree"


# One level each, as (text, what closes it): block forms nest by indentation or by `- ` on one
# line; flow forms by brackets, one of them after a quoted text full of closing brackets. A
# comment full of them may come first: none of that is nesting.
BLOCK_FORMS = [("- ", ""), ("k:\n", ""), ("-\n", "")]
FLOW_FORMS = [("[", "]"), ("{a: ", "}"), ('["]]}}", ', "]")]
MAX_DEPTH = 200  # build_tools/tree/compose.py
WIDEST = 600  # past this column block forms go on one line: indentation would grow the file as depth²


@st.composite
def deep_documents(draw: Draw) -> tuple[str, int | None]:
    """A valid YAML document nested in a drawn mix of forms, and the offset where its level
    MAX_DEPTH + 1 starts (None if it is not that deep)."""
    depth = draw(st.sampled_from([2, 50, MAX_DEPTH, 1_000, 25_000])) + draw(st.integers(-1, 5))
    block = draw(st.lists(st.sampled_from(BLOCK_FORMS), max_size=4))
    flow = draw(st.lists(st.sampled_from(FLOW_FORMS), min_size=1, max_size=3))
    switch = draw(st.integers(1, depth)) if block else 1  # the level where flow forms begin
    text = "# " + "]}" * draw(st.integers(0, 3000)) + "\n" if draw(st.booleans()) else ""
    column, too_deep, closers = 0, None, []
    for level in range(1, depth + 1):
        form, closer = block[level % len(block)] if level < switch else flow[level % len(flow)]
        if form.endswith("\n") and column > WIDEST:
            form = "- "
        if level == MAX_DEPTH + 1:
            too_deep = len(text)  # every form starts its collection at its first character
        if form.endswith("\n"):  # the next level on the next line, indented deeper
            column += 2
            form += " " * column
        else:
            column += len(form)
        text += form
        closers.append(closer)
    return text + "x" + "".join(reversed(closers)) + "\n", too_deep


def check_in_a_child(folder: Path) -> list[str]:
    """`check_tree` in a forked process: a crash (libyaml's recursion was one) fails the test
    with its signal instead of killing pytest."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=lambda: send.send([str(p) for p in sorted(check_tree(folder, TODAY)[1])]))
    child.start()
    child.join(120)
    if child.exitcode is None:
        child.kill()
        pytest.fail("check_tree did not finish in 120 s")
    assert child.exitcode == 0, f"check_tree crashed (exit code {child.exitcode})"
    return receive.recv()


@settings(FUZZ, max_examples=max(1, EXAMPLES // 2))
@given(deep_documents())
def test_nesting_of_any_form_and_depth_is_refused_where_it_gets_too_deep(
        workdir: Path, document: tuple[str, int | None]) -> None:
    text, too_deep = document
    folder = write_folder(workdir, {"tree.yaml": text.encode("utf-8")})

    report = check_in_a_child(folder)

    nested = [line for line in report if "nested too deeply" in line]
    if too_deep is None:
        assert nested == []
    else:
        line = text.count("\n", 0, too_deep) + 1
        column = too_deep - (text.rfind("\n", 0, too_deep) + 1) + 1
        assert [problem.split("tree.yaml:", 1)[1] for problem in report] == [
            f"{line}:{column}: lists or mappings are nested too deeply here (more than 200 levels); "
            "check for an unclosed `[` or `{`, or a line of repeated `- `"]


def test_the_deep_documents_have_every_promised_form() -> None:
    """Guards the strategy: every form of nesting, shallow and very deep, and the comment."""
    seen = dict.fromkeys(["- - on a line", "indented lists", "indented mappings", "brackets", "braces",
                          "quoted brackets", "a comment of ]", "shallow", "over 10,000 deep"], False)

    @settings(FUZZ, max_examples=max(50, EXAMPLES // 2))
    @given(deep_documents())
    def look(document: tuple[str, int | None]) -> None:
        text, too_deep = document
        seen["- - on a line"] |= "- - " in text
        seen["indented lists"] |= "-\n  " in text
        seen["indented mappings"] |= "k:\n  " in text
        seen["brackets"] |= "[[" in text
        seen["braces"] |= "{a: {a: " in text
        seen["quoted brackets"] |= '"]]}}"' in text
        seen["a comment of ]"] |= text.startswith("# ]}")
        seen["shallow"] |= too_deep is None
        seen["over 10,000 deep"] |= text.count("\n") + text.count("[") + text.count("- ") > 10_000

    look()
    assert all(seen.values()), seen
