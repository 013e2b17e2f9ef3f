"""Problems an editor must fix, each pointing at a file, line and column."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from build_tools.tree.model import Position


@dataclass(frozen=True, order=True)
class Problem:
    at: Position
    message: str

    def __str__(self) -> str:
        return f"{self.at}: {self.message}"


@dataclass(frozen=True, order=True)
class Notice(Problem):
    """Something the editor should know that does not stop the build: a `warning` (the site
    works but readers will struggle) or a `note` (a file that was left out, on purpose)."""

    label: str = "warning"

    def __str__(self) -> str:
        return f"{self.at}: {self.label}: {self.message}"


def split(found: list[Problem]) -> tuple[list[Problem], list[Notice]]:
    """Problems that stop the build, and notices that do not."""
    return ([p for p in found if not isinstance(p, Notice)],
            [p for p in found if isinstance(p, Notice)])


class HelpCentreError(Exception):
    """The one base error: the CLI and the MkDocs hook show its text and stop."""


class InvalidTree(HelpCentreError):
    """The decision tree has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(report(self.problems))


class InvalidPages(HelpCentreError):
    """A hand-written page's front matter has problems (MkDocs would silently show it as text)."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__(report(self.problems, "in the hand-written pages' front matter"))


def report(problems: list[Problem], where: str = "in the decision tree") -> str:
    """All problems, one per line, then a count, as a compiler prints them."""
    count = len(problems)
    noun = "problem" if count == 1 else "problems"
    lines = [str(p) for p in problems]
    lines.append(f"{count} {noun} {where}; nothing was written.")
    return "\n".join(lines)


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
