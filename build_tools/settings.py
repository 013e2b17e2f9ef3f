"""Where the project's files are, and the site's settings (mkdocs.yml, read here and nowhere else:
publish/config.py makes each builder's configuration from it)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from build_tools.tree.problems import HelpCentreError

ROOT = Path(__file__).resolve().parent.parent
TREE_DIR = ROOT / "decision_tree"
PUBLISHED_URLS = TREE_DIR / "published_urls.txt"
USER_DICTIONARY = TREE_DIR / "search_userdict.txt"
# Hand-written pages per language, copied beside the generated ones for the builder.
DOCS_DIRS = {"zh": ROOT / "docs" / "zh", "en": ROOT / "docs" / "en"}
THEME_DIR = ROOT / "docs" / "overrides"
MKDOCS_CONFIG = ROOT / "mkdocs.yml"
# The repository readers report wrong answers to (its new-issue form). Set here only; CI points
# it at the real repository with REPOSITORY_URL (.github/workflows/pages.yml).
REPOSITORY_URL = "https://github.com/douyin-help/douyin-order-help"
REPOSITORY_ENV = "REPOSITORY_URL"
REPORT_FORM = "wrong-answer.yml"  # .github/ISSUE_TEMPLATE/: its field ids are the link's query
_REPOSITORY = re.compile(r"https://[a-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9_.-]+){2}")


@dataclass(frozen=True)
class PythonTag:
    """A `!!python/...` value of mkdocs.yml (a callable for the builder), kept as written so
    that the configuration made from it says the same."""

    tag: str
    value: object


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!ENV [NAME, default]` is resolved, Python tags are kept unresolved."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [node.value]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if v in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)


def _python_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> PythonTag:
    value = (loader.construct_mapping(node, deep=True) if isinstance(node, yaml.MappingNode) else
             loader.construct_sequence(node, deep=True) if isinstance(node, yaml.SequenceNode) else
             loader.construct_scalar(node))
    return PythonTag(node.tag, value)


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _python_tag)


def site_settings(config: Path = MKDOCS_CONFIG) -> dict[str, Any]:
    """The site's settings as written in mkdocs.yml (`!ENV` resolved)."""
    return yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}


LOCAL_URL = "http://127.0.0.1:8000/"
# The site's address goes into every reply, canonical link and the 404 page's attributes: a
# scheme, a host (and port), a path of URL-safe segments, nothing else. Matched whole.
_SITE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~%-]+)*/?")
_EXAMPLE = "like https://name.github.io/repository/"


class SettingError(HelpCentreError, ValueError):
    """A setting from the environment that cannot be used; the message says what to write."""


def site_url(config: Path = MKDOCS_CONFIG) -> str:
    """The site's public address (the `site_url` of mkdocs.yml, which CI sets from SITE_URL)."""
    return check_site_url(site_settings(config).get("site_url"))


def check_site_url(url: str | None, name: str = "SITE_URL") -> str:
    """The address with its final /, or SettingError naming the setting and what is wrong."""
    if url is None and os.environ.get("SITE_URL") == "":  # MkDocs reads an empty one as unset
        url = ""
    if url is None:  # not set at all: the address `mkdocs serve` uses
        return LOCAL_URL
    if not url.strip():
        raise SettingError(f"{name} is empty: set it to the site's address ({_EXAMPLE}), "
                           "or leave it unset")
    if not _SITE_URL.fullmatch(url):
        raise SettingError(f"{name} is '{url}': it must be the site's address, a scheme, a host "
                           f"and a path and nothing else ({_EXAMPLE}); {_what_is_wrong(url)}")
    return url if url.endswith("/") else url + "/"


def _what_is_wrong(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return "start it with https://"
    if parts.query or "?" in url:
        return f"remove the query `?{parts.query}`"
    if parts.fragment or "#" in url:
        return f"remove the fragment `#{parts.fragment}`"
    if "@" in parts.netloc:
        return "remove the user name before @"
    odd = next((c for c in url if not re.fullmatch(r"[A-Za-z0-9._~%:/-]", c)), None)
    if odd is not None:
        return f"remove the character `{odd}`" if odd.isprintable() and odd != " " else \
            f"remove the character U+{ord(odd):04X}"
    return "check its host and path"
def repository_url(environ: Mapping[str, str] = os.environ) -> str:
    """The repository's web address, `https://host/owner/name` (REPOSITORY_URL overrides it)."""
    url = environ.get(REPOSITORY_ENV, "").strip().rstrip("/") or REPOSITORY_URL
    if not _REPOSITORY.fullmatch(url.removesuffix(".git")):
        raise SettingError(f"{REPOSITORY_ENV}={url!r} is not a repository address; write it "
                           "as https://github.com/OWNER/NAME")
    return url.removesuffix(".git")
