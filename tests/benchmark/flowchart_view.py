"""What a reader sees of the flowchart at load, measured in Chromium: where the start box is, the
smallest label in CSS px at the opening zoom, how far sideways the farthest box is, the page's
weight, and how many taps light the way to an outcome. Shared by `bench flowchart` (which prints
the figures, for any built site: `--site DIR` measures an older build) and the browser tests
(which assert the thresholds).

    python3 build_tools/dev.py python -m tests.benchmark.flowchart_view [--site DIR] [--shots NAME]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, Page, sync_playwright

from build_tools.derive.derive import Derived, derive
from build_tools.settings import TREE_DIR
from build_tools.tree.model import Question
from build_tools.tree.read import load_tree
from tests.benchmark.common import ROOT, gzip_size, site_build, table
from tests.conftest import SUB_PATH, free_port, serve

VIEWPORTS = {
    "390x844": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
                "is_mobile": True, "has_touch": True},
    "1280x800": {"viewport": {"width": 1280, "height": 800}},
}
SHOTS = ROOT / "docs" / "screenshots"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking"]
SETTLE_MS = 400  # after the load event: the script centres a box and draws the trail

# Everything is read from the page as laid out: the SVG's text sizes times the scale the page
# draws it at (getScreenCTM), boxes' rectangles against the part of the window their scrolling
# container shows. A collapsed chart has no layout: it reports no labels and no visible boxes.
MEASURE_JS = """(startId) => {
  const laidOut = e => e.getClientRects().length > 0 && !e.closest('details:not([open])');
  const texts = [...document.querySelectorAll('svg.fc text')].filter(laidOut);
  const sizes = texts.map(t => {
    const m = t.getScreenCTM();
    return parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
  });
  function shown(element) {  /* the horizontal span of the window that shows this element */
    let left = 0, right = window.innerWidth;
    for (let e = element.parentElement; e; e = e.parentElement) {
      if (getComputedStyle(e).overflowX !== 'visible') {
        const r = e.getBoundingClientRect();
        left = Math.max(left, r.left); right = Math.min(right, r.right);
      }
    }
    return [left, right];
  }
  const boxes = [...document.querySelectorAll('svg.fc a.fc-node')].filter(laidOut);
  const sideways = boxes.map(b => {
    const r = b.getBoundingClientRect(), [left, right] = shown(b);
    if (r.left < left) return left - r.left;
    return r.right > right ? Math.min(r.right - right, r.left - left) : 0;
  });
  const start = document.getElementById('fc-' + startId);
  const s = start && laidOut(start) ? start.getBoundingClientRect() : null;
  return {
    charts: document.querySelectorAll('svg.fc').length,
    collapsed: document.querySelectorAll('details:not([open]) svg.fc').length,
    shown: boxes.length,
    start: s && {x: s.left, y: s.top, w: s.width, h: s.height,
                 inView: s.left >= 0 && s.right <= innerWidth && s.top >= 0 && s.bottom <= innerHeight},
    smallest: sizes.length ? Math.min(...sizes) : null,
    sideways: sideways.length ? Math.max(...sideways) : null,
    pageWidth: document.documentElement.scrollWidth,
  };
}"""


@dataclass(frozen=True)
class View:
    """One page at one window size, as it opens."""

    page: str  # the URL below the site root
    viewport: str
    charts: int  # SVG charts in the page
    collapsed: int  # of which in a closed <details>: the figures below are then once opened
    shown: int  # boxes laid out (0 when the chart is collapsed)
    start: dict | None  # the start (or status) box's rectangle in the window, None if not shown
    smallest: float | None  # the smallest text in the chart, in CSS px
    sideways: float | None  # the farthest any box lies outside what its container shows
    page_width: float  # the document's width: more than the window means the page scrolls
    html_gzip: int
    assets_gzip: int  # every stylesheet and script the page loaded, gzip
    flowchart_assets_gzip: int  # flowchart.css and .js among them
    taps: str  # what tapping the chosen outcome's box does


def pages(derived: Derived) -> dict[str, tuple[str, str]]:
    """Page URL -> (the box the reader starts from, an outcome to light the way to): the
    flowchart and each status page; the outcome is the deepest one drawn there."""
    found = {"flowchart/": (derived.tree.start.id, _deepest_outcome(derived, derived.tree.start.id))}
    for status in derived.statuses:
        found[f"guide/{status}/"] = (status, _deepest_outcome(derived, status))
    return found


def _deepest_outcome(derived: Derived, root: str) -> str:
    seen, depth, deepest = [root], {root: 0}, root
    for node_id in seen:
        node = derived.tree.nodes[node_id]
        if isinstance(node, Question):
            for answer in node.answers:
                if answer.next.id not in depth:
                    depth[answer.next.id] = depth[node_id] + 1
                    seen.append(answer.next.id)
        elif depth[node_id] > depth[deepest]:
            deepest = node_id
    return deepest


@contextmanager
def served(folder: Path) -> Iterator[str]:
    port = free_port()
    server = serve(folder, port)
    try:
        yield f"http://127.0.0.1:{port}{SUB_PATH}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium() -> Iterator[Browser]:
    executable = os.environ.get("HELP_CENTRE_CHROMIUM", "/usr/bin/chromium")
    where = {} if executable == "playwright" else {"executable_path": executable}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(args=CHROMIUM_FLAGS, **where)
        yield browser
        browser.close()


def open_page(page: Page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_timeout(SETTLE_MS)


def measure(page: Page, start: str) -> dict:
    return page.evaluate(MEASURE_JS, start)


def taps_to_light(page: Page, target: str, touch: bool) -> str:
    """Tap (or click) the outcome's box, as a reader would after scrolling to it, opening its
    chart first if it is collapsed; say whether the way from the start lit up on this page, in
    how many taps, and how far the reader scrolled."""
    box = page.locator(f"#fc-{target}")
    if not box.count():
        return "no box drawn"
    tap = (lambda element: element.tap()) if touch else (lambda element: element.click())
    taps = 0
    if not box.is_visible():
        summary = page.locator(f"details:has(#fc-{target}) > summary")
        if not summary.count():
            return "box not shown"
        tap(summary)
        taps += 1
    before = page.evaluate("[scrollX, scrollY]")
    box.scroll_into_view_if_needed()
    after = page.evaluate("[scrollX, scrollY]")
    sideways = box.evaluate("""b => { let s = 0; for (let e = b.parentElement; e; e = e.parentElement)
                                 s += e.scrollLeft || 0; return s; }""")
    url = page.url
    tap(box)
    taps += 1
    page.wait_for_timeout(SETTLE_MS)
    scrolled = (f"after scrolling {abs(after[1] - before[1]):.0f} px down, "
                f"{sideways + abs(after[0] - before[0]):.0f} px sideways")
    if page.url.split("#")[0] != url.split("#")[0]:
        return f"none: tap {taps} opens the page ({scrolled})"
    lit = page.locator("svg.fc .fc-on-path").count()
    return f"{taps} tap(s), {lit} parts lit ({scrolled})" if lit else f"nothing lit ({scrolled})"


def taps_through_overview(page: Page, status: str, target: str, touch: bool) -> str:
    """On the flowchart page: tap the status in the overview (it jumps to that status's panel),
    then the outcome's box; count the taps and any scrolling the reader still had to do."""
    chip = page.locator(f"a.fc-node--below[data-id='{status}']")
    if not chip.count():
        return "no overview"
    chip.tap() if touch else chip.click()
    page.wait_for_timeout(SETTLE_MS)
    box = page.locator(f"#fc-{target}")
    before = page.evaluate("scrollY")
    box.scroll_into_view_if_needed()
    scrolled = abs(page.evaluate("scrollY") - before)
    box.tap() if touch else box.click()
    page.wait_for_timeout(SETTLE_MS)
    lit = page.locator(f"svg.fc .fc-on-path[data-to='{target}']").count()
    return f"2 taps, then {scrolled:.0f} px to scroll" if lit else "not lit"


def view(browser: Browser, folder: Path, base: str, url: str, start: str, target: str,
         status: str, viewport: str, shot: Path | None = None) -> View:
    context = browser.new_context(**VIEWPORTS[viewport])
    try:
        context.set_default_timeout(10_000)
        page = context.new_page()
        loaded: list[str] = []
        page.on("requestfinished", lambda r: loaded.append(r.url))
        open_page(page, base + url)
        figures = measure(page, start)
        files = [folder / u[len(base):] for u in loaded if u.startswith(base)]
        collapsed = figures["collapsed"]
        if collapsed:  # what the reader sees once they open it
            page.evaluate("document.querySelectorAll('details:has(svg.fc)').forEach(d => d.open = true)")
            figures = measure(page, start)
        if shot:
            if url != "flowchart/":  # a status page: its chart, scrolled into view
                page.locator("svg.fc").first.scroll_into_view_if_needed()
            page.screenshot(path=str(shot), scale="css")
        touch = bool(VIEWPORTS[viewport].get("has_touch"))
        open_page(page, base + url)
        taps = taps_to_light(page, target, touch)
        if url == "flowchart/":
            open_page(page, base + url)
            taps += "; through the overview: " + taps_through_overview(page, status, target, touch)
    finally:
        context.close()
    html = (folder / url / "index.html").read_bytes()
    assets = [f for f in dict.fromkeys(files) if f.suffix in (".css", ".js") and f.is_file()]
    return View(url, viewport, figures["charts"], collapsed, figures["shown"], figures["start"],
                figures["smallest"], figures["sideways"], figures["pageWidth"], gzip_size(html),
                sum(gzip_size(f.read_bytes()) for f in assets),
                sum(gzip_size(f.read_bytes()) for f in assets if f.stem == "flowchart"), taps)


def views(folder: Path, shots: str | None = None) -> list[View]:
    derived = derive(load_tree(TREE_DIR))
    found = []
    with served(folder) as base, chromium() as browser:
        for url, (start, target) in pages(derived).items():
            for viewport in VIEWPORTS:
                name = "flowchart" if url == "flowchart/" else url.split("/")[1]
                shot = SHOTS / f"flowchart-{name}-{viewport}-{shots}.png" if shots and name in (
                    "flowchart", "shipped") else None
                status = derived.trails[target][0].ids[1] if target != derived.tree.start.id else start
                found.append(view(browser, folder, base, url, start, target, status, viewport, shot))
    return found


def describe(v: View) -> list[tuple[str, str]]:
    start = ("not shown" if v.start is None else
             f"x {v.start['x']:.0f}, y {v.start['y']:.0f} ({'in view' if v.start['inView'] else 'out of view'})")
    state = f", collapsed at load: figures once opened" if v.collapsed else ""
    return [(f"{v.page} at {v.viewport}", f"{v.charts} chart(s), {v.shown} boxes laid out{state}"),
            ("  start box at load", start),
            ("  smallest label at opening zoom", "-" if v.smallest is None else f"{v.smallest:.1f} px"),
            ("  sideways scroll to reach any box", "-" if v.sideways is None else f"{v.sideways:.0f} px"),
            ("  page wider than window", f"{max(0, v.page_width - int(v.viewport.split('x')[0])):.0f} px"),
            ("  weight gzip: HTML + all CSS/JS", f"{v.html_gzip:,} + {v.assets_gzip:,} B "
                                                f"(flowchart.css/js {v.flowchart_assets_gzip:,} B)"),
            ("  tapping the deepest outcome's box", v.taps)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build this one)")
    parser.add_argument("--shots", help="write screenshots to docs/screenshots/ with this suffix")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as work:
        folder = args.site
        if folder is None:
            folder = Path(work) / "site"
            site_build(folder)
        print("The flowchart as it opens (Chromium)\n" + table(
            [row for v in views(folder, args.shots) for row in describe(v)]))


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
