"""What issue 2 requires of the founding article, asserted fact by fact (the golden file holds
the whole output; these say which parts matter and why)."""

from __future__ import annotations

import re


def _transfers(record, supplier, recipient, system):
    return [t for t in record["transfers"] if t["supplier"]["id"] == supplier and t["recipient"]["id"] == recipient
            and t["system"]["id"] == system]


def test_reads_date_and_outlet_from_the_article(seed_record):
    assert seed_record["document"]["published"] == "2022-09-26"
    assert seed_record["document"]["outlet"] == "Al-Monitor"
    assert seed_record["document"]["author"] == "Fehim Tastekin"


def test_turkey_delivered_tb2_to_kyrgyzstan_in_december_2021(seed_record):
    delivered = [t for t in _transfers(seed_record, "TUR", "KGZ", "bayraktar-tb2") if t["status"] == "delivered"]
    assert len(delivered) == 1
    assert delivered[0]["date"]["start"] == "2021-12-01" and delivered[0]["date"]["precision"] == "month"
    assert len(delivered[0]["evidence"]) == 2, "'acquired last year' and 'received in December 2021' are one transfer"


def test_russia_agreed_s300_with_kyrgyzstan_in_february_2021(seed_record):
    (s300,) = _transfers(seed_record, "RUS", "KGZ", "s-300")
    assert s300["status"] == "agreed" and s300["date"]["start"].startswith("2021-02")
    assert [t["status"] for t in _transfers(seed_record, "RUS", "KGZ", "orlan-10")] == ["agreed"]


def test_tajik_acquisition_is_reported_then_denied(seed_record):
    statuses = {t["status"]: t for t in seed_record["transfers"]
                if t["supplier"]["id"] == "TUR" and t["recipient"]["id"] == "TJK"}
    assert {"negotiating", "delivered", "denied"} <= set(statuses)
    assert statuses["delivered"]["attribution"]["claimant"]["id"] == "jeenbek-kulubaev"
    assert statuses["delivered"]["attribution"]["status"] == "reported"
    denied = statuses["denied"]
    assert denied["attribution"]["claimant"]["code"] == "KGZSPY" and denied["attribution"]["status"] == "denied"
    assert denied["date"]["start"].startswith("2022-05")


def test_talks_with_a_maker_make_its_country_the_supplier(seed_record):
    for recipient in ("UZB", "KAZ"):
        (talks,) = _transfers(seed_record, "TUR", recipient, "bayraktar-tb2")
        assert talks["status"] == "negotiating"


def test_no_transfer_points_the_wrong_way(seed_record):
    for t in seed_record["transfers"]:
        assert t["supplier"]["id"] != t["recipient"]["id"]
        assert t["supplier"]["id"] in {"TUR", "RUS"}, f"only Turkey and Russia supply anything here: {t['id']}"


def test_assaults_between_kyrgyzstan_and_tajikistan_in_september_2022(seed_record):
    assaults = [e for e in seed_record["events"] if e["type"] == "ASSAULT"
                and {"KGZ", "TJK"} <= {r["country"] for r in e["actor"] + e["recipient"]}
                and e["date"] and e["date"]["start"] and e["date"]["start"].startswith("2022-09")]
    assert len(assaults) >= 3
    assert any(e["mode"] == "drone" and e["cameo"] == "195" for e in assaults)
    flare = [e for e in assaults if e["date"]["start"] == "2022-09-14"]
    assert flare, "'Sept. 13, a day before the clashes flared up' dates the clashes to Sept. 14"


def test_each_side_keeps_its_own_casualty_figures(seed_record):
    figures = {(c["claimant"].get("id"), c["predicate"], c["value"]) for c in seed_record["claims"]}
    assert ("TJK", "killed", 41) in figures
    assert {("KGZ", "killed", 59), ("KGZ", "injured", 139), ("KGZ", "homes_damaged", 613)} <= figures
    claims = [c for c in seed_record["claims"] if c["value"] in (41, 59, 139, 613)]
    assert all(c["status"] == "claimed" for c in claims), "a side's own figures are its claims"


def test_military_framework_agreement_in_ankara(seed_record):
    (deal,) = [e for e in seed_record["events"] if "Framework Agreement" in e["trigger"]["text"]]
    assert {a["id"] for a in deal["actor"]} == {"sherali-mirzo", "hulusi-akar"}
    assert {a["country"] for a in deal["actor"]} == {"TJK", "TUR"}
    assert deal["date"]["start"].startswith("2022-04") and deal["place"]["name"] == "Ankara"


def test_officials_resolve_to_their_office_on_the_date(seed_record):
    actors = {a["id"]: a for a in seed_record["actors"]}
    assert actors["hulusi-akar"]["office"] == "defence_minister" and actors["hulusi-akar"]["country"] == "TUR"
    assert actors["sherali-mirzo"]["code"].startswith("TJK")
    assert actors["KGZMIL"]["name"] and actors["KGZMIL"]["code"] == "KGZMIL"
    assert actors["kerim-has"]["code"] == "TUREDU", "'Kerim Has, a Moscow-based Turkish academic'"


def test_no_actor_is_made_from_a_common_noun(seed_record, seed_path):
    text = seed_path.read_text(encoding="utf-8")
    for actor in seed_record["actors"]:
        for start, end in actor["mentions"]:
            surface = text[start:end]
            assert re.search(r"[A-Z]", surface) or re.match(r"(the two|both) ", surface), (actor["id"], surface)


def test_every_time_expression_is_listed_with_a_timex3_value(seed_record):
    values = {t["text"]: t["value"] for t in seed_record["times"]}
    assert values["last year"] == "2021"
    assert values["mid-September"] == "2022-09"
    assert values["three decades ago"] == "1992"
    assert values["Sept. 13"] == "2022-09-13"
    assert values["earlier this year"] == "2022"
    assert values["the 1990s"] == "199"
