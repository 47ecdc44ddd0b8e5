"""Role candidates (person, title, body, status) from the parse.

First version: no role extraction yet; issue #5 builds it. The table keeps its full schema.
"""

from __future__ import annotations


def extract_roles(doc, meta, mentions: list[dict]) -> list[dict]:
    return []
