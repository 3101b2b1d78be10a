"""events: PLOVER 2.0 events with CAMEO codes, from the trigger lexicon in `triggers.yaml`.

For each trigger the clause around it supplies the actor (subject, or the agent after a
passive "by"), the recipient (object, or a preposition the trigger names), the weapons and
the mode they imply, the date, the place and the attribution. Reciprocal triggers ("clash",
"meet", "sign a deal") make every participant both actor and recipient. Hypothetical and
negated clauses ("could", "if", "has not") yield no event.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from itertools import pairwise

from lemminflect import getAllInflections, getAllLemmas

from flashpoint.pipeline import arguments as args
from flashpoint.pipeline import implied
from flashpoint.pipeline.annotations import (
    annotations,
    columns_of,
    per_document,
    span_text,
    text_of,
)
from flashpoint.pipeline.clauses import (
    FAILURE,
    MODAL_VERBS,
    MODALS,
    NEGATIONS,
    clause_at,
    hypothetical,
    negated,
)
from flashpoint.pipeline.core import Component
from flashpoint.pipeline.implied import Synthetic
from flashpoint.pipeline.lexicon import WEEKDAYS
from flashpoint.pipeline.speech import SpeechActs
from flashpoint.pipeline.trigger_match import trigger_positions
from flashpoint.pipeline.triggers import forms

# more specific modes win when a clause names several weapons
MODE_ORDER = ["drone", "aerial", "naval", "heavy-weapons", "explosives", "CBRN", "firearms", "primitive-weapons"]
_NOT_DONE = NEGATIONS | FAILURE  # "has not attacked", "failed to reach agreement"
_ARMED_SECTORS = {"MIL", "REB", "INS", "SPY", "COP"}
_ARMED_TYPES = {"ASSAULT", "MOBILIZE", "THREATEN", "COERCE", "AGREE", "AID", "SANCTION"}


_INFINITIVE_EVENTS = {"AGREE", "THREATEN", "REJECT"}  # "agreed to", "threatened to", "refused to"
_SYMMETRIC_PREPS = {"with", "between", "against", "among", "and"}
_SUPPRESSED_BY_TRANSFER = {"AID", "CONSULT", "COOPERATE", "REQUEST"}  # "received the drones" is no visit
_WIELDED_TYPES = {"ASSAULT", "MOBILIZE"}  # "Israeli tanks fired", "warships launched war games"
_FORCE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}
_UNARMED_KINDS = {"ngo", "media"}  # rights groups, aid agencies, monitors and outlets report force, never use it
_NOMINAL_PREPS = {"against", "on", "to", "with", "at", "toward", "for"}
_OBJECTIVE_OF = {"ASSAULT", "COERCE", "SANCTION", "THREATEN", "ACCUSE", "SUPPORT"}  # "blockade of Serbia"
_OWNED_OBJECT_TYPES = {"REJECT", "ACCUSE", "SUPPORT", "ASSAULT", "COERCE", "SANCTION", "REQUEST", "THREATEN"}
_TERRITORIAL_TYPES = {"COERCE", "CONCEDE", "MOBILIZE", "AID", "ACCUSE"}  # "a curfew in Abidjan"
_ABROAD_TYPES = {"ASSAULT", "COERCE"}  # done to people where they are: "killed eight civilians in Mosul"
# reciprocal acts where each side acts on the other ("Armenia and Azerbaijan clashed"); in the
# others PLOVER codes "X and Y agreed" as a joint actor and "X met with Y" as X acting on Y
_DYADIC_TYPES = {"ASSAULT"}
_GRIEVANCE_TYPES = {"ACCUSE"}  # "complained to X over Y's raids": Y is accused
_GRIEVANCE_PREPS = {"over", "about", "against"}
# acts that have a recipient even when no one is named: inside one country, that country
_DOMESTIC_TYPES = {"ASSAULT", "COERCE", "CONCEDE", "SUPPORT", "REJECT", "ACCUSE", "REQUEST", "SANCTION", "THREATEN"}


class Events(Component):
    name = "events"
    requires = ("flashpoint.event_triggers", "flashpoint.actor_mentions", "flashpoint.times", "flashpoint.places",
                "flashpoint.attributions", "flashpoint.transfers")
    assigns = ("flashpoint.events",)

    def __init__(self, kb):
        self.kb = kb
        self.mode_cameo = {(t, m["id"]): m.get("cameo") for t, p in kb.plover.items() for m in p.get("modes") or ()}
        self.speech = SpeechActs(kb.trigger_rules.get("speech") or {}, kb.plover)
        self.support_verbs = {f for v in kb.trigger_rules.get("support_verbs") or () for f in forms(v, "VERB")}
        by_id = {t["id"]: t for t in kb.triggers}
        self.joint = {t["joint"]: by_id[t["joint"]] for t in kb.triggers if t.get("joint") in by_id}
        self._verbs: dict[str, frozenset[str] | None] = {}  # trigger id -> its verb forms
        # the words that may begin an announcement or demand, or make a trigger hypothetical or negated
        self.qualifiers = frozenset(self.speech.first) | MODALS | MODAL_VERBS | _NOT_DONE

    def match(self, doc):
        ann = annotations(doc)
        if not ann.transfer_tokens:  # most documents: no transfer record to stand in for an act
            return list(ann.event_triggers)
        return [(s, e, t) for s, e, t in ann.event_triggers
                if not (t["type"] in _SUPPRESSED_BY_TRANSFER and ann.transfer_tokens & set(range(s, e)))]

    def set_annotations(self, doc, found) -> None:
        ann = annotations(doc)
        clauses = [clause_at(doc, start) for start, _, _ in found]
        parents = self.speech.content_parents(doc, found, clauses)
        built: dict[int, dict] = {}  # trigger index -> its event, for what a speech act is about
        for n, (start, end, trigger) in enumerate(found):
            event = self.build(doc, clauses[n], start, end, trigger)
            if n in parents:  # what a demand or threat is about: no act of its own
                parent = built.get(parents[n])
                if event is not None and parent is not None:
                    self.speech.absorb(parent, event, self.speech.direct(doc, found[parents[n]][1], start),
                                       infinitive=start > 0 and doc[start - 1].lower_ == "to")
                continue
            if event is not None:
                built[n] = _merge_or_add(ann.events, event)
        for event in self.uses_against(doc):
            _merge_or_add(ann.events, event)
        # by sentence, its main act first ("Pakistan, a U.S. ally, has refused ...": the refusal)
        ann.events.sort(key=lambda e: (e["_sentence"], e["_rank"], e["trigger"]["start"]))
        _inherit_dates(ann.events)
        infer_recipients(ann.events)
        implied.protest_targets(self.kb, ann.events)
        for event in ann.events:
            for ref in event["recipient"]:
                if ref.get("inferred") and ref["name"] is None:
                    ref["name"] = self.kb.countries[ref["country"]].name
        for n, event in enumerate(ann.events, 1):
            event["id"] = f"ev{n}"

    def build(self, doc, clause, start, end, trigger):
        ann = annotations(doc)
        attribution = ann.attributions.get((clause.start, clause.end))
        if not args.arguable_in(doc, clause) and not self.implies_actor(doc, clause, start, trigger, attribution):
            return None  # most clauses without a name: nothing can act
        marker = None
        # most triggers: no word from their clause's start to just after them qualifies them
        if not self.qualifiers.isdisjoint(columns_of(doc).lower[clause.start:min(clause.end, end + 2)]):
            marker = self.speech.marker(doc, clause, start, coercive=trigger["type"] in self.speech.threaten)
            if hypothetical(doc, clause, start, end, marker.tokens if marker else ()) \
                    or negated(doc, clause, start, window=3, words=_NOT_DONE):
                return None
        if _aim(doc, start, end, trigger, self.verb_forms):
            return None  # "sought to expand", "moved to acquire": an aim, not the act
        mentions = args.clause_actors(doc, clause, attribution, start)
        weapons = [w for w in args.weapons_in(doc, clause) if abs(w.start - start) <= _WEAPON_WINDOW]
        if _each_other(columns_of(doc).lower, start, end):  # "accused each other of violating the ceasefire"
            trigger = {**trigger, "symmetric": True, "reciprocal": True}
        # with no name in the clause there is no argument to read
        actors, recipients = self.arguments(doc, mentions, start, end, trigger) if mentions else ([], [])
        actors, recipients = self.unnamed_actors(doc, clause, start, trigger, actors, recipients)
        if not actors and attribution and attribution.cue and attribution.governs(start) \
                and not trigger.get("actor") and not args.is_passive(doc, start):
            verb = args.support_verb(doc, start, self.support_verbs)  # "it carried out a raid"
            if _pronoun_subject(columns_of(doc), clause, start if verb is None else verb, attribution.cue[1]):
                actors = self.speaker(attribution)  # "Indonesia's military said that it carried out a raid"
        if not actors and _arrest(trigger) and _done_verb(columns_of(doc).lower[start]):
            actors = implied.local_police(self.kb, doc, clause)  # "were arrested in Tehran"
        if trigger["type"] in _FORCE_TYPES:
            actors, recipients = _without_reporters(ann, attribution, actors, recipients)
        if not self.fits(doc, clause, start, end, trigger, actors, weapons):
            return None
        if trigger.get("symmetric") and not actors:
            actors = recipients = self.earlier_participants(doc, start, trigger["type"])
        self._last_trigger_end = end
        act = trigger  # what is done, before a promise or threat of it is made of it
        if marker:
            trigger = self.speech.announced(trigger, marker, doc, clause, end)
            if marker.kind == "obligation":  # "Russia said Sudan must return ...": Russia asks Sudan
                actors, recipients = self.speaker(attribution), actors
        if trigger["type"] == "ASSAULT":
            actors = actors or self.operators(doc, [w for w in weapons if _wielded(doc, [w], start, end)])
            recipients = recipients or self.owners(doc, weapons, actors)
            if not actors and not recipients:
                recipients = self.local_victims(doc, clause, start, end, trigger, weapons)
        if not actors and not (trigger["type"] == "ASSAULT" and recipients):
            return None  # an assault on a named side by an unnamed attacker is still an event
        if trigger["type"] == "CONSULT" and trigger.get("mode") == "visit" and not recipients:
            recipients = self.host(doc, clause, actors)
        recipients = self.unnamed_recipients(doc, clause, start, end, trigger, actors, recipients, act)
        if trigger.get("joint") and len({implied.country_of(ann, a) for a in actors} - {None}) > 1:
            trigger = self.joint[trigger["joint"]]  # "French and Egyptian warships launched war games"
        return self.record(doc, clause, start, end, trigger, actors, recipients, weapons)

    def local_victims(self, doc, clause, start, end, trigger, weapons):
        """Victims of an assault by no one named, as the object of its verb, where the clause
        names one country as a place ("gunmen killed five villagers in northern Nigeria"): that
        country's group (inferred). Not the other side of a clash ("clashes between police and
        protesters"), the subject of a passive ("were killed as the suicide bomber struck"), nor
        a war's whole toll ("the war in Syria, which has killed 400,000 people")."""
        if trigger.get("symmetric") or args.is_passive(doc, start) \
                or _cause_before(doc, clause, start, weapons, _WHOLE_CONFLICTS):
            return []
        return implied.local_object(self.kb, doc, clause, end)

    def implies_actor(self, doc, clause, start, trigger, attribution) -> bool:
        """Whether a rule of `build` may find an actor in a clause that names none: a participle's
        subject, weapons or a crowd that act, earlier participants, the speaker of a demand, or
        for an assault its weapons' operators and owners."""
        if trigger["type"] in _WIELDED_TYPES or trigger["type"] == "PROTEST" \
                or _arrest(trigger) and _done_verb(columns_of(doc).lower[start]):
            return True  # ASSAULT is wielded; an arrest made is made by the police of its place
        lowers = columns_of(doc).lower
        before = lowers[start - 1] if start else ""
        claimant = attribution.claimant if attribution else None
        return _participle_after_comma(lowers, clause, start) \
            or bool(trigger.get("symmetric")) and before in _ANAPHORIC \
            or bool(claimant and claimant.get("id"))

    def unnamed_actors(self, doc, clause, start, trigger, actors, recipients):
        """Actors the sentence implies: a participle's subject, weapons' owners, a protest's place."""
        actors = self.participle_subject(doc, clause, start) or actors
        if not actors and trigger["type"] in _WIELDED_TYPES:
            actors = implied.wielders(self.kb, doc, clause, start)
        if trigger["type"] == "PROTEST":
            recipients = [m for m in recipients if not implied.after_locative(doc, m.start)]  # "marched through London"
            actors = actors or implied.crowd(self.kb, doc, clause)
        return actors, recipients

    def fits(self, doc, clause, start, end, trigger, actors, weapons) -> bool:
        """The trigger's own conditions: a weapon or armed side, a military word, no word that
        gives it another sense."""
        def armed() -> bool:
            return any((implied.sector_of(annotations(doc), m) or "") in _ARMED_SECTORS for m in actors)

        if trigger["type"] == "ASSAULT" and _cause_before(doc, clause, start, weapons, _HARMLESS_CAUSES):
            return False  # "the earthquake killed 300 people", "cholera has killed 40 children"
        if trigger.get("requires_weapon") and not armed() and not _wielded(doc, weapons, start, end) \
                and not _military_word(doc, clause, max(clause.start, start - 2), end + 2) \
                and not _struck_target(doc, end):
            return False
        if trigger["type"] == "MOBILIZE" and not armed() and not _military_word(doc, clause):
            return False
        after = trigger.get("not_before")  # "visiting from Canada", "demonstrates the potential"
        if after and end < clause.end and columns_of(doc).lower[end] in after:
            return False
        if trigger.get("not_before_name") and _name_after(doc, clause, end):
            return False  # "Trump beat Hillary Clinton", "beat the Oakland Athletics": a win
        # "released a statement", "video released by"
        return not (trigger.get("not_near") and _word_near(doc, clause, start, end, trigger["not_near"]))

    def unnamed_recipients(self, doc, clause, start, end, trigger, actors, recipients, act):
        """Recipients the sentence implies: the owner of the thing acted on ("rejected an
        Australian ultimatum"), a domestic group ("killing civilians"), the country of the place
        (also of a place where an act is promised: "is ready to contribute troops ... in Liberia")."""
        owned = implied.adjective_object(self.kb, doc, start, end) if trigger["type"] in _OWNED_OBJECT_TYPES else []
        if owned and recipients and not isinstance(recipients[0], Synthetic) and owned[0].start < recipients[0].start:
            return owned  # "opposed to French mediation in talks with Syria": France
        if recipients or not actors or args.is_passive(doc, start):
            return recipients
        if trigger["type"] == "ASSAULT" and _struck_target(doc, end):  # "strikes on Rafah": Palestine
            struck = implied.struck_place(self.kb, doc, end + 1, actors)
            if struck:
                return struck
        return implied.domestic_object(self.kb, doc, clause, end, actors, trigger["type"] in _ABROAD_TYPES) or owned \
            or (implied.territory(self.kb, doc, clause, start)
                if {trigger["type"], act["type"]} & _TERRITORIAL_TYPES else []) \
            or (implied.domestic_scene(self.kb, doc, actors) if trigger["type"] in _DOMESTIC_TYPES else [])

    def speaker(self, attribution):
        claimant = attribution.claimant if attribution else None
        return [Synthetic(claimant)] if claimant and claimant.get("id") else []

    def host(self, doc, clause, actors):
        """A visit with no host named goes to the country of the place visited ("While in Turkey")."""
        ann = annotations(doc)
        visitors = {a.ref["country"] if isinstance(a, Synthetic) else ann.actors[a.actor].country for a in actors}
        sent = doc[clause.sent_start:clause.sent_end]
        for p in ann.place_mentions:
            country = ann.places[p.place].country
            if sent.start <= p.start < sent.end and country and country not in visitors and country in self.kb.countries:
                c = self.kb.countries[country]
                return [Synthetic({"id": c.code, "name": c.name, "code": c.code, "country": c.code})]
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
            "trigger": {"text": span_text(doc, start, end), "start": columns_of(doc).idx[start],
                        "end": columns_of(doc).end_char(end - 1)},
            "_sentence": clause.sent_start,
            "_rank": _rank(doc, clause, start, trigger, self.support_verbs, self.verb_forms(trigger)),
        }

    def arguments(self, doc, mentions, start, end, trigger):
        lowers = columns_of(doc).lower
        verbs = self.verb_forms(trigger)
        if trigger.get("passive"):
            return _passive_arguments(doc, mentions, start, end, bool(trigger.get("symmetric")))
        nominal = args.is_nominal(doc, start) or _noun_form(lowers[start], verbs)
        if trigger.get("symmetric"):
            right = args.group_right(doc, mentions, end, preps=_SYMMETRIC_PREPS)
            after = args.next_word(doc, end)
            if right and after is not None and after.lower_ == "between":
                return right, right
            left = (args.possessor(doc, mentions, start) or self.subject_of_support(doc, mentions, start)) \
                if nominal else []
            if not left and (not nominal or len(right) == 1):
                left = args.group_left(doc, mentions, start)  # "X ... clashes with Y", "X and Y clashed"
                if not nominal and args.coordinated_verb(doc, start, left):
                    left = args.elided_subject(doc, start) or left
            if left and not right and not nominal:  # "would meet U.N. mediator Diego Cordovez"
                right = _direct_object(doc, mentions, end)
            if trigger["type"] not in _DYADIC_TYPES and not trigger.get("reciprocal"):
                return _joint_or_directed(annotations(doc), left, right)
            everyone = _unique(left + right)
            return everyone, everyone if len(everyone) > 1 else []
        if nominal:
            agents = args.passive_agent(doc, mentions, end) or [
                m for m in args.group_right(doc, mentions, end, preps={"by", "from"}) if lowers[end] in ("by", "from")]
            actors = agents or args.possessor(doc, mentions, start) or self.subject_of_support(doc, mentions, start)
            preps = _NOMINAL_PREPS | ({"of"} if trigger["type"] in _OBJECTIVE_OF else set())  # "blockade of Serbia"
            recipients = args.group_right(doc, mentions, end, preps=preps) \
                or [m for m in mentions if end <= m.start <= end + 1]
            return actors, [m for m in recipients if m not in actors]
        # "rejected recent calls by Belarus's rulers": "by" names who made the calls, not who rejects
        agents = [] if end - start > 1 and _noun_form(lowers[end - 1], verbs) and not \
            args.is_passive(doc, end - 1) else args.passive_agent(doc, mentions, end)
        if args.is_passive(doc, start) or _accused_participle(lowers, start, end, trigger):
            # "five peacekeepers were killed (by X)", "two Chinese firms accused of supplying drone
            # parts": the subject is the one acted upon
            return agents, [m for m in args.group_left(doc, mentions, start) if m not in agents]
        left = args.group_left(doc, mentions, start)
        if end < len(lowers) and lowers[end] == "from" and trigger["type"] != "RETREAT" \
                and not _subject_of(lowers, left, start):
            # "protests from Tajikistan", "faces criticism from Australia"; but the subject of the
            # trigger's own verb acts ("Serbia recalled its ambassador from Montenegro"), and a
            # withdrawal is from a place
            agents = [m for m in mentions if m.start == end + 1][:1]
        actors = agents or left
        if not agents and args.coordinated_verb(doc, start, actors):
            actors = args.elided_subject(doc, start) or actors  # "It took ... from IAI, and signed"
        # the object may sit inside a phrase trigger: "summoned India's charge d'affaires"
        inside = [m for m in mentions if start < m.start and m.end <= end]
        recipients = [m for m in args.group_right(doc, mentions, inside[0].start if inside else end)
                      if m not in actors]
        if not recipients and trigger["type"] in self.speech.content_of:
            # "demanded Friday that the United States ...": the subject of what is asked
            that = next((k for k in range(end, min(len(lowers), end + 4)) if lowers[k] == "that"), None)
            recipients = [m for m in args.group_right(doc, mentions, that + 1) if m not in actors] if that else []
        if agents and not recipients:
            recipients = [m for m in args.group_left(doc, mentions, start) if m not in actors]
        if trigger["type"] in _GRIEVANCE_TYPES:
            recipients = self.grievance_target(doc, mentions, recipients) or recipients
        if "object" in (trigger.get("actor") or ()):
            actors, recipients = recipients, actors
        return actors, recipients

    def grievance_target(self, doc, mentions, addressees):
        """"complained to the United Nations over two Israeli air raids": a complaint made to one
        party about another is an accusation of the other (as PLOVER codes ACCUSE)."""
        if not addressees or isinstance(addressees[0], Synthetic):
            return []
        i = addressees[0].start - 1
        while i > 0 and doc[i].lower_ == "the":
            i -= 1
        if doc[i].lower_ != "to":
            return []
        tail = addressees[-1].end
        over = next((t.i for t in doc[tail:min(len(doc), tail + 5)] if t.lower_ in _GRIEVANCE_PREPS), None)
        if over is None or any(t.is_punct for t in doc[tail:over]):
            return []
        named = [m for m in args.group_right(doc, mentions, over + 1) if m.start <= over + 4]
        return named or implied.adjective_object(self.kb, doc, over, over + 1)

    def participle_subject(self, doc, clause, start):
        """"ECOWAS imposed sanctions on Bamako, closing borders and freezing assets": a participle
        after a comma or "and" shares the subject of the sentence's act before it."""
        if not _participle_after_comma(columns_of(doc).lower, clause, start):
            return []
        earlier = [e for e in annotations(doc).events if e["_sentence"] == clause.sent_start and e["actor"]]
        return [Synthetic(ref) for ref in earlier[-1]["actor"]] if earlier else []

    def subject_of_support(self, doc, mentions, start):
        """"Israel and Lebanon renewed negotiations": the subject of the verb a nominal trigger is
        the object of."""
        verb = args.support_verb(doc, start, self.support_verbs)
        return args.group_left(doc, mentions, verb) if verb is not None else []

    def earlier_participants(self, doc, start, event_type):
        """"the clashes" with no participants named: those of the last such event told before."""
        before = doc[start - 1].lower_ if start else ""
        if before not in _ANAPHORIC:
            return []
        for event in reversed(annotations(doc).events):
            if event["type"] == event_type and len(event["actor"]) > 1 and event["trigger"]["start"] < doc[start].idx:
                return [Synthetic(ref) for ref in event["actor"]]
        return []

    def anchored_date(self, doc, clause, start):
        """"On Sept. 13, a day before the clashes flared up": the clashes are on Sept. 14."""
        cols = columns_of(doc)
        sent_start, here = cols.idx[clause.sent_start], cols.idx[start]
        for t in args.times_within(doc, sent_start, here):
            if t.type != "DURATION":
                continue
            tail = text_of(doc)[t.end:here].lower().split()
            if len(tail) > 3 or not tail or tail[0] not in ("before", "after") or tail[-1] not in ("the", "these"):
                continue
            days = {"P1D": 1, "P2D": 2, "P3D": 3, "P1W": 7}.get(t.value)
            base = [x for x in args.times_within(doc, sent_start, t.start) if x.precision == "day" and x.begin]
            if days and base:
                day = date.fromisoformat(base[-1].begin) + timedelta(days=days if tail[0] == "before" else -days)
                return {"start": day.isoformat(), "end": day.isoformat(), "precision": "day",
                        "text": text_of(doc)[base[-1].start:here + len(cols.text[start])], "value": day.isoformat()}
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
                    return [Synthetic(transfer["recipient"])]
        return []

    def owners(self, doc, weapons, actors):
        """The side a targeted weapon belongs to: "hit a Tajik T-72 tank" -> Tajik military."""
        acting = {a.ref["country"] if isinstance(a, Synthetic) else annotations(doc).actors[a.actor].country
                  for a in actors}
        for wm in weapons:
            if wm.owner and wm.owner not in acting and wm.start > self._last_trigger_end:
                name = f"{self.kb.countries[wm.owner].name} military"
                return [Synthetic({"id": f"{wm.owner}MIL", "name": name, "code": f"{wm.owner}MIL", "country": wm.owner})]
        # "destroyed four HIMARS launchers": the party the document says received them
        targets = [w for w in weapons if w.start >= self._last_trigger_end and not _wielded(doc, [w], w.start, w.start)]
        received = self.operators(doc, targets)
        return [r for r in received if r.ref.get("country") not in acting]

    def verb_forms(self, trigger) -> frozenset[str] | None:
        """The verb forms of a trigger's lemmas and of its phrases' verb heads ("reach an
        agreement", not "civil unrest"), made once per trigger id (the lexicon's ids are unique)."""
        key = trigger["id"]
        if key not in self._verbs:
            self._verbs[key] = _verb_forms(trigger.get("lemmas") or (), trigger.get("phrases") or ())
        return self._verbs[key]

    def weapon_mode(self, ann, weapons, event_type):
        if event_type != "ASSAULT":
            return None
        modes = {ann.weapons[w.weapon].mode for w in weapons} - {None}
        return next((m for m in MODE_ORDER if m in modes), None)


