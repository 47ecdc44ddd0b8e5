"""Extract group: one spaCy pass over the documents, then one asset per published table."""


import dagster as dg
import polars as pl

from pipelines import schema
from pipelines.defs.checks import table_check_specs, validated
from pipelines.defs.metadata import schema_metadata, table_metadata, report
from pipelines.defs.resources import NewsfactsSettings
from pipelines.extract import tables

KINDS = {"polars", "parquet"}


def _inputs(documents: pl.DataFrame):
    from pipelines.extract.run import inputs_from_documents

    return inputs_from_documents(documents)  # English, with text, not a duplicate


@dg.multi_asset(
    outs={
        "mention_candidates": dg.AssetOut( group_name="extract", kinds=KINDS | {"spacy"},
                     description="Entity mentions straight from the parse, before resolution.",
                     metadata=schema_metadata(schema.TABLES["mentions"])),
        "role_candidates": dg.AssetOut( group_name="extract", kinds=KINDS | {"spacy"},
                     description="Role statements from the parse, before their people and bodies get ids.",
                     metadata=schema_metadata(schema.candidate_schema("roles"))),
        "event_candidates": dg.AssetOut( group_name="extract", kinds=KINDS | {"spacy"},
                     description="PLOVER events from the parse, before their actors get ids.",
                     metadata=schema_metadata(schema.candidate_schema("events"))),
    },
    ins={"documents": dg.AssetIn("documents")},
    # One parse step at a time per pool slot: it already uses every core with its own workers
    # (limits in dagster.yaml; on a cluster raise them, see docs/scaling.md).
    pool="newsfacts_parse",
)
def parse_documents(context: dg.AssetExecutionContext, settings: NewsfactsSettings, documents: pl.DataFrame):
    """The only spaCy pass: every English, non-duplicate document is parsed once and every extractor reads that parse."""
    from pipelines.extract.run import extract_candidates

    # Documents parsed before (same text, metadata, model and extractor code) come from the cache
    # under the state folder; only new ones are parsed, in worker processes (pipelines/extract/parallel.py).
    out, stats = extract_candidates(
        _inputs(documents), settings.spacy_model, n_process=settings.n_process, batch_size=settings.batch_size,
        cache_dir=settings.to_settings().state_dir, progress=lambda msg: report(context, msg),
    )
    counts = {"documents_parsed": stats.parsed, "documents_cached": stats.cached, "n_process": stats.n_process}
    for name, key in (("mentions", "mention_candidates"), ("roles", "role_candidates"), ("events", "event_candidates")):
        yield dg.Output(out[name], output_name=key, metadata=table_metadata(out[name], **counts))


@dg.asset(group_name="extract", kinds=KINDS, metadata=schema_metadata({"mention_id": pl.String, "entity_id": pl.String}))
def entity_links(mention_candidates: pl.DataFrame, documents: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    """Mention -> person_id / org_id: names, short forms, acronyms and variants resolved within and across documents."""
    links, _ = tables.resolve(mention_candidates, documents)
    return dg.Output(links, metadata=table_metadata(links, entities=links["entity_id"].n_unique()))


@dg.asset(group_name="extract", kinds=KINDS, metadata=schema_metadata(schema.TABLES["mentions"]),
          check_specs=table_check_specs("mentions"))
@validated("mentions")
def mentions(mention_candidates: pl.DataFrame, entity_links: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    """Every entity mention with its offsets into `documents.text` and its resolved entity id."""
    df = tables.link_mentions(mention_candidates, entity_links)
    return dg.Output(df, metadata=table_metadata(df))


@dg.asset(group_name="extract", kinds=KINDS, metadata=schema_metadata(schema.TABLES["people"]),
          check_specs=table_check_specs("people"))
@validated("people")
def people(mention_candidates: pl.DataFrame, documents: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    """One row per real person, with every way the press writes the name."""
    _, clusters = tables.resolve(mention_candidates, documents)
    df = tables.people_table(clusters)
    return dg.Output(df, metadata=table_metadata(df))


@dg.asset(group_name="extract", kinds=KINDS, metadata=schema_metadata(schema.TABLES["organizations"]),
          check_specs=table_check_specs("organizations"))
@validated("organizations")
def organizations(mention_candidates: pl.DataFrame, documents: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    """One row per organization: acronym, type and country where known."""
    _, clusters = tables.resolve(mention_candidates, documents)
    df = tables.organizations_table(clusters)
    return dg.Output(df, metadata=table_metadata(df))


@dg.asset(group_name="extract", kinds=KINDS, metadata=schema_metadata(schema.TABLES["roles"]),
          check_specs=table_check_specs("roles"))
@validated("roles")
def roles(role_candidates: pl.DataFrame, mentions: pl.DataFrame, organizations: pl.DataFrame, people: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    """Who holds which title, for which body, with status and the sentence that says so."""
    df = tables.roles_table(role_candidates, mentions, organizations, people)
    return dg.Output(df, metadata=table_metadata(df))


@dg.asset(group_name="extract", kinds=KINDS, metadata=schema_metadata(schema.TABLES["role_timeline"]),
          check_specs=table_check_specs("role_timeline"))
@validated("role_timeline")
def role_timeline(roles: pl.DataFrame, people: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    """One row per person and title across documents: first and last date seen, every status seen."""
    from pipelines.extract.roles_timeline import role_timeline as build

    df = build(roles, people)
    return dg.Output(df, metadata=table_metadata(df))


@dg.asset(group_name="extract", kinds=KINDS, metadata=schema_metadata(schema.TABLES["events"]),
          check_specs=table_check_specs("events"))
@validated("events")
def events(event_candidates: pl.DataFrame, mentions: pl.DataFrame) -> dg.Output[pl.DataFrame]:
    """PLOVER-typed events with actor, recipient, date, place and the evidence sentence."""
    df = tables.events_table(event_candidates, mentions)
    return dg.Output(df, metadata=table_metadata(df))
