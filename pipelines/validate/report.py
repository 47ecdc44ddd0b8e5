"""The release's data-quality report: one self-contained, escaped HTML page, and the datapackage summary.

Not GX's Data Docs site builder: that needs a file-backed context and loads its CSS/JS from a CDN,
while a release must open offline from its folder. Every value that comes from the data (unexpected
values, observed values, errors) is HTML-escaped.
"""

from __future__ import annotations

import html
import json

from pipelines.validate.runner import ExpectationResult, QualityReport

REPORT_PATH = "quality/index.html"
RESULTS_PATH = "quality/results.json"


def package_summary(report: QualityReport) -> dict:
    """The `quality` block of datapackage.json: overall summary and per-table counts by severity."""
    tables = {}
    for name, t in report.tables.items():
        c = t.counts()
        entry = {"rows": t.rows, **c}
        if t.note:
            entry["note"] = t.note
        tables[name] = entry
    return {
        "summary": report.summary(),
        "tables": tables,
        "failures": [
            {"table": r.table, "expectation": r.name, "severity": r.severity, "description": r.description,
             "unexpected_count": r.unexpected_count, "detail": r.detail().strip(" ()")}
            for r in report.failures
        ],
        "run_date": report.run_date,
        "suites": report.suites_dir,
        "report": REPORT_PATH,
        "results": RESULTS_PATH,
    }


def _e(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:2rem;color:#1d2327;max-width:80rem}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.9rem}
th,td{border:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f4f5f7}td.n{text-align:right}
.ok{color:#1a7f37;font-weight:600}.fail{color:#cf222e;font-weight:600}.warn{color:#9a6700;font-weight:600}
.badge{display:inline-block;padding:.1rem .5rem;border-radius:1rem;font-size:.8rem;border:1px solid}
.badge.critical{color:#cf222e;border-color:#cf222e}.badge.warning{color:#9a6700;border-color:#9a6700}
code{font-size:.8rem;word-break:break-word}.muted{color:#57606a}
.banner{padding:.8rem 1rem;border-radius:.4rem;margin:1rem 0;font-weight:600}
.banner.ok{background:#dafbe1}.banner.fail{background:#ffebe9}.banner.warn{background:#fff8c5}
"""


def render_html(report: QualityReport, version: str | None = None) -> str:
    s = report.summary()
    title = f"Data quality report{' — release ' + version if version else ''}"
    if s["critical_failed"]:
        banner = ("fail", f"{s['critical_failed']} critical expectation(s) failed: this data must not be published.")
    elif s["warning_failed"]:
        banner = ("warn", f"All critical expectations passed; {s['warning_failed']} warning(s).")
    else:
        banner = ("ok", f"All {s['evaluated']} expectations passed.")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{CSS}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="muted">Validated {_e(report.created)} (run date {_e(report.run_date)}) with the Great Expectations '
        f"suites in <code>{_e(report.suites_dir)}</code>; {s['evaluated']} expectations in {report.seconds:.1f} s. "
        "Critical expectations block a release; warnings are reported here.</p>",
        f'<div class="banner {banner[0]}">{_e(banner[1])}</div>',
        "<h2>Summary</h2>",
        "<table><tr><th>table</th><th>rows</th><th>evaluated</th><th>passed</th>"
        "<th>critical failed</th><th>warning failed</th><th></th></tr>",
    ]
    for name, t in report.tables.items():
        c = t.counts()
        cls = "fail" if c["critical"]["failed"] else "warn" if c["warning"]["failed"] else "ok"
        out.append(
            f'<tr><td><a href="#t-{_e(name)}">{_e(name)}</a></td><td class="n">{_e(t.rows if t.rows is not None else "—")}</td>'
            f'<td class="n">{c["evaluated"]}</td><td class="n">{c["passed"]}</td>'
            f'<td class="n {"fail" if c["critical"]["failed"] else ""}">{c["critical"]["failed"]}</td>'
            f'<td class="n {"warn" if c["warning"]["failed"] else ""}">{c["warning"]["failed"]}</td>'
            f'<td class="{cls}">{_e(t.note or ("failed" if cls == "fail" else "warnings" if cls == "warn" else "passed"))}</td></tr>'
        )
    out.append("</table>")
    if report.failures:
        out += ["<h2>Failures</h2>", _results_table(report.failures, with_table=True)]
    for name, t in report.tables.items():
        out.append(f'<h2 id="t-{_e(name)}">{_e(name)}</h2>')
        if t.note:
            out.append(f'<p class="muted">{_e(t.note)}</p>')
            continue
        out.append(f'<p class="muted">{_e(t.rows)} rows; {len(t.results)} expectations in {t.seconds:.2f} s.</p>')
        out.append(_results_table(t.results))
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _results_table(results: list[ExpectationResult], with_table: bool = False) -> str:
    head = ("<th>table</th>" if with_table else "") + "<th>status</th><th>severity</th><th>expectation</th><th>result</th>"
    rows = [f"<table><tr>{head}</tr>"]
    for r in results:
        status = '<span class="ok">passed</span>' if r.success else f'<span class="{"fail" if r.severity == "critical" else "warn"}">failed</span>'
        what = f"<strong>{_e(r.name)}</strong>"
        if r.description:
            what += f"<br>{_e(r.description)}"
        what += f"<br><code>{_e(r.expectation)}</code>"
        rows.append(
            "<tr>" + (f"<td>{_e(r.table)}</td>" if with_table else "")
            + f'<td>{status}</td><td><span class="badge {_e(r.severity)}">{_e(r.severity)}</span></td>'
            f"<td>{what}</td><td>{_result_cell(r)}</td></tr>"
        )
    rows.append("</table>")
    return "\n".join(rows)


def _result_cell(r: ExpectationResult) -> str:
    parts = []
    if r.error:
        parts.append(f'<span class="fail">error:</span> {_e(r.error)}')
    if r.unexpected_count is not None:
        parts.append(f"{r.unexpected_count} of {r.element_count} unexpected ({r.unexpected_percent or 0:.2f}%)")
    if r.unexpected_values:
        vals = "".join(f"<li><code>{_e(v['value'])}</code>{' ×' + str(v['count']) if v['count'] > 1 else ''}</li>" for v in r.unexpected_values)
        parts.append(f"<ul>{vals}</ul>")
    if r.observed_value is not None:
        parts.append(f"observed: <code>{_e(r.observed_value)}</code>")
    return "<br>".join(parts) if parts else ""


def report_files(report: QualityReport, version: str | None = None) -> dict[str, str]:
    """The files a release ships: the HTML report and the full results as JSON."""
    return {
        REPORT_PATH: render_html(report, version),
        RESULTS_PATH: json.dumps(report.to_dict(), indent=2, default=str) + "\n",
    }
