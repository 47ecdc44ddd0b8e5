"""Dagster entry point: every definition under `pipelines/defs/`.

Loading must stay cheap: no spaCy or Great Expectations import happens here.
"""

import dagster as dg

import pipelines.defs


def build_definitions() -> dg.Definitions:
    return dg.components.load_defs(defs_root=pipelines.defs)


@dg.definitions
def defs() -> dg.Definitions:
    return build_definitions()
