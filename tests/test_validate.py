"""The quality gate's core: suites in expectations/, GX validation of polars tables, report, diff."""

import json
from datetime import date
from pathlib import Path

import polars as pl
import pytest

from pipelines import schema
from pipelines.publish.diff import diff_tables
from pipelines.validate.report import package_summary, render_html
from pipelines.validate.runner import QualityReport, validate_release, validate_table
from pipelines.validate.suites import SuiteError, load_suites, parse_suite

SUITES_DIR = Path(__file__).resolve().parent.parent / "expectations"
RUN_DATE = date(2026, 1, 15)

TEXT_A = "Farmers protested in Accra on Monday. President John Mahama met the Farmers Union."
TEXT_B = "The Farmers Union accused the ministry of delays."


@pytest.fixture(scope="module")
def suites():
    return load_suites(SUITES_DIR)


def _span(text, s):
    i = text.index(s)
    return i, i + len(s)


def good_tables() -> dict[str, pl.DataFrame]:
    """A tiny release that honours every expectation."""
    docs = schema.from_rows("documents", [
        {"doc_id": "doc_" + "a" * 16, "source": "a.txt", "published_date": date(2025, 12, 1), "language": "en", "format": "text",
         "encoding": "utf-8", "text": TEXT_A, "raw_chars": len(TEXT_A), "clean_chars": len(TEXT_A), "content_sha256": "a" * 64,
         "dateline_month_day": "12-01", "url": "https://example.org/a"},
        {"doc_id": "doc_" + "b" * 16, "source": "b.html", "language": "en", "format": "html", "encoding": "cp1252",
         "text": TEXT_B, "raw_chars": 90, "clean_chars": len(TEXT_B), "content_sha256": "b" * 64},
        {"doc_id": "doc_" + "c" * 16, "source": "c.txt", "language": "en", "format": "text", "encoding": "utf-8",
         "text": TEXT_B, "raw_chars": 60, "clean_chars": len(TEXT_B), "content_sha256": "c" * 64, "duplicate_of": "doc_" + "b" * 16},
    ])
    a, b = "doc_" + "a" * 16, "doc_" + "b" * 16
    per, org = "per_0123456789ab", "org_0123456789ab"
    ms = []
    for doc, text, s, label, ent in [(a, TEXT_A, "Accra", "GPE", None), (a, TEXT_A, "John Mahama", "PERSON", per),
                                     (a, TEXT_A, "the Farmers Union", "ORG", org), (b, TEXT_B, "The Farmers Union", "ORG", org)]:
        st, en = _span(text, s)
        ms.append({"mention_id": f"{doc}:{st}-{en}", "doc_id": doc, "sentence_index": 0, "start_char": st, "end_char": en,
                   "text": s, "label": label, "entity_id": ent})
    sent_a = "President John Mahama met the Farmers Union."
    sa, ea = _span(TEXT_A, sent_a)
    sb, eb = 0, len(TEXT_B)
    return {
        "documents": docs,
        "rejected": schema.from_rows("rejected", [{"source": "empty.txt", "reason": "empty", "detail": "0 bytes"}]),
        "mentions": schema.from_rows("mentions", ms),
        "people": schema.from_rows("people", [{"person_id": per, "name": "John Mahama", "aliases": [], "mention_count": 1, "document_count": 1}]),
        "organizations": schema.from_rows("organizations", [{"org_id": org, "name": "Farmers Union", "aliases": ["the Farmers Union"],
                                                             "org_type": "ngo", "country_code": "GHA", "mention_count": 2, "document_count": 2}]),
        "roles": schema.from_rows("roles", [{"role_id": "role_0123456789abcdef", "person_id": per, "person_text": "John Mahama",
                                             "title": "president", "title_text": "President", "country_code": "GHA", "status": "current",
                                             "doc_id": a, "sentence_text": sent_a, "start_char": sa, "end_char": ea,
                                             "as_of_date": date(2025, 12, 1), "confidence": 0.9}]),
        "events": schema.from_rows("events", [{"event_id": "evt_0123456789abcdef", "doc_id": b, "event_type": "ACCUSE", "event_mode": "",
                                               "trigger": "accused", "actor_text": "The Farmers Union", "actor_entity_id": org,
                                               "negated": False, "modality": "asserted", "sentence_text": TEXT_B, "start_char": sb,
                                               "end_char": eb, "confidence": 0.7, "event_cluster_id": "clu_1", "source_count": 1,
                                               "event_date": date(2025, 11, 30), "date_precision": "day"}]),
    }


def _validate(suites, tables):
    return validate_release(suites, tables, suites_dir=str(SUITES_DIR), run_date=RUN_DATE)


def _failed(report: QualityReport) -> set[tuple[str, str]]:
    return {(r.table, r.name) for r in report.failures}


