"""Templates and pages any MkDocs-family builder renders alike: Zensical renders the theme with
MiniJinja, which has Jinja's filters and tests but not Python's methods, and rewrites relative
links in raw HTML (docs/decisions/013)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import jinja2
import jinja2.nodes

from build_tools.derive.derive import derive
from build_tools.publish.site import generate
from build_tools.render.templating import TEMPLATES
from build_tools.settings import THEME_DIR
from build_tools.tree.model import LANGUAGES
from build_tools.tree.read import load_tree
from tests.conftest import TODAY

GOLDEN_TREE = Path(__file__).parents[1] / "golden" / "tree"

# The theme's translation function: Material and Zensical both give templates `lang.t`.
ALLOWED_CALLS = {("lang", "t")}


def method_calls(source: str, name: str = "template") -> list[str]:
    """`name:line: x.method(...)` for every call of an attribute (a Python method) in a template."""
    found = []
    for call in jinja2.Environment().parse(source).find_all(jinja2.nodes.Call):
        if isinstance(call.node, jinja2.nodes.Getattr):
            owner = call.node.node
            owner_name = owner.name if isinstance(owner, jinja2.nodes.Name) else "…"
            if (owner_name, call.node.attr) not in ALLOWED_CALLS:
                found.append(f"{name}:{call.lineno}: {owner_name}.{call.node.attr}(...)")
    return found


def templates() -> list[Path]:
    return sorted([*THEME_DIR.rglob("*.html"), *THEME_DIR.rglob("*.xml"), *TEMPLATES.glob("*.j2")])


def test_no_template_calls_a_python_method() -> None:
    found = [call for path in templates()
             for call in method_calls(path.read_text(encoding="utf-8"), path.name)]
    assert found == []


def test_the_check_finds_a_method_call() -> None:
    source = '{% set up = "../" * here.count("/") %}\n{{ lang.t("search") }} {{ t.more.format(n=2) }}'
    assert method_calls(source) == ["template:1: here.count(...)", "template:2: ….format(...)"]


def render_sitemap(pages: list) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME_DIR))
    config = {"extra": {"alternate": [{"lang": "zh", "href": "https://example.org/help/"},
                                      {"lang": "en", "href": "https://example.org/help/en/"}]}}
    return env.get_template("sitemap.xml").render(pages=pages, config=config)


def test_the_sitemap_takes_either_builders_page_list() -> None:
    """MkDocs and ProperDocs hand the sitemap files (each with its page), Zensical pages."""
    pages = [SimpleNamespace(canonical_url="https://example.org/help/guide/cancelled/", is_link=False,
                             url="guide/cancelled/", meta={"reviewed": "2026-11-01"}),
             SimpleNamespace(canonical_url="https://example.org/help/about/", is_link=False,
                             url="about/", meta={})]
    from_files = render_sitemap([SimpleNamespace(page=page) for page in pages])
    assert from_files == render_sitemap(pages)
    assert from_files.count("<url>") == 2
    assert ('<loc>https://example.org/help/guide/cancelled/</loc>\n'
            '         <xhtml:link rel="alternate" hreflang="zh" href="https://example.org/help/guide/cancelled/"/>\n'
            '         <xhtml:link rel="alternate" hreflang="en" href="https://example.org/help/en/guide/cancelled/"/>\n'
            '         <lastmod>2026-11-01</lastmod>') in from_files


def test_raw_html_links_in_generated_pages_start_at_the_server_root() -> None:
    """MkDocs passes raw HTML through; Zensical rewrites its relative links as if they were the
    source file's (`../x/` on /flowchart/ became `../../x/`). Links from the server's root, or to
    another host, or to an anchor, mean the same to both; Markdown links are the builder's."""
    derived = derive(load_tree(GOLDEN_TREE, today=TODAY))
    relative = sorted({f"{lang}/{path}: {href}" for lang in LANGUAGES
                       for path, text in generate(derived, lang, "https://example.org/help/").files.items()
                       if path.endswith(".md")
                       for href in re.findall(r'<a\b[^>]*\bhref="([^"]*)"', text)
                       if not href.startswith(("/help/", "https://", "#"))})
    assert relative == []
