"""The whole site in one straight line: check the tree, stage each language's pages and builder
configuration, run the builder per language, check every published URL, swap the site in.

The builder (MkDocs, or ProperDocs, its maintained fork) runs as a subprocess on a folder of
plain files, so it needs no hook or plugin of ours, and nothing of one build survives into the
next (docs/decisions/013).
"""

from __future__ import annotations

import calendar
import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from build_tools.derive.derive import Derived, derive
from build_tools.derive.paths import language_of_url, language_prefix
from build_tools.publish.config import builder_config, config_text
from build_tools.publish.report import report_form
from build_tools.publish.front_matter import check_pages
from build_tools.publish.promise import promise_problems, read_promise
from build_tools.publish.site import generate, navigation, status_choices
from build_tools.publish.write import AtomicFolder, write_files
from build_tools.settings import DOCS_DIRS, TREE_DIR, SettingError, repository_url, site_settings
from build_tools.tree.model import DEFAULT_LANGUAGE, LANGUAGES
from build_tools.tree.problems import HelpCentreError, InvalidPages, InvalidTree, Notice, Problem
from build_tools.tree.read import check

BUILDERS = ("mkdocs", "properdocs")
# Both print a banner about MkDocs 2.0 on every build; the choice is recorded in decision 013.
QUIET_BANNERS = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}


class BuildFailed(HelpCentreError):
    """The builder, or a check of what it built, failed; the last good site is still in place."""


@dataclass(frozen=True)
class Built:
    out: Path
    builder: str
    languages: list[str]
    pages: int
    seconds: float

    def __str__(self) -> str:
        return (f"Built {self.out} with {self.builder}: {self.pages} pages in "
                f"{len(self.languages)} languages ({', '.join(self.languages)}), {self.seconds:.1f} s")


def build_site(out: Path, site_url: str, builder: str = "mkdocs",
               languages: list[str] | tuple[str, ...] = LANGUAGES, tree_dir: Path = TREE_DIR) -> Built:
    """Build the site into `out`, replaced only when every step succeeded. `site_url` is the
    public root of the whole site, ending in "/"."""
    start = time.perf_counter()
    languages = [DEFAULT_LANGUAGE, *(lang for lang in languages if lang != DEFAULT_LANGUAGE)]
    derived = checked_tree(tree_dir)
    problems, notices = promise_problems(derived, languages, tree_dir)
    _stop_on(problems, notices)
    folder = AtomicFolder(out)
    site = folder.begin()
    try:
        date = content_date(derived)
        with tempfile.TemporaryDirectory(prefix="help-centre-sources-") as sources:
            for lang in languages:  # the default language first: its build empties the root
                config = stage(derived, lang, languages, site_url, Path(sources) / lang,
                               site / language_prefix(lang))
                run_builder(builder, config, lang, date)
        _fail_if_any(f"{builder} built no page for these published URLs:",
                     [url for url in read_promise(tree_dir).promised
                      if language_of_url(url) in languages and not _is_built(site, url)])
    except BaseException:
        folder.abort()
        raise
    folder.commit()
    pages = sum(1 for _ in out.rglob("*.html"))
    return Built(out, builder, languages, pages, time.perf_counter() - start)


def checked_tree(tree_dir: Path) -> Derived:
    """The tree and the hand-written pages' front matter, checked (the builder would publish a
    broken front matter as text); raises with every problem, and with its warnings, as a strict
    build stops on them."""
    checked = check(tree_dir)
    if checked.tree is None:
        _print(checked.notices)
        raise InvalidTree(checked.problems)
    if pages := check_pages():
        _print(checked.notices)
        raise InvalidPages(pages)
    _stop_on([], checked.notices)
    return derive(checked.tree)


def _stop_on(problems: list[Problem], notices: list[Notice]) -> None:
    """Notes are printed; warnings stop the build (it is strict), as problems do."""
    _print(notices)
    warnings = [n for n in notices if n.label == "warning"]
    if problems:
        raise InvalidTree(problems)
    if warnings:
        raise BuildFailed(f"{len(warnings)} warning{'s' * (len(warnings) > 1)} above: the site "
                          "build is strict and stops on them.")


def _print(notices: list[Notice]) -> None:
    for notice in sorted(notices):
        print(notice, file=sys.stderr)


def stage(derived: Derived, lang: str, languages: list[str], site_url: str, sources: Path,
          site_dir: Path) -> Path:
    """One language's hand-written and generated pages and its builder configuration, written
    into `sources`; returns the configuration file."""
    docs = sources / "docs"
    shutil.copytree(DOCS_DIRS[lang], docs)
    files = generate(derived, lang, site_url).files
    _fail_if_any(f"Hand-written pages in {DOCS_DIRS[lang]} have the path of a generated page:",
                 sorted(path for path in files if (docs / path).exists()))
    write_files(docs, files)
    extra = {"statuses": status_choices(derived, lang, site_url + language_prefix(lang)),
             "report": report_form(_repository(), lang)}
    # docs_dir relative to the configuration: Zensical 0.0.73 stops on an absolute one.
    config = builder_config(site_settings(), lang, languages, site_url, Path(docs.name), site_dir,
                            navigation(derived, lang), extra)
    path = sources / "mkdocs.yml"
    path.write_text(config_text(config), encoding="utf-8")
    return path


def content_date(derived: Derived) -> datetime.date:
    """When the content was last reviewed: the date the builder stamps on the site."""
    return max((d for node in derived.tree.nodes.values() if (d := node.reviewed)),
               default=datetime.date(2000, 1, 1))


def run_builder(builder: str, config: Path, lang: str, date: datetime.date) -> None:
    """`<builder> build --strict` on one language's configuration. Its warnings and errors are
    shown only when it fails (a strict build that succeeds has none). The builder's clock is set
    to `date` (SOURCE_DATE_EPOCH, unless the caller set it): it stamps the build date into
    sitemap.xml.gz, so a build that crossed midnight differed from one a minute earlier."""
    epoch = {"SOURCE_DATE_EPOCH": str(calendar.timegm(date.timetuple()))}
    result = subprocess.run([sys.executable, "-m", builder, "build", "--strict", "-f", str(config)],
                            capture_output=True, text=True,
                            env={**epoch, **os.environ, **QUIET_BANNERS})
    if result.returncode != 0:
        said = [line for line in (result.stdout + result.stderr).splitlines()
                if line.strip() and not line.startswith("INFO")]
        raise BuildFailed("\n".join([*said, f"{builder} build of the '{lang}' pages failed "
                                               f"(exit {result.returncode}); the last good site is kept."]))


def _repository() -> str:
    try:
        return repository_url()
    except SettingError as error:
        raise BuildFailed(str(error)) from None


def _is_built(site: Path, url: str) -> bool:
    path = site / url.lstrip("/")
    return (path / "index.html").is_file() if url.endswith("/") else path.is_file()


def _fail_if_any(message: str, items: list[str]) -> None:
    if items:
        raise BuildFailed(message + "\n  " + "\n  ".join(items))