def test_every_table_has_a_suite_of_meaningful_expectations(suites):
    assert set(schema.RELEASE_TABLES) <= set(suites)
    for table in schema.RELEASE_TABLES:
        exps = suites[table].expectations
        assert len(exps) >= 5, table
        assert {e.severity for e in exps} <= {"critical", "warning"}
        kinds = {e.type for e in exps}
        assert "expect_table_columns_to_match_ordered_list" in kinds, table
        assert any(e.type == "expect_column_values_to_be_unique" for e in exps) or table == "rejected"
    # Cross-table expectations exist where tables point at each other.
    for table in ("mentions", "roles", "events"):
        assert {"documents"} <= set().union(*(e.requires() for e in suites[table].expectations)), table
    assert all(not e.requires() for e in suites["mentions"].local())


def test_clean_release_passes_every_expectation(suites):
    tables = good_tables()
    report = _validate(suites, tables)
    assert [r.message() for r in report.failures] == []
    assert report.summary()["evaluated"] == sum(len(suites[t].expectations) for t in tables if t in suites)
    assert all(r.error is None for r in report.results)


def test_empty_tables_fail_only_row_count_warnings(suites):
    report = _validate(suites, {t: schema.empty(t) for t in schema.RELEASE_TABLES})
    assert all(r.error is None for r in report.results), [r.message() for r in report.results if r.error]
    assert report.blocking == []
    assert _failed(report) == {("documents", "at_least_one_document"), ("mentions", "at_least_one_mention")}


@pytest.mark.parametrize(
    "table, change, expected",
    [
        ("mentions", lambda df: df.with_columns(pl.col("end_char") + 500), {"offsets_inside_document", "text_is_document_span"}),
        ("mentions", lambda df: df.with_columns(pl.lit("per_ffffffffffff").alias("entity_id")), {"entity_id_references_entities"}),
        ("mentions", lambda df: df.with_columns(pl.lit("doc_missing").alias("doc_id")), {"doc_id_references_documents"}),
        ("mentions", lambda df: df.with_columns(pl.lit("SPECIES").alias("label")), {"label_in_set"}),
        ("mentions", lambda df: pl.concat([df, df.head(1)]), {"mention_id_unique"}),
        ("events", lambda df: df.with_columns(pl.lit("PARTY").alias("event_type"), pl.lit(1.5).alias("confidence")),
         {"event_type_in_set", "confidence_in_unit_interval"}),
        ("events", lambda df: df.with_columns(pl.lit(date(1850, 1, 1)).alias("event_date")), {"event_date_plausible"}),
        ("events", lambda df: df.with_columns(pl.lit("org_missing").alias("actor_entity_id")), {"actor_entity_id_references_entities"}),
        ("roles", lambda df: df.with_columns(pl.lit("per_missing").alias("person_id"), pl.lit("boss").alias("status")),
         {"person_id_references_people", "status_in_set"}),
        ("roles", lambda df: df.with_columns(pl.col("start_char") - 5, pl.col("end_char") - 5), {"offsets_point_at_evidence"}),
        ("documents", lambda df: df.with_columns(pl.lit(date(2030, 1, 1)).alias("published_date")), {"published_date_plausible"}),
        ("documents", lambda df: df.with_columns(pl.col("clean_chars") + 1), {"clean_chars_is_text_length"}),
        ("rejected", lambda df: df.with_columns(pl.lit("weird").alias("reason")), {"reason_in_set"}),
        ("rejected", lambda df: df.with_columns(pl.lit("a.txt").alias("source")), {"not_also_a_document"}),
        ("organizations", lambda df: df.with_columns(pl.lit("club").alias("org_type"), pl.lit("gh").alias("country_code")),
         {"org_type_in_set", "country_code_iso3"}),
        ("people", lambda df: df.with_columns(pl.lit(0, dtype=pl.Int64).alias("document_count")), {"document_count_positive"}),
        ("people", lambda df: df.with_columns(pl.lit(7, dtype=pl.Int64).alias("mention_count"), pl.lit(5, dtype=pl.Int64).alias("document_count")),
         {"document_count_at_most_documents", "mention_count_matches_mentions"}),
        ("people", lambda df: df.with_columns(pl.lit("x").alias("extra")), {"columns_match_contract"}),
    ],
)
def test_broken_tables_fail_the_right_expectations(suites, table, change, expected):
    tables = good_tables()
    tables[table] = change(tables[table])
    result = validate_table(suites[table], tables[table], tables, run_date=RUN_DATE)
    assert {r.name for r in result.results if not r.success} == expected
    assert all(r.error is None for r in result.results)


def test_failure_carries_unexpected_values_and_a_clear_message(suites):
    tables = good_tables()
    tables["mentions"] = tables["mentions"].with_columns(pl.lit("<script>alert(1)</script>").alias("label"))
    report = _validate(suites, tables)
    r = next(r for r in report.failures if r.name == "label_in_set")
    assert r.severity == "critical" and r.blocking_failure
    assert r.unexpected_count == 4 and r.unexpected_values == [{"value": "<script>alert(1)</script>", "count": 4}]
    assert "label_in_set" in r.message() and "mentions" in r.message()
    page = render_html(report)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    summary = package_summary(report)
    assert summary["summary"]["critical_failed"] >= 1 and summary["tables"]["mentions"]["critical"]["failed"] >= 1
    json.dumps(summary)  # goes into datapackage.json
    again = QualityReport.from_dict(json.loads(json.dumps(report.to_dict())))
    assert again.summary() == report.summary()


