"""A node's texts as one language shows them outside its page: plain text, the lead, the meta
description, an agent's reply."""

from __future__ import annotations

import re

from build_tools.derive.derive import Derived
from build_tools.derive.paths import absolute_url
from build_tools.render.strings import STRINGS
from build_tools.tree.model import Node, Outcome, Text
from build_tools.tree.text_rules import shorten

DESCRIPTION_LENGTH = 150

_MARKDOWN = re.compile(r"\*\*|__|`|\[([^\]]*)\]\([^)]*\)")


def plain(text: str) -> str:
    """Markdown reduced to the text a reader sees, on one line."""
    text = _MARKDOWN.sub(lambda m: m.group(1) or "", text)
    return " ".join(text.split())


def lead(node: Node) -> Text:
    """What a page says first: its summary, else its intro, else its question."""
    return getattr(node, "summary", None) or getattr(node, "intro", None) or node.question


def description(node: Node, lang: str) -> str:
    """A meta description: the page's lead, as plain text, shortened on a word."""
    return shorten(plain(lead(node)[lang]), DESCRIPTION_LENGTH)


def reply_text(outcome: Outcome, lang: str, site_url: str, derived: Derived) -> str:
    """The message an agent sends: the authored reply, then the absolute link."""
    url = absolute_url(site_url, lang, derived.path(outcome.id))
    return f"{plain(outcome.reply[lang])}\n{STRINGS['reply_link'][lang]}{url}"
