"""PLOVER event candidates from the parse.

First version: no event extraction yet; issue #6 builds it. The table keeps its full schema.
"""

from __future__ import annotations


def extract_events(doc, meta, mentions: list[dict]) -> list[dict]:
    return []
