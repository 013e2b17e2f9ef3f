"""Render every page of one language from the derived tree (templates in `templates/`)."""

from __future__ import annotations

import json

from build_tools.derive.charts import ChartPage, branch_panel, chart_of, chart_pages, panels
from build_tools.derive.derive import Derived
from build_tools.render.text import description, reply_text
from build_tools.render.flowchart import chart_nodes, chart_tips, flowchart_outline, panel_svgs
from build_tools.tree.model import DEFAULT_LANGUAGE, LANGUAGES, Node, Outcome, Question
from build_tools.derive.paths import (HOME, SEARCH_INDEX, SOURCES, TIPS, absolute_url, link, redirect_path,
                    relative_url, root_path)
from build_tools.render.search.index import build_index, documents
from build_tools.render.search.learned import examples, learn
from build_tools.render.strings import strings_for
from build_tools.render.templating import render as _render
from build_tools.render.trail import trail_box


def render_language(derived: Derived, lang: str, site_url: str) -> dict[str, str]:
    """Every generated file of one language: path (relative to its docs root) -> content."""
    return in_order({**render_pages(derived, lang, site_url), **render_flowcharts(derived, lang, site_url),
                     **render_search_index(derived, lang)})


def in_order(files: dict[str, str]) -> dict[str, str]:
    """Files in the order of their paths, however they were made."""
    return dict(sorted(files.items()))


def render_search_index(derived: Derived, lang: str) -> dict[str, str]:
    """The language's search index: one file, which can be made apart from the pages."""
    index = search_index(derived, lang)
    return {SEARCH_INDEX: json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n"}


def search_index(derived: Derived, lang: str) -> dict:
    """The pages as search sees them, and what the phrasings taught about them."""
    docs = documents(derived, lang)
    return build_index(docs, lang, learn(examples(derived, lang), [doc.url for doc in docs], lang))


def render_pages(derived: Derived, lang: str, site_url: str) -> dict[str, str]:
    """The language's pages of the tree (and the files that go with them), but the flowcharts."""
    tree = derived.tree
    drawn_in = chart_of(chart_pages(derived))
    pages = {derived.path(n.id): _render_node(derived, n, lang, site_url, drawn_in[n.id].path)
             for n in tree.nodes.values()}
    t = strings_for(lang)
    pages[TIPS] = _render("tips.md.j2", _page(derived, TIPS, lang, t["tips_title"], t["tips_intro"]),
                          tips=tree.tips())
    pages[SOURCES] = _render("sources.md.j2", _page(derived, SOURCES, lang, t["sources_title"],
                                                    t["sources_intro"]),
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
    return pages


def render_flowcharts(derived: Derived, lang: str, site_url: str) -> dict[str, str]:
    """The language's flowchart pages: the tree cut into charts (charts.py), each linked to the
    charts above and below it."""
    charts = chart_pages(derived)
    by_path = {c.path: c for c in charts}
    below: dict[str | None, list[ChartPage]] = {}
    for chart in charts:
        below.setdefault(chart.parent, []).append(chart)
    return {chart.path: _render_chart(derived, chart, lang, site_url, above=by_path.get(chart.parent),
                                      below=below.get(chart.path, []))
            for chart in charts}


def _page(derived: Derived, path: str, lang: str, title: str, description: str) -> dict:
    """The context every generated page has: where it is, its language and its front matter."""
    return {
        "lang": lang,
        "t": strings_for(lang),
        "link": lambda target: link(path, derived.path(target)),
        "title": title,
        "description": description,
        "has_flowchart": False,
    }


def _render_chart(derived: Derived, chart: ChartPage, lang: str, site_url: str, above: ChartPage | None,
                  below: list[ChartPage]) -> str:
    """One flowchart page: its panels (charts.py), links to the charts above and below it, the
    tips of its boxes, the outline."""
    t = strings_for(lang)
    context = _page(derived, chart.path, lang, t["flowchart"], t["flowchart_intro"])
    name = lambda c: _chart_name(derived, c, lang)  # noqa: E731 - a template helper
    if chart.parent is not None:
        context["title"] += t["colon"] + name(chart)
    return _render("flowchart.md.j2", context, has_flowchart=True, chart_name=name,
                   above=above, below=below,
                   chart_link=lambda c: link(chart.path, c.path),
                   svgs=panel_svgs(derived, lang, chart.path, panels(derived, chart),
                                   root=root_path(site_url, lang)),
                   tips=chart_tips(derived, lang, chart_nodes(derived, chart.nodes)),
                   outline=flowchart_outline(derived, lang, chart.path, only=chart.nodes))


def _chart_name(derived: Derived, chart: ChartPage, lang: str) -> str:
    """A chart by the title of the question at its top (and how many more branches it holds)."""
    first = derived.tree.nodes[chart.roots[0]].title[lang]
    more = len(chart.roots) - 1
    return first + (strings_for(lang)["and_more"].format(n=more) if more else "")


def _render_node(derived: Derived, node: Node, lang: str, site_url: str, chart_path: str) -> str:
    path = derived.path(node.id)
    context = _page(derived, path, lang, node.title[lang], description(node, lang))
    root = root_path(site_url, lang)  # raw HTML links from the server's root (decision 013)
    branch_svgs = _branch_chart(derived, node, lang, path, root)
    context.update(
        node=node,
        is_home=path == HOME,
        box=trail_box(derived, node.id, lang, root, chart_path),
        tips_link=link(path, TIPS),
        flowchart_link=link(path, chart_path),
        tips=[derived.tree.nodes[ref.id] for ref in getattr(node, "tips", ())],
        sources=[derived.tree.sources[ref.id] for ref in getattr(node, "sources", ())],
        used_on=[derived.tree.nodes[i] for i in derived.tip_users.get(node.id, ())],
        svgs=branch_svgs,
        has_flowchart=bool(branch_svgs),
    )
    if isinstance(node, Outcome):
        context.update(reply=reply_text(node, lang, site_url, derived),
                       url=absolute_url(site_url, lang, path))
    return _render(f"{node.kind}.md.j2", context)


def _branch_chart(derived: Derived, node: Node, lang: str, path: str, root: str) -> list[str]:
    """A status page's own flowchart: the status, marked, and what its answers lead to."""
    if node.id not in derived.statuses or not isinstance(node, Question):
        return []
    return panel_svgs(derived, lang, path, [branch_panel(derived, node.id)], here=node.id, root=root)
