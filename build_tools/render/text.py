"""A node's texts as one language shows them outside its page: plain text, the lead, the meta
description, an agent's reply."""

from __future__ import annotations

import html
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


# What Markdown means in a reply, for a text that is pasted into a chat as it is: a link keeps
# its address, markers go, a backslash escape is the character it escapes.
_REPLY_MARKDOWN = re.compile(r"\[([^\]]*)\]\(\s*<?([^)\s>]*)>?\s*\)|\*\*|__|`"
                             r"|\\([\\`*_{}\[\]()#+\-.!<>|~])")
_AROUND_URL = {"zh": "{text}（{url}）", "en": "{text} ({url})"}


def reply_text(outcome: Outcome, lang: str, site_url: str, derived: Derived) -> str:
    """The message an agent sends, as plain text (the page shows it, the copy button, CSV and
    JSON give it): the authored reply with each link's address, then the page's address."""
    url = absolute_url(site_url, lang, derived.path(outcome.id))
    return f"{_as_sent(outcome.reply[lang], lang)}\n{STRINGS['reply_link'][lang]}{url}"


def _as_sent(text: str, lang: str) -> str:
    """Markdown as a person would type it in a chat: links as `text (address)`, no markers,
    entities decoded (`&lt;` is a <; the page's HTML escapes it again, once)."""
    def spell(match: re.Match[str]) -> str:
        if match.group(2) is not None:  # a link
            words, address = match.group(1).strip(), match.group(2)
            return address if words in ("", address) else _AROUND_URL[lang].format(text=words, url=address)
        return match.group(3) or ""

    return html.unescape(" ".join(_REPLY_MARKDOWN.sub(spell, text).split()))
