from datetime import date

import pytest

from pipelines.extract.dates import resolve_date

FRIDAY = date(2023, 7, 28)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("on Wednesday", (date(2023, 7, 26), "day")),
        ("Wednesday", (date(2023, 7, 26), "day")),
        ("late on Wednesday", (date(2023, 7, 26), "day")),
        ("Friday", (date(2023, 7, 28), "day")),
        ("last Friday", (date(2023, 7, 21), "day")),
        ("yesterday", (date(2023, 7, 27), "day")),
        ("earlier this morning", (date(2023, 7, 28), "day")),
        ("last week", (date(2023, 7, 17), "week")),
        ("this week", (date(2023, 7, 24), "week")),
        ("two days ago", (date(2023, 7, 26), "day")),
        ("last month", (date(2023, 6, 1), "month")),
        ("last year", (date(2022, 1, 1), "year")),
        ("Aug. 6", (date(2023, 8, 6), "day")),
        ("July 26", (date(2023, 7, 26), "day")),
        ("26 July", (date(2023, 7, 26), "day")),
        ("December 12", (date(2022, 12, 12), "day")),  # a past date, not five months ahead
        ("February", (date(2023, 2, 1), "month")),
        ("July 2023", (date(2023, 7, 1), "month")),
        ("in 1960", (date(1960, 1, 1), "year")),
        ("July 26, 2023", (date(2023, 7, 26), "day")),
        ("2023-07-26", (date(2023, 7, 26), "day")),
    ],
)
def test_resolves_against_publication_date(text, expected):
    assert resolve_date(text, FRIDAY) == expected


@pytest.mark.parametrize("text", ["the last two years", "five years", "for the past three weeks", "the 1990s and beyond", ""])
def test_durations_and_non_dates_do_not_resolve(text):
    assert resolve_date(text, FRIDAY) is None


def test_without_publication_date_only_absolute_dates_with_a_year_resolve():
    assert resolve_date("on Wednesday", None) is None
    assert resolve_date("Aug. 6", None) is None
    assert resolve_date("last week", None) is None
    assert resolve_date("Aug. 6, 2023", None) == (date(2023, 8, 6), "day")
    assert resolve_date("July 2023", None) == (date(2023, 7, 1), "month")


def test_future_events_look_forward():
    assert resolve_date("on Thursday", FRIDAY, future=True) == (date(2023, 8, 3), "day")
    assert resolve_date("next week", FRIDAY) == (date(2023, 7, 31), "week")


def test_date_phrases_are_found_in_text():
    from pipelines.extract.dates import date_phrases

    text = "ECOWAS imposed sanctions last week, and on Wednesday it set an Aug. 6 deadline; 26 July 2023 was the coup."
    found = [text[s:e] for s, e in date_phrases(text)]
    assert found == ["last week", "on Wednesday", "Aug. 6", "26 July 2023"]
