""""Report a problem with this answer": a link to the repository's new-issue form, prefilled with
the page's address, title and language. A plain link, so it works without JavaScript."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from build_tools.render.strings import strings_for
from build_tools.settings import REPORT_FORM


@dataclass(frozen=True)
class ReportLink:
    href: str
    label: str


def report_link(repository: str, url: str, title: str, lang: str, kind: str | None) -> ReportLink:
    """The link under a page; `kind` is the tree's node kind (an outcome is "this answer"). The
    query's keys are the form's field ids (.github/ISSUE_TEMPLATE/wrong-answer.yml)."""
    t = strings_for(lang)
    query = urlencode({"template": REPORT_FORM, "title": f"[{lang}] {title}",
                       "page-url": url, "page-title": title, "language": lang})
    return ReportLink(f"{repository}/issues/new?{query}",
                      t["report_answer"] if kind == "outcome" else t["report_page"])
