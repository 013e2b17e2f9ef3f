"""Characters an editor cannot see or tell apart: which ones no text may hold, and how messages
name them (a zero width space inside a key, a Cyrillic а inside an id)."""

from __future__ import annotations

import re
import sys
import unicodedata

# YAML's reader refuses these when typed, but a double-quoted escape ("\x9b", "\uFFFE",
# "\ud83d") still makes them: C0 and C1 controls but tab and line feed, lone surrogates, the
# non-characters, and the line and paragraph separators, which YAML and Markdown read as breaks
# that editors do not show. Any of them corrupts a page's front matter or fails the build.
_PLANE_ENDS = "".join(chr(plane + end) for plane in range(0, sys.maxunicode + 1, 0x10000)
                      for end in (0xFFFE, 0xFFFF))
NOT_ALLOWED = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                         f"\u2028\u2029{_PLANE_ENDS}]")
# Letters of other scripts that look like Latin ones: an id or key typed with one is a
# different word that no message could show.
_LOOK_ALIKES = dict(zip("аеорсухіјѕһԁԛԝАВЕКМНОРСТХІЈЅοιναρκτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
                        "aeopcyxijshdqwABEKMHOPCTXIJSoivapktuxABEZHIKMNOPTYX"))


def not_allowed(value: str) -> int | None:
    """The index of the first character no text may hold, if any."""
    if value.isprintable():  # most values: none of those characters is printable
        return None
    found = NOT_ALLOWED.search(value)
    return found.start() if found else None


def code(char: str) -> str:
    return f"U+{ord(char):04X}"


def visible(value: str) -> str:
    """The value with every character a reader could not see written as <U+XXXX>."""
    return "".join(f"<{code(c)}>" if _invisible(c) else c for c in value)


def describe(char: str) -> str:
    """A character named for a message: what it is and, if it passes for another, which."""
    name = unicodedata.name(char, "").lower()
    category = unicodedata.category(char)
    if char in _BREAKS:
        return f"{_BREAKS[char]} ({code(char)})"
    if category in _KINDS:
        return f"the {_KINDS[category]} {code(char)}"
    if category in ("Zs", "Zl", "Zp") and name:  # "the ideographic space U+3000"
        return f"the {name} {code(char)}"
    if _invisible(char):
        return f"the invisible character {code(char)}" + (f" ({name})" if name else "")
    if char in _LOOK_ALIKES:
        script = name.split()[0].capitalize() if name else "non-Latin"
        return (f"the {script} letter {char} ({code(char)}), which looks like "
                f"the Latin {_LOOK_ALIKES[char]}")
    plain = unicodedata.normalize("NFKC", char)
    if plain != char and plain.isascii() and plain.isprintable():
        return f"the full-width {char} ({code(char)}) instead of {plain}"
    return f"the character {char} ({code(char)})"


_BREAKS = {"\n": "a line break", "\r": "a carriage return", "\t": "a tab"}
_KINDS = {"Cc": "control character", "Cs": "lone surrogate (half of a character)",
          "Cn": "non-character"}


def fix(char: str) -> str:
    """What to do about a character that has no place in a word: delete it, or retype it."""
    return "delete it" if _invisible(char) or char in _BREAKS else "retype it in plain ASCII"


def first_not_ascii(value: str) -> int | None:
    """Where a word that must be plain ASCII (a key, an id) stops being so."""
    return next((i for i, c in enumerate(value) if not c.isascii() or not c.isprintable()), None)


def _invisible(char: str) -> bool:
    """Spaces other than the ordinary one, format characters (zero width, direction marks),
    controls: anything that shows as nothing, or as a plain space."""
    if char == " ":
        return False
    return unicodedata.category(char) in ("Zs", "Zl", "Zp", "Cf", "Cc", "Cs", "Cn", "Co")
