"""Across documents: events of the same type between the same resolved participants at close dates
are one real-world event reported by several sources (as GDELT's mention counts)."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import polars as pl

# How far apart two reports of one event may date it, by the coarser of the two precisions.
TOLERANCE = {"day": timedelta(days=2), "week": timedelta(days=7), "month": timedelta(days=31), "year": timedelta(days=366)}


def _norm(text: str | None) -> str | None:
    if not text:
        return None
    return " ".join(text.lower().replace("the ", " ").split()) or None


def _participant(entity_id: str | None, text: str | None) -> str | None:
    return entity_id or (("text:" + t) if (t := _norm(text)) else None)


def _close(a: tuple[date | None, str | None], b: tuple[date | None, str | None]) -> bool:
    (da, pa), (db, pb) = a, b
    if da is None or db is None:
        return False
    tol = max(TOLERANCE.get(pa or "day", TOLERANCE["day"]), TOLERANCE.get(pb or "day", TOLERANCE["day"]))
    return abs(da - db) <= tol


def cluster_events(events: pl.DataFrame) -> pl.DataFrame:
    """Fill `event_cluster_id` and `source_count` (distinct documents in the cluster).

    Key: event type, actor and recipient (entity ids when resolved, else normalised text); an event with
    neither participant stays alone. Within a key, dated events chain when their dates are close. An
    undated event whose key has a resolved entity joins the key's cluster when there is only one;
    otherwise undated events join only reports of the same key in the same document.
    """
    if events.height == 0:
        return events
    rows = events.select("event_id", "doc_id", "event_type", "actor_entity_id", "actor_text",
                         "recipient_entity_id", "recipient_text", "event_date", "date_precision").to_dicts()
    parent = list(range(len(rows)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    groups: dict[tuple, list[int]] = {}
    for i, r in enumerate(rows):
        actor = _participant(r["actor_entity_id"], r["actor_text"])
        recipient = _participant(r["recipient_entity_id"], r["recipient_text"])
        if actor is None and recipient is None:
            continue
        groups.setdefault((r["event_type"], actor, recipient), []).append(i)
    for members in groups.values():
        dated = sorted((i for i in members if rows[i]["event_date"] is not None), key=lambda i: rows[i]["event_date"])
        for a, b in zip(dated, dated[1:]):
            if _close((rows[a]["event_date"], rows[a]["date_precision"]), (rows[b]["event_date"], rows[b]["date_precision"])):
                parent[find(b)] = find(a)
        undated = [i for i in members if rows[i]["event_date"] is None]
        strong = any(rows[members[0]][k] for k in ("actor_entity_id", "recipient_entity_id"))
        if strong and undated:
            # nothing contradicts an undated report of a resolved participant: it joins the key's only
            # dated cluster, or the other undated reports when there is none
            roots = {find(i) for i in dated}
            if len(roots) <= 1:
                anchor = next(iter(roots)) if roots else undated[0]
                for i in undated:
                    parent[find(i)] = find(anchor)
                continue
        by_doc: dict[str, int] = {}
        for i in undated:
            d = rows[i]["doc_id"]
            if d in by_doc:
                parent[find(i)] = find(by_doc[d])
            else:
                by_doc[d] = i

    clusters: dict[int, list[int]] = {}
    for i in range(len(rows)):
        clusters.setdefault(find(i), []).append(i)
    cluster_id = [""] * len(rows)
    count = [0] * len(rows)
    for members in clusters.values():
        key = "|".join(sorted(rows[i]["event_id"] for i in members))
        cid = "evc_" + hashlib.sha1(key.encode()).hexdigest()[:16]
        n = len({rows[i]["doc_id"] for i in members})
        for i in members:
            cluster_id[i], count[i] = cid, n
    return events.with_columns(
        pl.Series("event_cluster_id", cluster_id, dtype=pl.String),
        pl.Series("source_count", count, dtype=pl.Int64),
    )
