"""Speech acts around a trigger: an act that is announced, demanded or talked about is coded as
the saying, as PLOVER codes it.

"will visit" and "is ready to host" are promises (AGREE), "said they would boycott" and "will
withdraw ... unless" threats (THREATEN), "Russia said Sudan must return the helicopter" Russia's
demand of Sudan (REQUEST). What a demand, threat, refusal, promise or accusation is about
("demanded that Israel ease restrictions", "threatened to impose sanctions on X") is no act of
its own: it names the speech act's recipient and mode. The word lists are data, in
`triggers.yaml` under `speech`.
"""

from __future__ import annotations

from dataclasses import dataclass

from flashpoint.pipeline.annotations import annotations, lowers_of, punct_of
from flashpoint.pipeline.triggers import forms

_WINDOW = 5  # words between a marker and its trigger ("will soon hold talks")
_CONTENT_GAP = 12  # words between a speech act and the trigger of what it is about
_DIRECT_GAP = 4  # other words between a speech act and the act it governs ("to", "that the")
_BOUNDARIES = {",", ";", ":", "(", "—", "–", "but", "while", "after", "before", "because", "since", "as", "when",
               "which", "who", "whom", "where", "although", "though", "despite", "following", "amid", "said",
               "says", "added"}


@dataclass(frozen=True)
class Marker:
    kind: str  # "intent", "obligation" or "conditional"
    tokens: frozenset[int]


def _phrases(words) -> list[list[frozenset[str]]]:
    """Each phrase as accepted forms per word; the first word of a phrase may be inflected."""
    out = []
    for phrase in words or ():
        parts = str(phrase).lower().split()
        head = forms(parts[0], "VERB") if len(parts) > 1 else frozenset({parts[0]})
        out.append([head, *(frozenset({p}) for p in parts[1:])])
    return out


