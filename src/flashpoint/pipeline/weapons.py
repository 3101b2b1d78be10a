"""Weapon mentions resolved to systems: "the drones" after "Bayraktar TB2 drones" is the TB2.

A named system is its own weapon. A generic word ("drones", "the Turkish drones") refers to
the last named system of that kind whose origin agrees with any adjective in front of it, or,
in a lead paragraph that names the system only later, to the one system of that kind and
origin the document names; otherwise it stays a generic weapon.
"""

from __future__ import annotations

from flashpoint.pipeline.annotations import Weapon, WeaponMention, annotations
from flashpoint.pipeline.resolve import slug

_DETERMINERS = {"the", "these", "those", "its", "their", "his", "her", "such"}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
            "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "dozen": 12, "dozens": None}


_BETWEEN = {"more", "additional", "new", "extra", "further", "used", "modernised", "modernized", "upgraded"}


def _quantity(doc, start: int) -> int | None:
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.lower_ in _BETWEEN and start > 1:
        prev = doc[start - 2]  # "six more Bayraktar TB2 drones"
    if prev is None:
        return None
    digits = prev.text.replace(",", "")
    if prev.like_num and digits.isdigit() and len(digits) <= 9:
        value = int(digits)
        return value if 0 < value < 100_000 and not (1900 <= value <= 2100) else None
    return _NUMBERS.get(prev.lower_)


class WeaponResolver:
    def __init__(self, kb):
        self.kb = kb

    def weapon(self, ann, key: str) -> Weapon:
        if key.startswith("new:"):
            designation, type_key = key[4:].split("|", 1)
            base = self.kb.weapon_types.get(type_key) or {}
            word = self.kb.weapons.get(type_key)
            wtype = type_key if base else (word.type if word else None)
            tinfo = self.kb.weapon_types.get(wtype or "", {})
            ident = slug(designation)
            return ann.weapons.setdefault(ident, Weapon(
                ident, designation, wtype, tinfo.get("class") or (word.weapon_class if word else None),
                tinfo.get("mode") or (word.mode if word else None), None, None, False))
        w = self.kb.weapons[key]
        return ann.weapons.setdefault(w.id, Weapon(
            w.id, w.name, w.type, w.weapon_class, w.mode, w.manufacturer, w.origin, w.generic))

    def resolve(self, doc) -> None:
        ann = annotations(doc)
        mentions = ann.mentions
        for i, m in enumerate(mentions):
            if m.label not in ("WEAPON", "WEAPON_WORD", "TYPE_NOUN"):
                continue
            owner = self._owner(doc, mentions, i)
            start = owner[1] if owner else m.start
            if m.label == "WEAPON":
                weapon = self.weapon(ann, m.key)
            else:
                weapon = self._antecedent(doc, ann, m, owner[0] if owner else None) or self._generic(ann, m)
            if weapon is None:
                continue
            ann.weapon_mentions.append(WeaponMention(
                weapon.id, start, m.end, doc[start].idx, m.end_char,
                owner=owner[0] if owner else None, quantity=_quantity(doc, start)))
            if (doc[start].idx, m.end_char) not in weapon.mentions:
                weapon.mentions.append((doc[start].idx, m.end_char))

    def _owner(self, doc, mentions, i):
        """A country adjective right before the weapon, maybe past one modifier: "Tajik T-72 tank"."""
        for j in (i - 1,):
            if j >= 0 and mentions[j].label == "ADJ" and 0 <= mentions[i].start - mentions[j].end <= 2:
                between = doc[mentions[j].end:mentions[i].start]
                if all(t.is_alpha and t.is_lower for t in between):
                    return mentions[j].key, mentions[j].start
        return None

    def _kind_of(self, m):
        if m.label == "TYPE_NOUN":
            return {m.key}
        word = self.kb.weapons.get(m.key)
        return {word.type} if word and word.type else set()

    def _classes_of(self, m):
        if m.label == "TYPE_NOUN":
            return {self.kb.weapon_types.get(m.key, {}).get("class")}
        word = self.kb.weapons.get(m.key)
        return {word.weapon_class} if word else set()

    def _compatible(self, weapon: Weapon, m, origin) -> bool:
        if weapon.generic:
            return False
        if origin and weapon.origin and origin != weapon.origin:
            return False
        return bool({weapon.type} & self._kind_of(m) or {weapon.weapon_class} & self._classes_of(m))

    def _antecedent(self, doc, ann, m, origin):
        before = doc[m.start - 1] if m.start > 0 else None
        definite = before is not None and (before.lower_ in _DETERMINERS or origin)
        if not definite and not origin:
            return None
        earlier = [wm for wm in ann.weapon_mentions if wm.end <= m.start]
        for wm in reversed(earlier):
            weapon = ann.weapons[wm.weapon]
            if self._compatible(weapon, m, origin):
                return weapon
        if origin:  # cataphora in a lead: the one named system of that kind and origin
            later = {x.key for x in ann.mentions if x.label == "WEAPON" and x.start > m.start}
            fits = [k for k in later if not k.startswith("new:") and self._compatible(self.weapon_view(k), m, origin)]
            if len(fits) == 1:
                return self.weapon(ann, fits[0])
        return None

    def weapon_view(self, key):
        w = self.kb.weapons[key]
        return Weapon(w.id, w.name, w.type, w.weapon_class, w.mode, w.manufacturer, w.origin, w.generic)

    def _generic(self, ann, m):
        if m.label == "WEAPON_WORD":
            return self.weapon(ann, m.key)
        return None
