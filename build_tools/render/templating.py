"""The one Jinja environment: Markdown templates insert the tree's (validated) Markdown as it is;
HTML and SVG templates autoescape everything; an undefined name fails the build."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

TEMPLATES = Path(__file__).parent / "templates"


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
    )
    env.filters["yaml_str"] = lambda value: json.dumps(value, ensure_ascii=False)
    env.filters["link_text"] = link_text
    return env


def link_text(text: str) -> str:
    """Text for inside `[...]` of a Markdown link: a lone bracket would end or break the link."""
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def render(template: str, context: dict[str, Any], **extra: Any) -> str:
    return environment().get_template(template).render({**context, **extra})

