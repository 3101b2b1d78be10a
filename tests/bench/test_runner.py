"""`run_bench` end to end on the tiny gold directory with the fake pipeline."""

import json

import pytest

from flashpoint.bench import runner, tasks
from flashpoint.bench.datasets import GoldDataMissing


@pytest.fixture
def results(tiny_gold, fake_systems):
    return runner.run_bench(quick=True, data_dir=tiny_gold, systems=fake_systems)


def values(results, task, metric):
    rows = {r["metric"]: r for r in results["tasks"][task]["rows"]}
    return rows[metric]


def test_every_task_runs_and_is_json(results):
    assert list(results["tasks"]) == list(tasks.TASKS)
    assert results["schema"] == "flashpoint-bench/1" and results["quick"] is True
    assert json.loads(json.dumps(results)) == results
    for task in results["tasks"].values():
        assert task["errors"]["count"] == 0
        assert task["rows"]


def test_entities_map_kinds_onto_re3d_types(results):
    details = results["tasks"]["entities"]["details"]["flashpoint"]
    assert details["exact"]["micro"]["f1"] == 1.0
    assert details["exact"]["Nationality"]["tp"] == 1
    row = values(results, "entities", "micro-F1 PER/ORG/LOC/NAT, overlap")
    assert row["pass"] is True and row["values"]["spaCy sm"] == "not installed"


def test_times_strict_relaxed_value(results):
    d = results["tasks"]["times"]["details"]["flashpoint"]
    assert d["strict"]["tp"] == 1 and d["relaxed"]["tp"] == 2
    assert d["value_accuracy"] == 1.0


def test_places_detection_and_geocoding(results):
    d = results["tasks"]["places"]["details"]
    assert d["GeoWebNews"]["detection"]["flashpoint"]["exact"]["f1"] == 1.0  # "area" is no toponym
    assert d["TR-News"]["detection"]["flashpoint"]["exact"]["tp"] == 0
    assert d["TR-News"]["detection"]["flashpoint"]["overlap"]["tp"] == 1
    assert d["GeoVirus"]["geocoding"]["flashpoint"]["acc_at_km"] == 0.0  # Lima unknown
    assert d["GeoVirus"]["geocoding"]["most populous"]["acc_at_km"] == 0.0  # Lima, Ohio
    assert d["TR-News"]["geocoding"]["most populous"]["acc_at_km"] == 1.0
    assert values(results, "places", "TR-News geocoded within 161 km")["pass"] is True
    assert "flashpoint gazetteer: the fake geocoder's five places" in results["tasks"]["places"]["notes"]


def test_events_plover_and_petrarch(results):
    d = results["tasks"]["events"]["details"]
    assert d["plover_gsr"]["type"]["accuracy"] == 0.5  # FIGHT -> ASSAULT right, DEMAND missed
    assert d["plover_gsr"]["actor"]["p"] == 1.0 and d["plover_gsr"]["actor"]["r"] == 0.5
    assert d["plover_gsr"]["recipient"]["gold"] == 2  # the bare string "diplomatic" is skipped
    assert d["petrarch2_gsr"]["cameo_root"]["f1"] == 1.0  # 040 and 042 share root 04
    assert d["petrarch2_gsr"]["actor"]["f1"] == 1.0  # USAGOV -> USA


def test_stories_take_the_most_frequent_type(results):
    d = results["tasks"]["stories"]["details"]["flashpoint"]
    assert d["accuracy"] == 0.5


def test_arguments_triggers_and_roles(results):
    d = results["tasks"]["arguments"]["details"]["flashpoint"]
    assert d["triggers"]["attack"]["f1"] == 1.0 and d["triggers"]["transfer"]["f1"] == 1.0
    assert d["arguments"]["attacker"]["f1"] == 1.0
    assert d["arguments"]["target"]["r"] == 0.0  # "the base" is no actor
    assert d["arguments"]["giver"]["f1"] == 1.0 and d["arguments"]["recipient"]["f1"] == 1.0
    assert d["arguments"]["place"]["f1"] == 1.0


def test_speed_counts_tokens_against_the_bare_tokenizer(results):
    d = results["tasks"]["speed"]["details"]
    assert d["flashpoint"]["tokens"] == d["spacy.blank('en') tokenizer"]["tokens"] > 0
    assert d["flashpoint"]["docs"] == d["spacy.blank('en') tokenizer"]["docs"]  # every round's texts
    assert any("alternating rounds" in note for note in results["tasks"]["speed"]["notes"])
    assert any("CPU time" in note for note in results["tasks"]["speed"]["notes"])
    for side in ("flashpoint", "spacy.blank('en') tokenizer"):
        assert d[side]["seconds"] > 0 and d[side]["wall_seconds"] > 0
        assert d[side]["tokens_per_s"] == d[side]["tokens"] / d[side]["seconds"]  # per CPU second
    assert d["peak_rss_mib"] > 0


def test_speed_drops_each_record_as_the_tokenizer_drops_its_docs(tiny_gold, fake_systems):
    # records held for the whole run made the garbage collector walk them all, timed on
    # flashpoint's side only; scoring tasks extract again for themselves
    results = runner.run_bench(quick=True, data_dir=tiny_gold, systems=fake_systems, task_names=["speed"])
    pipeline = fake_systems.pipeline()
    assert results["tasks"]["speed"]["details"]["flashpoint"]["docs"] == len(pipeline.seen) > 0
    assert fake_systems._records == {}
    run = fake_systems.extract([("Aleppo was shelled.", None)])  # a scoring task's records are kept
    assert len(run.records) == 1 and len(fake_systems._records) == 1


def test_the_speed_clock_counts_cpu_time_not_waiting():
    import time

    from flashpoint.bench.tasks import _Clock

    clock = _Clock()
    with clock:
        time.sleep(0.2)  # waiting, as for another process's turn on a shared core
    with clock:
        sum(range(200_000))
    assert clock.wall >= 0.2
    assert 0 < clock.cpu < clock.wall / 2


def test_tables_render(results):
    from rich.console import Console

    console = Console(record=True, width=120)
    runner.render_table(results, console)
    text = console.export_text()
    assert "entities: re3d.dev" in text and "pass" in text
    markdown = runner.markdown_table(results)
    assert "| micro-F1 PER/ORG/LOC/NAT, overlap | 1.000 |" in markdown


def test_write_results(results, tmp_path):
    path = runner.write_results(results, tmp_path / "out" / "bench.json")
    assert json.loads(path.read_text())["tasks"].keys() == results["tasks"].keys()
    assert runner.default_output().name.startswith("bench-")


def test_unknown_task_and_missing_data(tmp_path):
    with pytest.raises(runner.UnknownTask, match="choose from"):
        runner.run_bench(["nope"], data_dir=tmp_path)
    with pytest.raises(GoldDataMissing, match=str(tmp_path / "absent")):
        runner.run_bench(["stories"], data_dir=tmp_path / "absent")


def test_unavailable_pipeline_is_reported_not_raised(tiny_gold):
    from flashpoint.bench.systems import Systems, Unavailable

    systems = Systems(pipeline=Unavailable("pipeline broken"), population=None)
    out = runner.run_bench(["stories", "events"], quick=True, data_dir=tiny_gold, systems=systems)
    assert out["tasks"]["stories"]["notes"] == ["pipeline broken"]
    assert values(out, "events", "PLOVER: event type accuracy (first event)")["pass"] is None
