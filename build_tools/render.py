"""Render every page of one language from the derived tree (templates in `templates/`)."""

from __future__ import annotations

import json
from typing import Any

from .charts import ChartPage, chart_of, chart_pages, first_boxes
from .derive import Derived, description, reply_text
from .flowchart import flowchart_outline, flowchart_svg
from .model import DEFAULT_LANGUAGE, LANGUAGES, Node, Outcome, Question, Tip
from .paths import (FLOWCHART, HOME, SEARCH_INDEX, SOURCES, TIPS, absolute_url, link, redirect_path,
                    relative_url, url_of)
from .search_index import SearchDoc, build_index, documents
from .strings import strings_for
from .templating import render as _render

BOOST = {Outcome: 3.0, Question: 1.5, Tip: 1.0}


def render_language(derived: Derived, lang: str, site_url: str) -> dict[str, str]:
    """Every generated file of one language: path (relative to its docs root) -> content."""
    tree = derived.tree
    charts = chart_pages(derived)
    drawn_in = chart_of(charts)
    pages = {derived.path(n.id): _render_node(derived, n, lang, site_url, drawn_in[n.id].path)
             for n in tree.nodes.values()}
    pages[TIPS] = _render("tips.md.j2", _page(derived, TIPS, lang, "tips_title", "tips_intro"),
                          tips=tree.tips())
    pages[SOURCES] = _render("sources.md.j2",
                             _page(derived, SOURCES, lang, "sources_title", "sources_intro"),
                             sources=list(tree.sources.values()))
    for chart in charts:
        pages[chart.path] = _render_chart(derived, chart, charts, lang)
    pages[SEARCH_INDEX] = _search_index(derived, lang)
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
        "has_flowchart": False,
    }


def _render_chart(derived: Derived, chart: ChartPage, charts: list[ChartPage], lang: str) -> str:
    """One flowchart page: the chart, links to the charts above and below it, the outline."""
    context = _page(derived, chart.path, lang, "flowchart", "flowchart_intro")
    by_path = {c.path: c for c in charts}
    name = lambda c: _chart_name(derived, c, lang)  # noqa: E731 - a template helper
    if chart.parent is not None:
        context["title"] += context["t"]["colon"] + name(chart)
    only = None if len(charts) == 1 else set(chart.nodes)  # None: the whole tree, titled so
    return _render("flowchart.md.j2", context, has_flowchart=True, chart_name=name,
                   above=by_path.get(chart.parent), below=[c for c in charts if c.parent == chart.path],
                   chart_link=lambda c: link(chart.path, c.path),
                   svg=flowchart_svg(derived, lang, chart.path, only=only),
                   outline=flowchart_outline(derived, lang, chart.path, only=only))


def _chart_name(derived: Derived, chart: ChartPage, lang: str) -> str:
    """A chart by the title of the question at its top (and how many more branches it holds)."""
    first = derived.tree.nodes[chart.roots[0]].title[lang]
    more = len(chart.roots) - 1
    return first + (strings_for(lang)["and_more"].format(n=more) if more else "")


def _render_node(derived: Derived, node: Node, lang: str, site_url: str, chart_path: str) -> str:
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
        flowchart_link=link(path, chart_path),
        tips=[derived.tree.nodes[ref.id] for ref in getattr(node, "tips", ())],
        sources=[derived.tree.sources[ref.id] for ref in getattr(node, "sources", ())],
        used_on=[derived.tree.nodes[i] for i in derived.tip_users.get(node.id, ())],
        branch_svg=_branch_chart(derived, node, lang, path),
    )
    context["has_flowchart"] = bool(context["branch_svg"])
    if isinstance(node, Outcome):
        context.update(reply=reply_text(node, lang, site_url, derived),
                       url=absolute_url(site_url, lang, path))
    return _render(f"{node.kind}.md.j2", context)


def _branch_chart(derived: Derived, node: Node, lang: str, path: str) -> str:
    """A status page's own small flowchart: the status and everything its answers lead to."""
    start = derived.tree.nodes[derived.tree.start.id]
    is_status = any(a.next.id == node.id for a in start.answers)
    if not is_status or not isinstance(node, Question):
        return ""
    return flowchart_svg(derived, lang, path, only=first_boxes(derived, node.id))


def _search_index(derived: Derived, lang: str) -> str:
    """The search index, with the general pages (tips, flowchart, sources) after the nodes'."""
    t = strings_for(lang)
    general = tuple(SearchDoc(url_of(path), t[title], t[intro],
                              (("title", t[title]), ("summary", t[intro])), 0.6)
                    for path, title, intro in ((TIPS, "tips_title", "tips_intro"),
                                               (FLOWCHART, "flowchart", "flowchart_intro"),
                                               (SOURCES, "sources_title", "sources_intro")))
    index = build_index(documents(derived, lang, general), lang)
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"
