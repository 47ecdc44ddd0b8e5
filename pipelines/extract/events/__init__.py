"""PLOVER events: per-document extraction from the parse, and cross-document clustering.

`extract_events(doc, meta, mentions)` gives candidate rows (`schema.candidate_schema("events")`);
`cluster_events(events)` fills `event_cluster_id` and `source_count` once entity ids are known.
"""

from pipelines.extract.events.cluster import cluster_events
from pipelines.extract.events.extract import extract_events

__all__ = ["extract_events", "cluster_events"]
