"""What a text in the tree may contain: Markdown inline formatting and https links, nothing that
could reach the page as HTML, script or attributes."""

from __future__ import annotations

import html
import re

MAX_LINE = 120
MAX_TEXT = 2000

_RAW_HTML = re.compile(r"<\s*[A-Za-z!/?]")
# Markdown's <https://...> autolink: to this checker it is raw HTML, but the editor meant a link.
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]*:[^\s<>]*)>")
# attr_list syntax would let text set attributes such as onclick on the element.
_ATTRIBUTES = re.compile(r"\{\s*[:#.]|\{[^{}]*=")
# Matched after decoding HTML entities and dropping whitespace: Markdown keeps `&#115;` in an href
# and browsers decode it, and browsers ignore tabs and line breaks inside a URL.
_SCRIPT_SCHEME = re.compile(r"(?:java|vb)script:|data:text/html", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\s\x00-\x1f]+")
# Where Markdown takes a link address: `[text](address)` (images too) and `[name]: address`.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^\s)>]*)|^ {0,3}\[[^\]]+\]:\s*<?([^\s>]*)", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
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
# a 10,000-node tree has hundreds of thousands of texts.
_SUSPECT = re.compile(r"[<{&:\x00-\x08\x0b-\x1f\x7f]|!\[|\]\s*\(")


def text_problems(value: str, single_line: bool) -> list[str]:
    """Every reason this text cannot be published, as messages for the editor."""
    limit = MAX_LINE if single_line else MAX_TEXT
    if (not _SUSPECT.search(value) and value.strip() and len(value) <= limit
            and not (single_line and "\n" in value.strip())):
        return []
    found = []
    if not value.strip():
        found.append("is empty")
    if control := _CONTROL.search(value):
        found.append(f"contains the control character U+{ord(control.group()):04X}")
    if autolink := _AUTOLINK.search(value):
        found.append(f"contains `{autolink.group()}`; write a link as [text]({autolink.group(1)})")
    if _RAW_HTML.search(_AUTOLINK.sub("", value)):
        found.append("contains raw HTML (`<...>`); write Markdown, or `&lt;` for a literal <")
    if _ATTRIBUTES.search(value):
        found.append("contains `{...}`, which Markdown reads as HTML attributes; remove the braces")
    if _SCRIPT_SCHEME.search(_INVISIBLE.sub("", html.unescape(value))):
        found.append("contains a script link (javascript:, vbscript: or data:); link to https only")
    elif (target := _first_non_https_link(value)) is not None:
        found.append(f"links to '{target}'; a link must be a full address starting with https://")
    if "![" in value:  # an image from another host would track readers
        found.append("contains an image (`![...](...)`); texts cannot show images")
    if single_line and "\n" in value.strip():
        found.append("must fit on one line")
    if len(value) > limit:
        found.append(f"is {len(value)} characters long; the limit here is {limit}")
    return found


def _first_non_https_link(value: str) -> str | None:
    """A link address MkDocs would treat as a page of the site (and fail on), or any other scheme."""
    for match in _LINK_TARGET.finditer(value):
        target = match.group(1) if match.group(1) is not None else match.group(2)
        if not target.startswith("https://"):
            return target
    return None
