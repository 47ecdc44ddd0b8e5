"""Clean: repair text, strip page furniture, read metadata, mark duplicates."""

from pipelines.clean.documents import clean_document, mark_duplicates

__all__ = ["clean_document", "mark_duplicates"]
