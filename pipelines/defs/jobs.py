"""The one job: the whole asset graph, from raw files to a release."""

import dagster as dg

newsfacts_job = dg.define_asset_job(
    "newsfacts_job",
    selection=dg.AssetSelection.all(),
    description="Ingest, clean, extract, validate and publish the input folder as one release.",
)
