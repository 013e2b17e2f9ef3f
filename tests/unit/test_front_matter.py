"""The hand-written pages' front matter is checked by us, as MkDocs would publish a broken one as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.publish.front_matter import check_pages, front_matter_problems


def page(folder: Path, text: str, name: str = "about.md") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def messages(path: Path) -> list[str]:
    """The problems as printed: `file:line:col: message`, the file named as the editor sees it."""
    return [f"{Path(p.at.file).name}:{p.at.line}:{p.at.column}: {p.message}"
            for p in front_matter_problems(path)]


def test_the_real_pages_have_sound_front_matter() -> None:
    assert check_pages() == []


def test_an_unquoted_colon_is_reported_at_its_place(tmp_path: Path) -> None:
    # The English About page had exactly this: MkDocs showed "description: …" as a heading.
    path = page(tmp_path, "---\ndescription: About the site: an independent guide.\n---\n\n# About\n")
    assert messages(path) == ["about.md:2:28: unexpected `:` here: check this line's indentation, "
                              "or put text that contains `: ` in quotes"]


def test_the_quoted_colon_is_fine(tmp_path: Path) -> None:
    path = page(tmp_path, '---\ndescription: "About the site: an independent guide."\n---\n# About\n')
    assert messages(path) == []


@pytest.mark.parametrize(("front", "expected"), [
    ("title: yes", "about.md:2:8: `title` is not read as text by YAML; put it in quotes: \"yes\""),
    ("title: 2026-12-02", "about.md:2:8: `title` is not read as text by YAML; put it in quotes: \"2026-12-02\""),
    ("titel: About", "about.md:2:1: unknown key `titel` in the front matter; the pages use only: "
                     "title, description"),
    ("description: [a, b]", "about.md:2:14: `description` must be one text, not a list or mapping"),
    ("just a sentence", "about.md:2:1: the front matter must be keys and values, like `title: …`"),
    ("title: \"never closed", "about.md:2:8: this quote is never closed"),
])
def test_each_mistake_names_its_line_and_the_fix(tmp_path: Path, front: str, expected: str) -> None:
    assert messages(page(tmp_path, f"---\n{front}\n---\n# About\n")) == [expected]


def test_an_unclosed_block_and_a_page_without_front_matter(tmp_path: Path) -> None:
    assert messages(page(tmp_path, "---\ntitle: About\n# About\n")) == [
        "about.md:1:1: the front matter's `---` is never closed; add a line `---` after its last key"]
    assert messages(page(tmp_path, "# About\n\nNo front matter at all.\n")) == []


def test_check_reports_a_broken_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    broken = page(tmp_path, "---\ndescription: About: us\n---\n# About\n")
    monkeypatch.setattr("build_tools.publish.front_matter.page_files", lambda: [broken])
    monkeypatch.setattr("build_tools.cli.page_files", lambda: [broken])
    assert main(["check"]) == 1
    err = capsys.readouterr().err
    assert "about.md:2:19: unexpected `:` here" in err
    assert err.rstrip().endswith("1 problem in the hand-written pages' front matter; nothing was written.")
