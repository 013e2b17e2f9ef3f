"""Would MiniSearch rank our pages better than our own search? Measured on the same query sets.

    python3 build_tools/dev.py bench minisearch      (needs node and npm, as `bench lighthouse`)

Issue 16 asks to measure a library before deciding. This installs MiniSearch (pinned below) into
a temporary folder, gives it each page's fields with our field weights and our own Chinese cut
(search-text.js's `terms`: dictionary words, pairs, single characters, folded traditional
characters), and types every query of the tuned and held-out sets (tests/search/runner.py) into
it: BM25 ranking, prefix search for English words. Beside it, our ranking (search-rank.js) on the
same index, in the same node process. MiniSearch gets no query understanding (negation, the
order's state, time, synonyms): that is ours, and would have to be rebuilt on top of it. Also
prints the size of MiniSearch's serialised index and of its library, gzipped.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from build_tools.derive.derive import derive  # noqa: E402
from build_tools.render.pages import search_index  # noqa: E402
from build_tools.render.search.index import FIELD_WEIGHTS, documents  # noqa: E402
from build_tools.settings import TREE_DIR  # noqa: E402
from build_tools.tree.model import LANGUAGES  # noqa: E402
from build_tools.tree.read import load_tree  # noqa: E402
from tests.search.runner import HELD_OUT, TUNED, load_queries  # noqa: E402

MINISEARCH = "minisearch@7.2.0"
ASSETS = ROOT / "docs" / "overrides" / "assets"

SCRIPT = r"""
const fs = require("fs"), zlib = require("zlib");
const [folder, assets] = process.argv.slice(2);
const MiniSearch = require(folder + "/node_modules/minisearch/dist/cjs/index.cjs");
require(assets + "/search-text.js");
const ours = require(assets + "/search-rank.js");
const input = JSON.parse(fs.readFileSync(folder + "/input.json"));
const engines = {};
for (const lang of Object.keys(input.docs)) {
  const reading = helpCentreText.model(input.indexes[lang]);
  const mini = new MiniSearch({
    fields: Object.keys(input.weights), storeFields: ["id"], processTerm: t => t,
    tokenize: text => helpCentreText.terms(text || "", reading).map(t => t[0]),
    searchOptions: { boost: input.weights, prefix: t => /^[a-z]/.test(t) } });
  mini.addAll(input.docs[lang]);
  engines[lang] = { mini: mini, ours: ours.prepare(input.indexes[lang]) };
}
const report = { sets: {}, sizes: {} };
for (const [name, queries] of Object.entries(input.sets)) {
  report.sets[name] = queries.map(q => ({ lang: q.lang,
    mini: engines[q.lang].mini.search(q.query).map(r => r.id).indexOf(q.path) + 1,
    ours: ours.rank(engines[q.lang].ours, q.query).results.map(d => d[0]).indexOf(q.path) + 1 }));
}
for (const lang of Object.keys(engines)) {
  report.sizes[lang] = zlib.gzipSync(JSON.stringify(engines[lang].mini), { level: 6 }).length;
}
const library = fs.readFileSync(folder + "/node_modules/minisearch/dist/umd/index.js");
report.sizes.library = zlib.gzipSync(library, { level: 6 }).length;
console.log(JSON.stringify(report));
"""


def main(argv: list[str] | None = None) -> int:  # noqa: ARG001 - the bench passes its options
    derived = derive(load_tree(TREE_DIR))
    docs, indexes = {}, {}
    for lang in LANGUAGES:
        found = documents(derived, lang)
        docs[lang] = [{"id": d.url, **dict(d.fields)} for d in found]
        indexes[lang] = search_index(derived, lang)
    sets = {path.name: [{"query": q.query, "lang": q.lang, "path": q.expected_path}
                        for q in load_queries(path)] for path in (*TUNED, *HELD_OUT)}
    with tempfile.TemporaryDirectory(prefix="minisearch-") as folder:
        subprocess.run(["npm", "install", "--no-save", "--no-audit", "--no-fund", "--silent",
                        "--prefix", folder, MINISEARCH], check=True)
        Path(folder, "input.json").write_text(json.dumps(
            {"docs": docs, "indexes": indexes, "weights": FIELD_WEIGHTS, "sets": sets},
            ensure_ascii=False), encoding="utf-8")
        Path(folder, "trial.js").write_text(SCRIPT, encoding="utf-8")
        out = subprocess.run(["node", str(Path(folder, "trial.js")), folder, str(ASSETS)],
                             check=True, stdout=subprocess.PIPE, text=True).stdout
    report = json.loads(out)
    print(f"{MINISEARCH} with our cut and field weights, against our ranking (hit@1 / hit@3, %)")
    print(f"  {'set':14} {'lang':4} {'n':>4}   {'MiniSearch':>13}   {'ours':>13}")
    for name, ranks in report["sets"].items():
        for lang in LANGUAGES:
            mine = [r for r in ranks if r["lang"] == lang]
            if not mine:
                continue
            cells = [f"{_rate(mine, who, 1):5.1f} / {_rate(mine, who, 3):5.1f}" for who in ("mini", "ours")]
            print(f"  {name:14} {lang:4} {len(mine):4}   {cells[0]:>13}   {cells[1]:>13}")
    sizes = report["sizes"]
    print("MiniSearch's serialised index, gzip -6: "
          + ", ".join(f"{lang} {sizes[lang] / 1024:.1f} KiB" for lang in LANGUAGES)
          + f"; its library (unminified UMD) {sizes['library'] / 1024:.1f} KiB")
    return 0


def _rate(ranks: list[dict], who: str, k: int) -> float:
    return 100 * sum(1 <= r[who] <= k for r in ranks) / len(ranks)


if __name__ == "__main__":
    main(sys.argv[1:])
