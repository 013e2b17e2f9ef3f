"""A shared link shows a picture and the page's own heading; every page (but the 404) links to
the repository's issue form, prefilled; the repository's address is one setting, checked."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from build_tools.settings import REPORT_FORM, REPOSITORY_URL, SettingError, repository_url
from tests.conftest import ROOT, BuiltSite

pytestmark = pytest.mark.slow
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / REPORT_FORM


def meta(page: str, name: str) -> str | None:
    found = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', page)
    return unescape(found.group(1)) if found else None


def heading(page: str) -> str:
    found = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    return unescape(re.sub(r"<[^>]+>", "", found.group(1))).replace("¶", "").strip()


def pages(site: BuiltSite) -> dict[str, str]:
    """Every page a link may point at: path -> HTML (not the redirects' stubs)."""
    found = {p.parent.relative_to(site.folder).as_posix().removeprefix(".") + "/":
             p.read_text(encoding="utf-8") for p in site.folder.rglob("index.html")}
    return {path: page for path, page in found.items() if 'http-equiv="refresh"' not in page}


def test_every_page_shares_a_picture_and_its_own_heading(site: BuiltSite) -> None:
    wrong = {}
    for path, page in pages(site).items():
        lang_root = site.url + ("en/" if path.startswith("en/") else "")
        found = (meta(page, "og:title"), meta(page, "og:image"), meta(page, "twitter:card"))
        if found != (heading(page), lang_root + "assets/og-card.png", "summary_large_image"):
            wrong[path] = found
        assert meta(page, "og:description")
    assert wrong == {}
    card = (site.folder / "assets" / "og-card.png").read_bytes()
    assert card[:8] == b"\x89PNG\r\n\x1a\n" and len(card) < 60_000
    assert (int.from_bytes(card[16:20], "big"), int.from_bytes(card[20:24], "big")) == (1200, 630)


def report_query(page: str) -> tuple[str, dict[str, str], str]:
    """The report link of a page: the form's address, its query, its label."""
    found = re.search(r'<p class="report"><a href="([^"]+)"[^>]*>([^<]+)</a>', page)
    assert found, "no report link"
    url = urlsplit(unescape(found.group(1)))
    query = {k: v[0] for k, v in parse_qs(url.query).items()}
    return f"{url.scheme}://{url.netloc}{url.path}", query, found.group(2)


@pytest.mark.parametrize(("path", "lang", "label"), [
    ("guide/merchant-refuses/", "zh", "报告这个答案的问题"),
    ("en/guide/merchant-refuses/", "en", "Report a problem with this answer"),
    ("guide/shipped/", "zh", "报告这个页面的问题"),
    ("en/about/", "en", "Report a problem with this page")])
def test_the_report_link_prefills_the_issue_form_with_the_page(site: BuiltSite, path: str,
                                                                lang: str, label: str) -> None:
    page = (site.folder / path / "index.html").read_text(encoding="utf-8")
    form, query, shown = report_query(page)
    assert (form, shown) == (f"{REPOSITORY_URL}/issues/new", label)
    assert query == {"template": REPORT_FORM, "title": f"[{lang}] {heading(page)}",
                     "page-url": site.url + path, "page-title": heading(page), "language": lang}
    fields = {item.get("id") for item in yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"]}
    assert set(query) - {"template", "title"} <= fields  # each key fills a field of the form


def test_the_404_page_has_no_report_link(site: BuiltSite) -> None:
    assert 'class="report"' not in (site.folder / "404.html").read_text(encoding="utf-8")


def test_the_repository_address_is_one_setting_that_ci_may_change() -> None:
    assert repository_url({}) == REPOSITORY_URL
    assert repository_url({"REPOSITORY_URL": "https://github.com/someone/help-centre.git"}) == \
        "https://github.com/someone/help-centre"
    for bad in ("github.com/someone/help", "https://github.com/someone", "javascript:alert(1)",
                "https://github.com/someone/help?x=1"):
        with pytest.raises(SettingError, match="REPOSITORY_URL=.* is not a repository address"):
            repository_url({"REPOSITORY_URL": bad})


def test_a_wrong_repository_address_stops_the_build_with_its_fix(tmp_path: Path) -> None:
    env = {**os.environ, "REPOSITORY_URL": "github.com/x", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "site")],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert ("REPOSITORY_URL='github.com/x' is not a repository address; write it as "
            "https://github.com/OWNER/NAME") in result.stderr
