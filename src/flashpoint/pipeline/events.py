"""events: PLOVER 2.0 events with CAMEO codes, from the trigger lexicon in `triggers.yaml`.

For each trigger the clause around it supplies the actor (subject, or the agent after a
passive "by"), the recipient (object, or a preposition the trigger names), the weapons and
the mode they imply, the date, the place and the attribution. Reciprocal triggers ("clash",
"meet", "sign a deal") make every participant both actor and recipient. Hypothetical and
negated clauses ("could", "if", "has not") yield no event.
"""

from __future__ import annotations

from datetime import date, timedelta

from flashpoint.pipeline import arguments as args
from flashpoint.pipeline.annotations import annotations, text_of
from flashpoint.pipeline.clauses import clause_at, hypothetical, negated
from flashpoint.pipeline.core import Component
from flashpoint.pipeline.triggers import forms

# more specific modes win when a clause names several weapons
MODE_ORDER = ["drone", "aerial", "naval", "heavy-weapons", "explosives", "CBRN", "firearms", "primitive-weapons"]
_ARMED_SECTORS = {"MIL", "REB", "INS", "SPY", "COP"}
_ARMED_TYPES = {"ASSAULT", "MOBILIZE", "THREATEN", "COERCE", "AGREE", "AID", "SANCTION"}


_INFINITIVE_EVENTS = {"AGREE", "THREATEN", "REJECT"}  # "agreed to", "threatened to", "refused to"
_SYMMETRIC_PREPS = {"with", "between", "against", "among", "and"}
_SUPPRESSED_BY_TRANSFER = {"AID", "CONSULT", "COOPERATE", "REQUEST"}  # "received the drones" is no visit


