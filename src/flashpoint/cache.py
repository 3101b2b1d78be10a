"""Where flashpoint keeps what it builds once per machine: the place index and the parsed
knowledge base (`FLASHPOINT_CACHE`, default `~/.cache/flashpoint`). Everything there can be
deleted at any time; it is built again when next needed."""

from __future__ import annotations

import os
import pickle
from pathlib import Path


def cache_dir() -> Path:
    return Path(os.environ.get("FLASHPOINT_CACHE") or Path.home() / ".cache" / "flashpoint")


def load_pickle(path: Path):
    """What `save_pickle` wrote at `path`, or None when it is missing or unreadable. Reading it
    marks it as used, for `prune`."""
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
        os.utime(path)
        return value
    except Exception:  # missing, truncated, or written by another version: build it again
        return None


def save_pickle(path: Path, value) -> None:
    """Write atomically, so that a crash or a concurrent writer never leaves half a file; a cache
    that cannot be written (read-only home) is only a slower start."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass


def prune(pattern: str, keep: Path, most: int = 1) -> list[Path]:
    """Delete what other versions and other contents left under `pattern` in `keep`'s folder,
    keeping `keep` and the `most - 1` most recently used others; return what was deleted. A
    process still reading a deleted file goes on reading it (POSIX), and whoever needs one again
    builds it again."""
    others = [p for p in keep.parent.glob(pattern) if p != keep]
    try:
        others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
    except OSError:  # another process pruned at the same moment
        return []
    deleted = []
    for stale in others[max(most - 1, 0):]:
        try:
            stale.unlink()
            deleted.append(stale)
        except OSError:
            pass
    return deleted