_WEAPON_WINDOW = 15
_ANAPHORIC = ("the", "these", "those", "latest", "recent")  # "the clashes": those told before


def _participle_after_comma(lowers, clause, start) -> bool:
    """"..., closing borders", "... and freezing assets": a participle that may share a subject."""
    return lowers[start].endswith("ing") and start > clause.sent_start and lowers[start - 1] in (",", "and")

_MILITARY_WORDS = {"troops", "forces", "soldiers", "army", "military", "units", "battalions", "brigades", "reservists",
                   "warships", "tanks", "jets", "conscripts", "militia", "fighters"}


_INSTRUMENTAL = {"with", "using", "by"}


def _wielded(doc, weapons, start, end) -> bool:
    """A weapon that does the act: just before the trigger ("the drones hit") or after "with"."""
    for w in weapons:
        if 0 <= start - w.end <= 3 or start <= w.start < end:  # "the drones hit", or the drones of "drones hit"
            return True
        if w.start >= end and not _INSTRUMENTAL.isdisjoint(columns_of(doc).lower[end:w.start]):
            return True
    return False


_ADJUNCT_OPENERS = {"after", "before", "since", "which", "who", "whose", "whom", "when", "while", "as", "because",
                    "if", "unless", "until", "although", "though"}  # words that open a clause of their own


