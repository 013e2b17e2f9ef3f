"""The strict site build (`python -m build_tools site`): complete, deterministic, the same with
either builder, searchable in Chinese, atomic on failure."""

from __future__ import annotations

import datetime
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.derive.derive import derive
from build_tools.derive.paths import SEARCH_INDEX, url_of
from build_tools.publish.promise import read_promise
from build_tools.settings import TREE_DIR
from build_tools.tree.read import load_tree
from tests.conftest import ROOT, TODAY, BuiltSite, copy_project, differing_files, site_build
from tests.synthetic import synthetic_project

pytestmark = pytest.mark.slow


def html(site: BuiltSite, url_path: str) -> str:
    return (site.folder / url_path / "index.html").read_text(encoding="utf-8")


def test_every_published_url_is_built(site: BuiltSite) -> None:
    missing = [u for u in list(read_promise(TREE_DIR).promised)
               if not (site.folder / u.lstrip("/") / "index.html").exists()]
    assert missing == []


def search_index(site: BuiltSite, prefix: str = "") -> dict:
    return json.loads((site.folder / prefix / SEARCH_INDEX).read_text(encoding="utf-8"))


def test_both_languages_are_built_with_their_own_search(site: BuiltSite) -> None:
    zh, en = search_index(site), search_index(site, "en/")
    assert [d[0] for d in zh["docs"]][:1] == [d[0] for d in en["docs"]][:1]  # the same pages
    assert "退款" in zh["terms"] and "refund" in en["terms"] and "refund" not in zh["terms"]
    assert "folding" in zh and "sounds" in zh  # Chinese gets traditional folding and pinyin


def test_the_search_index_keeps_domain_words_whole(site: BuiltSite) -> None:
    """Without the dictionary these would be pairs and characters only, never whole words."""
    terms = search_index(site)["terms"]
    for word in ("待发货", "仅退款", "退货退款", "官方介入", "七天无理由", "运费险", "原路退款"):
        assert word in terms, word


def test_no_page_downloads_a_search_index_until_search_is_opened(site: BuiltSite) -> None:
    page = (site.folder / "guide" / "cancelled" / "index.html").read_text(encoding="utf-8")
    assert "search_index" not in page and 'name="search"' not in page


def test_chinese_headings_get_readable_anchors(site: BuiltSite) -> None:
    page = html(site, "guide/refund-before-shipment")
    assert 'id="在-app-里这样做"' in page
    assert not re.search(r'id="_\d+"', page)


