"""newsfacts: raw news articles to validated, versioned tables of people, roles, organizations and events.

The data flow is ingest -> clean -> extract -> validate -> publish, one sub-package each. The core
packages know nothing of Dagster; ``pipelines.defs`` wires them into an asset graph.
"""

__version__ = "0.1.0"