def _rank(doc, clause, start, trigger, support_verbs, verbs) -> int:
    """0 for the clause's own act, 1 for an act named by a noun that no verb governs ("the
    invasion forces", "a key ally"), an infinitive of purpose ("staged demonstrations to demand")
    or an act told in an adjunct ("after two days of fighting", "which is preparing an offensive")."""
    cols = columns_of(doc)
    lowers, texts = cols.lower, cols.text
    noun = trigger.get("pos") == "NOUN" and any(lowers[start] in forms(lemma, "NOUN") for lemma in trigger.get("lemmas") or ())
    if (noun or args.is_nominal(doc, start) or _noun_form(lowers[start], verbs)) \
            and args.support_verb(doc, start, support_verbs) is None:
        return 1
    if start > 0 and lowers[start - 1] == "to":
        return 1
    participle = lowers[start].endswith("ing") and start > 0 and texts[start - 1] == ","
    opener = _last_opener(lowers, clause.sent_start, start - participle)  # "..., killing" shares its verb's rank
    return 1 if opener in _ADJUNCT_OPENERS or args.apposition_span(doc, start) else 0


_OPENERS_OR_COMMA = _ADJUNCT_OPENERS | {","}


def _last_opener(lowers, first: int, end: int) -> str | None:
    """The last adjunct opener or comma among the words from `first` to before `end`."""
    for i in range(end - 1, first - 1, -1):
        if lowers[i] in _OPENERS_OR_COMMA:
            return lowers[i]
    return None