def test_suite_errors_are_clear():
    ok = {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "doc_id"}, "meta": {"severity": "critical"}}
    with pytest.raises(SuiteError, match="meta.severity"):
        parse_suite("documents", {"expectations": [{**ok, "meta": {}}]})
    with pytest.raises(SuiteError, match="duplicate name"):
        parse_suite("documents", {"expectations": [ok, ok]})
    suite = parse_suite("documents", {"expectations": [ok, {**ok, "meta": {"severity": "warning", "name": "again"}}]})
    assert [e.name for e in suite.expectations] == ["doc_id__not_be_null", "again"]


def test_invalid_expectation_is_reported_not_crashing(suites):
    bad = parse_suite("people", {"expectations": [
        {"type": "expect_no_such_thing", "kwargs": {}, "meta": {"severity": "critical", "name": "bogus"}},
        {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "name"}, "meta": {"severity": "warning"}},
    ]})
    report = _validate({"people": bad}, {"people": good_tables()["people"]})
    by_name = {r.name: r for r in report.results}
    assert not by_name["bogus"].success and "invalid expectation" in by_name["bogus"].error
    assert by_name["name__not_be_null"].success


def test_release_diff_counts_added_removed_and_new_entities():
    old = good_tables()
    new = good_tables()
    new["people"] = pl.concat([new["people"], schema.from_rows("people", [{"person_id": "per_new000000000", "name": "Ama Ata", "aliases": [],
                                                                          "mention_count": 1, "document_count": 1}])])
    new["events"] = new["events"].clear()
    previous = {"people": old["people"].select("person_id"), "events": old["events"].select("event_id")}
    d = diff_tables({"people": new["people"], "events": new["events"]}, previous, "v1")
    assert d["tables"]["people"] == {"rows": 2, "previous_rows": 1, "added": 1, "removed": 0}
    assert d["tables"]["events"]["removed"] == 1 and d["new_events"]["count"] == 0
    assert d["new_people"] == {"count": 1, "sample": ["Ama Ata"]}
    first = diff_tables(new, {}, None)
    assert first["previous_version"] is None and first["tables"]["documents"]["added"] == 3


def test_membership_checks_give_the_same_results_as_plain_gx(suites, monkeypatch):
    """Set membership against another table's ids runs on a frame of offending values (fast); the
    verdict, counts, percentages and unexpected values must be those of GX on the original form."""
    import dataclasses

    from pipelines.validate import runner

    tables = good_tables()
    tables["mentions"] = tables["mentions"].with_columns(
        pl.when(pl.int_range(pl.len()) < 2).then(pl.lit("doc_missing")).otherwise(pl.col("doc_id")).alias("doc_id"),
        pl.when(pl.int_range(pl.len()) == 3).then(pl.lit("per_ffffffffffff")).otherwise(pl.col("entity_id")).alias("entity_id"),
    )
    tables["rejected"] = tables["rejected"].with_columns(pl.lit("a.txt").alias("source"))
    fast = {(r.table, r.name): dataclasses.asdict(r) for r in _validate(suites, tables).results}
    runner._LOCAL_MEMO.clear()
    monkeypatch.setattr(runner, "_membership_as_nulls", lambda df, todo, params: (df.select(), {}))
    plain = {(r.table, r.name): dataclasses.asdict(r) for r in _validate(suites, tables).results}
    assert fast == plain
    failed = {k for k, r in fast.items() if not r["success"]}
    assert {("mentions", "doc_id_references_documents"), ("mentions", "entity_id_references_entities"),
            ("rejected", "not_also_a_document")} <= failed
    r = fast[("mentions", "doc_id_references_documents")]
    assert r["unexpected_count"] == 2 and r["unexpected_values"] == [{"value": "doc_missing", "count": 2}]


def test_single_table_results_are_reused_only_for_identical_tables(suites, monkeypatch):
    from pipelines.validate import runner

    runner._LOCAL_MEMO.clear()
    calls = []
    real = runner._run_gx
    monkeypatch.setattr(runner, "_run_gx", lambda table, df, todo, *a: calls.append(table) or real(table, df, todo, *a))
    tables = good_tables()
    suite = suites["people"]
    first = validate_table(suite, tables["people"], expectations=suite.local(), run_date=RUN_DATE)
    n = len(calls)
    assert n > 0
    copy_ = pl.DataFrame(tables["people"].to_dicts(), schema=tables["people"].schema)  # equal content, new object
    again = validate_table(suite, copy_, expectations=suite.local(), run_date=RUN_DATE)
    assert len(calls) == n and again.results == first.results
    changed = copy_.with_columns(pl.lit(0, dtype=pl.Int64).alias("document_count"))
    third = validate_table(suite, changed, expectations=suite.local(), run_date=RUN_DATE)
    assert len(calls) > n
    assert "document_count_positive" in {r.name for r in third.results if not r.success}
