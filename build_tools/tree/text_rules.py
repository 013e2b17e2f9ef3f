"""What a text in the tree may contain: Markdown inline formatting and https links, nothing that
could reach the page as HTML, script or attributes."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Literal


MAX_LINE = 120
MAX_TEXT = 2000
# How a text is shown: `line` on one line (a title, a label), `paragraph` inside a line of
# Markdown (a hint inside its answer's link, a step inside its numbered list: a line break
# there ends the link or the list), `text` as paragraphs of its own (a summary, a reply).
Shape = Literal["line", "paragraph", "text"]

_RAW_HTML = re.compile(r"<\s*[A-Za-z!/?]")
# Markdown's <https://...> autolink: to this checker it is raw HTML, but the editor meant a link.
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
# attr_list syntax would let text set attributes such as onclick on the element.
_ATTRIBUTES = re.compile(r"\{\s*[:#.]|\{[^{}]*=")
# Matched at the start of a link's address, after decoding HTML entities and dropping
# whitespace: Markdown keeps `&#115;` in an href and browsers decode it, and browsers ignore tabs
# and line breaks inside a URL. Elsewhere "javascript:" is only a word.
_SCRIPT_SCHEME = re.compile(r"<?(?:java|vb)script:|<?data:text/html", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\s\x00-\x1f]+")
# Where Markdown takes a link address: `[text](address)` (images too) and `[name]: address`.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^\s)>]*)|^ {0,3}\[[^\]]+\]:\s*<?([^\s>]*)", re.MULTILINE)
# A Markdown heading: `# …` (ATX), or a line of = or - under a line of text (setext).
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]|$)|(?<=\S)[ \t]*\n {0,3}(?:=+|-+)[ \t]*$", re.MULTILINE)
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
# YAML folds line breaks into spaces; between two Chinese characters that space is a typo.
_FOLDED_CJK_SPACE = re.compile(f"(?<=[{_CJK}])[ \t\n]+(?=[{_CJK}])")


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut after a word where there are spaces, marked with …"""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip("，,;；:：") + "…"


def normalize(value: str) -> str:
    """The text as published: trimmed, with spaces from YAML line folding inside Chinese removed."""
    return _FOLDED_CJK_SPACE.sub("", value.strip())


# Nothing below can be wrong with a text that has none of these (most texts): checked first, as
# a 10,000-node tree has hundreds of thousands of texts. (Characters no text may hold are
# refused for every value, by parse.)
_SUSPECT = re.compile(r"[<{&:#\n]|!\[|\]\s*\(")


@dataclass(frozen=True)
class TextProblem:
    message: str
    at: int | None = None  # where in the text the message points, if at a line of it


def text_problems(value: str, shape: Shape) -> list[TextProblem]:
    """Every reason this text cannot be published, as messages for the editor."""
    limit = MAX_LINE if shape == "line" else MAX_TEXT
    if not _SUSPECT.search(value) and value.strip() and len(value) <= limit:
        return []
    found = [TextProblem(m) for m in _markup_problems(value)]
    if not value.strip():
        found.insert(0, TextProblem("is empty"))
    if shape != "text" and "\n" in value.strip():
        found.append(_line_break(value, shape))
    elif shape != "line" and (heading := _HEADING.search(value)):
        found.append(TextProblem("has a heading (a line starting with `#`, or underlined with "
                                 "`===` or `---`), which would split the page; a text cannot "
                                 "add headings: remove it", _line_start(value, heading.start())))
    if len(value) > limit:
        found.append(TextProblem(f"is {len(value)} characters long; the limit here is {limit}"))
    return found


def _line_break(value: str, shape: Shape) -> TextProblem:
    """A line break in a text that is shown inside a line: where the second line starts."""
    stripped = value.strip()
    second = value.index(stripped) + stripped.index("\n") + 1
    while second < len(value) and value[second] in " \t\n":
        second += 1
    if shape == "line":
        return TextProblem("must fit on one line", second)
    return TextProblem("must be one paragraph without line breaks: it is shown inside a line of "
                       "its page (an answer's link, a list item); join the lines", second)


def _line_start(value: str, index: int) -> int:
    return value.rfind("\n", 0, index) + 1


def _markup_problems(value: str) -> list[str]:
    """Markup that could reach the page as HTML, script or attributes, or a link that would
    break the build."""
    found = []
    if autolink := _AUTOLINK.search(value):
        found.append(f"contains `{autolink.group()}`; write a link as [text]({autolink.group(1)})")
    if _RAW_HTML.search(_AUTOLINK.sub("", value)):
        found.append("contains raw HTML (`<...>`); write Markdown, or `&lt;` for a literal <")
    if _ATTRIBUTES.search(value):
        found.append("contains `{...}`, which Markdown reads as HTML attributes; remove the braces")
    if _has_script_link(value):
        found.append("contains a script link (javascript:, vbscript: or data:); link to https only")
    elif (target := _first_non_https_link(value)) is not None:
        found.append(f"links to '{target}'; a link must be a full address starting with https://")
    if "![" in value:  # an image from another host would track readers
        found.append("contains an image (`![...](...)`); texts cannot show images")
    return found


def _has_script_link(value: str) -> bool:
    """Whether a link's address, as a browser reads it, runs a script."""
    for match in _LINK_TARGET.finditer(value):
        address = value[match.start(1) if match.group(1) is not None else match.start(2):]
        if _SCRIPT_SCHEME.match(_INVISIBLE.sub("", html.unescape(address[:200]))):
            return True
    return False


def _first_non_https_link(value: str) -> str | None:
    """A link address MkDocs would treat as a page of the site (and fail on), or any other scheme."""
    for match in _LINK_TARGET.finditer(value):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        if not target.startswith("https://"):
            return target
    return None