def _aim(doc, start, end, trigger, verb_forms) -> bool:
    """"sought to expand", "moved to acquire": a one-word verb trigger before an infinitive names
    an aim. "to" before a noun phrase is a preposition ("granted asylum to five officers")."""
    lowers = columns_of(doc).lower
    if end >= len(lowers) or lowers[end] != "to" or trigger["type"] in _INFINITIVE_EVENTS or end - start > 1:
        return False
    after = doc[end + 1] if end + 1 < len(lowers) else None
    return not (after is None or after.lower_ in _DETERMINERS or not after.is_lower or after.like_num
                or _noun_form(lowers[start], verb_forms(trigger)))


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those", "some", "all",
                "both", "more", "most", "several", "many", "any", "up"}


# what kills with no one attacking: "the earthquake killed 300", "cholera has killed 40 children"
_HARMLESS_CAUSES = {
    "earthquake", "earthquakes", "quake", "quakes", "tremor", "aftershock", "storm", "storms", "flood", "floods",
    "flooding", "mudslide", "mudslides", "landslide", "landslides", "avalanche", "hurricane", "typhoon", "cyclone",
    "tornado", "tornadoes", "tsunami", "eruption", "heatwave", "drought", "famine", "wildfire", "wildfires",
    "outbreak", "disease", "diseases", "epidemic", "pandemic", "virus", "plague", "cholera", "ebola", "malaria",
    "measles", "flu", "influenza", "covid-19", "coronavirus", "illness", "accident", "accidents", "crash", "crashes",
    "collision", "derailment", "failure", "malfunction", "stampede", "overdose", "overdoses",
}
# a conflict told as a whole: "the war in Syria, which has killed 400,000 people" is no one act
_WHOLE_CONFLICTS = {"war", "wars", "conflict", "conflicts", "violence", "insurgency", "unrest", "crisis",
                    "campaign", "uprising", "rebellion", "fighting"}