class Events(Component):
    name = "events"
    requires = ("flashpoint.event_triggers", "flashpoint.actor_mentions", "flashpoint.times", "flashpoint.places",
                "flashpoint.attributions", "flashpoint.transfers")
    assigns = ("flashpoint.events",)

    def __init__(self, kb):
        self.kb = kb
        self.mode_cameo = {(t, m["id"]): m.get("cameo") for t, p in kb.plover.items() for m in p.get("modes") or ()}

    def match(self, doc):
        ann = annotations(doc)
        return [(s, e, t) for s, e, t in ann.event_triggers
                if not (t["type"] in _SUPPRESSED_BY_TRANSFER and ann.transfer_tokens & set(range(s, e)))]

    def set_annotations(self, doc, found) -> None:
        ann = annotations(doc)
        for start, end, trigger in found:
            event = self.build(doc, start, end, trigger)
            if event is not None:
                _merge_or_add(ann.events, event)
        for event in self.uses_against(doc):
            _merge_or_add(ann.events, event)
        ann.events.sort(key=lambda e: e["trigger"]["start"])
        _inherit_dates(ann.events)
        infer_recipients(ann.events)
        for event in ann.events:
            for ref in event["recipient"]:
                if ref.get("inferred") and ref["name"] is None:
                    ref["name"] = self.kb.countries[ref["country"]].name
        for n, event in enumerate(ann.events, 1):
            event["id"] = f"ev{n}"

    def build(self, doc, start, end, trigger):
        ann = annotations(doc)
        clause = clause_at(doc, start)
        if hypothetical(doc, clause, start, end) or negated(doc, clause, start, window=3):
            return None
        if end < len(doc) and doc[end].lower_ == "to" and trigger["type"] not in _INFINITIVE_EVENTS \
                and not (end + 1 < len(doc) and doc[end + 1].lower_ == "the"):
            return None  # "sought to expand", "moved to acquire": an aim, not the act
        attribution = ann.attributions.get((clause.start, clause.end))
        mentions = args.clause_actors(doc, clause, attribution, start)
        weapons = [w for w in args.weapons_in(doc, clause) if abs(w.start - start) <= _WEAPON_WINDOW]
        actors, recipients = self.arguments(doc, mentions, start, end, trigger)
        armed = any(ann.actors[m.actor].sector in _ARMED_SECTORS for m in actors if not isinstance(m, _Synthetic))
        if trigger.get("requires_weapon") and not armed and not _wielded(doc, weapons, start, end):
            return None
        if trigger["type"] == "MOBILIZE" and not armed and not _military_word(doc, clause):
            return None
        if trigger.get("symmetric") and not actors:
            actors = recipients = self.earlier_participants(doc, start, trigger["type"])
        self._last_trigger_end = end
        if trigger["type"] == "ASSAULT":
            actors = actors or self.operators(doc, weapons)
            recipients = recipients or self.owners(doc, weapons, actors)
        if not actors and not (trigger["type"] == "ASSAULT" and recipients):
            return None  # an assault on a named side by an unnamed attacker is still an event
        if trigger["type"] == "CONSULT" and trigger.get("mode") == "visit" and not recipients:
            recipients = self.host(doc, clause, actors)
        return self.record(doc, clause, start, end, trigger, actors, recipients, weapons)

    def host(self, doc, clause, actors):
        """A visit with no host named goes to the country of the place visited ("While in Turkey")."""
        ann = annotations(doc)
        visitors = {a.ref["country"] if isinstance(a, _Synthetic) else ann.actors[a.actor].country for a in actors}
        sent = doc[clause.sent_start:clause.sent_end]
        for p in ann.place_mentions:
            country = ann.places[p.place].country
            if sent.start <= p.start < sent.end and country and country not in visitors and country in self.kb.countries:
                c = self.kb.countries[country]
                return [_Synthetic({"id": c.code, "name": c.name, "code": c.code, "country": c.code})]
        return []

    def record(self, doc, clause, start, end, trigger, actors, recipients, weapons):
        ann = annotations(doc)
        actor_refs = _refs(ann, actors)
        recipient_refs = [r for r in _refs(ann, recipients) if r["id"] not in {a["id"] for a in actor_refs}
                          or trigger.get("symmetric")]
        parties = {r["country"] for r in actor_refs + recipient_refs if r.get("country")}
        attribution, _ = args.attribution_for(doc, clause, start, parties, doc.user_data.get("flashpoint_outlet"))
        mode = trigger.get("mode") or self.weapon_mode(ann, weapons, trigger["type"])
        cameo = trigger.get("cameo")
        if mode and not trigger.get("mode"):
            cameo = self.mode_cameo.get((trigger["type"], mode)) or cameo
        return {
            "id": None, "type": trigger["type"], "mode": mode, "cameo": cameo,
            "actor": actor_refs, "recipient": recipient_refs,
            "date": self.anchored_date(doc, clause, start) or args.date_for(doc, clause, start, ann.published),
            "place": args.place_for(doc, clause),
            "weapons": _weapon_refs(ann, weapons) if trigger["type"] in _ARMED_TYPES else [],
            "casualties": [],
            "attribution": attribution,
            "evidence": args.evidence(doc, clause),
            "trigger": {"text": doc[start:end].text, "start": doc[start].idx,
                        "end": doc[end - 1].idx + len(doc[end - 1])},
            "_sentence": clause.sent_start,
        }

    def arguments(self, doc, mentions, start, end, trigger):
        nominal = args.is_nominal(doc, start) or _noun_form(doc[start].lower_, trigger)
        if trigger.get("symmetric"):
            right = args.group_right(doc, mentions, end, preps=_SYMMETRIC_PREPS)
            after = args.next_word(doc, end)
            if right and after is not None and after.lower_ == "between":
                return right, right
            left = args.possessor(doc, mentions, start) if nominal else []
            if not left and (not nominal or len(right) == 1):
                left = args.group_left(doc, mentions, start)  # "X ... clashes with Y", "X and Y clashed"
            everyone = _unique(left + right)
            return everyone, everyone if len(everyone) > 1 else []
        if nominal:
            agents = args.passive_agent(doc, mentions, end) or [
                m for m in args.group_right(doc, mentions, end, preps={"by", "from"}) if doc[end].lower_ in ("by", "from")]
            actors = agents or args.possessor(doc, mentions, start)
            recipients = args.group_right(doc, mentions, end, preps={"against", "on", "to", "with", "at", "toward"}) \
                or [m for m in mentions if end <= m.start <= end + 1]
            return actors, [m for m in recipients if m not in actors]
        agents = args.passive_agent(doc, mentions, end)
        if args.is_passive(doc, start):
            # "five peacekeepers were killed (by X)": the subject is the one acted upon
            return agents, [m for m in args.group_left(doc, mentions, start) if m not in agents]
        if end < len(doc) and doc[end].lower_ == "from":
            agents = [m for m in mentions if m.start == end + 1][:1]  # "protests from Tajikistan"
        actors = agents or args.group_left(doc, mentions, start)
        recipients = [m for m in args.group_right(doc, mentions, end) if m not in actors]
        if agents and not recipients:
            recipients = [m for m in args.group_left(doc, mentions, start) if m not in actors]
        if "object" in (trigger.get("actor") or ()):
            actors, recipients = recipients, actors
        return actors, recipients

    def earlier_participants(self, doc, start, event_type):
        """"the clashes" with no participants named: those of the last such event told before."""
        before = doc[start - 1].lower_ if start else ""
        if before not in ("the", "these", "those", "latest", "recent"):
            return []
        for event in reversed(annotations(doc).events):
            if event["type"] == event_type and len(event["actor"]) > 1 and event["trigger"]["start"] < doc[start].idx:
                return [_Synthetic(ref) for ref in event["actor"]]
        return []

    def anchored_date(self, doc, clause, start):
        """"On Sept. 13, a day before the clashes flared up": the clashes are on Sept. 14."""
        ann = annotations(doc)
        sent_start, here = doc[clause.sent_start].idx, doc[start].idx
        for t in ann.times:
            if t.type != "DURATION" or not (sent_start <= t.start < here):
                continue
            tail = text_of(doc)[t.end:here].lower().split()
            if len(tail) > 3 or not tail or tail[0] not in ("before", "after") or tail[-1] not in ("the", "these"):
                continue
            days = {"P1D": 1, "P2D": 2, "P3D": 3, "P1W": 7}.get(t.value)
            base = [x for x in ann.times if x.precision == "day" and x.begin and sent_start <= x.start < t.start]
            if days and base:
                day = date.fromisoformat(base[-1].begin) + timedelta(days=days if tail[0] == "before" else -days)
                return {"start": day.isoformat(), "end": day.isoformat(), "precision": "day",
                        "text": text_of(doc)[base[-1].start:here + len(doc[start].text)], "value": day.isoformat()}
        return None

    def uses_against(self, doc):
        """"the Ethiopian government's use of TB2 drones against Tigray rebels" is an assault."""
        ann = annotations(doc)
        for start, end, trigger in ann.transfer_triggers:
            if trigger["status"] != "in_use":
                continue
            clause = clause_at(doc, start)
            if hypothetical(doc, clause, start, end):
                continue
            mentions = args.clause_actors(doc, clause, ann.attributions.get((clause.start, clause.end)))
            weapons = [w for w in args.weapons_in(doc, clause) if w.start >= end]
            targets = args.group_right(doc, mentions, end, preps={"against", "on"})
            users = args.group_left(doc, mentions, start)
            if weapons and targets and users:
                yield self.record(doc, clause, start, end, _USE_TRIGGER, users, targets, weapons)

    def operators(self, doc, weapons):
        """Who fires a weapon the document says a party received or used: "the drones hit ..."."""
        ann = annotations(doc)
        for wm in weapons:
            for transfer in ann.transfers:
                if transfer["system"]["id"] == wm.weapon and transfer["status"] in ("delivered", "in_use") \
                        and transfer["evidence"][0]["start"] <= doc[wm.start].idx:
                    return [_Synthetic(transfer["recipient"])]
        return []

    def owners(self, doc, weapons, actors):
        """The side a targeted weapon belongs to: "hit a Tajik T-72 tank" -> Tajik military."""
        acting = {a.ref["country"] if isinstance(a, _Synthetic) else annotations(doc).actors[a.actor].country
                  for a in actors}
        for wm in weapons:
            if wm.owner and wm.owner not in acting and wm.start > self._last_trigger_end:
                name = f"{self.kb.countries[wm.owner].name} military"
                return [_Synthetic({"id": f"{wm.owner}MIL", "name": name, "code": f"{wm.owner}MIL", "country": wm.owner})]
        return []

    def weapon_mode(self, ann, weapons, event_type):
        if event_type != "ASSAULT":
            return None
        modes = {ann.weapons[w.weapon].mode for w in weapons} - {None}
        return next((m for m in MODE_ORDER if m in modes), None)