EXTERNAL = re.compile(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(?:https?:)?//(?!127\.0\.0\.1)', re.I)


def test_no_page_loads_anything_from_another_host(site: BuiltSite) -> None:
    offenders = [p.relative_to(site.folder).as_posix() for p in site.folder.rglob("*.html")
                 if EXTERNAL.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_outcome_pages_have_a_description_and_link_preview(site: BuiltSite) -> None:
    page = html(site, "guide/cancelled")
    assert '<meta name="description" content="订单已取消，不需要再做什么。' in page
    assert '<meta property="og:title" content="已取消：钱会原路退回，到账时间看付款方式">' in page
    assert f'<meta property="og:url" content="{site.url}guide/cancelled/">' in page


def test_two_builds_are_byte_identical(site: BuiltSite, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert site_build(ROOT, again, site.url).returncode == 0
    assert differing_files(site.folder, again) == []


def test_the_site_is_stamped_with_its_content_date_not_the_build_date(site: BuiltSite) -> None:
    """The builder stamps sitemap.xml.gz with a date: the latest `reviewed`, so that two builds of
    the same tree are the same bytes on any day (two builds either side of midnight differed)."""
    latest = max(node.reviewed for node in load_tree(TREE_DIR, today=TODAY).nodes.values()
                 if node.reviewed)
    for lang in ("", "en/"):
        stamp = int.from_bytes((site.folder / lang / "sitemap.xml.gz").read_bytes()[4:8], "little")
        assert datetime.datetime.fromtimestamp(stamp, datetime.timezone.utc).date() == latest


def test_properdocs_builds_the_same_site_as_mkdocs(site: BuiltSite, tmp_path: Path) -> None:
    """ProperDocs, MkDocs' maintained fork, runs the same configuration: byte for byte the same
    site. (Material's generator tag would name the builder's version; our theme leaves it out.)"""
    other = tmp_path / "properdocs"
    result = site_build(ROOT, other, site.url, builder="properdocs")
    assert result.returncode == 0, result.stderr
    assert differing_files(site.folder, other) == []


def test_each_language_gets_its_own_site_words_from_the_one_settings_file(site: BuiltSite) -> None:
    zh, en = html(site, "guide/cancelled"), html(site, "en/guide/cancelled")
    assert "- 抖音订单帮助中心</title>" in zh and "- Douyin Order Help</title>" in en
    assert 'title="切换到深色模式"' in zh and 'title="Switch to dark mode"' in en
    assert "本站是独立指南" in zh and "An independent guide" in en
    assert '<html lang="zh"' in zh and '<html lang="en"' in en


def test_a_setting_that_drops_a_published_page_fails_the_build(tmp_path: Path) -> None:
    """The builder must publish every promised URL: a settings file that leaves out the
    hand-written page is caught after the builder ran, and nothing is swapped in."""
    project = copy_project(tmp_path / "project")
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "exclude_docs: |\n  about.md\n",
                        encoding="utf-8")
    result = site_build(project, project / "site", "https://example.org/")
    assert result.returncode == 1
    assert "mkdocs built no page for these published URLs:\n  /about/\n" in result.stderr
    assert not (project / "site").exists()


def test_a_broken_tree_fails_the_build_and_keeps_the_last_good_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    out = project / "site"
    assert site_build(project, out, "https://example.org/").returncode == 0
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    tree_file = project / "decision_tree" / "cancelled.yaml"
    tree_file.write_text(tree_file.read_text(encoding="utf-8").replace("kind: outcome", "kind: outcom"),
                         encoding="utf-8")
    result = site_build(project, out, "https://example.org/")
    assert result.returncode == 1
    assert ("decision_tree/cancelled.yaml:5:11: `kind` is 'outcom' (did you mean 'outcome'?); "
            "it must be one of: question, outcome, tip") in result.stderr
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []


def test_a_hand_written_page_with_broken_front_matter_fails_the_build(tmp_path: Path) -> None:
    """MkDocs alone would publish the block as text (a stray "description: …" heading)."""
    project = copy_project(tmp_path / "project")
    about = project / "docs" / "en" / "about.md"
    text = about.read_text(encoding="utf-8")
    quoted = re.search(r'^description: "(.*)"$', text, re.MULTILINE)
    assert quoted and ": " in quoted.group(1)
    about.write_text(text.replace(quoted.group(0), f"description: {quoted.group(1)}"), encoding="utf-8")
    result = site_build(project, project / "site", "https://example.org/")
    assert result.returncode == 1
    column = len("description: ") + quoted.group(1).index(": ") + 1
    assert (f"docs/en/about.md:2:{column}: unexpected `:` here: check this line's indentation, "
            "or put text that contains `: ` in quotes") in result.stderr
    assert "Traceback" not in result.stderr


def test_a_100_node_tree_is_built_in_both_languages(tmp_path: Path) -> None:
    project = synthetic_project(tmp_path, 100)
    out = tmp_path / "site"
    result = site_build(project, out, "https://example.org/")
    assert result.returncode == 0, result.stderr
    derived = derive(load_tree(project / "decision_tree"))
    for node in derived.tree.nodes.values():
        for prefix, lang in (("", "zh"), ("en/", "en")):
            page = (out / prefix / url_of(derived.path(node.id)) / "index.html").read_text(encoding="utf-8")
            assert f'<html lang="{lang}"' in page and node.title[lang] in page


@pytest.mark.parametrize(("url", "fix"), [
    ("https://example.org/help/?utm_source=x", "remove the query `?utm_source=x`"),
    ("https://example.org/help/#top", "remove the fragment `#top`"),
    ('https://example.org/" onload="alert(1)', "remove the character `\"`"),
], ids=["query", "fragment", "quote"])
def test_a_site_address_with_more_than_a_path_stops_the_build(tmp_path: Path, url: str, fix: str) -> None:
    """A query or fragment would corrupt every reply link and canonical; a quote would add an
    attribute to 404.html. The host reads which part to remove, and nothing is written."""
    result = site_build(ROOT, tmp_path / "site", url)
    assert result.returncode == 1
    assert "it must be the site's address, a scheme, a host and a path and nothing else (like " \
           f"https://name.github.io/repository/); {fix}" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "site").exists()


def test_an_empty_site_address_is_named(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "build_tools", "site", "--out", str(tmp_path / "site")],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, "SITE_URL": ""})
    assert result.returncode == 1
    assert "SITE_URL is empty: set it to the site's address (like https://name.github.io/repository/), " \
           "or leave it unset" in result.stderr