def _each_other(lowers, start: int, end: int) -> bool:
    """"accused each other of", "blamed one another for": each party acts on the others."""
    words = lowers[start:min(len(lowers), end + 3)]
    return any(a == "each" and b == "other" or a == "one" and b == "another" for a, b in pairwise(words))


_SUBJECT_PRONOUNS = {"it", "they"}
# what may stand between "it"/"they" and the act: "it had", "it plans to", "they will begin"
_AUXILIARIES = {"had", "has", "have", "would", "will", "was", "were", "is", "are", "also", "then", "later", "to",
                "plans", "planned", "intends", "intended", "wants", "began", "begun", "begin", "started", "start",
                "continued", "continues", "continue", "already", "now", "soon"}
_QUOTES = {'"', "“", "”", "``", "''"}


def _pronoun_subject(cols, clause, start: int, cue_end: int) -> bool:
    """Whether the trigger's subject is "it" or "they" right after the speech verb ("said that it
    carried out a raid", "said they had shot down"): the speaker. Not a passive's subject ("said
    the plane was flying when it was shot down") nor a pronoun further on."""
    lowers = cols.lower
    k = start - 1
    while k >= clause.start and lowers[k] in _AUXILIARIES:
        k -= 1
    if k < clause.start or lowers[k] not in _SUBJECT_PRONOUNS:
        return False
    j = k - 1
    while j >= 0 and lowers[j] in _SPEECH_GAP:
        j -= 1
    return cols.end_char(j) == cue_end if j >= 0 else False


