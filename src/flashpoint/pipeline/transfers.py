"""transfers: arms transfers with supplier, recipient, system, quantity, status and date.

A clause that names a weapon (or a maker whose product the document named) and a transfer
word is a transfer. The subject of "acquired", "received", "is in talks with" is the
recipient and the object of "from"/"with" the supplier; the subject of "supplied", "sold" is
the supplier and the object of "to" the recipient. With no supplier named, the maker's
country, else the system's origin, supplies it: a manufacturer implies its country. Negation
("has not sealed any deal") makes the status `denied`; a delivery promised for later ("will
deliver", "pledged to send") is `agreed`; conditions and modals make no record.
"""

from __future__ import annotations

from flashpoint.pipeline import arguments as args
from flashpoint.pipeline.annotations import annotations, columns_of
from flashpoint.pipeline.clauses import clause_at, hypothetical, negated
from flashpoint.pipeline.core import Component
from flashpoint.pipeline.triggers import forms

_RECIPIENT_KINDS = {"state", "group", "person", "armed_group", "movement", "agency", "historical_state", "pmc"}
_STATUS_RANK = {"denied": 0, "cancelled": 0, "negotiating": 1, "agreed": 2, "ordered": 3, "delivered": 4, "in_use": 5}
_SUBJECT_WINDOW = 12  # a subject further from its verb than this is probably another clause's
_AFTER, _BEFORE = 10, 4  # how far from its trigger a transferred weapon may stand, in tokens
_INTENT = {"moved", "move", "moves", "plans", "planned", "plan", "seeks", "sought", "seek", "wants", "wanted",
           "hopes", "hoped", "intends", "intended", "aims", "aimed", "looking"}
# a delivery promised, not made: "will deliver", "is to deliver", "is set to deliver", "pledged to send"
_PROMISE = {"will", "'ll", "shall", "pledged", "pledges", "pledge", "promised", "promises", "promise", "vowed",
            "vows", "agreed", "agrees", "offered", "offers", "committed", "set", "due", "expected", "scheduled"}
_PROMISE_TO = {"is", "are", "was", "were"}  # "is to deliver", "were to be delivered"


def _supplied_with(doc, mentions, end):
    """"supplied Iran with Su-35 fighter jets", "armed the rebels with drones": the object right
    after the verb, when "with" follows it, is the recipient."""
    lowers = columns_of(doc).lower
    starts = args.name_starts(lowers, end)
    for m in mentions:
        if m.start in starts and m.end < len(lowers) and lowers[m.end] == "with":
            return [m]
    return []


def _promised(lowers, clause, start) -> bool:
    """Whether a delivery verb is promised for later: "will deliver", "pledged to deliver", "is
    set to deliver", "is to deliver", "are expected to be delivered" (a few words before it)."""
    before = lowers[max(clause.start, start - 4):start]
    if _PROMISE.intersection(before[-2:]):  # "will deliver", "will soon deliver"
        return True
    if "to" not in before:
        return False
    k = len(before) - 1 - before[::-1].index("to")  # "pledged to", "is set to", "are expected to be"
    ahead = before[:k]
    return bool(ahead) and (ahead[-1] in _PROMISE or ahead[-1] in _PROMISE_TO)


