"""What changed since the previous release: rows added and removed per table, new entities and events.

Rows are matched by each table's id column (documents by `doc_id`, people by `person_id`, ...;
`rejected` by `source`). Ids are content-derived, so a row whose id is in both releases is the same
row. The result goes into `datapackage.json` (`changes`) and the dataset card.
"""

from __future__ import annotations

import os

import polars as pl

KEYS = {
    "documents": "doc_id",
    "rejected": "source",
    "mentions": "mention_id",
    "people": "person_id",
    "organizations": "org_id",
    "roles": "role_id",
    "events": "event_id",
}
SAMPLE = 20  # names listed per kind of new thing


def key_column(table: str, df: pl.DataFrame) -> str | None:
    if table in KEYS and KEYS[table] in df.columns:
        return KEYS[table]
    ids = [c for c in df.columns if c.endswith("_id")]
    return ids[0] if ids else None


def release_diff(tables: dict[str, pl.DataFrame], output_root: str | os.PathLike) -> dict:
    """Compare `tables` with the latest release under `output_root` (first release: everything is new)."""
    from pipelines.releases import load
    from pipelines.publish.release import read_latest

    latest = read_latest(output_root)
    previous: dict[str, pl.DataFrame | None] = {}
    for name, df in tables.items():
        key = key_column(name, df)
        prev = None
        if latest is not None and key is not None:
            try:
                prev = load(name, output_root, latest["version"]).select(key).collect()
            except (FileNotFoundError, pl.exceptions.PolarsError):
                prev = None
        previous[name] = prev
    return diff_tables(tables, previous, latest["version"] if latest else None)


def diff_tables(tables: dict[str, pl.DataFrame], previous: dict[str, pl.DataFrame | None], previous_version: str | None) -> dict:
    per_table = {}
    new_ids: dict[str, pl.Series] = {}
    for name, df in tables.items():
        key = key_column(name, df)
        prev = previous.get(name)
        entry = {"rows": df.height, "previous_rows": None if prev is None else prev.height}
        if key is None:
            entry.update(added=None, removed=None)
        else:
            now_ids = df.get_column(key).drop_nulls().unique()
            old_ids = pl.Series(key, [], dtype=now_ids.dtype) if prev is None else prev.get_column(key).drop_nulls().unique()
            added = now_ids.filter(~now_ids.is_in(old_ids.implode()))
            removed = old_ids.filter(~old_ids.is_in(now_ids.implode()))
            entry.update(added=added.len(), removed=removed.len())
            new_ids[name] = added
        per_table[name] = entry
    out = {"previous_version": previous_version, "tables": per_table}
    for name, label in (("people", "new_people"), ("organizations", "new_organizations")):
        if name in new_ids and "name" in tables[name].columns:
            key = key_column(name, tables[name])
            names = tables[name].filter(pl.col(key).is_in(new_ids[name].implode())).sort("name").get_column("name")
            out[label] = {"count": names.len(), "sample": names.head(SAMPLE).to_list()}
    if "events" in new_ids:
        ev = tables["events"].filter(pl.col("event_id").is_in(new_ids["events"].implode()))
        by_type = ev.group_by("event_type").len().sort(["len", "event_type"], descending=[True, False]) if "event_type" in ev.columns else None
        out["new_events"] = {
            "count": ev.height,
            "by_type": {} if by_type is None else {str(t): int(n) for t, n in by_type.iter_rows()},
        }
    return out


def changes_markdown(changes: dict, esc=str) -> list[str]:
    """Lines for the dataset card."""
    prev = changes.get("previous_version")
    lines = [f"Compared with release `{esc(prev)}`." if prev else "First release: every row is new.", ""]
    lines += ["| table | rows | previous | added | removed |", "|---|---:|---:|---:|---:|"]
    for name, t in changes.get("tables", {}).items():
        fmt = lambda v: "—" if v is None else str(v)  # noqa: E731
        lines.append(f"| `{esc(name)}` | {t['rows']} | {fmt(t['previous_rows'])} | {fmt(t['added'])} | {fmt(t['removed'])} |")
    for key, label in (("new_people", "New people"), ("new_organizations", "New organizations")):
        if changes.get(key):
            sample = changes[key]["sample"]
            more = changes[key]["count"] - len(sample)
            names = ", ".join(esc(n) for n in sample) + (f" and {more} more" if more > 0 else "")
            lines += ["", f"{label} ({changes[key]['count']}): {names or '—'}"]
    if changes.get("new_events"):
        ev = changes["new_events"]
        types = ", ".join(f"{esc(t)} {n}" for t, n in ev["by_type"].items())
        lines += ["", f"New events ({ev['count']}): {types or '—'}"]
    return lines