_WEAPON_WINDOW = 15
_MILITARY_WORDS = {"troops", "forces", "soldiers", "army", "military", "units", "battalions", "brigades", "reservists",
                   "warships", "tanks", "jets", "conscripts", "militia", "fighters"}


def _wielded(doc, weapons, start, end) -> bool:
    """A weapon that does the act: just before the trigger ("the drones hit") or after "with"."""
    for w in weapons:
        if 0 <= start - w.end <= 3:
            return True
        if w.start >= end and any(t.lower_ in ("with", "using", "by") for t in doc[end:w.start]):
            return True
    return False


def _noun_form(word: str, trigger) -> bool:
    """"threats" is no form of the verb "threaten": the trigger is used as a noun."""
    lemmas = trigger.get("lemmas") or [p.split()[0] for p in trigger.get("phrases") or ()]
    return bool(lemmas) and all(word not in forms(lemma, "VERB") for lemma in lemmas)


def _military_word(doc, clause) -> bool:
    return any(t.lower_ in _MILITARY_WORDS for t in doc[clause.start:clause.end])


_USE_TRIGGER = {"id": "use-against", "type": "ASSAULT", "mode": None, "cameo": "190"}


class _Synthetic:
    """An actor inferred rather than named in the clause (an operator or a target's owner)."""

    def __init__(self, ref):
        self.ref = ref
        self.actor = ref["id"]


