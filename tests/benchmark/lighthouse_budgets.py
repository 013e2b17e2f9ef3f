"""Page budgets, measured with Lighthouse 12.2.3 (mobile profile) in the system Chromium, against
the built site served locally with gzip; printed beside a plain Material site with one
hand-written page of the same text (what a reader would otherwise get).

    python3 build_tools/dev.py bench lighthouse      (needs Node.js; installs lighthouse once)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from tests.benchmark.common import run, site_build
from tests.benchmark.gzip_server import serve_gzipped
from tests.conftest import free_port

HERE = Path(__file__).parent
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking"
RUNS = 3
PAGES = {"home": "", "question": "guide/shipped/", "outcome": "guide/refund-before-shipment/",
         "flowchart": "flowchart/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def ensure_node_packages() -> None:
    """Lighthouse and Mermaid, pinned in package-lock.json, installed once."""
    if not LIGHTHOUSE.exists() or not (HERE / "node_modules" / "mermaid").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)


def lighthouse(url: str) -> dict:
    chromium = os.environ.get("HELP_CENTRE_CHROMIUM", "/usr/bin/chromium")
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report.name}",
                        f"--chrome-flags={CHROME_FLAGS}"], check=True,
                       env={**os.environ, "CHROME_PATH": chromium})
        return json.loads(Path(report.name).read_text(encoding="utf-8"))


def figures(report: dict, origin: str) -> dict[str, float]:
    """The numbers we budget, from one Lighthouse report."""
    requests = report["audits"]["network-requests"]["details"]["items"]
    other_hosts = {urlsplit(r["url"]).netloc for r in requests} - {origin, ""}
    page = next(r for r in requests if r["resourceType"] == "Document")
    scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
    return {**scores,
            "transferred KB": report["audits"]["total-byte-weight"]["numericValue"] / 1024,
            "HTML KB (gzip)": page["transferSize"] / 1024,
            "requests": len(requests),
            "other hosts": len(other_hosts)}


def median_figures(url: str) -> dict[str, float]:
    origin = urlsplit(url).netloc
    runs = [figures(lighthouse(url), origin) for _ in range(RUNS)]
    return {key: statistics.median(r[key] for r in runs) for key in runs[0]}


def plain_material_site(work: Path, text: str) -> Path:
    """The baseline: Material's defaults, one page with the outcome page's text."""
    project = work / "plain"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(text, encoding="utf-8")
    (project / "mkdocs.yml").write_text("site_name: 抖音订单帮助中心\ntheme:\n  name: material\n"
                                        "  language: zh\n", encoding="utf-8")
    run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(work / "plain-site")], cwd=project)
    return work / "plain-site"


def outcome_text(site: Path) -> str:
    """The outcome page's text as Markdown-ish plain paragraphs (headings kept)."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        lines: list[str] = []
        skip = 0

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.skip += tag in ("script", "style", "button")
            if tag in ("h1", "h2"):
                self.lines.append("#" * int(tag[1]) + " ")

        def handle_endtag(self, tag: str) -> None:
            self.skip -= tag in ("script", "style", "button")

        def handle_data(self, data: str) -> None:
            if not self.skip and data.strip():
                self.lines.append(data.strip() + "\n\n")

    page = (site / PAGES["outcome"] / "index.html").read_text(encoding="utf-8")
    article = page[page.index("<article"): page.index("</article>")]
    parser = Text()
    parser.feed(article)
    return "".join(parser.lines)


def main(argv: list[str] | None = None) -> None:
    ensure_node_packages()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        port = free_port()
        ours_url = f"http://127.0.0.1:{port}/douyin-help/"
        site_build(work / "site", site_url=ours_url)
        ours = serve_gzipped(work / "site", port, "/douyin-help/")
        plain_port = free_port()
        plain = serve_gzipped(plain_material_site(work, outcome_text(work / "site")), plain_port)
        try:
            results = {name: median_figures(ours_url + path) for name, path in PAGES.items()}
            results["plain Material (outcome text)"] = median_figures(f"http://127.0.0.1:{plain_port}/")
        finally:
            for server in (ours, plain):
                server.shutdown()
                server.server_close()
    keys = list(next(iter(results.values())))
    header = "".join(f"{name[:22]:>24}" for name in results)
    print(f"Lighthouse {RUNS}x median, mobile profile, gzip\n  {'':16}{header}")
    for key in keys:
        print(f"  {key:16}" + "".join(f"{results[n][key]:>24.2f}" for n in results))


if __name__ == "__main__":
    main()
