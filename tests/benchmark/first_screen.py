"""The first screen of a phone (390 x 844): where every outcome's title and first step stand,
with and without JavaScript, in both languages; the smallest tap target of each page kind; where
the home page's last choice ends; screenshots.

    python3 build_tools/dev.py bench first_screen           (builds this checkout's site)
    python3 build_tools/dev.py python tests/benchmark/first_screen.py --site DIR --label before \
        --screenshots docs/screenshots                       (an existing build, e.g. main's)

A site given with --site must have been built for http://127.0.0.1:<any port>/douyin-help/
(the sub-path the test server serves); the measuring reads nothing but the built pages.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script from anywhere

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from build_tools.derive.derive import derive  # noqa: E402
from build_tools.derive.paths import language_prefix, url_of  # noqa: E402
from build_tools.settings import TREE_DIR  # noqa: E402
from build_tools.tree.model import LANGUAGES  # noqa: E402
from build_tools.tree.read import load_tree  # noqa: E402
from tests.benchmark.common import mkdocs_build, table  # noqa: E402
from tests.browser.conftest import CHROMIUM_FLAGS, PHONE  # noqa: E402
from tests.browser.phone_layout import MIN_TARGET, Target, controls, first_screen, tap_targets  # noqa: E402
from tests.conftest import SUB_PATH, free_port, serve  # noqa: E402

TRAIL_KEY = "help-centre-trail"  # the trail the page script keeps in sessionStorage
MODES = {"JS": True, "no JS": False}
# The screenshots: the first screen only, at 1 device pixel per CSS px (small files).
SHOTS = {"home-zh": ("", True), "merchant-refuses-zh-no-js": ("guide/merchant-refuses/", False),
         "merchant-refuses-en": ("en/guide/merchant-refuses/", True),
         "past-seven-days-en-no-js": ("en/guide/past-seven-days/", False)}


def page_kinds() -> dict[str, list[str]]:
    """The pages of each kind, as paths under a language root."""
    derived = derive(load_tree(TREE_DIR))
    tree = derived.tree
    of = lambda nodes: [url_of(derived.path(n.id)) for n in nodes]  # noqa: E731
    return {"home": [""], "question": of(q for q in tree.questions() if q.id != tree.start.id),
            "outcome": of(tree.outcomes()), "tips": ["tips/", *of(tree.tips())],
            "sources": ["sources/"], "flowchart": ["flowchart/"], "about": ["about/"],
            "404": ["no-such-page/"]}


@contextmanager
def served(folder: Path | None) -> Iterator[str]:
    """The site at `folder`, or this checkout's site built now, served under SUB_PATH."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUB_PATH}"
    with tempfile.TemporaryDirectory() as work:
        if folder is None:
            folder = Path(work) / "site"
            mkdocs_build(folder, site_url=url)
        server = serve(folder, port)
        try:
            yield url
        finally:
            server.shutdown()
            server.server_close()


class Phones:
    """One browser context with JavaScript and one without; every page a new tab (so its own
    sessionStorage, as a reader's new tab)."""

    def __init__(self, browser: Browser, scale: int = 2) -> None:
        self.contexts = {js: browser.new_context(**{**PHONE, "device_scale_factor": scale},
                                                 java_script_enabled=js) for js in (True, False)}

    def open(self, url: str, js: bool, trail: list[str] | None = None) -> Page:
        return open_page(self.contexts[js].new_page(), url, trail)

    def close(self) -> None:
        for context in self.contexts.values():
            context.close()


