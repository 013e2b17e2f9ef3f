"""What the box above a page's title holds: when the page applies (the answers that lead here,
for a reader who arrived by a link), and every answer a reader may have given on the way,
from which the page script shows only the ones this reader gave (help-centre.js)."""

from __future__ import annotations

from dataclasses import dataclass

from build_tools.derive.derive import Derived, Step, steps_towards
from build_tools.derive.paths import HOME, relative_url
from build_tools.render.text import plain

MAX_SITUATIONS = 3  # more ways here are counted and left to the flowchart


@dataclass(frozen=True)
class Situation:
    """One way here, as the answers along it: `labels` from the home page to this page."""

    labels: tuple[str, ...]
    href: str  # the question where the last answer is given


@dataclass(frozen=True)
class GivenAnswer:
    """An answer a reader may have given on the way, shown if they did."""

    step: str  # "question-id next-id", as the script stores the trail
    question: str
    label: str
    href: str  # the question's page, to change the answer


@dataclass(frozen=True)
class TrailBox:
    situations: tuple[Situation, ...]
    more: int  # ways here not listed: the flowchart shows them all
    more_href: str  # this page's box in the flowchart
    answers: tuple[GivenAnswer, ...]
    home_href: str


def trail_box(derived: Derived, node_id: str, lang: str, path: str,
              chart_path: str) -> TrailBox | None:
    """The box of the page at `path` (relative links, for raw HTML); None for the home page
    and tips: no answer leads there."""
    arrivals = derived.arrivals.get(node_id, ())
    if not arrivals:
        return None
    href = lambda step: relative_url(path, derived.path(step.question.id))  # noqa: E731
    return TrailBox(
        situations=tuple(Situation(_labels_to(derived, step, lang), href(step))
                         for step in arrivals[:MAX_SITUATIONS]),
        more=max(0, len(arrivals) - MAX_SITUATIONS),
        more_href=f"{relative_url(path, chart_path)}#fc-{node_id}",
        home_href=relative_url(path, HOME),
        answers=tuple(GivenAnswer(f"{step.question.id} {step.answer.next.id}",
                                  plain(step.question.question[lang]),
                                  plain(step.answer.label[lang]), href(step))
                      for step in steps_towards(derived, node_id)))


def _labels_to(derived: Derived, step: Step, lang: str) -> tuple[str, ...]:
    """The answers of the first way to the step's question, then the step's own."""
    before = derived.trails[step.question.id][0].steps
    return tuple(plain(s.answer.label[lang]) for s in (*before, step))