_SPEECH_GAP = {"that", "on", "earlier", "later", "today", "yesterday"} | WEEKDAYS


def _accused_participle(lowers, start: int, end: int, trigger) -> bool:
    """"firms accused of supplying", "the group blamed for the attack", "a man charged with
    spying": a participle after its noun, the accused named before it, the accuser nowhere. Not
    after a pronoun or in a relative clause ("the Gulf, which it accused of", "a group that the
    Saudis accused of")."""
    return trigger["type"] == "ACCUSE" and end - start == 1 and lowers[start] in _ACCUSED \
        and end < len(lowers) and lowers[end] in ("of", "for", "with") \
        and _RELATIVE_OR_PRONOUN.isdisjoint(lowers[max(0, start - 4):start])


_ACCUSED = {"accused", "charged", "blamed", "suspected", "criticized", "criticised", "condemned"}
_RELATIVE_OR_PRONOUN = {"that", "which", "whom", "who", "it", "they", "he", "she", "we", "i", "you"}


def _arrest(trigger) -> bool:
    return trigger["type"] == "COERCE" and trigger.get("mode") == "arrest"


def _done_verb(word: str) -> bool:
    """A verb of a done act, past or participle ("arrested", "taken into custody"), not a noun
    that may name none ("a warrant for his arrest", "a detention centre")."""
    return word.endswith("ed") or word in ("taken", "held", "caught")


