"""Read the knowledge-base YAML files, apply user overrides, and check cross-references.

Each file holds one type of entry. A user directory may hold files of the same names; an
entry there replaces the built-in entry with the same `id`, and new ids are added.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml

from flashpoint.errors import KnowledgeBaseError

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    _Loader = yaml.SafeLoader

# file name -> the key under which a mapping-shaped file keeps its list (None: the file is a list)
FILES = {
    "countries.yaml": None,
    "organisations.yaml": None,
    "ngos.yaml": None,
    "groups.yaml": None,
    "agencies.yaml": None,
    "outlets.yaml": None,
    "officials.yaml": None,
    "companies.yaml": None,
    "weapons.yaml": None,
    "weapon_types.yaml": None,
    "weapon_words.yaml": None,
    "roles.yaml": None,
    "triggers.yaml": "triggers",
    "transfer_triggers.yaml": "triggers",
    "plover.yaml": "types",
    "regions.yaml": None,
}


def builtin_dir() -> Path:
    return Path(str(resources.files("flashpoint.kb") / "data"))


def _read(path: Path):
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_Loader)
    except yaml.YAMLError as error:
        raise KnowledgeBaseError(f"{path}: not valid YAML ({error}); fix the file or remove it") from error


def _entries(path: Path, key: str | None) -> tuple[list[dict], dict]:
    data = _read(path)
    if data is None:
        return [], {}
    extra = {}
    if key is not None:
        if not isinstance(data, dict):
            raise KnowledgeBaseError(f"{path}: expected a mapping with a '{key}' list")
        extra = {k: v for k, v in data.items() if k != key}
        data = data.get(key) or []
    if not isinstance(data, list):
        raise KnowledgeBaseError(f"{path}: expected a list of entries")
    first: dict[str, int] = {}
    for number, entry in enumerate(data, 1):
        if not isinstance(entry, dict) or not entry.get("id"):
            raise KnowledgeBaseError(f"{path}: entry {number} has no 'id'; every entry needs one")
        ident = str(entry["id"])
        if ident in first:  # the later one would silently replace the earlier
            raise KnowledgeBaseError(
                f"{path}: entries {first[ident]} and {number} both have id '{ident}'; "
                "give one of them another id, or merge them"
            )
        first[ident] = number
        entry["_file"] = str(path)
    return data, extra


def load_files(dirs: tuple[Path, ...]) -> tuple[dict[str, list[dict]], dict[str, dict]]:
    """Entries of every file, later directories overriding earlier ones by id."""
    tables: dict[str, dict[str, dict]] = {name: {} for name in FILES}
    extras: dict[str, dict] = {name: {} for name in FILES}
    for directory in dirs:
        if not directory.is_dir():
            raise KnowledgeBaseError(f"{directory}: knowledge-base directory not found")
        for name, key in FILES.items():
            path = directory / name
            if path.exists():
                entries, extra = _entries(path, key)
                for entry in entries:
                    tables[name][str(entry["id"])] = entry
                extras[name].update(extra)
    return {name: list(rows.values()) for name, rows in tables.items()}, extras
