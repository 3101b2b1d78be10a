"""`flashpoint kb check`: every file and cross-reference, each problem naming file and entry."""

from __future__ import annotations

from collections import defaultdict

from flashpoint.kb.knowledge import KnowledgeBase


def _where(entry) -> str:
    return f"{entry.file}: entry '{entry.id}'"


def _check_actors(kb: KnowledgeBase, problems: list[str]) -> None:
    for entry in kb.entries.values():
        if not entry.source:
            problems.append(f"{_where(entry)}: no 'source'; say where the fact comes from")
        if entry.country and entry.country not in kb.countries:
            problems.append(f"{_where(entry)}: unknown country code '{entry.country}'")
        if entry.kind == "person":
            offices = {r.office for r in kb.roles.values() if r.office}
            for role in kb.offices.get(entry.id, []):
                if offices and role.office not in offices:
                    problems.append(f"{_where(entry)}: role '{role.office}' is not an office in roles.yaml")
                if role.span.since and role.span.until and role.span.since > role.span.until:
                    problems.append(f"{_where(entry)}: role '{role.office}' ends before it starts")
    for membership in kb.memberships:
        if membership.country not in kb.countries:
            problems.append(f"organisations.yaml: entry '{membership.organisation}': unknown member country '{membership.country}'")


def _check_weapons(kb: KnowledgeBase, problems: list[str]) -> None:
    assault_modes = {m["id"] for m in (kb.plover.get("ASSAULT") or {}).get("modes", [])}
    owners: dict[str, set[str]] = defaultdict(set)
    for weapon in kb.weapons.values():
        where = f"{'weapon_words' if weapon.generic else 'weapons'}.yaml: entry '{weapon.id}'"
        if not weapon.source:
            problems.append(f"{where}: no 'source'")
        if weapon.manufacturer and f"company:{weapon.manufacturer}" not in kb.entries:
            problems.append(f"{where}: manufacturer '{weapon.manufacturer}' is not in companies.yaml")
        if weapon.type and weapon.type not in kb.weapon_types:
            problems.append(f"{where}: type '{weapon.type}' is not in weapon_types.yaml")
        if weapon.origin and weapon.origin not in kb.countries:
            problems.append(f"{where}: unknown origin country '{weapon.origin}'")
        if weapon.mode and assault_modes and weapon.mode not in assault_modes:
            problems.append(f"{where}: mode '{weapon.mode}' is not an ASSAULT mode in plover.yaml")
        if not weapon.generic:
            for name in (weapon.name, *weapon.aliases):
                owners[name.lower()].add(weapon.id)
    for name, ids in owners.items():
        if len(ids) > 1:
            problems.append(f"weapons.yaml: alias '{name}' names several systems: {', '.join(sorted(ids))}")


def _check_triggers(kb: KnowledgeBase, problems: list[str]) -> None:
    for trigger in kb.triggers:
        where = f"triggers.yaml: entry '{trigger.get('id')}'"
        plover = kb.plover.get(trigger.get("type"))
        if plover is None:
            problems.append(f"{where}: type '{trigger.get('type')}' is not a PLOVER type in plover.yaml")
            continue
        modes = {m["id"] for m in plover.get("modes", [])}
        if trigger.get("mode") and trigger["mode"] not in modes:
            problems.append(f"{where}: mode '{trigger['mode']}' is not a mode of {trigger['type']}")


REGION_KINDS = {"ocean", "sea", "gulf", "strait", "lake", "river", "canal", "peninsula", "region", "continent",
                "division"}


def _check_regions(kb: KnowledgeBase, problems: list[str]) -> None:
    for rid, region in kb.regions.items():
        where = f"{region.get('_file', 'regions.yaml')}: entry '{rid}'"
        if not region.get("name"):
            problems.append(f"{where}: no 'name'")
        if region.get("kind") not in REGION_KINDS:
            problems.append(f"{where}: kind '{region.get('kind')}' is none of {', '.join(sorted(REGION_KINDS))}")
        if region.get("country") and region["country"] not in kb.countries:
            problems.append(f"{where}: country '{region['country']}' is not a country code of the knowledge base")
        if not region.get("source"):
            problems.append(f"{where}: no 'source'; say where the fact comes from")


def check(kb: KnowledgeBase) -> list[str]:
    problems: list[str] = []
    _check_actors(kb, problems)
    _check_weapons(kb, problems)
    _check_triggers(kb, problems)
    _check_regions(kb, problems)
    return problems
