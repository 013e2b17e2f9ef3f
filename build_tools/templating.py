"""The one Jinja environment: Markdown templates insert the tree's (validated) Markdown as it is;
HTML and SVG templates autoescape everything; an undefined name fails the build."""

from __future__ import annotations

import hashlib
import json
import sys
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).parent / "templates"
# Compiled templates are kept like compiled modules, in __pycache__ (git ignores it): compiling
# them all takes longer than making a 100-node tree's pages. Jinja checks each entry against its
# template's text; the names also carry this file's text and Jinja's version, since the compiled
# code depends on the environment set up below.
COMPILED = Path(__file__).parent / "__pycache__" / "templates"


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2", "svg.j2"),
                                            default_for_string=False, default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # templates are code: no need to stat each one at every include
        bytecode_cache=_compiled_cache(),
    )
    env.filters["yaml_str"] = lambda value: json.dumps(value, ensure_ascii=False)
    env.filters["link_text"] = link_text
    return env


def _compiled_cache() -> jinja2.BytecodeCache | None:
    """None where Python itself would not write bytecode, or cannot write here."""
    if sys.dont_write_bytecode:
        return None
    try:
        COMPILED.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    version = hashlib.sha1(Path(__file__).read_bytes() + jinja2.__version__.encode()).hexdigest()
    return jinja2.FileSystemBytecodeCache(str(COMPILED), f"{version[:12]}-%s.cache")


def link_text(text: str) -> str:
    """Text for inside `[...]` of a Markdown link: a lone bracket would end or break the link."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def render(template: str, context: dict[str, Any], **extra: Any) -> str:
    return environment().get_template(template).render({**context, **extra})


def templates() -> list[jinja2.Template]:
    """Every template, compiled (each is compiled once per process, on first use)."""
    env = environment()
    return [env.get_template(name) for name in env.list_templates()]