class Transfers(Component):
    name = "transfers"
    requires = ("flashpoint.transfer_triggers", "flashpoint.weapon_mentions", "flashpoint.times",
                "flashpoint.attributions")
    assigns = ("flashpoint.transfers", "flashpoint.transfer_tokens")

    def __init__(self, kb):
        self.kb = kb
        # the words of the cancelling triggers ("blocked", "scrapped"): before a deal noun they cancel it
        self.cancelling = frozenset(f for t in kb.transfer_triggers if t.get("status") == "cancelled"
                                    for lemma in t.get("lemmas") or () for f in forms(lemma, "VERB"))

    def match(self, doc):
        return annotations(doc).transfer_triggers

    def set_annotations(self, doc, found) -> None:
        ann = annotations(doc)
        for start, end, trigger in found:
            for record in self.build(doc, start, end, trigger):
                _merge_or_add(ann.transfers, record)
                ann.transfer_tokens.update(range(start, end))
        ann.transfers[:] = _without_cancelled_deals(ann.transfers)
        for n, record in enumerate(ann.transfers, 1):
            record["id"] = f"tr{n}"

    # ---- one trigger -----------------------------------------------------------------------
    def build(self, doc, start, end, trigger):
        ann = annotations(doc)
        clause = clause_at(doc, start)
        if not any(w.start < clause.end for w in ann.weapon_mentions):
            return []  # no weapon named by the end of the clause: no system to transfer
        if hypothetical(doc, clause, start, end):
            return []
        attribution = ann.attributions.get((clause.start, clause.end))
        mentions = args.clause_actors(doc, clause, attribution)
        nominal = args.is_nominal(doc, start)
        status = self.status(doc, clause, start, trigger, nominal)
        if nominal:
            subject = args.possessor(doc, mentions, start)
        else:
            subject = [m for m in args.group_left(doc, mentions, start) if start - m.end <= _SUBJECT_WINDOW]
            subject = subject or args.elided_subject(doc, start)
        if trigger["direction"] == "supplier_subject":
            suppliers = subject
            recipients = args.group_right(doc, mentions, end, preps={"to", "for"}) \
                or ([] if nominal else _supplied_with(doc, mentions, end))
        else:
            recipients = subject or (args.group_right(doc, mentions, end, preps={"by"}) if nominal else [])
            preps = set(trigger.get("supplier_preps", ["from", "with"]))
            suppliers = args.group_right(doc, mentions, end, preps=preps) if preps else []
        if trigger["direction"] == "recipient_subject" and recipients and all(
                ann.actors[m.actor].kind == "company" and start - m.end <= 3 for m in recipients):
            # "Baykar has not inked a deal with Tajikistan": a maker as subject is the supplier side
            suppliers, recipients = recipients, args.group_right(doc, mentions, end, preps={"with", "to", "for"})
        recipients = [m for m in recipients if ann.actors[m.actor].kind in _RECIPIENT_KINDS]
        suppliers = [m for m in suppliers if m not in recipients]
        # an active "blocked", "scrapped" acts on what follows it ("blocked the sale of F-35s"); a
        # weapon before it is the subject's own ("has provided the naval vessels to block trade")
        ahead = trigger["status"] == "cancelled" and not nominal and not args.is_passive(doc, start)
        systems = self.systems(doc, clause, suppliers, start, end, ahead)
        # "F-16s from Denmark and the Netherlands": a transfer from each of the states named
        states = len({ann.actors[m.actor].country for m in suppliers}) > 1 \
            and all(ann.actors[m.actor].kind == "state" for m in suppliers)
        supplier_sets = [[m] for m in suppliers] if states else [suppliers]
        out = []
        for recipient in recipients:
            for wm in systems:
                for sources in supplier_sets:
                    record = self.record(doc, clause, start, recipient, sources, wm, status)
                    if record:
                        out.append(record)
        return out

    def status(self, doc, clause, start, trigger, nominal=False):
        status = trigger["status"]
        before = set(columns_of(doc).lower[max(clause.start, start - 4):start])
        if nominal and before & self.cancelling:
            return "cancelled"  # "blocked the sale of F-35s", "scrapped the deal"
        if status == "delivered" and before & _INTENT:
            status = "negotiating"
        elif status in ("delivered", "in_use") and _promised(columns_of(doc).lower, clause, start):
            status = "agreed"  # "Germany will deliver 18 Leopard 2 tanks", "pledged to send HIMARS"
        if negated(doc, clause, start, window=4) and status != "cancelled":
            status = "denied"
        return status

    def systems(self, doc, clause, suppliers, start, end, ahead=False):
        """Weapons near the trigger (`ahead`: after it only); with none, the last product of a maker
        named as supplier."""
        ann = annotations(doc)
        punct = columns_of(doc).is_punct
        near = [w for w in args.weapons_in(doc, clause)
                if 0 <= w.start - end <= _AFTER
                or not ahead and 0 <= start - w.end <= _BEFORE and not any(punct[w.end:start])]
        found = [w for w in near if not ann.weapons[w.weapon].generic
                 or ann.weapons[w.weapon].weapon_class in ("drone", "missile", "air-defence", "aircraft", "armour",
                                                            "helicopter", "artillery", "ship")]
        if found:
            return found
        makers = {ann.actors[m.actor].entry.split(":", 1)[1] for m in suppliers
                  if ann.actors[m.actor].kind == "company" and ann.actors[m.actor].entry}
        earlier = [w for w in ann.weapon_mentions if w.start < clause.start and ann.weapons[w.weapon].manufacturer in makers]
        return earlier[-1:] if earlier else []

    def country_ref(self, ann, mention):
        actor = ann.actors[mention.actor]
        if actor.country and actor.country in self.kb.countries:
            country = self.kb.countries[actor.country]
            return {"id": country.code, "name": country.name, "code": country.code, "country": country.code}
        return args.actor_ref(actor)

    def record(self, doc, clause, start, recipient_m, suppliers, wm, status):
        ann = annotations(doc)
        weapon = ann.weapons[wm.weapon]
        recipient = self.country_ref(ann, recipient_m)
        via = None
        if suppliers:
            supplier = self.country_ref(ann, suppliers[0])
            if ann.actors[suppliers[0].actor].kind == "company":
                via = args.actor_ref(ann.actors[suppliers[0].actor])
        else:
            origin = self.kb.company_country(weapon.manufacturer) or wm.owner or weapon.origin
            if not origin or origin not in self.kb.countries:
                return None
            supplier = {"id": origin, "name": self.kb.countries[origin].name, "code": origin, "country": origin}
        if supplier["id"] == recipient["id"] or (recipient["country"] and recipient["country"] == supplier["country"]):
            return None  # a country's own production is not a transfer
        attribution, _ = args.attribution_for(doc, clause, start, {supplier["country"], recipient["country"]},
                                              doc.user_data.get("flashpoint_outlet"))
        if status == "denied" and attribution["claimant"].get("id"):
            attribution["status"] = "denied"
        return {
            "id": None, "supplier": supplier, "recipient": recipient,
            "system": {"id": weapon.id, "name": weapon.name, "type": weapon.type, "origin": weapon.origin},
            "quantity": wm.quantity, "status": status,
            "date": args.date_for(doc, clause, start, ann.published),
            "trigger": {"text": doc[start].text, "start": doc[start].idx, "end": doc[start].idx + len(doc[start])},
            "attribution": attribution, "evidence": args.evidence(doc, clause),
            **({"via": via} if via else {}),
            "recipient_actor": args.actor_ref(ann.actors[recipient_m.actor]),
        }


