"""Ingestion batches as Dagster dynamic partitions, so 100k documents do not mean 100k runs.

- `new_input_batches` (sensor, off by default): every new or changed file since the last batch goes
  into one batch; it writes the batch's manifest under the state folder, adds the batch as a
  partition of `ingest_batches` and requests one `ingest_batch_job` run for it.
- `ingest_batch_job` (partitioned by `ingest_batches`): ingests, cleans and parses only that batch's
  files into the shared, content-addressed caches. Batches run in parallel (pool `newsfacts_parse`,
  `NEWSFACTS_EXECUTOR`, docs/scaling.md).
- `corpus_after_batch` (run-status sensor, off by default): when a batch run succeeds, requests the
  unpartitioned `newsfacts_job`, whose corpus-level assets read every batch through the caches and
  so parse nothing.

Switch on either `new_input_files` (one corpus run per change, simplest) or `new_input_batches` +
`corpus_after_batch` (batches first: parallel, resumable per batch, visible as partitions).
"""

import os

import dagster as dg

from pipelines.defs.jobs import newsfacts_job
from pipelines.defs.metadata import report
from pipelines.defs.resources import NewsfactsSettings
from pipelines.settings import Settings

ingest_batches = dg.DynamicPartitionsDefinition(name="ingest_batches")


@dg.op(pool="newsfacts_parse", out=dg.Out(dg.Nothing))
def process_ingest_batch(context: dg.OpExecutionContext, settings: NewsfactsSettings) -> None:
    """Ingest, clean and parse the files of this batch into the caches the corpus run reads."""
    from pipelines.batches import process_batch

    counts = process_batch(settings.to_settings(), context.partition_key, progress=lambda msg: report(context, msg))
    report(context, "batch {key}: {files} files, {documents} documents, {rejected} rejected, {parsed} parsed, {cached} from cache".format(key=context.partition_key, **counts))


@dg.job(partitions_def=ingest_batches, description="Clean and parse one batch of new input files into the caches.")
def ingest_batch_job():
    process_ingest_batch()


@dg.sensor(job=ingest_batch_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.STOPPED)
def new_input_batches(context: dg.SensorEvaluationContext):
    """One batch partition (and one run) for all files that are new or changed since the last batch."""
    from pipelines.batches import plan_batch

    s = Settings.from_env()
    if not os.path.isdir(s.input_dir):
        return dg.SkipReason(f"input folder {s.input_dir} does not exist")
    planned = plan_batch(s.input_dir, s.state_dir)
    if planned is None:
        return dg.SkipReason("no new or changed files")
    key, manifest = planned
    return dg.SensorResult(
        run_requests=[dg.RunRequest(partition_key=key, run_key=key, tags={"newsfacts/batch_files": str(len(manifest["files"]))})],
        dynamic_partitions_requests=[ingest_batches.build_add_request([key])],
    )


@dg.run_status_sensor(
    run_status=dg.DagsterRunStatus.SUCCESS,
    monitored_jobs=[ingest_batch_job],
    request_job=newsfacts_job,
    default_status=dg.DefaultSensorStatus.STOPPED,
)
def corpus_after_batch(context: dg.RunStatusSensorContext):
    """After a batch is in the caches, rebuild the corpus-level tables and the release."""
    return dg.RunRequest(run_key=f"after-{context.dagster_run.run_id}")
