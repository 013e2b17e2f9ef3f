"""How well, how big and how fast the site's search is, measured on a fresh build.

    python3 build_tools/dev.py bench search     (or: python tests/benchmark/search_hits.py
                                                 [--runs 3] [--blind-misses])

Builds the site (`python -m build_tools site`) into a temporary folder, serves it under a sub-path
the way GitHub Pages does (gzip included), and in headless Chromium:

1. types every query of each set into the real search box of its language and prints hit@1
   and hit@3 per language and in total. Tuned on and learned from (tests/search/runner.py's
   TUNED, in decision_tree/phrasings/), each miss printed: queries.yaml (a regression set), then
   the development sets (blind sets whose round has been reported, and dev.yaml); these are
   the phrasings search learns from, so they show what it learned, not how it does on new
   words. Held out (HELD_OUT, in tests/search/), misses printed only
   with --blind-misses so that nobody tunes to them: the round's blind set, written from the
   page titles alone by a writer who saw no keyword and no query set; it is also counted
   without the queries that a tuned set happens to hold (those are learned). `--only SET...` measures just those
   files, with their misses;
2. prints the size of each language's search index, raw and gzipped;
3. times the results on a phone: from the last keystroke to the results on screen, with the
   index already loaded (the reader types a question character by character; the script waits
   80 ms for the next key, then ranks), and the first result: from the page's load event (the
   reader opens the search and types at once) to the first result on screen. That covers what is left of the index
   download, the search worker's set-up (its scripts, building the index) and the first query.
   "phone profile" = phone viewport, CPU slowed 4x (CDP Emulation.setCPUThrottlingRate) and
   network at 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up (CDP
   Network.emulateNetworkConditions); also unthrottled. Median of --runs cold loads each.

Nothing is hard-coded: every figure comes from this run.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Browser, sync_playwright  # noqa: E402

from build_tools.tree.model import LANGUAGES  # noqa: E402
from build_tools.derive.paths import SEARCH_INDEX, language_prefix  # noqa: E402
from tests.browser.conftest import CHROMIUM_FLAGS, PHONE  # noqa: E402
from tests.conftest import SUB_PATH, _SubPathHandler, free_port, serve, site_build  # noqa: E402
from tests.search.runner import (HELD_OUT, QUERIES, RESULT_LINKS, SEARCH_INPUT,  # noqa: E402
                                 SEARCH_TOGGLE, TARGET_AT_1, TARGET_AT_3, TUNED, Outcome,
                                 load_queries, rates, run_queries)

PHONE_NETWORK = {"offline": False, "latency": 150,
                 "downloadThroughput": 1.6 * 1_000_000 / 8, "uploadThroughput": 750 * 1_000 / 8}
CPU_SLOWDOWN = 4
TIMING_QUERY = {"zh": "退款多久到账", "en": "how long does a refund take"}
KEYSTROKE_QUERY = {"zh": "还没发货想退款", "en": "parcel never arrived"}
GZIP_TYPES = {".html", ".js", ".css", ".json", ".svg", ".xml", ".txt"}


class GzipHandler(_SubPathHandler):
    """The tests' sub-path server, compressing text as GitHub Pages does."""

    def send_head(self):  # noqa: ANN201 - the base class's signature
        if not self.path.startswith(SUB_PATH) or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        local = Path(self.translate_path("/" + self.path[len(SUB_PATH):]))
        if local.is_dir() and self.path.split("?")[0].endswith("/"):
            local = local / "index.html"
        if not local.is_file() or local.suffix not in GZIP_TYPES:
            return super().send_head()
        body = gzip.compress(local.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(local)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def launch(playwright) -> Browser:  # noqa: ANN001
    executable = os.environ.get("HELP_CENTRE_CHROMIUM", "/usr/bin/chromium")
    where = {} if executable == "playwright" else {"executable_path": executable}
    return playwright.chromium.launch(args=CHROMIUM_FLAGS, **where)


# --- 1. hit rates ---------------------------------------------------------------------------

def hit_rates(browser: Browser, url: str, path: Path, title: str, misses: bool = True) -> list[Outcome]:
    context = browser.new_context(**PHONE)
    context.set_default_timeout(15_000)
    outcomes = list(run_queries(context.new_page(), url, load_queries(path)))
    context.close()
    print(f"\n{title} ({path.relative_to(ROOT) if path.is_relative_to(ROOT) else path})")
    print_rates(outcomes)
    if path in HELD_OUT:
        # Writers who never met converge on the obvious phrasings (还没付钱的订单怎么取消): the
        # queries that a set tuned on (and so learned from) also holds are counted apart.
        tuned = {(q.lang, q.query) for p in TUNED for q in load_queries(p)}
        fresh = [o for o in outcomes if (o.query.lang, o.query.query) not in tuned]
        print(f"  without the {len(outcomes) - len(fresh)} queries that a set tuned on also holds:")
        print_rates(fresh)
    if naming := sum(bool(o.query.also) for o in outcomes):
        print(f"  counting the pages the writer said answer as well ({naming} queries name one):")
        print_rates(outcomes, also=True)
    not_first = [o for o in outcomes if not o.hit(1)]
    if not misses:
        print(f"  not first: {len(not_first)} (held out: --blind-misses lists them)")
        return outcomes
    print(f"  not first ({len(not_first)}):" + ("" if not_first else " none"))
    for o in not_first:
        print("    " + o.describe())
    return outcomes


def print_rates(outcomes: list[Outcome], also: bool = False) -> None:
    """hit@1 and hit@3 per language and in total."""
    for lang in (*LANGUAGES, None):
        r = rates(outcomes, lang, also)
        print(f"  {lang or 'total':5}  {r.count:3} queries   hit@1 {r.at_1:6.1%}   hit@3 {r.at_3:6.1%}")


# --- 2. index sizes -------------------------------------------------------------------------

def index_sizes(folder: Path) -> None:
    print("\nsearch index size")
    for lang in LANGUAGES:
        data = (folder / language_prefix(lang) / SEARCH_INDEX).read_bytes()
        packed = len(gzip.compress(data, compresslevel=6))
        print(f"  {lang:5}  raw {len(data) / 1024:7.1f} KiB   gzip -6 {packed / 1024:6.1f} KiB"
              f"   ({len(data):,} / {packed:,} bytes)")


# --- 3. time to first result ----------------------------------------------------------------

ARM = """(selector) => {
  const list = document.querySelector(selector.list);
  const start = performance.now();
  window.__firstResult = new Promise((resolve) => {
    const done = () => resolve(performance.now() - start);
    if (list.querySelector(selector.item)) return done();
    new MutationObserver((_, observer) => {
      if (list.querySelector(selector.item)) { observer.disconnect(); done(); }
    }).observe(list, {childList: true});
  });
  const nav = performance.getEntriesByType("navigation")[0];
  return nav.loadEventStart;
}"""


def first_result_ms(browser: Browser, url: str, query: str, throttled: bool) -> tuple[float, float, float]:
    """One cold load: (load event, index fully received, first result after load), in ms."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(60_000)
    page = context.new_page()
    if throttled:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.goto(url, wait_until="load")
    loaded = page.evaluate(ARM, {"list": ".help-search-result__list", "item": ".help-search-result__item"})
    page.locator(SEARCH_TOGGLE).click()
    page.locator(SEARCH_INPUT).fill(query)
    page.locator(SEARCH_INPUT).press("End")
    after_load = page.evaluate("window.__firstResult")
    index_done = page.evaluate("""() => {
      const entry = performance.getEntriesByType("resource")
        .find((e) => e.name.includes("search/index.json"));
      return entry ? entry.responseEnd : NaN;
    }""")
    assert page.locator(RESULT_LINKS).count() > 0
    context.close()
    return loaded, index_done, after_load


LAST_KEY = """(selector) => {
  const input = document.querySelector(selector.input);
  const list = document.querySelector(selector.list);
  return {done: new Promise((resolve) => {  // wrapped: evaluate_handle would wait for a promise
    let typed = null;
    input.addEventListener("input", () => { typed = performance.now(); });
    new MutationObserver((_, observer) => {
      if (typed !== null && list.querySelector(selector.item)) {
        observer.disconnect();
        resolve(performance.now() - typed);
      }
    }).observe(list, {childList: true});
  })};
}"""


def keystroke_ms(browser: Browser, url: str, query: str) -> float:
    """From the last keystroke of `query` to its results, search open and its index loaded."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(60_000)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", PHONE_NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.goto(url, wait_until="load")
    page.locator(SEARCH_TOGGLE).click()
    page.evaluate("helpCentreSearch.load().then(() => true)")
    box = page.locator(SEARCH_INPUT)
    box.press_sequentially(query[:-1], delay=30)
    page.wait_for_timeout(300)
    done = page.evaluate_handle(LAST_KEY, {"input": SEARCH_INPUT, "list": ".help-search-result__list",
                                           "item": ".help-search-result__item"})
    box.press_sequentially(query[-1])
    elapsed = page.evaluate("(armed) => armed.done", done)
    context.close()
    return elapsed


def timings(browser: Browser, url: str, runs: int) -> None:
    print(f"\nlast keystroke to results, index loaded, phone profile (CPU x{CPU_SLOWDOWN}; "
          f"median of {runs}; includes the script's 80 ms wait for the next key)")
    for lang in LANGUAGES:
        samples = [keystroke_ms(browser, url + language_prefix(lang), KEYSTROKE_QUERY[lang])
                   for _ in range(runs)]
        print(f"  {lang}: {statistics.median(samples):5.0f} ms   (runs: {', '.join(f'{s:.0f}' for s in samples)};"
              f" query {KEYSTROKE_QUERY[lang]!r})")
    print(f"\ntime to first result after the load event (median of {runs} cold loads; "
          "load event and index arrival are from navigation start)")
    for throttled, label in ((True, f"phone profile (CPU x{CPU_SLOWDOWN}, 150 ms, 1.6 Mbit/s)"),
                             (False, "unthrottled phone viewport")):
        for lang in LANGUAGES:
            samples = [first_result_ms(browser, url + language_prefix(lang), TIMING_QUERY[lang], throttled)
                       for _ in range(runs)]
            load, index, first = (statistics.median(s[i] for s in samples) for i in range(3))
            total = statistics.median(s[0] + s[2] for s in samples)
            print(f"  {label:42} {lang}: first result {first:6.0f} ms after load"
                  f" ({total:6.0f} ms from navigation start; load event {load:5.0f} ms,"
                  f" index received {index:5.0f} ms; runs: {', '.join(f'{s[2]:.0f}' for s in samples)})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="cold loads per timing (median)")
    parser.add_argument("--no-unseen", action="store_true",
                        help="measure the query set alone, not the development and held-out sets")
    parser.add_argument("--blind-misses", action="store_true",
                        help="list the new blind set's misses (for the closing report only)")
    parser.add_argument("--only", type=Path, nargs="+", metavar="SET",
                        help="measure just these query files, listing every miss (while working "
                             "on ranking: never a held-out set)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="search-hits-") as tmp:
        port = free_port()
        url = f"http://127.0.0.1:{port}{SUB_PATH}"
        folder = Path(tmp) / "site"
        built = site_build(ROOT, folder, url)
        if built.returncode:
            print(built.stderr, file=sys.stderr)
            return built.returncode
        server = serve(folder, port, GzipHandler)
        try:
            with sync_playwright() as playwright:
                browser = launch(playwright)
                if args.only:
                    for path in args.only:
                        hit_rates(browser, url, path.resolve(), path.name)
                    browser.close()
                    return 0
                main_set = hit_rates(browser, url, QUERIES, "query set")
                if not args.no_unseen:
                    for path in TUNED[1:]:
                        hit_rates(browser, url, path, f"development set {path.name} (tuned on and "
                                                      "learned from; runner.py says how it was written)")
                    for path in HELD_OUT:
                        hit_rates(browser, url, path, f"held-out set {path.name} (from the titles "
                                                      "alone; never tuned on or learned from)", misses=args.blind_misses)
                index_sizes(folder)
                timings(browser, url, args.runs)
                browser.close()
        finally:
            server.shutdown()
            server.server_close()
    total = rates(main_set)
    met = total.at_1 >= TARGET_AT_1 and total.at_3 >= TARGET_AT_3
    print(f"\ntargets (query set): hit@1 >= {TARGET_AT_1:.0%}, hit@3 = {TARGET_AT_3:.0%}: "
          f"{'met' if met else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
