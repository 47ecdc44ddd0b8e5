"""Publish: immutable, versioned Parquet releases, a data package descriptor and a dataset card."""

from pipelines.publish.release import ReleaseResult, list_releases, publish_release, read_latest

__all__ = ["ReleaseResult", "list_releases", "publish_release", "read_latest"]
