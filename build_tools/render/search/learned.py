"""What search learns from the phrasings: which pages shoppers' words lead to.

Rules read a query's words and what it says happened (meaning.py); but shoppers name the same
need in more ways than rules can list, and every new writer of a blind set brought words no rule
had (decision 015: rules plateaued near 78 % first on new writers). The editors' phrasings
(decision_tree/phrasings/: a search as typed, and the page that answers it), with each page's
title and keywords, teach a naive Bayes model over the index's own terms: how often each term
occurs in the examples of each page. The browser (search-rank.js) scores a query's known terms
with it, turns the scores into each page's probability, and adds that to the rules' score
(docs/decisions/016-search-learns-from-phrasings.md).

Naive Bayes, not a larger model: it is counts, so the index carries integers and the browser
takes a logarithm per page and per posting of the query's known terms on each key; it learns
from three thousand examples in a fraction of a second; and a new phrasing changes the next
build's ranking with nothing to tune. `also` teaches nothing: each example leads to one page.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from build_tools.derive.derive import Derived
from build_tools.derive.paths import url_of
from build_tools.render.search.index import terms

# Added to every count (Laplace smoothing): a page whose examples lack a term keeps a small
# chance. 0.1 and 0.05 did alike on the sets read in round 8; 0.3 was worse.
ALPHA = 0.1
# Naive Bayes takes each term as separate evidence, but a Chinese character stands in about three
# of a query's terms (itself, its pairs, the words it is in): its chances come out near 0 or 1,
# and a model sure of the wrong page outvoted the rules (已经签收了东西有问题 found "refund after
# return", "arrived two days ago" the page for past seven days). The browser divides the
# log-likelihoods by SPREAD before turning them into chances: 3 passes every reading of
# tests/browser/test_search_meaning.py, for about a point first on the sets (decision 016).
SPREAD = 3


@dataclass(frozen=True)
class Example:
    text: str
    url: str  # the page it leads to, relative to the language's root


def examples(derived: Derived, lang: str) -> list[Example]:
    """The language's phrasings, then each page's title and keywords (a page nobody has phrased
    yet is still learned)."""
    url = {node_id: url_of(derived.path(node_id)) for node_id in derived.tree.nodes}
    url |= {r.old: url[r.to.id] for r in derived.tree.redirects}  # a page renamed since
    found = [Example(p.query, url[p.expect.id]) for p in derived.tree.phrasings if p.lang == lang]
    for node in derived.tree.nodes.values():
        found += [Example(text, url[node.id]) for text in (node.title[lang], *node.search[lang])]
    return found


def learn(examples: list[Example], urls: list[str], lang: str) -> dict:
    """The model as the index carries it: for each term, the pages (numbered as in `urls`) whose
    examples hold it and in how many; each page's total (counts plus smoothing), 0 for a page no
    example leads to (the browser leaves it out)."""
    page = {url: number for number, url in enumerate(urls)}
    counts: dict[str, Counter[int]] = {}
    for example in examples:
        for term in set(terms(example.text, lang)):
            counts.setdefault(term, Counter())[page[example.url]] += 1
    sums = Counter[int]()
    for by_page in counts.values():
        sums.update(by_page)
    smoothing = ALPHA * len(counts)  # a term no example holds is left out of the query
    totals = [sums[n] + smoothing if n in sums else 0 for n in range(len(urls))]
    return {"alpha": ALPHA, "spread": SPREAD,
            "totals": [round(t, 1) for t in totals],
            "counts": {term: [x for n in sorted(by_page) for x in (n, by_page[n])]
                       for term, by_page in sorted(counts.items())}}
