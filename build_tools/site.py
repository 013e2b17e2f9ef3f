"""One language's generated site: its files, its navigation and the URLs it publishes."""

from __future__ import annotations

import os
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from .derive import Derived
from .paths import (FLOWCHART, HOME, SOURCES, TIPS, language_of_url, language_prefix, redirect_path,
                    url_of)
from .render import (in_order, render_flowcharts, render_language, render_pages,
                     render_search_index, warm_up)
from .settings import DOCS_DIRS, PUBLISHED_URLS, TREE_DIR
from .strings import strings_for
from .workers import cores, done, map_shared, start_shared


NavItem = dict[str, str]


@dataclass(frozen=True)
class GeneratedSite:
    lang: str
    files: dict[str, str]  # path relative to the language's docs root -> content


@dataclass(frozen=True)
class StartedSite:
    """A language's files in parts, some of which may still be in the making."""

    lang: str
    parts: tuple[Future[dict[str, str]], ...]

    def result(self) -> GeneratedSite:
        """The whole site, once every part is made."""
        return GeneratedSite(self.lang, in_order({path: text for part in self.parts
                                                  for path, text in part.result().items()}))


# From this size on, the pages are made in worker processes, on the other cores; below it,
# starting a worker costs more than it saves.
PARALLEL_FROM = 100


def generate(derived: Derived, lang: str, site_url: str) -> GeneratedSite:
    """One language's site; `site_url` is the root of the whole site (not of the language)."""
    return GeneratedSite(lang, render_language(derived, lang, site_url))


def generate_all(derived: Derived, languages: list[str] | tuple[str, ...],
                 site_url: str) -> dict[str, GeneratedSite]:
    """Every language's site; for a large tree, the first in this process and the others
    meanwhile on the other cores."""
    if not _in_workers(derived):
        return {lang: generate(derived, lang, site_url) for lang in languages}
    warm_up()  # once here, not in each process
    sites = map_shared(derived, [(generate, lang, site_url) for lang in languages])
    return dict(zip(languages, sites))


def start_all(derived: Derived, languages: list[str] | tuple[str, ...],
              site_url: str) -> dict[str, StartedSite]:
    """Every language's site, started. For a large tree, worker processes make the first
    language's flowcharts and pages, then the other languages, while this process makes the first
    language's search index and returns: `mkdocs build` has work of its own to do before it needs
    the first language's files, and builds that language before it needs the next. The three
    parts of the first language take similar times; the system shares the cores among them."""
    if not _in_workers(derived):
        return {lang: StartedSite(lang, (done(render_language(derived, lang, site_url)),))
                for lang in languages}
    first, *others = languages
    made = start_shared(derived, [(render_flowcharts, first), (render_pages, first, site_url),
                                  *((_render_later, lang, site_url) for lang in others)])
    index = done(render_search_index(derived, first))
    return {first: StartedSite(first, (made[0], made[1], index)),
            **{lang: StartedSite(lang, (pages,)) for lang, pages in zip(others, made[2:])}}


def _render_later(derived: Derived, lang: str, site_url: str) -> dict[str, str]:
    """A language MkDocs needs only once it has built the first: made at a low priority, so that
    the worker takes no core from the first language's parts still in the making."""
    if hasattr(os, "nice"):
        os.nice(10)  # for good: this worker is left with later languages only
    return render_language(derived, lang, site_url)


def _in_workers(derived: Derived) -> bool:
    """Whether the tree is large enough, and the machine has the cores, to make pages in workers."""
    return cores() >= 2 and len(derived.tree.nodes) >= PARALLEL_FROM


def navigation(derived: Derived, lang: str) -> list[NavItem]:
    """Home, one entry per status (the start question's answers), then the general pages."""
    t = strings_for(lang)
    start = derived.tree.nodes[derived.tree.start.id]
    statuses = [{a.label[lang]: derived.path(a.next.id)} for a in start.answers]
    return [{t["home"]: HOME}, *statuses, {t["tips_title"]: TIPS}, {t["flowchart"]: FLOWCHART},
            {t["sources_title"]: SOURCES}, "about.md"]


def site_urls(derived: Derived, lang: str) -> set[str]:
    """Every URL this language promises, from the site root (`/en/guide/x/`): every node, the
    general pages, the redirects and the hand-written pages. Not the continuation charts under
    /flowchart/, which move as the tree grows (charts.py)."""
    tree = derived.tree
    generated = [*(derived.path(node_id) for node_id in tree.nodes), TIPS, SOURCES, FLOWCHART,
                 *(redirect_path(r.old) for r in tree.redirects)]
    hand_written = [p.relative_to(DOCS_DIRS[lang]).as_posix() for p in DOCS_DIRS[lang].rglob("*.md")]
    return {"/" + language_prefix(lang) + url_of(path) for path in [*generated, *hand_written]}


def read_published_urls(tree_dir: Path = TREE_DIR) -> list[str]:
    path = tree_dir / PUBLISHED_URLS.name
    if not path.exists():
        return []
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def dropped_urls(derived: Derived, languages: list[str] | tuple[str, ...],
                 published: list[str]) -> list[str]:
    """Published URLs of these languages that no page or redirect serves any more."""
    served = set().union(*(site_urls(derived, lang) for lang in languages))
    return [u for u in published if language_of_url(u) in languages and u not in served]
