"""The factsheet plugin's options in `mkdocs.yml`, read without MkDocs: the command line's defaults.

`check`, `explain` and `extract` run in a site's folder see the same rules, packs, model and cache
as `mkdocs build`; an option given on the command line wins. Paths are relative to `mkdocs.yml`.
`render` also reads a Zensical `zensical.toml` (its `[project]` table, the options under
`[project.plugins.factsheet]`), and the site's own `docs_dir` and `use_directory_urls`.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .caching.fingerprints import DEFAULT_MODEL

PLUGIN_NAMES = ("factsheet", "mkdocs-factsheet")
DEFAULT_CACHE = ".cache/factsheet"


@dataclass
class Options:
    """What a command runs with, and the configuration file that gave the defaults (None: none)."""

    rule_dirs: list[Path]
    packs: list[str]
    model: str
    cache_dir: Path | None
    config: Path | None = None
    given: dict[str, Any] = field(default_factory=dict)  # what the configuration file gave
    places: bool = True  # the packs' sub-national places name their countries

    def summary(self) -> str:
        return ", ".join(f"{key}: {value}" for key, value in self.given.items()) or "no factsheet options"


class _TolerantLoader(yaml.SafeLoader):
    """YAML as MkDocs writes it: `!ENV`, `!relative` and `!!python/name:` tags read as plain values."""


def _untagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)  # type: ignore[arg-type]


_TolerantLoader.add_multi_constructor("!", _untagged)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _untagged)


def read_config(config_file: Path) -> dict[str, Any] | None:
    """A site's configuration (`mkdocs.yml`, or the `[project]` table of `zensical.toml`); None when absent."""
    if not config_file.is_file():
        return None
    try:
        source = config_file.read_text(encoding="utf-8")
        if config_file.suffix == ".toml":
            project = _toml(source).get("project")
            return project if isinstance(project, dict) else {}
        config = yaml.load(source, Loader=_TolerantLoader)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise ValueError(f"{config_file}: cannot read the site configuration: {error}") from None
    except ValueError as error:  # from `_toml`
        raise ValueError(f"{config_file}: {error}") from None
    return config if isinstance(config, dict) else {}


def _toml(source: str) -> dict[str, Any]:
    """A TOML document: `tomllib` (Python 3.11+), else the `tomli` package; ValueError when it is not TOML."""
    try:
        toml = importlib.import_module("tomllib" if sys.version_info >= (3, 11) else "tomli")
    except ModuleNotFoundError:
        raise ValueError("reading a .toml configuration needs Python 3.11, or the tomli package") from None
    try:
        data: dict[str, Any] = toml.loads(source)
    except toml.TOMLDecodeError as error:
        raise ValueError(f"not TOML: {error}") from None
    return data


def read_plugin_options(config_file: Path) -> dict[str, Any] | None:
    """The plugin's options in a site configuration, None when the file or the plugin is not there."""
    config = read_config(config_file)
    plugins = config.get("plugins") if config is not None else None
    entries = (
        plugins.items()
        if isinstance(plugins, dict)
        else [next(iter(p.items())) if isinstance(p, dict) and len(p) == 1 else (p, {}) for p in plugins or []]
    )
    for name, options in entries:
        if name in PLUGIN_NAMES:
            return options if isinstance(options, dict) else {}
    return None


def plugin_options(
    config_file: Path, rule_dirs: tuple[Path, ...], packs: tuple[str, ...], model: str | None, cache_dir: Path | None
) -> Options:
    """The options a command runs with: those given, else the plugin's in `config_file`, else the defaults."""
    found = read_plugin_options(config_file)
    plugin = found or {}
    root = config_file.resolve().parent
    keys = ("rules", "packs", "places", "model", "cache_dir")
    given: dict[str, Any] = {key: plugin[key] for key in keys if key in plugin}
    rules = [*rule_dirs] or [root / str(plugin.get("rules", "rules")) if found is not None else Path("rules")]
    cache = plugin.get("cache_dir", DEFAULT_CACHE) if found is not None else ""
    return Options(
        rule_dirs=rules,
        packs=[*packs] or [str(p) for p in plugin.get("packs") or []],
        model=model or str(plugin.get("model") or DEFAULT_MODEL),
        cache_dir=cache_dir or ((root / str(cache)) if str(cache).strip() else None),
        config=config_file if found is not None else None,
        given=given,
        places=plugin.get("places") is not False,
    )