def _without_cancelled_deals(records) -> list[dict]:
    """A deal and its cancellation told in one sentence ("the sale of F-35s to Turkey was blocked")
    is the cancellation only."""
    cancelled = {(r["supplier"]["id"], r["recipient"]["id"], r["system"]["id"], span["start"])
                 for r in records if r["status"] == "cancelled" for span in r["evidence"]}
    kept = []
    for r in records:
        told = {(r["supplier"]["id"], r["recipient"]["id"], r["system"]["id"], span["start"]) for span in r["evidence"]}
        if r["status"] == "cancelled" or not told <= cancelled:
            kept.append(r)
    return kept


def _key(record):
    return (record["supplier"]["id"], record["recipient"]["id"], record["system"]["id"], record["status"])


_PRECISION = {"day": 0, "week": 1, "month": 2, "season": 3, "year": 4, "decade": 5, "century": 6, "unknown": 9}


def _merge_or_add(records, record) -> None:
    """The same transfer told twice in one document becomes one record with both sentences."""
    for other in records:
        if _key(other) == _key(record):
            for span in record["evidence"]:
                if span not in other["evidence"]:
                    other["evidence"].append(span)
            if record["date"] and (not other["date"] or _PRECISION.get(record["date"]["precision"], 9)
                                   < _PRECISION.get(other["date"]["precision"], 9)):
                other["date"] = record["date"]
            other["quantity"] = other["quantity"] or record["quantity"]
            return
    records.append(record)