def open_page(page: Page, url: str, trail: list[str] | None = None) -> Page:
    """`url` in `page`; `trail`: the answers the reader gave before, as the script keeps them
    (so that the page shows them, as after tapping there)."""
    if trail:
        page.goto(url)
        page.evaluate("([key, ids]) => sessionStorage.setItem(key, JSON.stringify(ids))",
                      [TRAIL_KEY, trail])
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def outcome_figures(phones: Phones, url: str) -> list[tuple[str, str]]:
    """The lowest title and first step over every outcome page, per language and mode."""
    derived = derive(load_tree(TREE_DIR))
    rows = []
    for lang in LANGUAGES:
        for mode, js in [*MODES.items(), ("JS, trail shown", True)]:
            worst_title, worst_step = (0.0, ""), (0.0, "")
            for outcome in derived.tree.outcomes():
                trail = list(derived.trails[outcome.id][0].ids) if "trail" in mode else None
                page = phones.open(url + language_prefix(lang) + url_of(derived.path(outcome.id)),
                                   js, trail)
                found = first_screen(page, lang)
                page.close()
                worst_title = max(worst_title, (found.title, outcome.id))
                worst_step = max(worst_step, (found.step_line, outcome.id))
            rows.append((f"{lang}, {mode}: lowest title top / first step's first line bottom",
                         f"{worst_title[0]:.0f} px ({worst_title[1]}) / "
                         f"{worst_step[0]:.0f} px ({worst_step[1]})"))
    return rows


def smallest(targets: list[Target]) -> str:
    if not targets:
        return "none"
    t = min(targets, key=lambda t: t.size)
    split = sorted({w for t in targets for w in t.split})
    return (f"{t.width:.0f} x {t.height:.0f} px ({t.tag} '{t.name}')"
            + (f"; words cut by a line break: {', '.join(split)}" if split else ""))


def target_figures(phones: Phones, url: str) -> list[tuple[str, str]]:
    """The smallest control of each page kind, both languages, with and without JavaScript;
    links in prose and the flowchart's boxes apart."""
    rows = []
    for kind, paths in page_kinds().items():
        found: list[Target] = []
        prose: list[Target] = []
        for lang in LANGUAGES:
            for js in MODES.values():
                for path in paths:
                    page = phones.open(url + language_prefix(lang) + path, js)
                    found += controls(page)
                    prose += [t for t in tap_targets(page) if t.prose or t.chart]
                    page.close()
        rows.append((kind, smallest(found)))
        if prose:
            rows.append((f"{kind}: links in prose, chart boxes (exempt)", smallest(prose)))
    return rows


def home_figures(phones: Phones, url: str) -> list[tuple[str, str]]:
    rows = []
    for lang in LANGUAGES:
        for mode, js in MODES.items():
            page = phones.open(url + language_prefix(lang), js)
            choices = page.locator(".choices a").all()
            last = choices[-1].bounding_box()
            page.close()
            rows.append((f"{lang}, {mode}: choices / last choice top, bottom",
                         f"{len(choices)} / {last['y']:.0f}, {last['y'] + last['height']:.0f} px"))
    return rows


def screenshots(phones: Phones, url: str, folder: Path, label: str) -> list[tuple[str, str]]:
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, (path, js) in SHOTS.items():
        page = phones.open(url + path, js)
        target = folder / f"{label}-{name}.png"
        page.screenshot(path=target)
        page.close()
        rows.append((name, f"{target} ({target.stat().st_size // 1024} KB)"))
    return rows


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build this checkout's)")
    parser.add_argument("--label", default="after", help="names the screenshots: before, after")
    parser.add_argument("--screenshots", type=Path, help="folder to write the screenshots into")
    args = parser.parse_args(argv)
    from build_tools.dev import CHROMIUM_CANDIDATES, CHROMIUM_ENV
    import os

    executable = os.environ.get(CHROMIUM_ENV, CHROMIUM_CANDIDATES[0])
    where = {} if executable == "playwright" else {"executable_path": executable}
    with served(args.site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(args=CHROMIUM_FLAGS, **where)
        phones = Phones(browser)
        print("Outcome pages on a 390 x 844 phone (first screen: 844 px)\n"
              + table(outcome_figures(phones, url)))
        print("Home page\n" + table(home_figures(phones, url)))
        print(f"Smallest tap target per page kind (rule: {MIN_TARGET} px; both languages, with "
              "and without JS)\n" + table(target_figures(phones, url)))
        phones.close()
        if args.screenshots:  # at one device pixel per CSS pixel: small files
            phones = Phones(browser, scale=1)
            print("Screenshots\n" + table(screenshots(phones, url, args.screenshots, args.label)))
            phones.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1:])
