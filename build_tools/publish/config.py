"""Each language's builder configuration, made from the one settings file (mkdocs.yml) and the
words of render/strings.py; written as YAML that MkDocs, ProperDocs and Zensical all read."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from build_tools.derive.paths import language_prefix
from build_tools.render.strings import strings_for
from build_tools.settings import THEME_DIR, PythonTag

# The words of the search dialog (docs/overrides/partials/search.html), which a theme template
# cannot import from strings.py: handed to it as config.extra.help_search.
SEARCH_WORDS = ("other", "home", "flowchart", "loading", "failed")


def builder_config(settings: dict[str, Any], lang: str, languages: list[str], site_url: str,
                   docs_dir: Path, site_dir: Path, nav: list, extra: dict[str, Any]) -> dict[str, Any]:
    """The configuration of one language's build: the settings as written, plus what differs
    per language or comes from the tree. `site_url` is the root of the whole site; `docs_dir`
    is relative to where the configuration is written; `extra` is more for the templates."""
    words = strings_for(lang)
    config = copy.deepcopy(settings)
    config.update(site_name=words["site_name"], site_description=words["site_description"],
                  copyright=words["copyright"], site_url=site_url + language_prefix(lang),
                  docs_dir=str(docs_dir), site_dir=str(site_dir), nav=nav)
    theme = config.setdefault("theme", {})
    theme["language"] = lang
    theme["custom_dir"] = str(THEME_DIR)  # absolute: the configuration is written elsewhere
    for scheme in theme.get("palette", []):
        scheme.setdefault("toggle", {})["name"] = words[f"palette_toggle_{scheme['scheme']}"]
    config["extra"] = {**config.get("extra", {}), **extra,
                       "alternate": alternates(lang, languages, site_url),
                       "help_search": {key: words[f"search_{key}"] for key in SEARCH_WORDS}}
    return config


def alternates(lang: str, languages: list[str], site_url: str) -> list[dict[str, str]]:
    """Each language's root, for the language switch: `link` relative to this language's root,
    `href` absolute."""
    here_to_root = "../" * language_prefix(lang).count("/")
    return [{"lang": other, "name": strings_for(other)["language_name"],
             "link": here_to_root + language_prefix(other),
             "href": site_url + language_prefix(other)} for other in languages]


class _Dumper(yaml.SafeDumper):
    """Writes the settings back, `!!python/...` values with their tags, keys in their order."""


def _represent_python_tag(dumper: yaml.SafeDumper, value: PythonTag) -> yaml.Node:
    if isinstance(value.value, dict):
        return dumper.represent_mapping(value.tag, value.value)
    if isinstance(value.value, list):
        return dumper.represent_sequence(value.tag, value.value)
    return dumper.represent_scalar(value.tag, str(value.value))


_Dumper.add_representer(PythonTag, _represent_python_tag)


def config_text(config: dict[str, Any]) -> str:
    return yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
