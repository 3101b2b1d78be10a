"""The loaded knowledge base and its questions: who is this name, on this date?"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from flashpoint.kb.countries import POINTS_FILE, generate_countries, merge_curated, read_points
from flashpoint.kb.loader import load_files
from flashpoint.kb.model import Country, Entry, Membership, Role, RoleNoun, Span, Weapon

# Which file holds which kind of actor, and the sector it has when the entry names none.
ACTOR_FILES = {
    "organisations.yaml": ("igo", "IGO"),
    "ngos.yaml": ("ngo", "NGO"),
    "groups.yaml": ("armed_group", "REB"),
    "agencies.yaml": ("agency", "GOV"),
    "outlets.yaml": ("media", "MED"),
    "officials.yaml": ("person", "GOV"),
    "companies.yaml": ("company", "BUS"),
}


def _text(value) -> str | None:
    return None if value is None else str(value)


def _span(row: dict) -> Span:
    return Span(_text(row.get("since")), _text(row.get("until")))


@dataclass(frozen=True)
class Resolution:
    """What a name resolves to, and why: `flashpoint kb lookup` prints these."""

    name: str
    kind: str
    id: str
    code: str | None
    country: str | None
    via: str  # which alias or name matched
    why: str  # tenure, membership or rule that applied
    file: str


class KnowledgeBase:
    def __init__(self, countries, entries, weapons, weapon_types, roles, memberships, offices,
                 plover, legacy, triggers, dirs, transfer_triggers=(), trigger_rules=None, regions=None):
        self.countries: dict[str, Country] = countries
        self.entries: dict[str, Entry] = entries
        self.weapons: dict[str, Weapon] = weapons
        self.weapon_types: dict[str, dict] = weapon_types
        self.roles: dict[str, RoleNoun] = roles
        self.memberships: list[Membership] = memberships
        self.offices: dict[str, list[Role]] = offices
        self.plover: dict[str, dict] = plover
        self.legacy: dict[str, str] = legacy
        self.triggers: list[dict] = triggers
        self.transfer_triggers: list[dict] = list(transfer_triggers)
        # triggers.yaml's rules beside its list: `speech` (announced acts, demands), `support_verbs`
        self.trigger_rules: dict = trigger_rules or {}
        # seas, straits, regions and divisions whose names hold a country's ("the South China Sea"):
        # places, never actors
        self.regions: dict[str, dict] = regions or {}
        self.dirs: tuple[Path, ...] = dirs
        self.problems: list[str] = []

    # ---- building -------------------------------------------------------------------
    @classmethod
    def from_dirs(cls, dirs: tuple[Path, ...]) -> KnowledgeBase:
        tables, extras = load_files(dirs)
        points = _country_points(dirs)
        countries = merge_curated(generate_countries(points), tables["countries.yaml"], points)
        entries, memberships, offices = {}, [], {}
        for file, (kind, sector) in ACTOR_FILES.items():
            for row in tables[file]:
                entry = _actor_entry(row, file, kind, sector)
                entries[f"{entry.kind}:{entry.id}"] = entry
                memberships.extend(_memberships(row, countries))
                if file == "officials.yaml":
                    offices[entry.id] = [Role(r.get("role", ""), _span(r)) for r in row.get("roles") or ()]
        types = {str(t["id"]): t for t in tables["weapon_types.yaml"]}
        weapons = {w.id: w for w in _weapons(tables, types)}
        roles = {str(r["id"]): _role(r) for r in tables["roles.yaml"]}
        plover = {str(t["id"]): t for t in tables["plover.yaml"]}
        legacy = extras["plover.yaml"].get("legacy") or {}
        kb = cls(countries, entries, weapons, types, roles, memberships, offices, plover,
                 legacy, tables["triggers.yaml"], dirs, tables["transfer_triggers.yaml"],
                 extras["triggers.yaml"], {str(r["id"]): r for r in tables["regions.yaml"]})
        kb.problems = kb.check()
        return kb

    # ---- questions -------------------------------------------------------------------
    def entry(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def offices_on(self, person_id: str, day: str | None) -> list[Role]:
        roles = self.offices.get(person_id, [])
        return [r for r in roles if day is None or r.span.covers(day)]

    def members(self, organisation_id: str, day: str | None = None) -> set[str]:
        return {m.country for m in self.memberships
                if m.organisation == organisation_id and m.status == "member" and m.span.covers(day)}

    def organisations_of(self, country: str, day: str | None = None) -> set[str]:
        return {m.organisation for m in self.memberships
                if m.country == country and m.status == "member" and m.span.covers(day)}

    def company_country(self, company_id: str | None) -> str | None:
        entry = self.entries.get(f"company:{company_id}") if company_id else None
        return entry.country if entry else None

    def lookup(self, name: str, on: str | None = None) -> list[Resolution]:
        from flashpoint.kb.lookup import lookup

        return lookup(self, name, on)

    def check(self) -> list[str]:
        from flashpoint.kb.check import check

        return check(self)


def _country_points(dirs: tuple[Path, ...]) -> dict[str, tuple[float, float]]:
    """GeoNames' country points (`country_points.tsv`), a user directory's table adding to and
    replacing the built-in one's rows."""
    points = {}
    for directory in dirs:
        if (directory / POINTS_FILE).is_file():
            points.update(read_points(directory / POINTS_FILE))
    return points


