"""Arms-transfer rules, one sentence each: which status a cancelled or promised deal has, and
what a cancelling verb acts on."""

from __future__ import annotations

import pytest

from flashpoint.documents import Document


def _transfers(pipeline, text):
    record = pipeline.extract(Document.from_text(text, published="2020-09-01"))
    return [(t["supplier"]["code"], t["recipient"]["code"], t["system"]["name"], t["status"]) for t in record["transfers"]]


@pytest.mark.parametrize("text", [
    "Congress blocked the sale of F-35 jets to Turkey.",
    "The sale of F-35 jets to Turkey was blocked by Congress.",
    "Turkey cancelled its order of F-35 jets.",
])
def test_a_deal_that_is_blocked_or_cancelled_is_cancelled_only(pipeline, text):
    # not also a delivery: "the sale ... to Turkey" names the deal the sentence cancels
    assert _transfers(pipeline, text) == [("USA", "TUR", "F-35 Lightning II", "cancelled")]


def test_an_active_cancelling_verb_acts_on_what_follows_it(pipeline):
    # the vessels are the subject's own, sent "to block" trade: no deal of them is cancelled
    text = "The United States has provided most of the naval vessels to block Iraqi trade, with Britain helping."
    assert _transfers(pipeline, text) == []


def test_a_delivery_stays_a_delivery(pipeline):
    assert _transfers(pipeline, "Turkey received S-400 systems from Russia in 2019.") == [
        ("RUS", "TUR", "S-400 Triumf", "delivered")]


@pytest.mark.parametrize("text", [
    "Germany will deliver 18 Leopard 2 tanks to Ukraine.",
    "Germany is to deliver 18 Leopard 2 tanks to Ukraine.",
    "Germany pledged to deliver 18 Leopard 2 tanks to Ukraine.",
    "Germany is set to deliver 18 Leopard 2 tanks to Ukraine next year.",
])
def test_a_delivery_promised_for_later_is_agreed_not_delivered(pipeline, text):
    assert _transfers(pipeline, text) == [("DEU", "UKR", "Leopard 2", "agreed")]


def test_a_delivery_made_stays_delivered(pipeline):
    assert _transfers(pipeline, "Germany delivered 18 Leopard 2 tanks to Ukraine.") == [
        ("DEU", "UKR", "Leopard 2", "delivered")]


@pytest.mark.parametrize(("text", "expected"), [
    # "supplied X with Y": the object before "with" is the recipient
    ("Russia has supplied Iran with Su-35 fighter jets.", [("RUS", "IRN", "Su-35", "delivered")]),
    # an armed movement receives arms (the record's recipient is its country, the movement its actor)
    ("Iran supplied the Houthis with Shahed-136 drones.", [("IRN", "YEM", "Shahed-136", "delivered")]),
])
def test_a_supplier_arms_the_object_with_a_weapon(pipeline, text, expected):
    assert _transfers(pipeline, text) == expected


def test_a_sum_of_money_does_not_break_a_deal_phrase(pipeline):
    # "signed a $3.5 billion deal": four words between "signed" and "deal", the sum counting as none
    assert _transfers(pipeline, "India signed a $3.5 billion deal with the United States to buy 31 MQ-9B drones.") == [
        ("USA", "IND", "MQ-9 Reaper", "agreed")]


def test_a_transfer_from_each_state_named(pipeline):
    assert _transfers(pipeline, "Ukraine received the first F-16s from Denmark and the Netherlands.") == [
        ("DNK", "UKR", "F-16 Fighting Falcon", "delivered"), ("NLD", "UKR", "F-16 Fighting Falcon", "delivered")]