def _unique(mentions):
    seen, out = set(), []
    for m in mentions:
        if m.actor not in seen:
            seen.add(m.actor)
            out.append(m)
    return out


def _refs(ann, mentions):
    refs, seen = [], set()
    for m in mentions:
        ref = m.ref if isinstance(m, _Synthetic) else args.actor_ref(ann.actors[m.actor])
        if ref["id"] not in seen:
            seen.add(ref["id"])
            refs.append(ref)
    return refs


def _weapon_refs(ann, weapons):
    refs, seen = [], set()
    for wm in weapons:
        w = ann.weapons[wm.weapon]
        if w.id not in seen:
            seen.add(w.id)
            refs.append({"id": w.id, "name": w.name, "type": w.type, "origin": w.origin})
    return refs


def _key(event):
    return (event["type"], frozenset(a["id"] for a in event["actor"]), frozenset(r["id"] for r in event["recipient"]))


def _merge_or_add(events, event) -> None:
    """Two triggers of one event in the same sentence ("clashes ... fighting") make one event."""
    for other in events:
        if other["_sentence"] == event["_sentence"] and _key(other) == _key(event):
            for w in event["weapons"]:
                if w not in other["weapons"]:
                    other["weapons"].append(w)
            other["mode"] = other["mode"] or event["mode"]
            other["date"] = other["date"] or event["date"]
            return
    events.append(event)


def _inherit_dates(events) -> None:
    """An undated event takes the date of an earlier dated event of the same type and parties."""
    for n, event in enumerate(events):
        if event["date"] is None and event["type"] == "ASSAULT":
            parties = {r["country"] for r in event["actor"] + event["recipient"]}
            for earlier in reversed(events[:n]):
                if event["evidence"][0]["start"] - earlier["evidence"][0]["start"] > 1500:
                    break  # only the events just told set the scene
                if earlier["date"] and earlier["type"] == event["type"] and parties and parties <= \
                        {r["country"] for r in earlier["actor"] + earlier["recipient"]}:
                    event["date"] = dict(earlier["date"], inherited=True)
                    break


def infer_recipients(events) -> None:
    """An assault with an actor and no recipient, in a document about one armed dyad, targets the
    other side of that dyad; the recipient is marked `inferred`."""
    dyads = [{r["country"] for r in e["actor"] + e["recipient"]} for e in events
             if e["type"] == "ASSAULT" and len({r["country"] for r in e["actor"] + e["recipient"]} - {None}) == 2]
    for event in events:
        if event["type"] != "ASSAULT" or event["recipient"] or not event["actor"]:
            continue
        side = {a["country"] for a in event["actor"]}
        others = {c for d in dyads if side & d for c in d - side} - {None}
        if len(others) == 1:
            code = others.pop()
            event["recipient"] = [{"id": code, "name": None, "code": code, "country": code, "inferred": True}]
