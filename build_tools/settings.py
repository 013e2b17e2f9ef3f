"""Where the project's files are, and the settings the build shares with MkDocs (read from
mkdocs.yml, so that they are written once)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
TREE_DIR = ROOT / "decision_tree"
PUBLISHED_URLS = TREE_DIR / "published_urls.txt"
USER_DICTIONARY = TREE_DIR / "search_userdict.txt"
# Hand-written pages per language: the `docs_dir` of mkdocs.yml and mkdocs.en.yml (a test
# checks they agree).
DOCS_DIRS = {"zh": ROOT / "docs" / "zh", "en": ROOT / "docs" / "en"}
MKDOCS_CONFIG = ROOT / "mkdocs.yml"
# The repository readers report wrong answers to (its new-issue form). Set here only; CI points
# it at the real repository with REPOSITORY_URL (.github/workflows/pages.yml).
REPOSITORY_URL = "https://github.com/douyin-help/douyin-order-help"
REPOSITORY_ENV = "REPOSITORY_URL"
REPORT_FORM = "wrong-answer.yml"  # .github/ISSUE_TEMPLATE/: its field ids are the link's query
_REPOSITORY = re.compile(r"https://[a-z0-9.-]+(?::[0-9]+)?(?:/[A-Za-z0-9_.-]+){2}")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!ENV [NAME, default]` is resolved, Python tags are ignored."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [node.value]
    *variables, default = names if len(names) > 1 else (*names, None)
    return next((os.environ[v] for v in variables if v in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_url(config: Path = MKDOCS_CONFIG) -> str:
    """The site's public address (the `site_url` of mkdocs.yml, which CI sets from SITE_URL)."""
    data = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    url = data.get("site_url") or "http://127.0.0.1:8000/"
    return url if url.endswith("/") else url + "/"


class SettingError(ValueError):
    """A setting from the environment that cannot be used; the message says what to write."""


def repository_url(environ: Mapping[str, str] = os.environ) -> str:
    """The repository's web address, `https://host/owner/name` (REPOSITORY_URL overrides it)."""
    url = environ.get(REPOSITORY_ENV, "").strip().rstrip("/") or REPOSITORY_URL
    if not _REPOSITORY.fullmatch(url.removesuffix(".git")):
        raise SettingError(f"{REPOSITORY_ENV}={url!r} is not a repository address; write it "
                           "as https://github.com/OWNER/NAME")
    return url.removesuffix(".git")
