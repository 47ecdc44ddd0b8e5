"""Ingest: find every file under the input root, decode it, or reject it with a reason."""

from pipelines.ingest.files import RawDocument, Rejection, scan_input

__all__ = ["RawDocument", "Rejection", "scan_input"]
