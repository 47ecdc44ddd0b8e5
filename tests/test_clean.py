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
    assert (dl.place, dl.outlet, dl.month_day, dl.year) == ("Niamey", "Reuters", "08-02", 2023)
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


# --- seeds: every article line survives, no furniture does ----------------------------------------

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "datasets" / "raw"
# Gold for the five seed articles: the furniture lines of each file (and, for one, the line from
# which everything to the end is a link list). Everything else in the file is article text.
SEED_FURNITURE = {
    "000_90389bf625f01b66.txt": (["Discover more from Pluboard", "Subscribe to get the latest posts sent to your email."], None),
    "001_f9444bceebfe331f.txt": (["date 2023-07-28"], None),
    "002_607cb9ec3a97f383.txt": (
        ["Sat. Feb 24th, 2024", "By Admin", "Leave a Reply",
         "Your email address will not be published. Required fields are marked *", "WP2Social Auto Publish Powered By :"],
        None,
    ),
    "003_212ffe814ebcd32c.txt": (["Audio By Carbonatix"], "Latest Stories"),
    "004_cb3893bbbcd3d2d4.txt": ([], None),
}


@pytest.mark.parametrize("name", sorted(SEED_FURNITURE))
def test_seed_keeps_every_article_line_and_no_furniture(name):
    raw_text = (SEEDS / name).read_text(encoding="utf-8")
    furniture, tail_from = SEED_FURNITURE[name]
    lines = [line for line in lines_of(repair(raw_text)) if line]
    if tail_from:
        cut = lines.index(tail_from)
        furniture = furniture + lines[cut:]
        lines = lines[:cut]
    article = [line for line in lines if line not in furniture]
    doc = clean_document(raw(raw_text, source=name))
    paragraphs = doc["text"].split("\n\n")
    missing = [line for line in article if line not in paragraphs]
    assert not missing, missing
    leaked = [line for line in furniture if line in paragraphs]
    assert not leaked, leaked
    assert len(paragraphs) == len(article)


def test_seed_metadata():
    docs = {p.name: clean_document(raw(p.read_text(encoding="utf-8"), source=p.name)) for p in SEEDS.glob("*.txt")}
    ani = docs["004_cb3893bbbcd3d2d4.txt"]
    assert (ani["outlet"], ani["dateline_place"], ani["dateline_month_day"], ani["published_date"]) == ("ANI", "Washington", "07-27", None)
    assert docs["001_f9444bceebfe331f.txt"]["published_date"] == date(2023, 7, 28)
    assert docs["002_607cb9ec3a97f383.txt"]["author"] is None  # "By Admin" is not a person
    assert all(d["language"] == "en" for d in docs.values())


# --- more furniture, and real short lines --------------------------------------------------------


def test_other_sites_furniture_goes():
    lines = [
        "Home > World > Africa",
        "Updated: 14:32 GMT, 3 June 2021",
        "By JANE OKAFOR | June 3, 2021",
        "Share on Facebook",
        "3 min read",
        "",
        *ARTICLE,
        "READ MORE: Minister opens new bridge in the north",
        "Story continues below advertisement",
        "We use cookies to ensure that we give you the best experience on our website.",
        "Tags: Politics, Africa",
        "(Reporting by Tom Carter; Editing by Ana Silva)",
        "Most Read",
        "1. Police arrest 20 in raid on smugglers",
        "2. Floods close the coastal road",
        "© 2024 The Coastal Herald. All rights reserved.",
    ]
    out = strip_boilerplate(lines)
    assert out.paragraphs == ARTICLE
    assert out.author == "Jane Okafor"


def test_subheadings_and_short_quotes_stay():
    lines = [
        "The central bank raised its main rate by half a point on Thursday, its third rise this year.",
        "– Markets react",
        "Shares fell sharply in early trading across the region after the announcement.",
        '"No."',
        "That was the governor's only answer when asked whether more rises would follow.",
    ]
    assert strip_boilerplate(lines).paragraphs == lines