def _cause_before(doc, clause, start, weapons, words) -> bool:
    """Whether what acts before the trigger, in its sentence, is one of `words`: the nearest of
    them within twelve words, with no other trigger, weapon or party nearer ("the quake in Mexico
    that killed", "the war in Syria, which has raged since 2011, has killed"; not "a bomb
    killed", nor "after the earthquake, gunmen killed")."""
    if args.is_passive(doc, start):
        return False  # "Ebola sufferers were killed in the air strike": the subject is the victim
    lowers = columns_of(doc).lower
    acting, near = _acting_starts(doc), {w.start for w in weapons}
    for k in range(start - 1, max(clause.sent_start, start - 12) - 1, -1):
        if lowers[k] in words:
            # "the outbreak of fighting", "a failure to protect", "hunger, disease and torture"
            return lowers[k + 1] not in _NOT_A_SUBJECT_AFTER
        if k in acting or k in near:
            return False
    return False


_NOT_A_SUBJECT_AFTER = {"of", "to", "and", "or"}


_PARTY_LABELS = {"ROLE", "PERSON", "ORG", "ENTRY", "WEAPON", "WEAPON_WORD"}


@per_document
def _acting_starts(doc) -> set[int]:
    """Where another trigger, or a party or weapon the recogniser found, starts (not a country:
    "the war in Syria"), read once per document: every assault trigger asks."""
    return set(trigger_positions(doc)) | {m.start for m in annotations(doc).mentions if m.label in _PARTY_LABELS}


# what may stand between a subject and its verb: auxiliaries, adverbs, a day ("Italy on Friday expelled")
_SUBJECT_GAP = {"has", "have", "had", "is", "are", "was", "were", "be", "been", "will", "would", "to", "also", "then",
                "now", "soon", "reportedly", "later", "formally", "officially", "recently", "already", "on", "begin",
                "began", "begun", "start", "started", "starting", "today", "yesterday", "'s", ","} | WEEKDAYS


def _subject_of(lowers, left, start) -> bool:
    """Whether the subject before a trigger is the trigger's own ("Britain expelled", "French
    troops are withdrawing", "Italy on Friday expelled"), not another verb's ("Papua New Guinea
    faces criticism", "the military was following orders")."""
    if not left:
        return False
    return all(w in _SUBJECT_GAP for w in lowers[max(m.end for m in left):start])


def _passive_arguments(doc, mentions, start, end, symmetric=False):
    """A phrase in the passive ("sanctions on Iran were lifted by the United States", "the
    Turkish ambassador was summoned by ..."): the actor is the agent after "by", also after the
    object's preposition ("imposed on Russia by the EU"); the recipient is named in the phrase's
    object or after a preposition. A reciprocal act's agents are all its parties ("an agreement
    was signed by Turkey and Tajikistan")."""
    recipients = [m for m in mentions if m.end > start and m.start < end] \
        or args.group_right(doc, mentions, end, preps=_NOMINAL_PREPS)
    after = max((m.end for m in recipients if m.start >= end), default=end)
    agents = []
    for at in dict.fromkeys((end, after)):
        if at < len(doc) and doc[at].lower_ == "by":
            agents = args.group_right(doc, mentions, at, preps={"by"})
            break
    if symmetric and not agents:  # "a meeting was held in Moscow between the Russian and Tajik ..."
        agents = args.group_right(doc, mentions, end, preps={"between"})
    if symmetric and len(agents) > 1:
        return agents, agents
    return agents, [m for m in recipients if m not in agents]


