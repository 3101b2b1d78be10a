"""The loaders on the real gold files (skipped when ../shared/data/gold is absent)."""

import pytest

from flashpoint.bench import datasets, mappings
from flashpoint.bench.datasets import GoldDataMissing, find_gold_dir


def test_find_gold_dir_prefers_explicit_then_environment(tmp_path, monkeypatch):
    assert find_gold_dir(tmp_path) == tmp_path
    monkeypatch.setenv(datasets.GOLD_ENV, str(tmp_path))
    assert find_gold_dir() == tmp_path
    monkeypatch.setenv(datasets.GOLD_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(GoldDataMissing, match="FLASHPOINT_GOLD"):
        find_gold_dir()


def test_find_gold_dir_walks_up_from_the_working_directory(tmp_path, monkeypatch):
    gold = tmp_path / "shared" / "data" / "gold"
    gold.mkdir(parents=True)
    work = tmp_path / "main" / "src"
    work.mkdir(parents=True)
    monkeypatch.delenv(datasets.GOLD_ENV, raising=False)
    monkeypatch.chdir(work)
    assert find_gold_dir() == gold.resolve()


def test_missing_file_names_its_path(tmp_path):
    with pytest.raises(GoldDataMissing, match="re3d.dev.jsonl"):
        datasets.load_re3d(tmp_path)


def test_evenly_spaced_slice_is_fixed_and_spread():
    assert datasets.evenly_spaced(list(range(10)), 3) == [0, 3, 6]
    assert datasets.evenly_spaced([1, 2], 5) == [1, 2]


def test_every_gold_file_loads_with_valid_spans(gold_dir):
    for doc in datasets.load_re3d(gold_dir, 20):
        assert all(0 <= s < e <= len(doc.text) for s, e, _ in doc.entities)
        assert {label for *_, label in doc.entities} <= set(mappings.ENTITY_LABELS)
    assert all(d.dct for d in datasets.load_timex(gold_dir, 10))
    geo = datasets.load_geo(gold_dir, 2)
    assert sorted({d.corpus for d in geo}) == sorted(mappings.GEO_CORPORA) and len(geo) == 6
    plover = datasets.load_plover(gold_dir)
    assert {t for s in plover for t in s.types} <= set(mappings.PLOVER_TYPES)
    assert len(plover) == 215
    petrarch = datasets.load_petrarch(gold_dir)
    assert all(len(c) == 3 for s in petrarch for c in s.actors)
    assert len(datasets.load_ngec(gold_dir, 16)) == 16
    events = datasets.load_events(gold_dir, 5)
    assert all(e.coarse for d in events for e in d.events)


def test_quick_slices_cover_several_labels(gold_dir):
    from flashpoint.bench.tasks import QUICK_LIMITS

    stories = datasets.load_ngec(gold_dir, QUICK_LIMITS["ngec"])
    assert len({s.event for s in stories}) >= 10
    plover = datasets.load_plover(gold_dir, QUICK_LIMITS["plover"])
    assert len({t for s in plover for t in s.types}) >= 10