def test_stray_a_circumflex_from_a_mangled_nbsp_is_removed():
    assert lines_of(repair("Diaspora partnership central to reset agenda – Vice President Â")) == [
        "Diaspora partnership central to reset agenda – Vice President"
    ]
    assert repair("It costs Â£5") == "It costs £5"
    assert repair("ÂGE D'OR") == "ÂGE D'OR"  # a real capital A circumflex stays


def test_more_datelines():
    dl = parse_dateline("LAGOS, Nigeria (AP) — Gunmen abducted 30 people.")
    assert (dl.place, dl.outlet, dl.month_day) == ("Lagos", "AP", None)
    dl = parse_dateline("New Delhi [India], Aug 1 (ANI): The minister said.")
    assert (dl.place, dl.outlet, dl.month_day, dl.year) == ("New Delhi", "ANI", "08-01", None)


def test_html_metadata(corpus):
    html = (corpus / "nested/deeper/flood_report.html").read_text()
    doc = clean_document(raw(html, "html", "flood.html"))
    assert doc["author"] == "Ana Ribeiro"
    assert doc["url"] == "https://ledger.example.org/2024/05/06/floods-porto-alegre"
    assert not doc["text"].startswith("Floods force evacuations")  # the title is not body text
    assert "Home | World" not in doc["text"] and "All rights reserved" not in doc["text"]


def test_near_duplicates_syndicated_copy():
    body = (
        "Dock workers in the port city voted on Friday to end a three-week strike over pay. "
        "The union said members had accepted an offer of a nine percent rise over two years. "
        "Shipping companies said it would take several days to clear the backlog of containers. "
        "The strike had halted most exports of cocoa and timber from the country's largest port."
    )
    original = clean_document(raw(body, source="a/original.txt"))
    syndicated = clean_document(
        raw("Port strike ends\n\nBy Staff Reporter\n\n" + body.replace("Friday", "Friday,") + "\n\nFollow us on Twitter @portnews", source="b/copy.txt")
    )
    other = clean_document(raw(body.replace("Dock workers", "Nurses").replace("port", "hospital").replace("containers", "patients").replace("cocoa and timber", "drugs") + " Talks resume next week.", source="c/other.txt"))
    rows = {r["source"]: r for r in mark_duplicates([syndicated, other, original])}
    assert rows["a/original.txt"]["duplicate_of"] is None
    assert rows["b/copy.txt"]["duplicate_of"] == rows["a/original.txt"]["doc_id"]
    assert rows["c/other.txt"]["duplicate_of"] is None


def test_furniture_repeated_across_articles_goes_quotes_stay():
    from pipelines.clean.repeated import drop_repeated_lines

    topics = ["port strike", "bridge opening", "flood warning", "budget vote", "court ruling", "election count"]
    rows = []
    for i, topic in enumerate(topics):
        text = "\n\n".join([
            f"Officials gave details of the {topic} on Monday in the capital.",
            "Gift this story to a colleague",  # unknown to every rule, but on every page of the site
            '"We will not give up," the minister said.',  # a quote several reports share
            f"More than {i + 2} hundred people were affected by the {topic}, the agency said.",
        ])
        rows.append({"source": f"{i}.txt", "title": None, "text": text, "clean_chars": len(text), "duplicate_of": None})
    out = drop_repeated_lines(rows)
    for row in out:
        assert "Gift this story to a colleague" not in row["text"]
        assert '"We will not give up," the minister said.' in row["text"]
        assert row["clean_chars"] == len(row["text"])
    # Below the count (a few reports of one event sharing a list line), nothing is touched.
    assert drop_repeated_lines(rows[:3]) == rows[:3]


