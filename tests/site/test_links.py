"""Links are a promise: no broken internal link or anchor, and renamed pages keep their URLs."""

from __future__ import annotations

import html.parser
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urldefrag

import pytest

from build_tools.publish.promise import read_promise
from build_tools.settings import TREE_DIR
from tests.conftest import BuiltSite, copy_project, site_build

pytestmark = pytest.mark.slow


class _Page(html.parser.HTMLParser):
    """The links a page makes and the anchors it offers."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        for name in ("href", "src"):
            if values.get(name) and tag in ("a", "link", "script", "img", "use"):
                self.links.append(values[name] or "")


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def local_file(site: BuiltSite, url: str) -> Path | None:
    """The built file a same-site URL points to, or None for another site."""
    if not url.startswith(site.url):
        return None
    relative = unquote(url[len(site.url):])
    target = site.folder / relative
    return target / "index.html" if relative == "" or relative.endswith("/") else target


def broken_links(site: BuiltSite) -> list[str]:
    pages = {p: parse(p) for p in site.folder.rglob("*.html")}
    broken = []
    for path, page in pages.items():
        base = site.url + path.relative_to(site.folder).as_posix().removesuffix("index.html")
        for link in page.links:
            url, fragment = urldefrag(urljoin(base, link))
            target = local_file(site, url)
            if target is None:
                continue
            where = f"{path.relative_to(site.folder)} → {link}"
            if not target.exists():
                broken.append(where)
            elif fragment and target in pages and unquote(fragment) not in pages[target].ids:
                broken.append(f"{where} (no such anchor)")
    return sorted(set(broken))


def test_no_broken_internal_link_or_anchor(site: BuiltSite) -> None:
    assert broken_links(site) == []


def test_every_published_url_resolves(site: BuiltSite) -> None:
    urls = list(read_promise(TREE_DIR).promised)
    assert len(urls) >= 40
    assert [u for u in urls if not (site.folder / u.lstrip("/") / "index.html").exists()] == []


def rename_fraud(project: Path) -> None:
    """An editor renames the node `fraud` to `merchant-fraud` (its id, every answer to it and
    every phrasing that names it)."""
    for path in (project / "decision_tree").glob("**/*.yaml"):
        text = path.read_text(encoding="utf-8")
        text = text.replace("  - id: fraud\n", "  - id: merchant-fraud\n").replace(
            "next: fraud\n", "next: merchant-fraud\n")
        text = re.sub(r"(?<=[ \[])fraud(?=[,\]}])", "merchant-fraud", text)  # expect: fraud}
        path.write_text(text, encoding="utf-8")


def test_renaming_a_page_without_a_redirect_fails_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    rename_fraud(project)
    result = site_build(project, project / "site", "https://example.org/")
    assert result.returncode == 1
    line = next(i for i, url in enumerate((project / "decision_tree/published_urls.txt").read_text(
        encoding="utf-8").splitlines(), 1) if url == "/guide/fraud/")
    problem = (f"decision_tree/published_urls.txt:{line}:1: '/guide/fraud/' was published and no page "
               "serves it now; keep it working with a redirect (`redirects:` in the tree)")
    assert problem in result.stderr
    # `check` refuses it too, with the same words: the promise is the same.
    checked = subprocess.run([sys.executable, "-m", "build_tools", "check"], cwd=project,
                             capture_output=True, text=True)
    assert checked.returncode == 1 and problem in checked.stderr.splitlines()


def test_the_link_checker_finds_a_broken_link(site: BuiltSite, tmp_path: Path) -> None:
    """The checker above must be able to fail: break one link in a copy and see it reported."""
    copy = tmp_path / "site"
    shutil.copytree(site.folder, copy)
    page = copy / "guide" / "cancelled" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace('href="../contact-customer-service/"',
                                                             'href="../no-such-page/"'), encoding="utf-8")
    assert broken_links(BuiltSite(copy, site.url)) == ["guide/cancelled/index.html → ../no-such-page/"]