def _actor_entry(row: dict, file: str, kind: str, sector: str) -> Entry:
    names = [*(row.get("acronyms") or ()), *(row.get("aliases") or ())]
    names += [f["name"] for f in row.get("former_names") or () if isinstance(f, dict) and f.get("name")]
    country = row.get("country")
    sector = row.get("sector") or sector
    code = row.get("code") or (f"{country}{sector}" if country and kind != "person" else None)
    return Entry(
        id=str(row["id"]), kind=row.get("kind") or kind, name=str(row["name"]),
        aliases=tuple(str(n) for n in names), code=code, country=country, sector=sector,
        source=str(row.get("source") or ""), file=row["_file"], data=row,
    )


def _memberships(row: dict, countries: dict[str, Country]) -> list[Membership]:
    org = str(row["id"])
    found = [Membership(org, m["country"], _span(m), m.get("status") or "member")
             for m in row.get("members") or () if isinstance(m, dict) and m.get("country")]
    if row.get("members_all"):
        # near-universal bodies list their exceptions instead of every member
        listed = {m.country for m in found}
        exceptions = set(row.get("exceptions") or ()) | set(row.get("non_members") or ())
        found += [Membership(org, code, Span(), "member") for code, c in countries.items()
                  if code not in listed and code not in exceptions and not c.span.until and not c.dependent]
    return found


def _weapons(tables: dict, types: dict) -> list[Weapon]:
    out = []
    for generic, file in ((False, "weapons.yaml"), (True, "weapon_words.yaml")):
        for row in tables[file]:
            wtype = types.get(str(row.get("type"))) or {}
            out.append(Weapon(
                id=str(row["id"]), name=str(row["name"]),
                aliases=tuple(str(a) for a in row.get("aliases") or ()),
                type=row.get("type"), weapon_class=row.get("class") or wtype.get("class"),
                mode=row.get("mode", wtype.get("mode")), manufacturer=row.get("manufacturer"),
                origin=row.get("origin"), ambiguous=bool(row.get("ambiguous")), generic=generic,
                source=str(row.get("source") or ""),
            ))
    return out


def _role(row: dict) -> RoleNoun:
    return RoleNoun(
        id=str(row["id"]), name=str(row["name"]),
        aliases=tuple(str(a) for a in row.get("aliases") or ()),
        sector=row.get("sector"), kind=row.get("kind") or "group", office=row.get("office"),
        state_run=bool(row.get("state_run")),
    )


def index_by_name(kb: KnowledgeBase) -> dict[str, list[tuple[str, str]]]:
    """Every known surface form (lowercased) -> [(kind, key)]; used by lookup and check."""
    index: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for code, country in kb.countries.items():
        for name in (*country.names, *country.adjectives):
            index[name.lower()].append(("country", code))
        for seat in country.seats:
            index[seat.lower()].append(("seat", code))
    for key, entry in kb.entries.items():
        for name in (entry.name, *entry.aliases):
            index[name.lower()].append(("entry", key))
    for wid, weapon in kb.weapons.items():
        for name in (weapon.name, *weapon.aliases):
            index[name.lower()].append(("weapon", wid))
    for rid, role in kb.roles.items():
        for name in (role.name, *role.aliases):
            index[name.lower()].append(("role", rid))
    return index
