"""Render every page of one language from the derived tree with Jinja (`templates/*.j2`).

Markdown templates (`*.md.j2`) insert the tree's Markdown as it is (validated: no raw HTML);
HTML templates (`*.html.j2`) autoescape everything. Undefined names fail the build.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from .derive import Derived, description, reply_text
from .model import DEFAULT_LANGUAGE, LANGUAGES, Node, Outcome, Question, Tip
from .paths import FLOWCHART, HOME, SOURCES, TIPS, absolute_url, link, redirect_path, relative_url
from .strings import strings_for

TEMPLATES = Path(__file__).parent / "templates"
BOOST = {Outcome: 3.0, Question: 1.5, Tip: 1.0}


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2", "svg.j2"),
                                            default_for_string=False, default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml_str"] = lambda value: json.dumps(value, ensure_ascii=False)
    return env


def render_language(derived: Derived, lang: str, site_url: str) -> dict[str, str]:
    """Every generated file of one language: path (relative to its docs root) -> content."""
    tree = derived.tree
    pages = {derived.path(n.id): _render_node(derived, n, lang, site_url) for n in tree.nodes.values()}
    pages[TIPS] = _render("tips.md.j2", _page(derived, TIPS, lang, "tips_title", "tips_intro"),
                          tips=tree.tips())
    pages[SOURCES] = _render("sources.md.j2",
                             _page(derived, SOURCES, lang, "sources_title", "sources_intro"),
                             sources=list(tree.sources.values()))
    if lang == DEFAULT_LANGUAGE:  # crawlers read robots.txt at the site root only
        pages["robots.txt"] = _render("robots.txt.j2", {}, sitemaps=[
            absolute_url(site_url, other, "sitemap.xml") for other in LANGUAGES])
    for redirect in tree.redirects:
        path = redirect_path(redirect.old)
        target = derived.path(redirect.to.id)
        pages[path] = _render("redirect.html.j2", {"lang": lang, "t": strings_for(lang)},
                              title=tree.nodes[redirect.to.id].title[lang],
                              target=relative_url(path, target),
                              target_url=absolute_url(site_url, lang, target))
    return dict(sorted(pages.items()))


def _render(template: str, context: dict[str, Any], **extra: Any) -> str:
    return environment().get_template(template).render(**context, **extra)


def _page(derived: Derived, path: str, lang: str, title_key: str, description_key: str) -> dict:
    """The context every generated page has: where it is, its language and its front matter."""
    t = strings_for(lang)
    return {
        "lang": lang,
        "t": t,
        "link": lambda target: link(path, derived.path(target)),
        "title": t[title_key],
        "description": t[description_key],
        "keywords": [],
        "boost": 1.0,
    }


def _render_node(derived: Derived, node: Node, lang: str, site_url: str) -> str:
    path = derived.path(node.id)
    context = _page(derived, path, lang, "site_name", "site_name")
    context.update(
        node=node,
        title=node.title[lang],
        description=description(node, lang),
        keywords=list(node.search[lang]),
        boost=BOOST[type(node)],
        is_home=path == HOME,
        trails=derived.trails.get(node.id, ()),
        more_trails=derived.trail_counts.get(node.id, 0) - len(derived.trails.get(node.id, ())),
        home_link=link(path, HOME),
        tips_link=link(path, TIPS),
        flowchart_link=link(path, FLOWCHART),
        tips=[derived.tree.nodes[ref.id] for ref in getattr(node, "tips", ())],
        sources=[derived.tree.sources[ref.id] for ref in getattr(node, "sources", ())],
        used_on=[derived.tree.nodes[i] for i in derived.tip_users.get(node.id, ())],
    )
    if isinstance(node, Outcome):
        context.update(reply=reply_text(node, lang, site_url, derived),
                       url=absolute_url(site_url, lang, path))
    return _render(f"{node.kind}.md.j2", context)
