"""`flashpoint kb lookup`: what a name resolves to on a date, and why."""

from __future__ import annotations

from flashpoint.kb.knowledge import KnowledgeBase, Resolution, index_by_name


def _why_entry(kb: KnowledgeBase, key: str, on: str | None) -> tuple[str | None, str]:
    entry = kb.entries[key]
    if entry.kind == "person":
        roles = kb.offices_on(entry.id, on)
        if not roles:
            held = ", ".join(f"{r.office} {r.span.since or '?'}..{r.span.until or ''}" for r in kb.offices.get(entry.id, []))
            return None, f"holds no listed office on {on or 'today'} (offices: {held or 'none'})"
        sectors = {kb_role.sector for r in roles for kb_role in kb.roles.values() if kb_role.office == r.office}
        sector = sorted(s for s in sectors if s)[0] if any(sectors) else "GOV"
        tenure = "; ".join(f"{r.office} since {r.span.since or '?'}" + (f" until {r.span.until}" if r.span.until else "") for r in roles)
        return f"{entry.country}{sector}", tenure
    if entry.kind == "igo":
        members = sorted(kb.members(entry.id, on))
        return entry.code, f"organisation; {len(members)} members on {on or 'today'}: {', '.join(members[:12])}{' ...' if len(members) > 12 else ''}"
    return entry.code, f"{entry.kind} ({entry.sector or 'no sector'})"


def lookup(kb: KnowledgeBase, name: str, on: str | None = None) -> list[Resolution]:
    found = []
    for kind, key in index_by_name(kb).get(name.strip().lower(), []):
        if kind in ("country", "seat"):
            country = kb.countries[key]
            why = "country name or adjective" if kind == "country" else "seat of government: as an actor it means the government"
            code = key if kind == "country" else f"{key}GOV"
            found.append(Resolution(name, kind, key, code, key, country.name, why, "generated + countries.yaml"))
        elif kind == "entry":
            entry = kb.entries[key]
            code, why = _why_entry(kb, key, on)
            found.append(Resolution(name, entry.kind, entry.id, code, entry.country, entry.name, why, entry.file))
        elif kind == "weapon":
            weapon = kb.weapons[key]
            why = f"{'generic weapon word' if weapon.generic else weapon.type}; origin {weapon.origin}; maker {weapon.manufacturer}"
            found.append(Resolution(name, "weapon", key, None, weapon.origin, weapon.name, why, "weapons.yaml"))
        else:
            role = kb.roles[key]
            found.append(Resolution(name, "role", key, role.sector, None, role.name, f"role noun ({role.kind})", "roles.yaml"))
    return found
