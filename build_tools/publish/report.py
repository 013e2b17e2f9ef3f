""""Report a problem with this answer": a link to the repository's new-issue form, prefilled with
the page's address, title and language. A plain link, so it works without JavaScript.

Each page's link is put together by partials/report.html, because only the builder knows a
page's address and title; this makes what the template needs per language."""

from __future__ import annotations

from build_tools.render.strings import strings_for
from build_tools.settings import REPORT_FORM


def report_form(repository: str, lang: str) -> dict[str, str]:
    """The form's address and name, and the link's two labels (an outcome is "this answer").
    The query the template adds uses the form's field ids (.github/ISSUE_TEMPLATE/wrong-answer.yml):
    title, page-url, page-title, language."""
    t = strings_for(lang)
    return {"form": f"{repository}/issues/new", "template": REPORT_FORM,
            "answer": t["report_answer"], "page": t["report_page"]}
