"""One language's generated site: its files, its navigation and the URLs it publishes."""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.derive.derive import Derived
from build_tools.derive.paths import (FLOWCHART, HOME, SOURCES, TIPS, language_prefix, redirect_path,
                    url_of)
from build_tools.render.pages import render_language
from build_tools.settings import DOCS_DIRS
from build_tools.render.strings import strings_for
from build_tools.tree.validate import MAX_ANSWERS


NavItem = dict[str, str]


@dataclass(frozen=True)
class GeneratedSite:
    lang: str
    files: dict[str, str]  # path relative to the language's docs root -> content


def generate(derived: Derived, lang: str, site_url: str) -> GeneratedSite:
    """One language's site; `site_url` is the root of the whole site (not of the language)."""
    return GeneratedSite(lang, render_language(derived, lang, site_url))


def generate_all(derived: Derived, languages: list[str] | tuple[str, ...],
                 site_url: str) -> dict[str, GeneratedSite]:
    """Every language's site."""
    return {lang: generate(derived, lang, site_url) for lang in languages}


def navigation(derived: Derived, lang: str) -> list[NavItem]:
    """Home, one entry per status (the start question's answers), then the general pages.
    Every page carries the navigation: past MAX_ANSWERS statuses it would repeat home's long
    list on each of them (1,000 answers made a 493 MB site), so home alone lists them."""
    t = strings_for(lang)
    start = derived.tree.nodes[derived.tree.start.id]
    statuses = [{a.label[lang]: derived.path(a.next.id)} for a in start.answers
                ] if len(start.answers) <= MAX_ANSWERS else []
    return [{t["home"]: HOME}, *statuses, {t["tips_title"]: TIPS}, {t["flowchart"]: FLOWCHART},
            {t["sources_title"]: SOURCES}, "about.md"]


def status_choices(derived: Derived, lang: str, site_url: str) -> list[NavItem]:
    """The home page's choices with absolute links, for pages served at any path (the 404)."""
    start = derived.tree.nodes[derived.tree.start.id]
    root = site_url if site_url.endswith("/") else site_url + "/"
    return [{"label": a.label[lang], "hint": a.hint[lang] if a.hint else "",
             "href": root + url_of(derived.path(a.next.id))} for a in start.answers]


def site_urls(derived: Derived, lang: str) -> set[str]:
    """Every URL this language promises, from the site root (`/en/guide/x/`): every node, the
    general pages, the redirects and the hand-written pages. Not the continuation charts under
    /flowchart/, which move as the tree grows (charts.py)."""
    tree = derived.tree
    generated = [*(derived.path(node_id) for node_id in tree.nodes), TIPS, SOURCES, FLOWCHART,
                 *(redirect_path(r.old) for r in tree.redirects)]
    hand_written = [p.relative_to(DOCS_DIRS[lang]).as_posix() for p in DOCS_DIRS[lang].rglob("*.md")]
    return {"/" + language_prefix(lang) + url_of(path) for path in [*generated, *hand_written]}
