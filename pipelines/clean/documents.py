"""From a decoded raw file to a `documents` row: repair, strip furniture, read metadata."""

from __future__ import annotations

import hashlib
from datetime import date

from pipelines.clean.boilerplate import strip_boilerplate
from pipelines.clean.html import extract_html
from pipelines.clean.metadata import detect_language, headline_title, parse_date_header, parse_dateline
from pipelines.clean.normalize import join_paragraphs, lines_of, repair
from pipelines.ingest.files import RawDocument


def doc_id_for(content_sha256: str) -> str:
    """Stable id from the file's bytes: the same article file always gets the same id."""
    return "doc_" + content_sha256[:16]


def clean_document(raw: RawDocument) -> dict:
    """One `documents` row (without `duplicate_of`, which needs the whole corpus)."""
    text = repair(raw.raw_text)
    title = author = outlet = url = None
    published: date | None = None

    if raw.format == "html":
        article = extract_html(text)
        title, author, outlet, url, published = (
            article.title,
            article.author,
            article.outlet,
            article.url,
            article.published_date,
        )
        text = repair(article.text)

    lines = lines_of(text)
    # A leading `date YYYY-MM-DD` header gives the publication date and is not article text.
    for i, line in enumerate(lines):
        if not line:
            continue
        header_date = parse_date_header(line)
        if header_date is not None:
            published = published or header_date
            lines[i] = ""
        break

    cleaned = strip_boilerplate(lines)
    paragraphs = cleaned.paragraphs
    author = author or cleaned.author

    dateline_place = dateline_month_day = None
    for para in paragraphs[:3]:
        dl = parse_dateline(para)
        if dl:
            outlet = outlet or dl.outlet
            dateline_place = dl.place
            dateline_month_day = dl.month_day
            if published is None and dl.year and dl.month_day:
                try:
                    published = date.fromisoformat(f"{dl.year}-{dl.month_day}")
                except ValueError:
                    pass
            break

    if title is None and paragraphs:
        title = headline_title(paragraphs[0], paragraphs[1] if len(paragraphs) > 1 else None)

    body = join_paragraphs(paragraphs)
    return {
        "doc_id": doc_id_for(raw.content_sha256),
        "source": raw.source,
        "title": title,
        "author": author,
        "outlet": outlet,
        "url": url,
        "published_date": published,
        "dateline_place": dateline_place,
        "dateline_month_day": dateline_month_day,
        "language": detect_language(body) if body else "und",
        "format": raw.format,
        "encoding": raw.encoding,
        "text": body,
        "raw_chars": len(raw.raw_text),
        "clean_chars": len(body),
        "content_sha256": raw.content_sha256,
        "duplicate_of": None,
    }


def mark_duplicates(rows: list[dict]) -> list[dict]:
    """Exact and near duplicates point at the first copy by source order; furniture lines repeated
    across many articles are then dropped from every text.

    Exact: the same bytes or the same clean text. Near: syndicated copies and re-saves whose shingle
    sets nearly coincide or one contains the other (`pipelines.clean.duplicates`). A copy keeps a row
    of its own (with a distinct id derived from its source path) so that every input file stays
    accounted for; extraction skips rows with `duplicate_of` set.
    """
    from pipelines.clean.duplicates import near_duplicate_groups
    from pipelines.clean.repeated import drop_repeated_lines

    seen_ids: set[str] = set()
    out = []
    for row in sorted(rows, key=lambda r: r["source"]):
        row = dict(row)
        if row["doc_id"] in seen_ids:
            row["doc_id"] = "doc_" + hashlib.sha256((row["content_sha256"] + "\0" + row["source"]).encode()).hexdigest()[:16]
        seen_ids.add(row["doc_id"])
        out.append(row)

    first_by_text: dict[str, int] = {}
    original: list[int | None] = [None] * len(out)
    for i, row in enumerate(out):
        if not row["text"]:
            continue
        key = hashlib.sha256(" ".join(row["text"].split()).lower().encode()).hexdigest()
        if key in first_by_text:
            original[i] = first_by_text[key]
        else:
            first_by_text[key] = i
    near = near_duplicate_groups([row["text"] if original[i] is None else "" for i, row in enumerate(out)])
    for i, row in enumerate(out):
        j = original[i] if original[i] is not None else near[i]
        row["duplicate_of"] = out[j]["doc_id"] if j is not None else None
    # Furniture that no rule knows but many articles repeat (`pipelines.clean.repeated`).
    return drop_repeated_lines(out)
