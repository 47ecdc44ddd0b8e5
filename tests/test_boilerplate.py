"""Plain-text furniture removal: the tricky cases (rules and the learned line classifier together)."""

from pipelines.clean.boilerplate import rule_furniture, strip_boilerplate
from pipelines.clean.line_classifier import FEATURES, _model, furniture_by_model

HEADLINE = "Finance minister resigns after week of protests"
BODY = [
    "The finance minister resigned on Monday after a week of protests in the capital over fuel prices.",
    '"No."',
    "That was her only answer when reporters asked whether she would stay on as an adviser.",
    "Yes, she said later.",
    "Parliament will vote on a successor next week, the speaker told reporters on Tuesday evening.",
]


def test_model_is_loaded_and_matches_its_features():
    model = _model()
    assert model is not None
    weights, mean, scale, threshold = model
    assert len(weights) == len(mean) == len(scale) == len(FEATURES)
    assert 0.0 < threshold < 1.0


def test_short_quotes_and_one_line_paragraphs_survive_next_to_furniture():
    lines = ["Share this article", "", HEADLINE, "", *BODY[:2], "Advertisement", *BODY[2:], "Share this article"]
    out = strip_boilerplate(lines)
    assert out.paragraphs == [HEADLINE, *BODY]


def test_read_more_inside_a_real_sentence_is_kept():
    sentence = "Read more about the budget and you will find that the minister cut health spending by a third."
    label = "Read more: Minister resigns over fuel prices"
    out = strip_boilerplate([HEADLINE, BODY[0], sentence, label, BODY[4]])
    assert sentence in out.paragraphs
    assert label not in out.paragraphs


def test_real_byline_is_the_author_and_by_admin_is_not():
    out = strip_boilerplate(["By Jane Okafor", HEADLINE, *BODY])
    assert out.author == "Jane Okafor" and out.paragraphs == [HEADLINE, *BODY]
    out = strip_boilerplate(["By Admin", HEADLINE, *BODY])
    assert out.author is None and out.paragraphs == [HEADLINE, *BODY]


def test_headline_list_with_relative_timestamps_goes():
    tail = [
        "Most popular",
        "Storm cuts power to thousands in the north",
        "12 minutes ago",
        "Court delays verdict in fraud case",
        "2 hours ago",
        "Ministers meet unions over pay",
        "5 hours ago",
    ]
    out = strip_boilerplate([HEADLINE, *BODY, *tail])
    assert out.paragraphs == [HEADLINE, *BODY]


def test_model_removes_unlisted_navigation_above_the_headline():
    # Section names no rule lists, stacked above the article: short lines before the first paragraph.
    nav = ["Weather", "Traffic", "Obituaries", "Classifieds", "Local Events"]
    lines = [*nav, HEADLINE, *BODY]
    furniture, _ = rule_furniture(lines)
    assert not any(furniture[: len(nav)])  # the rules do not know these words
    out = strip_boilerplate(lines)
    assert out.paragraphs == [HEADLINE, *BODY]


def test_model_only_adds_furniture_and_never_takes_sentences():
    lines = [
        "Weather",
        "Obituaries",
        HEADLINE,
        BODY[0],
        "Share this article",
        "Those who stayed said little.",
        *BODY[1:],
        "Share this article",
        "Lakeside photo archive",
        "Sign up for our newsletter",
    ]
    with_model = strip_boilerplate(lines).paragraphs
    rules_only = strip_boilerplate(lines, model=False).paragraphs
    assert set(with_model) <= set(rules_only)
    assert "Those who stayed said little." in with_model  # a sentence: never the model's to drop
    for line in BODY:
        assert line in with_model


def test_list_introduced_by_a_sentence_stays():
    lines = [
        "Weather",
        HEADLINE,
        "The unions put forward three demands on Monday evening after the talks had collapsed:",
        "Higher wages",
        "Shorter hours",
        "A pension guarantee",
        "Talks resume on Friday, officials said after the meeting in the capital.",
    ]
    out = strip_boilerplate(lines)
    assert out.paragraphs == lines[1:]


def test_fixture_list_between_paragraphs_stays():
    lines = [
        HEADLINE,
        "The draw for the fifth round was made on Sunday afternoon at the national stadium in London.",
        "Charlton v Yeovil",
        "Newcastle v Coventry",
        "West Brom v Tottenham",
        "The ties will be played on the weekend of 19 February, the association said in a statement.",
    ]
    assert strip_boilerplate(lines).paragraphs == lines


def test_document_without_paragraphs_is_left_to_the_rules():
    lines = ["Higher wages", "Shorter hours", "A pension guarantee"]
    furniture = [False] * 3
    assert furniture_by_model(lines, furniture) == []
    assert strip_boilerplate(lines).paragraphs == lines


def test_more_shapes_of_site_furniture():
    from pipelines.clean.boilerplate import is_furniture_line

    for line in ("Home ❯ News ❯ World", "(ANI)", "(Kyodo)", "Browse: Tech | Local News", "Sponsored | CityWire",
                 "Read more from Riverside Gazette:", "𝕏 @LakesideTimes"):
        assert is_furniture_line(line), line
    for line in ("Regions: the north saw the heaviest rain, forecasters said.",
                 "(Reuters) - The bank said on Monday it would cut jobs.", "Read more about the plan in our guide below, he said.",
                 "(Laughter)", "(APPLAUSE)", "Friday 9pm", "Regions: Tigray, Amhara and Afar", "Theme: Unity in diversity",
                 "Subject: Your account has been suspended", "Itinerary: London → Paris → Berlin", "1. #BlackLivesMatter"):
        assert not is_furniture_line(line), line
