"""Where every page lives: source paths, URLs and relative links, the same in every build."""

from __future__ import annotations

import posixpath

from build_tools.tree.model import DEFAULT_LANGUAGE, LANGUAGES

HOME = "index.md"
TIPS = "tips.md"
FLOWCHART = "flowchart.md"
SOURCES = "sources.md"
SEARCH_INDEX = "search/index.json"


def node_path(node_id: str, start_id: str) -> str:
    """The start question is the home page; every other node is /guide/<id>/."""
    return HOME if node_id == start_id else f"guide/{node_id}.md"


def redirect_path(old_id: str) -> str:
    return f"guide/{old_id}/index.html"


def url_of(path: str) -> str:
    """The URL MkDocs gives a source path (use_directory_urls), relative to the language root."""
    if posixpath.basename(path) in ("index.md", "index.html"):
        return posixpath.dirname(path) + "/" if "/" in path else ""
    return path.removesuffix(".md") + "/" if path.endswith(".md") else path


def language_prefix(lang: str) -> str:
    """Chinese is the site root; other languages live under /<lang>/."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def language_of_url(url: str) -> str:
    """The language a URL from the site root (`/en/guide/x/`) belongs to, by its prefix."""
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and url.lstrip("/").startswith(language_prefix(lang)):
            return lang
    return DEFAULT_LANGUAGE


def link(from_path: str, to_path: str) -> str:
    """A relative Markdown link between two source files, which MkDocs checks and rewrites."""
    return _relative(from_path.split("/")[:-1], to_path.split("/"))


def _relative(here: list[str], there: list[str]) -> str:
    """posixpath.relpath from folder `here` to `there`, both as lists of parts. Our paths are
    relative and plain (no `.`, `..` or `//`), so comparing parts is enough; a 10,000-node site
    asks for hundreds of thousands of links, and relpath, which makes both paths absolute
    first, spent seconds on them."""
    common = 0
    while common < min(len(here), len(there)) and here[common] == there[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + there[common:])


def absolute_url(site_url: str, lang: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + language_prefix(lang) + url_of(path)


def relative_url(from_path: str, to_path: str) -> str:
    """A relative URL between the pages two source files become (for raw HTML, which MkDocs
    does not rewrite)."""
    here, there = url_of(from_path).rstrip("/"), url_of(to_path).rstrip("/")
    relative = _relative(here.split("/") if here else [], there.split("/") if there else [])
    return relative + "/" if relative else "./"
