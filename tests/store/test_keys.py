"""Merge keys: what counts as the same fact."""

from flashpoint.store import keys

TUR = {"id": "TUR", "name": "Turkey", "code": "TUR", "country": "TUR"}
KGZ = {"id": "KGZ", "name": "Kyrgyzstan", "code": "KGZ", "country": "KGZ"}
TB2 = {"id": "tb2", "name": "Bayraktar TB2"}


def transfer(status, start="2022-09-14", precision="day"):
    return {"supplier": TUR, "recipient": KGZ, "system": TB2, "status": status,
            "date": {"start": start, "end": start, "precision": precision}}


def test_transfers_merge_within_a_month_and_status_family():
    assert keys.transfer_key(transfer("delivered")) == keys.transfer_key(transfer("in_use", "2022-09-30"))
    assert keys.transfer_key(transfer("delivered")) == keys.transfer_key(transfer("denied"))
    assert keys.transfer_key(transfer("agreed")) != keys.transfer_key(transfer("delivered"))
    assert keys.transfer_key(transfer("delivered")) != keys.transfer_key(transfer("delivered", "2022-10-01"))


def test_events_use_the_day_when_known_and_the_month_otherwise():
    def event(start, precision, actors=(KGZ,)):
        return {"type": "ASSAULT", "actor": list(actors), "recipient": [TUR],
                "date": {"start": start, "end": start, "precision": precision}}

    assert keys.event_key(event("2022-09-14", "day")) == "ASSAULT|KGZ|TUR|2022-09-14"
    assert keys.event_key(event("2022-09", "month")) == "ASSAULT|KGZ|TUR|2022-09"
    assert keys.event_key(event("2022-09-14", "day", (KGZ, TUR))) == keys.event_key(event("2022-09-14", "day", (TUR, KGZ)))
    assert keys.event_key({"type": "AGREE", "actor": [], "recipient": [], "date": None}).endswith("undated")


def test_claims_with_different_values_share_a_figure_group():
    def claim(value, claimant=KGZ):
        return {"claimant": claimant, "predicate": "killed", "subject": {"name": "civilians"}, "value": value,
                "date": {"start": "2022-09-16", "end": "2022-09-16", "precision": "day"}}

    assert keys.claim_key(claim(59)) != keys.claim_key(claim(63))
    assert keys.figure_key(claim(59)) == keys.figure_key(claim(63, TUR))


def test_actor_keys_tell_a_president_from_his_government():
    assert keys.actor_key({"name": "Recep Tayyip Erdoğan", "code": "TURGOV"}) == "TURGOV:recep tayyip erdogan"
    assert keys.actor_key({"name": "Turkish government", "code": "TURGOV"}) != keys.actor_key(
        {"name": "Recep Tayyip Erdoğan", "code": "TURGOV"})