def test_language_shortcut_only_answers_for_plainly_english_text():
    from pipelines.clean.metadata import detect_language

    english = ("The minister said on Tuesday that the government would not change its plans, and that the "
               "talks with the unions were expected to resume in the spring after a pause of two weeks. ") * 2
    assert detect_language(english) == "en"
    # Spanish with English names and a quoted English phrase: few English function words, so
    # py3langid decides, not the shortcut
    spanish = ("El ministro dijo el martes que el gobierno no cambiará sus planes y que las conversaciones con "
               "los sindicatos se reanudarán en primavera. Según The Guardian, la decisión fue \"a matter of "
               "time\" para el primer ministro, que viajará a Bruselas la próxima semana con su equipo.")
    assert detect_language(spanish) == "es"
    german = ("Der Minister sagte am Dienstag, die Regierung werde ihre Pläne nicht ändern und die Gespräche "
              "mit den Gewerkschaften würden im Frühjahr nach einer Pause von zwei Wochen fortgesetzt.")
    assert detect_language(german) == "de"
    # the share counts words of every script: Russian quoting English is Russian
    russian = ("Президент России заявил в четверг, что переговоры с соседними странами продолжатся в следующем "
               "месяце. ") * 4 + (' He said: "The talks will go on and we will not give up on them, but the sanctions '
                                  'have to be lifted first, and that is what the minister said to the press."')
    assert detect_language(russian) == "ru"


def _collection(make_text, n: int = 6) -> list[dict]:
    rows = []
    for i in range(n):
        text = "\n\n".join(make_text(i))
        rows.append({"source": f"{i}.txt", "title": None, "text": text, "clean_chars": len(text), "duplicate_of": None})
    return rows


TOPICS = ["port strike", "bridge opening", "flood warning", "budget vote", "court ruling", "election count"]
NAMES = [("Priya Kowalski", "Global Dispatch", "Europe", "Karachi"), ("James Carter", "Coastal Herald", "Pacific", "Dakar"),
         ("Kwame Okafor", "Northern Ledger", "Africa", "Toronto"), ("Elena Moreau", "Metro Daily", "Asia", "Bonn"),
         ("David Haddad", "Evening Post", "Europe", "Chennai"), ("Sarah Fischer", "Sahel Monitor", "Gulf", "Abuja")]
COMPANIES = ["Vodafone", "Shell", "Tesco", "Barclays", "Unilever", "Diageo"]


def test_templated_lines_go_around_the_article_but_formulas_inside_it_stay():
    from pipelines.clean.repeated import drop_repeated_lines

    def page(i):
        name, site, region, city = NAMES[i]
        return [
            f"{COMPANIES[i]} beat forecasts on Monday and its shares rose {i + 2}% in early trading.",  # a templated lede
            f"Shares in {COMPANIES[i]} rose {i + 2}% to {100 + i}p in early trading on the London market.",  # a formula of the body
            "Editor's note: This story has been updated with additional information.",  # the page speaking of itself
            "The story was first reported by Bloomberg.",  # news about the news: it stays
            f"More than {i + 2} hundred people were affected by the {TOPICS[i]}, the agency said.",
            # a story series' background paragraph and a wire story's closing formula, at the end of every report
            f"President {NAMES[i][0]} was removed from office in July by members of the presidential guard, "
            f"and the {TOPICS[i]} followed weeks of talks between the military rulers and regional leaders.",
            f"{COMPANIES[i]} did not immediately respond to a request for comment.",
            f"{name} is {site}'s {region} correspondent, based in {city}.",  # a credit, but a sentence: it stays
            f"Subscribe to {site} for unlimited access",  # a site's template, not a sentence, below the article
            f"{site} and its partners store and access information on your device, such as cookies and identifiers, "
            f"to personalise content and measure audiences across all the websites we run.",  # speaks to the reader
        ]

    rows = _collection(page)
    for i, row in enumerate(drop_repeated_lines(rows)):
        paragraphs = row["text"].split("\n\n")
        assert paragraphs == [page(i)[k] for k in (0, 1, 3, 4, 5, 6, 7)], paragraphs
    assert drop_repeated_lines(rows[:4]) == rows[:4]  # below the count nothing is touched


