"""Article body and page metadata from HTML, through trafilatura."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str | None
    author: str | None
    outlet: str | None
    url: str | None
    published_date: date | None


def extract_html(html: str) -> HtmlArticle:
    """Body text with paragraphs, and metadata; scripts, styles and navigation never reach the text."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        deduplicate=False,
    )
    if doc is None:
        return HtmlArticle(text="", title=None, author=None, outlet=None, url=None, published_date=None)
    text = doc.text or ""
    return HtmlArticle(
        text=text,
        title=_clean(doc.title),
        author=_clean(doc.author),
        outlet=_clean(doc.sitename),
        url=_clean(doc.url),
        published_date=_parse_iso(doc.date),
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None
