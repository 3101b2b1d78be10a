"""The knowledge base: countries, organisations, officials, arms makers, weapon systems.

`load_kb()` reads the built-in data files plus any user directories once per process and
cross-checks them; nothing is read at import time.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from flashpoint.kb.knowledge import KnowledgeBase
from flashpoint.kb.loader import builtin_dir

__all__ = ["KnowledgeBase", "load_kb", "user_dirs"]


def user_dirs(extra: tuple[str, ...] = ()) -> tuple[Path, ...]:
    """User knowledge-base directories: the FLASHPOINT_KB setting (os.pathsep-separated), then `extra`."""
    setting = tuple(p for p in os.environ.get("FLASHPOINT_KB", "").split(os.pathsep) if p)
    return tuple(Path(p).expanduser() for p in (*setting, *extra))


@lru_cache(maxsize=4)
def _load(dirs: tuple[Path, ...]) -> KnowledgeBase:
    return KnowledgeBase.from_dirs(dirs)


def load_kb(extra_dirs: tuple[str, ...] = ()) -> KnowledgeBase:
    """The knowledge base with user overrides applied, loaded once per process."""
    return _load((builtin_dir(), *user_dirs(tuple(extra_dirs))))
