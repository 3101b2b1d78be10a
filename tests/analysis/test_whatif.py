"""What-if (issue 6): hypothetical ties and what they do to balance and dilemmas."""

from __future__ import annotations

import json

import pytest
from network_records import turkey_dilemma
from typer.testing import CliRunner

from flashpoint.analysis.network import NetworkSettings, network_from_records
from flashpoint.analysis.whatif import Change, apply_changes, parse_change, what_if
from flashpoint.errors import FlashpointError

NO_ALLIANCES = NetworkSettings(alliances=())


@pytest.fixture()
def net():
    return network_from_records([turkey_dilemma()], NO_ALLIANCES)


@pytest.mark.parametrize(("text", "change"), [
    ("TUR supplies TJK", Change("TUR", "TJK", "supply")),
    ("kgz attacks tjk", Change("KGZ", "TJK", "assault")),
    ("KGZ clashes with TJK @0.5", Change("KGZ", "TJK", "assault", weight=0.5)),
    ("remove TUR-KGZ supply", Change("TUR", "KGZ", "supply", remove=True)),
    ("remove TUR-KGZ", Change("TUR", "KGZ", None, remove=True)),
])
def test_change_grammar(text, change):
    assert parse_change(text) == change


def test_bad_changes_say_what_to_write():
    with pytest.raises(FlashpointError, match="unknown verb"):
        parse_change("TUR befriends TJK")
    with pytest.raises(FlashpointError, match="names no kind"):
        parse_change("TUR-TJK")


def test_supplying_tajikistan_keeps_the_dilemma(net):
    report = what_if(net, [parse_change("TUR supplies TJK")])
    assert [d.key for d in report.dilemmas_kept] == [("TUR", ("KGZ", "TJK"))]
    assert report.dilemmas_disappeared == [] and report.triads == []
    assert report.frustration_before == report.frustration_after == 1


def test_a_kyrgyz_tajik_alliance_removes_the_dilemma_and_the_frustration(net):
    report = what_if(net, [parse_change("KGZ allies TJK")])
    assert [d.key for d in report.dilemmas_disappeared] == [("TUR", ("KGZ", "TJK"))]
    assert report.triads == [{"nodes": ["KGZ", "TJK", "TUR"], "before": "++- unbalanced",
                              "after": "+++ balanced"}]
    assert (report.frustration_before, report.frustration_after) == (1, 0)


def test_a_weighted_addition_is_just_more_evidence(net):
    after = apply_changes(net, [parse_change("KGZ allies TJK @0.1")])
    assert after.sign("KGZ", "TJK") == -1 and "alliance" in after.ties("KGZ", "TJK")
    assert net.ties("KGZ", "TJK").keys() == {"assault"}  # the original is untouched


def test_removing_a_tie_opens_the_triad_and_new_ties_make_new_dilemmas(net):
    report = what_if(net, [parse_change("TUR-KGZ", remove=True)])
    assert report.dilemmas_disappeared and report.triads[0]["after"] == "open"
    report = what_if(net, [parse_change("RUS supplies KGZ"), parse_change("RUS arms TJK")])
    assert [d.key for d in report.dilemmas_appeared] == [("RUS", ("KGZ", "TJK"))]
    assert report.frustration_after == 1  # flipping KGZ-TJK mends both triangles


def test_cli(tmp_path):
    from flashpoint.cli import build_app

    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(turkey_dilemma()) + "\n", encoding="utf-8")
    result = CliRunner().invoke(build_app(), ["whatif", "--input", str(path), "--add", "KGZ allies TJK",
                                              "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["frustration"] == {"before": 1, "after": 0}
    result = CliRunner().invoke(build_app(), ["whatif", "--input", str(path), "--add", "TUR hugs TJK"])
    assert result.exit_code == 1 and "unknown verb" in result.output
