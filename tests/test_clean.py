from datetime import date

from pipelines.clean import clean_document, mark_duplicates
from pipelines.clean.boilerplate import strip_boilerplate
from pipelines.clean.metadata import headline_title, parse_date_header, parse_dateline
from pipelines.clean.normalize import lines_of, repair
from pipelines.ingest import RawDocument


def raw(text: str, fmt: str = "text", source: str = "a.txt") -> RawDocument:
    import hashlib

    return RawDocument(source, fmt, "utf-8", text, len(text), hashlib.sha256(text.encode()).hexdigest())


ARTICLE = [
    "The finance minister resigned on Monday after a week of protests.",
    "\"I have done my duty,\" she said.",
    "Yes.",
    "Parliament will vote on a successor next week.",
]


def test_furniture_goes_article_stays():
    lines = (
        ["Wed. Jan 3rd, 2024", "Audio By Carbonatix", ""]
        + ARTICLE
        + [
            "By Admin",
            "Share this article",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "WP2Social Auto Publish Powered By : XYZScripts.com",
            "Discover more from The Daily",
            "Subscribe to get the latest posts sent to your email.",
            "Latest Stories",
            "-",
            "Minister opens new bridge in the north",
            "38 minutes -",
            "Police arrest 20 in raid on smugglers",
            "2 hours -",
        ]
    )
    out = strip_boilerplate(lines)
    assert out.paragraphs == ARTICLE
    assert out.author is None  # "Admin" is not a person


def test_real_byline_goes_to_author():
    out = strip_boilerplate(["By Jane Smith", "", *ARTICLE])
    assert out.author == "Jane Smith"
    assert out.paragraphs == ARTICLE


def test_sentences_mentioning_furniture_words_are_kept():
    lines = [
        "Readers were asked to subscribe to the new state broadcaster, the minister said in a long interview on Tuesday evening with several reporters.",
        "The latest stories from the front line describe heavy shelling of the town overnight.",
    ]
    assert strip_boilerplate(lines).paragraphs == lines


def test_headline_list_without_timestamps_is_kept():
    # Short lines alone are not furniture: a list of demands in an article stays.
    lines = ["The protesters listed three demands:", "Higher wages", "Shorter hours", "A pension guarantee"]
    assert strip_boilerplate(lines).paragraphs == lines


def test_mojibake_is_repaired():
    assert "didn’t" in repair("It didnâ€™t work")


def test_paragraphs_are_separated_by_one_blank_line():
    doc = clean_document(raw("First paragraph here.\n\n\n\nSecond   paragraph\there.\r\nThird one.\n"))
    assert doc["text"] == "First paragraph here.\n\nSecond paragraph here.\n\nThird one."


def test_date_header_sets_published_date():
    doc = clean_document(raw(" date 2023-07-28 \n\nHeadline about a coup in the capital\n\nSoldiers detained the president on Wednesday."))
    assert doc["published_date"] == date(2023, 7, 28)
    assert "date 2023" not in doc["text"]
    assert doc["title"] == "Headline about a coup in the capital"


def test_dateline():
    dl = parse_dateline("Washington [US], July 27 (ANI): US Secretary of State Antony Blinken on Wednesday spoke.")
    assert (dl.place, dl.outlet, dl.month_day, dl.year) == ("Washington", "ANI", "07-27", None)
    dl = parse_dateline("NIAMEY, Aug 2, 2023 (Reuters) - Niger's junta said on Wednesday.")
    assert (dl.place, dl.outlet, dl.month_day, dl.year) == ("NIAMEY", "Reuters", "08-02", 2023)
    assert parse_dateline("The president said on Monday (local time) that...") is None


def test_title_rules():
    assert headline_title("Niger military chief backs coup leaders", "Body.") == "Niger military chief backs coup leaders"
    assert headline_title("The junta has detained five ministers.", "Body.") is None
    assert parse_date_header("date 2023-02-30") is None


def test_html_scripts_and_styles_never_reach_text(corpus):
    html = (corpus / "nested/deeper/flood_report.html").read_text()
    doc = clean_document(raw(html, "html", "flood.html"))
    assert "MUST NOT APPEAR" not in doc["text"]
    assert "Guaiba river burst its banks" in doc["text"]
    assert doc["title"].startswith("Floods force evacuations")
    assert doc["published_date"] == date(2024, 5, 6)
    assert doc["outlet"] == "The Southern Ledger"


def test_non_english_is_marked_not_mangled(corpus):
    text = (corpus / "french_article.txt").read_text()
    doc = clean_document(raw(text))
    assert doc["language"] == "fr"
    assert "agriculteurs ont bloqué lundi" in doc["text"]


def test_exact_duplicates_point_at_first_copy():
    a = clean_document(raw("Same article text about a strike in the port city.", source="a.txt"))
    b = clean_document(raw("Same article text about a strike in the port city.", source="b/a.txt"))
    rows = mark_duplicates([b, a])
    by_source = {r["source"]: r for r in rows}
    assert by_source["a.txt"]["duplicate_of"] is None
    assert by_source["b/a.txt"]["duplicate_of"] == by_source["a.txt"]["doc_id"]
    assert by_source["a.txt"]["doc_id"] != by_source["b/a.txt"]["doc_id"]
