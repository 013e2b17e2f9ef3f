"""The thin bridge from MkDocs to build_tools: generate pages in memory, add the other languages,
and make `mkdocs build` atomic. All the work happens in build_tools; this only wires events.

MkDocs loads this file once per process and reuses it for every rebuild of `mkdocs serve` and
for the nested build of each other language. So the outer build reads the tree once and makes
every language's pages, and each build takes its own from the session (on_files).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # `mkdocs` does not add the cwd

from mkdocs.config import load_config  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402

from build_tools.derive.derive import Derived, derive  # noqa: E402
from build_tools.tree.model import DEFAULT_LANGUAGE, LANGUAGES  # noqa: E402
from build_tools.derive.paths import language_prefix  # noqa: E402
from build_tools.publish.front_matter import check_pages  # noqa: E402
from build_tools.tree.problems import HelpCentreError, InvalidPages, InvalidTree, Notice, report  # noqa: E402
from build_tools.publish.promise import promise_problems  # noqa: E402
from build_tools.publish.report import report_link  # noqa: E402
from build_tools.settings import ROOT, TREE_DIR, SettingError, check_site_url, repository_url  # noqa: E402
from build_tools.publish.site import GeneratedSite, generate_all, navigation, status_choices  # noqa: E402
from build_tools.render.strings import strings_for  # noqa: E402
from build_tools.tree.read import check  # noqa: E402
from build_tools.publish.write import AtomicFolder  # noqa: E402

log = logging.getLogger("mkdocs.hooks.help_centre")
LANGUAGE_CONFIGS = {lang: ROOT / f"mkdocs.{lang}.yml" for lang in LANGUAGES if lang != DEFAULT_LANGUAGE}
# HELP_CENTRE_LANGUAGES=zh builds the default language alone: a quicker preview, and the
# baseline the benchmark compares the full build with.
ONLY_LANGUAGES = [DEFAULT_LANGUAGE] + [
    lang for lang in (name.strip() for name in os.environ.get("HELP_CENTRE_LANGUAGES",
                                                                 ",".join(LANGUAGES)).split(","))
    if lang in LANGUAGES and lang != DEFAULT_LANGUAGE]


class _Session:
    """What must outlive one event: the command, the staging folder, the last good pages."""

    command = "build"
    staging: AtomicFolder | None = None
    built = False
    nested = False
    derived: Derived | None = None  # the last good tree
    last_good: dict[str, GeneratedSite] = {}  # ... and its pages per language


session = _Session()


def on_startup(command: str, dirty: bool) -> None:
    session.command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    lang = config.theme["language"]
    if not session.nested:  # the outer build reads the tree once and makes every language
        try:
            config.site_url = check_site_url(config.site_url)
        except HelpCentreError as error:
            raise PluginError(str(error)) from None
        _generate(config.site_url)
    config.nav = navigation(session.derived, lang)
    config.extra["alternate"] = alternates(lang, config.site_url or "")
    words = strings_for(lang)  # for the templates of docs/overrides, which cannot import them
    config.extra["help_search"] = {key: words[f"search_{key}"]
                                   for key in ("other", "home", "flowchart", "loading", "failed")}
    config.extra["statuses"] = status_choices(session.derived, lang, config.site_url or "")
    try:
        config.extra["repository_url"] = repository_url()
    except SettingError as error:
        raise PluginError(str(error)) from None
    if session.command == "build" and not session.nested:
        session.staging = AtomicFolder(Path(config.site_dir))
        session.built = False
        try:
            config.site_dir = str(session.staging.begin())
        except HelpCentreError as error:  # a read-only checkout: a message, not a traceback
            session.staging = None
            raise PluginError(str(error)) from None
    return config


def alternates(lang: str, site_url: str) -> list[dict[str, str]]:
    """Each language's root: `link` relative to this build's root, `href` absolute."""
    root = site_url.removesuffix(language_prefix(lang))
    here_to_root = "../" * language_prefix(lang).count("/")
    return [{"lang": other, "name": strings_for(other)["language_name"],
             "link": here_to_root + language_prefix(other),
             "href": root + language_prefix(other)} for other in ONLY_LANGUAGES]


def _generate(site_url: str) -> None:
    """Every language's pages, into `session.last_good`; under `mkdocs serve`, a broken tree
    keeps the last good pages."""
    try:
        checked = check(TREE_DIR)
        _log(checked.notices)
        if checked.tree is None:
            raise InvalidTree(checked.problems)
        derived = derive(checked.tree)
        if pages := check_pages():  # MkDocs itself would publish a broken one as text
            raise InvalidPages(pages)
        session.last_good = generate_all(derived, ONLY_LANGUAGES, site_url)
        session.derived = derived
    except (InvalidTree, InvalidPages) as error:
        if session.command != "serve" or not session.last_good:
            raise PluginError(str(error)) from None
        for problem in error.problems:
            log.error(str(problem))
        log.error("The decision tree or a hand-written page has problems; "
                  "still serving the last good pages.")


def _log(notices: list[Notice]) -> None:
    """Warnings as MkDocs warnings (a strict build stops on them), notes as information."""
    for notice in notices:
        (log.warning if notice.label == "warning" else log.info)(str(notice))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    lang = config.theme["language"]
    site = session.last_good[lang]
    problems, notices = promise_problems(session.derived, [lang], TREE_DIR)
    _log(notices)
    if problems:  # the same promise `check` enforces
        raise PluginError(report(sorted(problems)))
    for path, content in site.files.items():
        files.append(File.generated(config, path, content=content))
    return files


def on_page_context(context: dict, page, config: MkDocsConfig, nav) -> dict:  # noqa: ANN001
    """Every page's "report a problem" link (partials/report.html)."""
    title = page.meta.get("title") or page.title or config.site_name
    context["report"] = report_link(config.extra["repository_url"], page.canonical_url or page.abs_url,
                                    title, config.theme["language"], page.meta.get("kind"))
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """After the default language, build each other language into /<lang>/ of the same site."""
    if config.theme["language"] == DEFAULT_LANGUAGE:
        for lang, config_file in LANGUAGE_CONFIGS.items():
            if lang in ONLY_LANGUAGES:
                _build_language(config, lang, config_file)
    if not session.nested:  # only the outer build's end means the whole site is built
        session.built = True


def _build_language(parent: MkDocsConfig, lang: str, config_file: Path) -> None:
    from mkdocs.commands.build import build

    config = load_config(str(config_file), site_dir=str(Path(parent.site_dir) / lang),
                         site_url=(parent.site_url or "") + language_prefix(lang),
                         strict=parent.strict)
    session.nested = True
    try:
        build(config, serve_url=config.site_url if session.command == "serve" else None)
    finally:
        session.nested = False


def on_build_error(error: Exception) -> None:
    session.built = False
    if session.staging and not session.nested:
        session.staging.abort()
        session.staging = None


def on_shutdown() -> None:
    """`mkdocs build` is over: swap the new site in only if every step succeeded."""
    if session.staging is None:
        return
    if session.built:
        session.staging.commit()
    else:
        session.staging.abort()
    session.staging = None