def _noun_form(word: str, verbs: frozenset[str] | None) -> bool:
    """"threats" is no form of the verb "threaten": the trigger (whose `verbs` these are) is used
    as a noun."""
    return verbs is not None and word not in verbs


def _verb_forms(lemmas, phrases) -> frozenset[str] | None:
    """Every verb form of a trigger's lemmas and of its phrases' verb heads; None where it has none."""
    heads = [p.split()[0] for p in phrases]
    verbs = [*lemmas, *(h for h in heads if _is_verb(h))]
    return frozenset(f for verb in verbs for f in forms(verb, "VERB")) if verbs else None


@lru_cache(maxsize=4096)
def _is_verb(word: str) -> bool:
    return bool(getAllLemmas(word, upos="VERB")) and bool(getAllInflections(word, upos="VERB"))


def _name_after(doc, clause, end: int) -> bool:
    """A capitalised name right after `end` (past "the"), not a demonym or role noun."""
    cols = columns_of(doc)
    i = end + (end < clause.end and cols.lower[end] == "the")
    if i >= clause.end or not cols.text[i][:1].isupper() or not cols.is_alpha[i]:
        return False
    return not any(m.start == i and m.label in ("ADJ", "ROLE") for m in annotations(doc).mentions)


def _word_near(doc, clause, start, end, words) -> bool:
    accepted = _noun_forms(tuple(words))
    lowers = columns_of(doc).lower
    near = [*lowers[max(clause.start, start - 3):start], *lowers[end:min(clause.end, end + 3)]]
    return not accepted.isdisjoint(near)


@lru_cache(maxsize=1024)
def _noun_forms(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f for w in words for f in forms(w, "NOUN"))


_TARGET_KINDS = {"state", "armed_group", "movement"}


def _struck_target(doc, end: int) -> bool:
    """"Israeli strikes on Rafah", "strikes against Houthi targets": what is struck is a place, a
    country or an armed group, so the act is armed (a labour strike is "on Monday", "against the
    government's reform")."""
    lowers = columns_of(doc).lower
    if end >= len(lowers) or lowers[end] not in ("on", "against"):
        return False
    at = args.name_starts(lowers, end + 1)
    ann = annotations(doc)
    return any(p.start in at for p in ann.place_mentions) \
        or any(m.start in at and ann.actors[m.actor].kind in _TARGET_KINDS for m in ann.actor_mentions) \
        or any(m.start in at and m.label == "ADJ" for m in ann.mentions)


def _military_word(doc, clause, start: int | None = None, end: int | None = None) -> bool:
    """A military noun in the clause, or between `start` and `end` ("strengthened its forces")."""
    words = columns_of(doc).lower[clause.start if start is None else start:clause.end if end is None else min(end, clause.end)]
    return not _MILITARY_WORDS.isdisjoint(words)


_USE_TRIGGER = {"id": "use-against", "type": "ASSAULT", "mode": None, "cameo": "190"}


def _joint_or_directed(ann, left, right):
    """A cooperative reciprocal act: "Jordan and Britain agreed" has two actors and no recipient;
    "Israel shared evidence with the U.S." has Israel act on the U.S. (a side of an actor's own
    country is no recipient). Named only after the trigger ("talks between Syria and Iraq"), the
    sides stay both actors and recipients."""
    if left:
        acting = {implied.country_of(ann, m) for m in left}
        return left, [m for m in right if m not in left and implied.country_of(ann, m) not in acting]
    return right, right if len(right) > 1 else []


def _direct_object(doc, mentions, end):
    """The object right after a verb, with those listed after it ("met Sergei Lavrov")."""
    right = args.group_right(doc, mentions, end)
    return right if right and right[0].start <= end + 1 else []


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
        ref = m.ref if isinstance(m, Synthetic) else args.actor_ref(ann.actors[m.actor])
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


def _merge_or_add(events, event) -> dict:
    """Two triggers of one event in the same sentence ("clashes ... fighting") make one event."""
    for other in events:
        if other["_sentence"] == event["_sentence"] and _key(other) == _key(event):
            for w in event["weapons"]:
                if w not in other["weapons"]:
                    other["weapons"].append(w)
            if not other["mode"] and event["mode"]:
                other["mode"], other["cameo"] = event["mode"], event["cameo"]
            other["date"] = other["date"] or event["date"]
            return other
    events.append(event)
    return event


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


def _without_reporters(ann, attribution, actors, recipients):
    """An act of force without the ones who report it: a rights group, aid agency, monitor or
    outlet uses no force ("the Syrian Observatory for Human Rights, a UK-based war monitor, said
    coalition warplanes had carried out strikes"), and the source a clause is attributed to is no
    victim of what it reports ("killing six of them, according to the Syrian Observatory")."""
    def kind(m) -> str | None:
        actor = ann.actors.get(m.actor)
        return actor.kind if actor is not None else None

    claimant = (attribution.claimant or {}).get("id") if attribution else None
    return ([m for m in actors if kind(m) not in _UNARMED_KINDS],
            [m for m in recipients if not (claimant and m.actor == claimant and kind(m) in _UNARMED_KINDS)])