class SpeechActs:
    def __init__(self, rules: dict, plover: dict):
        self.intent = _phrases(rules.get("intent"))
        self.reported_intent = _phrases(rules.get("reported_intent"))
        self.reported_by = {f for w in rules.get("reported_by") or () for f in forms(w, "VERB")}
        self.obligation = _phrases(rules.get("obligation"))
        self.condition = {w.lower() for w in rules.get("condition") or ()}
        self.conditional = _phrases(rules.get("conditional"))
        self.conditions = {w.lower() for w in rules.get("conditions") or ()}
        self.verbal = set(rules.get("verbal") or ())
        self.agree = dict(rules.get("agree") or {})
        self.threaten = dict(rules.get("threaten") or {})
        self.content_of = set(rules.get("content_of") or ())
        self.content_modes = dict(rules.get("content_modes") or {})
        self.mode_cameo = {(t, m["id"]): m.get("cameo") for t, p in plover.items() for m in p.get("modes") or ()}
        self.default_cameo = {t: p.get("default_cameo") for t, p in plover.items()}
        self.first: dict[str, list[tuple[str, list, bool]]] = {}  # first word -> (kind, phrase, reported only)
        for kind, phrases, reported in (("intent", self.intent, False), ("obligation", self.obligation, False),
                                        ("intent", self.reported_intent, True),
                                        ("conditional", self.conditional, False)):
            for phrase in phrases:
                for word in phrase[0]:
                    self.first.setdefault(word, []).append((kind, phrase, reported))

    # ---- markers before a trigger -----------------------------------------------------
    def marker(self, doc, clause, start: int, coercive: bool = False) -> Marker | None:
        """The intent or obligation marker of the trigger at `start`: the nearest one in the few
        words before it, with no punctuation between. A modal before a `coercive` act with a
        condition after it ("may halt mediation if ...") is a conditional threat."""
        words = lowers_of(doc)
        floor = max(clause.start, start - _WINDOW - 3)
        if self.first.keys().isdisjoint(words[floor:start]):
            return None  # most triggers: no word before them begins a marker
        punct = punct_of(doc)
        found: dict[str, set[int]] = {}
        for i in range(start - 1, floor - 1, -1):
            if punct[i]:
                break
            for kind, phrase, reported in self.first.get(words[i], ()):
                end = _match_at(words, i, [phrase], start)
                if end is not None and start - end <= _WINDOW and (
                        not reported or not self.reported_by.isdisjoint(words[clause.sent_start:i])):
                    found.setdefault(kind, set()).update(range(i, end))
        if "conditional" in found and (not coercive or self.conditions.isdisjoint(words[start:clause.sent_end])):
            del found["conditional"]  # "may halt ... if": only a coercive act with a condition threatens
        if not found:
            return None
        # "must be ready to mediate" is a demand; every marker word is an announcement, not a hypothesis
        kind = next(k for k in ("obligation", "intent", "conditional") if k in found)
        return Marker(kind, frozenset().union(*found.values()))

    def announced(self, trigger: dict, marker: Marker, doc, clause, end: int) -> dict:
        """The trigger as its announcement: AGREE for a cooperative act, THREATEN for a coercive
        one (or any act under a condition: "will withdraw ... unless"), REQUEST for an obligation;
        a verbal act ("will reject") stays what it is."""
        kind = trigger["type"]
        if marker.kind == "conditional":
            return self._coded(trigger, "THREATEN", self.threat_mode(kind, trigger.get("mode")))
        if marker.kind == "obligation":
            mode = self.content_modes.get(kind)
            return self._coded(trigger, "REQUEST", mode if (("REQUEST", mode) in self.mode_cameo) else None)
        if kind in self.verbal:
            return trigger
        conditional = not self.condition.isdisjoint(lowers_of(doc)[end:clause.sent_end])
        if kind in self.agree and not conditional:
            return dict(self._coded(trigger, "AGREE", None), cameo=self.agree[kind])
        return self._coded(trigger, "THREATEN", self.threat_mode(kind, trigger.get("mode")))

    def threat_mode(self, kind: str, mode: str | None) -> str | None:
        return self.threaten.get(mode) or self.threaten.get(kind)

    def _coded(self, trigger: dict, kind: str, mode: str | None) -> dict:
        cameo = self.mode_cameo.get((kind, mode)) or self.default_cameo.get(kind)
        return dict(trigger, type=kind, mode=mode, cameo=cameo)

    # ---- content of a speech act ------------------------------------------------------
    def direct(self, doc, parent_end: int, start: int) -> bool:
        """Whether a content trigger follows its speech act with at most a few function words
        and named actors between ("demanded that the Sudanese government end curbs")."""
        named = {i for m in annotations(doc).actor_mentions for i in range(m.start, m.end)}
        return sum(1 for i in range(parent_end, start) if i not in named) <= _DIRECT_GAP

    def content_parents(self, doc, found, clauses) -> dict[int, int]:
        """For each trigger that is what an earlier speech act of its clause is about, the index
        (in `found`) of that speech act: "demanded that Israel ease restrictions". `clauses` are
        the triggers' clauses."""
        parents: dict[int, int] = {}
        lowers = lowers_of(doc)
        for n, (start, _, _) in enumerate(found):
            clause = clauses[n]
            for p in range(n - 1, -1, -1):
                p_start, p_end, p_trigger = found[p]
                if p_start < clause.start or p_end > start or start - p_end > _CONTENT_GAP:
                    break
                between = lowers[p_end:start]
                if not _BOUNDARIES.isdisjoint(between) or "and" in between and any(
                        _new_predicate(lowers, k) for k in range(p_end, start)):
                    break
                if p_trigger["type"] in self.content_of:
                    parents[n] = parents.get(p, p)
                    break
        return parents

    def absorb(self, parent: dict, content: dict, direct: bool = True, infinitive: bool = False) -> None:
        """What a speech act is about gives it a recipient and a mode it lacks; a promise of a
        coercive act ("vowed to escalate attacks") is a threat. Only `direct` content, the verb
        or object the speech act governs, gives the mode: in "urged France to attach conditions
        to arms exports" the exports are not what is asked for."""
        if parent["type"] == "AGREE" and direct and content["type"] == "THREATEN":
            parent.update(type="THREATEN", mode=content["mode"], cameo=content["cameo"])
        elif parent["type"] == "AGREE" and direct and content["type"] in self.threaten:
            parent.update(type="THREATEN", mode=None, cameo=self.default_cameo.get("THREATEN"))
        if not parent["recipient"]:
            # "refused to deploy peacekeepers in Iraq": the act's own object; "demanded that the
            # Sudanese government end curbs": the one asked to act
            speakers = {a["id"] for a in parent["actor"]}
            addressed = [] if infinitive else [a for a in content["actor"] if a["id"] not in speakers]
            parent["recipient"] = addressed or [r for r in content["recipient"] if r["id"] not in speakers]
        if parent["mode"] is None and direct:
            if parent["type"] == "THREATEN":
                mode = self.threat_mode(content["type"], content["mode"])
            else:
                mode = self.content_modes.get(content["type"])
            if (parent["type"], mode) in self.mode_cameo:
                parent["mode"], parent["cameo"] = mode, self.mode_cameo[(parent["type"], mode)]


_AUXILIARIES = {"will", "would", "must", "has", "have", "had", "is", "are", "was", "were", "can", "could", "should",
                "may", "might", "also", "then", "later"}


def _new_predicate(lowers: list[str], i: int) -> bool:
    """"... and will resign", "... and has since": a second verb of the same subject."""
    return lowers[i] == "and" and i + 1 < len(lowers) and lowers[i + 1] in _AUXILIARIES


def _match_at(words, i: int, phrases, limit: int) -> int | None:
    """The end of the first phrase matching at word `i` (and ending before `limit`)."""
    for phrase in phrases:
        end = i + len(phrase)
        if end <= limit and all(words[i + k] in accepted for k, accepted in enumerate(phrase)):
            return end
    return None
