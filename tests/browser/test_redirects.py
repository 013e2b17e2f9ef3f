"""A renamed page keeps its old URL working, in every language, as a redirect."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, expect

from tests.conftest import built_and_served, copy_project
from tests.site.test_links import rename_fraud


def test_a_renamed_page_keeps_its_old_url_as_a_redirect(tmp_path: Path, browser: Browser) -> None:
    project = copy_project(tmp_path / "project")
    rename_fraud(project)
    with (project / "decision_tree" / "after-sales.yaml").open("a", encoding="utf-8") as tree:
        tree.write("\nredirects:\n  - old: fraud\n    to: merchant-fraud\n")
    with built_and_served(project) as url:
        page = browser.new_page()
        for prefix in ("", "en/"):
            page.goto(f"{url}{prefix}guide/fraud/")
            expect(page).to_have_url(f"{url}{prefix}guide/merchant-fraud/")
        page.close()
