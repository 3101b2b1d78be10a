"""The cache keeps what is in use and deletes what earlier versions and earlier edits left."""

from __future__ import annotations

import os

from flashpoint.cache import load_pickle, prune, save_pickle


def _aged(path, content: bytes, age: int):
    path.write_bytes(content)
    os.utime(path, (1_700_000_000 - age, 1_700_000_000 - age))
    return path


def test_prune_keeps_the_file_in_use_and_the_most_recently_used_others(tmp_path):
    keep = _aged(tmp_path / "kb-current.pickle", b"x", 500)  # older than some, kept all the same
    recent = _aged(tmp_path / "kb-recent.pickle", b"x", 10)
    old = _aged(tmp_path / "kb-old.pickle", b"x", 1000)
    other = _aged(tmp_path / "gazetteer-3.0.2-v7.sqlite", b"x", 2000)  # another pattern: untouched

    deleted = prune("kb-*.pickle", keep, most=2)

    assert deleted == [old]
    assert sorted(p.name for p in tmp_path.iterdir()) == [other.name, keep.name, recent.name]


def test_prune_with_most_one_keeps_only_the_file_in_use(tmp_path):
    keep = _aged(tmp_path / "gazetteer-3.0.2-v8.sqlite", b"x", 0)
    _aged(tmp_path / "gazetteer-3.0.2-v7.sqlite", b"x", 100)
    _aged(tmp_path / "gazetteer-2.0-v6.sqlite", b"x", 200)
    imported = _aged(tmp_path / "geonames.sqlite", b"x", 300)  # a user's import is never the cache's

    prune("gazetteer-*-v*.sqlite", keep)

    assert sorted(p.name for p in tmp_path.iterdir()) == [keep.name, imported.name]


def test_reading_a_pickle_marks_it_used(tmp_path):
    path = tmp_path / "kb-a.pickle"
    save_pickle(path, {"a": 1})
    os.utime(path, (1_000_000, 1_000_000))
    assert load_pickle(path) == {"a": 1}
    assert path.stat().st_mtime > 1_000_000
    assert load_pickle(tmp_path / "missing.pickle") is None


def test_a_newly_parsed_knowledge_base_prunes_stale_ones(tmp_path, monkeypatch):
    from flashpoint import kb

    monkeypatch.setenv("FLASHPOINT_CACHE", str(tmp_path))
    stale = [_aged(tmp_path / f"kb-{i:016x}.pickle", b"stale", 100 + i) for i in range(kb.KEEP_KNOWLEDGE_BASES + 2)]

    loaded = kb._load.__wrapped__((kb.builtin_dir(),))

    assert "KGZ" in loaded.countries
    left = sorted(tmp_path.glob("kb-*.pickle"))
    assert len(left) == kb.KEEP_KNOWLEDGE_BASES
    assert all(p in left for p in stale[:kb.KEEP_KNOWLEDGE_BASES - 1])  # the newest stale ones stay