def test_templated_question_subheadings_between_paragraphs_stay():
    from pipelines.clean.repeated import drop_repeated_lines

    def page(i):
        return [
            f"Officials gave details of the {TOPICS[i]} on Monday in the capital.",
            "What did the report find?",
            f"More than {i + 2} hundred people were affected by the {TOPICS[i]}, the agency said.",
            "What happens next?",
            f"Residents said the {TOPICS[i]} had been expected for weeks and that the warnings came late.",
        ]

    for i, row in enumerate(drop_repeated_lines(_collection(page))):
        assert row["text"].split("\n\n") == page(i)


def test_repeated_one_word_labels_go_beside_furniture_or_outside_the_article():
    from pipelines.clean.repeated import drop_repeated_lines

    def page(i):
        return [
            f"Officials gave details of the {TOPICS[i]} on Monday in the capital.",
            "Analysis",  # a subheading many articles share: alone between paragraphs, it stays
            f"More than {i + 2} hundred people were affected by the {TOPICS[i]}, the agency said.",
            "POLL", "Excellent", "Good", "Poor", "Vote",
            f"Residents said the {TOPICS[i]} had been expected for weeks and that the warnings came late.",
            "Allow",
            "2024",  # a year heading is not a label
        ]

    for i, row in enumerate(drop_repeated_lines(_collection(page))):
        p = page(i)
        assert row["text"].split("\n\n") == [p[0], p[1], p[2], p[8], p[10]]


def test_labelled_timestamps_go_timelines_and_emoji_lists_stay():
    para = "The council approved the budget on Tuesday after a long debate about school funding in the district."
    para2 = "Opposition members said they would keep pressing for a review of the plans before the next election."
    stamps = ["Published: 9:13pm, 23 Apr, 2016", "PUBLISHED MAY 23, 2024, 1:43 AM SGT",
              "Updated Sep 27, 2025 at 10:30 AM·7 min read", "Updated: Jun 14, 2022 / 05:57 AM MDT"]
    timeline = ["Friday 9pm", "Police arrive at the scene", "Friday 11pm", "Road closed in both directions",
                "Saturday 2am", "The road reopens"]
    emoji_list = ["🧴 Sunscreen", "🕶️ Sunglasses", "👒 A wide-brimmed hat"]
    transcript = ["(Laughter)", "(Applause)"]
    out = strip_boilerplate(["Council approves budget", *stamps, para, *timeline, para2, *emoji_list, para,
                             *transcript, para2, "Updated at 5pm, the plan was sent to every household in the district."]
                            ).paragraphs
    assert not set(stamps) & set(out)
    for line in (*timeline, *emoji_list, *transcript, "Updated at 5pm, the plan was sent to every household in the district."):
        assert line in out, line


def test_short_site_templates_go_fixture_lists_and_long_reader_notices():
    from pipelines.clean.repeated import drop_repeated_lines

    teams = ["Chelsea", "Arsenal", "Everton", "Fulham", "Leeds", "Wolves", "Burnley", "Luton"]
    notice = ("We and our partners store and access information on your device, such as cookies, and process personal "
              "data such as unique identifiers and standard information sent by a device for personalised advertising "
              "and content, audience measurement and product development.")

    def page(i):
        return [
            f"Officials gave details of the {TOPICS[i]} on Monday in the capital.",
            f"More than {i + 2} hundred people were affected by the {TOPICS[i]}, the agency said.",
            f"{teams[i]} v {teams[i + 1]}", f"{teams[i + 2]} v {teams[(i + 3) % 8]}",  # a fixture list ends the report
            f"Read more from {NAMES[i][1]}:",
            notice,
        ]

    for i, row in enumerate(drop_repeated_lines(_collection(page))):
        assert row["text"].split("\n\n") == page(i)[:4]
