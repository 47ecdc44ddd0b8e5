"""A sensor that starts the job when files land in (or change in) the input folder. Off by default."""


import hashlib
import os

import dagster as dg

from pipelines.defs.jobs import newsfacts_job
from pipelines.settings import Settings


def input_fingerprint(root: str) -> tuple[str, int]:
    """Hash of every file's relative path, size and mtime: cheap, no file is read."""
    h = hashlib.sha256()
    count = 0
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            try:
                st = os.lstat(path)
            except OSError:
                continue
            h.update(f"{os.path.relpath(path, root)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
            count += 1
    return h.hexdigest(), count


@dg.sensor(job=newsfacts_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.STOPPED)
def new_input_files(context: dg.SensorEvaluationContext):
    """Request a run when the input folder's listing changes since the last evaluation."""
    root = Settings.from_env().input_dir
    if not os.path.isdir(root):
        return dg.SkipReason(f"input folder {root} does not exist")
    fp, count = input_fingerprint(root)
    if fp == context.cursor:
        return dg.SkipReason(f"no change in {count} files")
    context.update_cursor(fp)
    return dg.RunRequest(run_key=fp, tags={"newsfacts/input_files": str(count)})
