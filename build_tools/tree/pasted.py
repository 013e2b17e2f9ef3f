"""Characters pasted from chat apps and office documents that YAML misreads, found in the raw text
before YAML reads it: YAML's own message would land on a later line and never name them.

A Chinese keyboard types `：` and `，` for `:` and `,`; chat apps and web pages paste no-break
and ideographic spaces, and the invisible line separator U+2028. Each is an error at its own
line and column, with the fix. The patterns look at where YAML's structure is (the start of a
line, a key, the inside of `{…}`), so the same characters inside a text are left alone.
"""

from __future__ import annotations

import dataclasses
import re

from build_tools.tree.characters import describe
from build_tools.tree.model import LANGUAGES, Position, TreeFile, field_types
from build_tools.tree.text_rules import shorten
from build_tools.tree.where import Lines

# Line breaks as an editor counts them: U+2028 and friends are breaks to YAML only.
_EDITOR_BREAK = re.compile("\r\n|\r|\n")
_ODD_SPACE = "\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff"
_WORD = r"[A-Za-z_][A-Za-z0-9_-]*"


def _model_keys() -> str:
    """Every key the tree's files may hold, as a regex alternative (longest first)."""
    keys, todo, seen = set(LANGUAGES), [TreeFile], set()
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        for key, typ in field_types(cls).items():
            keys.add(key)
            todo += [t for t in _classes(typ) if t not in seen]
    return "|".join(sorted(keys, key=len, reverse=True))


def _classes(typ: object) -> list[type]:
    """The dataclasses a field's type holds (in a list, an option or a union of node kinds)."""
    if dataclasses.is_dataclass(typ):
        return [typ]
    return [c for arg in getattr(typ, "__args__", ()) for c in _classes(arg)]


_KEY = _model_keys()
_LANG = "|".join(LANGUAGES)  # inside `{…}` only the languages: `, title:x` may be an English text
_NOT_SPACE = f"(?=[^\\s{_ODD_SPACE}])"
# What each named group of the patterns below points at, and what the message says; `{key}` is
# the key of the match, `{char}` the character, `{after}` the value that follows.
_MESSAGES = {
    "separator": "{char} is a line break to YAML but not to your editor (it comes with pasted "
                 "text); delete it",
    "indent": "this line is indented with {char}; YAML indents with ordinary spaces: retype the "
              "indentation",
    "colon": "a full-width colon `：` after `{key}`; YAML needs `:` and a space: `{key}: `",
    "comma": "a full-width comma `，` before `{key}:`; separate the entries of `{{…}}` with `,`",
    "space": "the space after `{key}:` is {char}; type an ordinary space",
    "nospace": "`{key}:` needs a space after its colon: `{key}: {after}`",
}
# Four passes over the text: the characters themselves, the start of each line (indentation, a
# key), the inside of `{…}`, and a full-width comma before a language.
_PATTERNS = [
    re.compile("(?P<separator>[\u2028\u2029\x85])"),
    re.compile(f"^[ \t]*(?:(?P<indent>[{_ODD_SPACE}])[ {_ODD_SPACE}]*(?=- |-$|#|\\?|{_WORD}[ ]*[:：])"
               f"|(?:-[ ]+)*(?:(?P<key>{_WORD})[ ]*(?P<colon>：)"
               f"|(?P<key2>{_KEY})(?::(?P<space>[{_ODD_SPACE}])|(?P<nospace>:){_NOT_SPACE})))",
               re.MULTILINE),
    re.compile(f"[{{,][ ]*(?P<key>{_LANG})(?:[ ]*(?P<colon>：)|:(?P<space>[{_ODD_SPACE}])"
               f"|(?P<nospace>:){_NOT_SPACE})"),
    re.compile(f"(?P<comma>，)[ ]*(?P<key>{_LANG})[ ]*[:：]"),  # inside `{…}`: see _inside_braces
]
MAX_FOUND = 20  # a file pasted whole from a chat would otherwise bury the first ones


def pasted_problems(name: str, text: str) -> list[tuple[Position, str]]:
    """Each misread character as (where, message), in the file's order."""
    found: dict[int, str] = {}
    for pattern in _PATTERNS:
        kept = 0
        for match in pattern.finditer(text):
            kind = next(group for group in _MESSAGES if match.groupdict().get(group) is not None)
            at = match.start(kind)
            if kind == "comma" and not _inside_braces(text, at):
                continue
            key = match.groupdict().get("key") or match.groupdict().get("key2")
            after = text[at + 1:at + 80].split("\n", 1)[0].split(",")[0].split("}")[0].strip()
            found.setdefault(at, _MESSAGES[kind].format(char=describe(text[at]), key=key,
                                                        after=shorten(after, 20)))
            kept += 1
            if kept == MAX_FOUND:
                break
    if not found:
        return []
    lines = Lines(text, _EDITOR_BREAK)
    return [(Position(name, *lines.position(offset)), message)
            for offset, message in sorted(found.items())[:MAX_FOUND]]


def _inside_braces(text: str, offset: int) -> bool:
    """Whether a `{` opened before `offset` on its line is still open there (a plain count: a
    full-width comma before `en:` is rare enough that a brace inside quotes does not matter)."""
    line = text[max(text.rfind("\n", 0, offset) + 1, offset - 2000):offset]
    return line.count("{") > line.count("}")
