"""The command line an editor and an agent use."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.settings import TREE_DIR
from build_tools.tree.read import load_tree
from tests.conftest import MINIMAL_TREE, write_tree


def test_check_says_ok_for_a_valid_tree(capsys: pytest.CaptureFixture[str]) -> None:
    tree = load_tree(TREE_DIR)
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith(
        f"OK: {len(tree.questions())} questions, {len(tree.outcomes())} outcomes, {len(tree.tips())} tips")


def test_build_writes_both_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pages"
    assert main(["build", "--out", str(out), "--site-url", "https://example.org/"]) == 0
    assert (out / "zh" / "guide" / "cancelled.md").read_text(encoding="utf-8").startswith("---\ntitle:")
    assert (out / "en" / "index.md").exists()


def test_a_failed_build_leaves_the_previous_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pages"
    assert main(["build", "--out", str(out)]) == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    write_tree(tmp_path / "broken", {"tree.yaml": MINIMAL_TREE.replace("next: cancelled", "next: gone")})
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--tree", "broken", "--out", str(out)]) == 1
    assert "broken/tree.yaml:11:15: there is no node with the id 'gone'" in capsys.readouterr().err
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def test_replies_export_as_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["replies", "--format", "csv", "--lang", "zh", "--site-url", "https://example.org/h/"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == len(load_tree(TREE_DIR).outcomes())
    cancelled = next(r for r in rows if r["id"] == "cancelled")
    assert cancelled["url"] == "https://example.org/h/guide/cancelled/"
    assert cancelled["reply"].startswith("您好")
    assert cancelled["reply"].endswith("详细步骤：https://example.org/h/guide/cancelled/")


def test_replies_export_as_json_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["replies", "--format", "json", "--lang", "en", "--site-url", "https://example.org/"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["lang"] for r in rows} == {"en"}
    assert all(r["url"].startswith("https://example.org/en/guide/") for r in rows)
    assert all(r["reply"].startswith("Hello") for r in rows)


REPLY_WITH_A_LINK = MINIMAL_TREE.replace(
    "reply: {zh: 您好，请直接取消。, en: Hello. Please cancel.}",
    'reply: {zh: "您好，请到 [12315 平台](https://www.12315.cn/) 投诉。", '
    'en: "Hello, complain on [the 12315 platform](https://www.12315.cn/) if 3 &lt; 5 days pass."}')


@pytest.mark.parametrize("export", ["csv", "json"])
def test_an_exported_reply_keeps_its_links_and_shows_entities_as_characters(
        export: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """What an agent pastes says what the page says: the link's address is kept, `&lt;` is <."""
    tree = write_tree(tmp_path / "decision_tree", {"tree.yaml": REPLY_WITH_A_LINK})
    assert main(["replies", "--tree", str(tree), "--format", export, "--site-url", "https://example.org/"]) == 0
    out = capsys.readouterr().out
    rows = json.loads(out) if export == "json" else list(csv.DictReader(io.StringIO(out)))
    replies = {(r["id"], r["lang"]): r["reply"] for r in rows}
    assert replies["unpaid", "zh"] == ("您好，请到 12315 平台（https://www.12315.cn/） 投诉。\n"
                                       "详细步骤：https://example.org/guide/unpaid/")
    assert replies["unpaid", "en"] == ("Hello, complain on the 12315 platform (https://www.12315.cn/) if "
                                       "3 < 5 days pass.\nStep by step: https://example.org/en/guide/unpaid/")


def test_the_published_url_list_is_complete(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["urls"]) == 0
    current = set(capsys.readouterr().out.split())
    listed = set((Path("decision_tree") / "published_urls.txt").read_text(encoding="utf-8").split())
    assert current <= listed, f"run `python -m build_tools urls --update` for {sorted(current - listed)}"
