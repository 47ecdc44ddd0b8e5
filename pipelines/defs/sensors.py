"""A sensor that starts the job when files land in (or change in) the input folder. Off by default."""


import os

import dagster as dg

from pipelines.defs.jobs import newsfacts_job
from pipelines.incremental import listing_fingerprint as input_fingerprint  # path, size, mtime; no file is read
from pipelines.settings import Settings


@dg.sensor(job=newsfacts_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.STOPPED)
def new_input_files(context: dg.SensorEvaluationContext):
    """Request a run when the input folder's listing changes since the last evaluation."""
    root = Settings.from_env().input_dir
    if not os.path.isdir(root):
        return dg.SkipReason(f"input folder {root} does not exist")
    fp, count, _ = input_fingerprint(root)
    if fp == context.cursor:
        return dg.SkipReason(f"no change in {count} files")
    context.update_cursor(fp)
    return dg.RunRequest(run_key=fp, tags={"newsfacts/input_files": str(count)})
