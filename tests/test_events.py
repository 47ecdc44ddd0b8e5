"""Event extraction on real parses: roles, passives, negation, modality, quotes, dates, places, clustering."""

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from pipelines.extract.annotate import DocInput, annotate_parsed
from pipelines.extract.events import cluster_events
from pipelines.extract.events.lexicon import EVENT_TYPES, load_lexicon
from pipelines.extract.events.places import country_code

FIXTURES = Path(__file__).parent / "fixtures" / "events"
FRIDAY = date(2023, 7, 28)


@pytest.fixture(scope="module")
def nlp():
    from pipelines.extract.nlp import load_model
    from pipelines.settings import Settings

    return load_model(Settings().spacy_model)


@pytest.fixture(scope="module")
def events(nlp):
    def run(text: str, published: date | None = FRIDAY, dateline: str | None = None) -> list[dict]:
        doc = nlp(text)
        return annotate_parsed(doc, DocInput("doc_t", text, published, dateline)).events

    return run


def one(rows: list[dict], etype: str) -> dict:
    hits = [r for r in rows if r["event_type"] == etype]
    assert len(hits) == 1, rows
    return hits[0]


def test_lexicon_covers_every_plover_type():
    types = {e.event_type for entries in load_lexicon().values() for e in entries}
    assert set(EVENT_TYPES) <= types


def test_passive_with_agent(events):
    rows = events("Bazoum was confined on Wednesday by members of his presidential guard.")
    e = one(rows, "COERCE")
    assert e["event_mode"] == "arrest"
    assert "guard" in e["actor_text"] and e["recipient_text"] == "Bazoum"
    assert (e["event_date"], e["date_text"], e["date_precision"]) == (date(2023, 7, 26), "Wednesday", "day")
    assert not e["negated"] and e["modality"] == "asserted"
    sentence = "Bazoum was confined on Wednesday by members of his presidential guard."
    assert e["sentence_text"] == sentence and (e["start_char"], e["end_char"]) == (0, len(sentence))
    assert 0 <= e["confidence"] <= 1


def test_active_subject_and_object_multiword_trigger(events):
    e = one(events("West African regional bloc ECOWAS has imposed sanctions on Niger."), "SANCTION")
    assert e["trigger"] == "imposed sanctions"
    assert "ECOWAS" in e["actor_text"] and e["recipient_text"] == "Niger"


def test_negation(events):
    e = one(events("The army did not attack the village."), "ASSAULT")
    assert e["negated"] is True
    rows = events("The junta said it will not accept military intervention.")
    assert [r["event_type"] for r in rows] == ["REJECT"]  # refusing to accept is a rejection, not a negated agreement


def test_hypothetical_force_from_its_own_actor_is_a_threat(events):
    rows = events("The bloc has also said that it could authorize force to reinstate the president.")
    e = one(rows, "THREATEN")
    assert e["modality"] == "hypothetical" and e["event_mode"] == "violence"
    assert e["actor_text"] == "bloc"
    assert not [r for r in rows if r["event_type"] == "ASSAULT"]


def test_threat_is_not_the_threatened_act(events):
    rows = events("Iran threatened to launch a new military offensive against Iraq.")
    assert [r["event_type"] for r in rows] == ["THREATEN"]
    assert rows[0]["event_mode"] == "violence" and rows[0]["actor_text"] == "Iran"


def test_hypothetical_and_future(events):
    e = one(events("Analysts fear the rebels might attack the capital."), "ASSAULT")
    assert e["modality"] == "hypothetical"
    e = one(events("The president of Benin is expected in the capital for mediation efforts."), "CONSULT")
    assert e["modality"] == "future" and "president" in e["actor_text"]


def test_coordinated_actors_give_one_row_each(events):
    rows = [r for r in events("France and Germany condemned the coup.") if r["event_type"] == "ACCUSE"]
    assert sorted(r["actor_text"] for r in rows) == ["France", "Germany"]


def test_reporting_verbs_are_not_events_but_what_they_report_can_be(events):
    assert events("The spokesman said the situation was calm.") == []
    e = one(events("The party said several officials have been arrested."), "COERCE")
    assert e["modality"] == "reported" and e["actor_text"] is None
    e = one(events("The United Nations said Thursday the president must be released immediately."), "REQUEST")
    assert e["actor_text"] == "United Nations" and e["event_mode"] == "yield"
    assert e["event_date"] == date(2023, 7, 27)


def test_quotes_are_attributed_to_their_speaker(events):
    rows = events('"We call for his immediate release," the foreign minister said.')
    e = one(rows, "REQUEST")
    assert e["actor_text"] == "foreign minister" and e["modality"] == "asserted"
    rows = events('"I spoke with President Bazoum this morning. We call for his release," Blinken said.')
    assert {r["event_type"] for r in rows} == {"CONSULT", "REQUEST"}
    assert all(r["actor_text"] == "Blinken" for r in rows)


def test_nominal_events_need_a_clear_actor(events):
    assert not [r for r in events("The arrests were widely criticised.") if r["event_type"] == "COERCE"]
    rows = events("Guterres strongly supported mediation efforts by the African Union.")
    e = one(rows, "CONSULT")
    assert e["actor_text"] == "African Union" and e["trigger"] == "mediation"


def test_place_from_sentence_or_dateline(events):
    e = one(events("Protesters attacked the French embassy in Niamey on Sunday."), "ASSAULT")
    assert (e["location_text"], e["country_code"]) == ("Niamey", "NER")
    assert e["event_date"] == date(2023, 7, 23)
    e = one(events("Police arrested two journalists.", dateline="Nairobi"), "COERCE")
    assert (e["location_text"], e["country_code"]) == ("Nairobi", "KEN")


def test_no_dates_without_support(events):
    e = one(events("Police arrested two journalists on Monday.", published=None), "COERCE")
    assert e["event_date"] is None and e["date_text"] is None and e["date_precision"] is None


def test_document_level_pronouns_quotes_and_dates(events):
    text = (FIXTURES / "coup_report.txt").read_text(encoding="utf-8")
    rows = events(text)
    arrest = one(rows, "COERCE")
    assert (arrest["actor_text"], arrest["recipient_text"]) == ("presidential guard", "President Ana Veloso")
    assert (arrest["event_date"], arrest["location_text"]) == (date(2023, 7, 26), "Port Lemos")
    request = one(rows, "REQUEST")
    assert request["actor_text"] == "Foreign Minister Tomas Reyes" and request["event_date"] == date(2023, 7, 27)
    assert "Veloso" in (request["recipient_text"] or "")
    sanction = one(rows, "SANCTION")
    assert (sanction["event_date"], sanction["date_precision"]) == (date(2023, 7, 17), "week")
    threat = one(rows, "THREATEN")
    assert "ECOWAS" in threat["actor_text"] and threat["event_mode"] == "violence"  # "It has also warned ..."
    accuse = [r for r in rows if r["event_type"] == "ACCUSE"]
    assert sorted(r["actor_text"] for r in accuse) == ["Burkina Faso", "Mali"]
    release = one(rows, "RETREAT")
    assert release["negated"] is True and release["actor_text"] == "junta"
    for r in rows:
        assert text[r["start_char"]:r["end_char"]] == r["sentence_text"]


def test_no_events_from_page_furniture(events):
    assert events("Latest Stories\n\nSubscribe to get the latest posts sent to your email.\n\nLeave a Reply") == []


def test_country_codes():
    assert country_code("the United States") == "USA"
    assert country_code("Niger") == "NER"
    assert country_code("Abuja") == "NGA"
    assert country_code("Atlantis") is None


def _frame(rows: list[dict]) -> pl.DataFrame:
    base = {"event_id": None, "doc_id": None, "event_type": None, "actor_entity_id": None, "actor_text": None,
            "recipient_entity_id": None, "recipient_text": None, "event_date": None, "date_precision": None}
    return pl.DataFrame([{**base, **r} for r in rows], schema_overrides={"event_date": pl.Date})


def test_clusters_same_event_across_sources():
    df = _frame([
        {"event_id": "e1", "doc_id": "d1", "event_type": "REQUEST", "actor_entity_id": "org_eu", "recipient_entity_id": "per_b", "event_date": date(2023, 7, 27), "date_precision": "day"},
        {"event_id": "e2", "doc_id": "d2", "event_type": "REQUEST", "actor_entity_id": "org_eu", "recipient_entity_id": "per_b", "event_date": date(2023, 7, 28), "date_precision": "day"},
        {"event_id": "e3", "doc_id": "d3", "event_type": "REQUEST", "actor_entity_id": "org_eu", "recipient_entity_id": "per_b", "event_date": date(2023, 9, 1), "date_precision": "day"},
        {"event_id": "e4", "doc_id": "d3", "event_type": "ACCUSE", "actor_entity_id": "org_eu", "recipient_entity_id": "per_b", "event_date": date(2023, 7, 27), "date_precision": "day"},
        {"event_id": "e5", "doc_id": "d4", "event_type": "REQUEST", "actor_text": None, "event_date": date(2023, 7, 27), "date_precision": "day"},
        {"event_id": "e6", "doc_id": "d5", "event_type": "REQUEST", "actor_text": None, "event_date": date(2023, 7, 27), "date_precision": "day"},
    ])
    out = {r["event_id"]: r for r in cluster_events(df).iter_rows(named=True)}
    assert out["e1"]["event_cluster_id"] == out["e2"]["event_cluster_id"]
    assert out["e1"]["source_count"] == 2
    assert out["e3"]["event_cluster_id"] != out["e1"]["event_cluster_id"] and out["e3"]["source_count"] == 1
    assert out["e4"]["event_cluster_id"] != out["e1"]["event_cluster_id"]
    assert out["e5"]["event_cluster_id"] != out["e6"]["event_cluster_id"]  # no participants: no evidence of sameness


def test_undated_reports_join_the_only_cluster_of_a_resolved_key():
    df = _frame([
        {"event_id": "a", "doc_id": "d1", "event_type": "COERCE", "actor_text": "presidential guard", "recipient_entity_id": "per_b", "event_date": date(2023, 7, 26), "date_precision": "day"},
        {"event_id": "b", "doc_id": "d2", "event_type": "COERCE", "actor_text": "the presidential guard", "recipient_entity_id": "per_b"},
        {"event_id": "c", "doc_id": "d3", "event_type": "COERCE", "actor_text": "soldiers", "recipient_text": "a journalist"},
        {"event_id": "d", "doc_id": "d4", "event_type": "COERCE", "actor_text": "soldiers", "recipient_text": "a journalist"},
    ])
    out = {r["event_id"]: r for r in cluster_events(df).iter_rows(named=True)}
    assert out["a"]["event_cluster_id"] == out["b"]["event_cluster_id"] and out["a"]["source_count"] == 2
    assert out["c"]["event_cluster_id"] != out["d"]["event_cluster_id"]  # text-only participants across documents


# ---- constructions added for held-out coverage (each with a case that must not fire)

def types(rows: list[dict]) -> set[str]:
    return {r["event_type"] for r in rows}


def test_light_verb_with_nominal_event_and_split_hyphenated_word(events):
    e = one(events("Opposition supporters staged a sit-in outside parliament."), "PROTEST")
    assert e["actor_text"] == "Opposition supporters" and e["event_mode"] == "demo"
    assert "PROTEST" not in types(events("The students sat in the hall all afternoon."))


def test_nominalisation_derived_from_a_listed_verb(events):
    e = one(events("The government's imprisonment of the journalists drew wide criticism."), "COERCE")
    assert e["actor_text"] == "government" and e["event_mode"] == "arrest"
    assert "COERCE" not in types(events("Imprisonment is a harsh punishment for such offences."))


def test_declining_to_cooperate_is_a_rejection(events):
    e = one(events("Syria said it would not withdraw its troops from Lebanon."), "REJECT")
    assert e["actor_text"] == "Syria" and e["event_mode"] == "yield" and e["negated"] is False
    rows = events("Syria did not withdraw its troops from Lebanon.")
    assert "REJECT" not in types(rows) and one(rows, "RETREAT")["negated"] is True


def test_future_visits_and_wanted_cooperation_are_agreements(events):
    e = one(events("The prime minister is to visit Beijing next month."), "AGREE")
    assert e["actor_text"] == "prime minister" and e["modality"] == "future"
    assert "AGREE" not in types(events("The aim of the trip is to visit Beijing."))
    assert "AGREE" in types(events("Iran hopes to improve relations with Saudi Arabia."))
    assert types(events("Iran improved relations with Saudi Arabia.")) == {"SUPPORT"}


def test_preparing_to_attack_is_mobilization(events):
    e = one(events("The army prepared to resume shelling rebel positions."), "MOBILIZE")
    assert e["actor_text"] == "army"
    assert types(events("The army resumed shelling rebel positions.")) == {"ASSAULT"}


def test_announced_measures_are_acts_but_hedged_ones_are_threats(events):
    rows = events("The United States announced it would cut aid to the rebels.")
    assert types(rows) == {"SANCTION"} and rows[0]["modality"] == "future"
    assert "THREATEN" in types(events("The United States said it could cut aid to the rebels."))


def test_verbal_attacks_are_accusations(events):
    e = one(events("The minister attacked the government's plans."), "ACCUSE")
    assert e["event_mode"] == "disapprove" and "ASSAULT" not in types(events("The minister attacked the government's plans."))
    assert types(events("Gunmen attacked the police station.")) == {"ASSAULT"}


def test_recipient_from_the_content_clause(events):
    e = one(events("China demanded that the US cancel the arms sale."), "REQUEST")
    assert e["recipient_text"] == "US"  # "US" is a country, not the pronoun "us"
    e = one(events("China demanded that it be consulted."), "REQUEST")
    assert e["recipient_text"] != "it"


def test_two_sided_nominal_events_take_both_sides_as_actors(events):
    rows = [r for r in events("Clashes between police and protesters erupted in the capital.") if r["event_type"] == "ASSAULT"]
    assert sorted(r["actor_text"] for r in rows) == ["police", "protesters"]
    assert "ASSAULT" not in types(events("Clashes erupted in the capital."))


def test_promises_of_force_are_threats_but_consent_is_not(events):
    assert "THREATEN" in types(events("The rebels vowed to attack the capital."))
    assert "THREATEN" not in types(events("The hospital agreed to the suspension of the surgeon."))


def test_pledged_aid_is_an_agreement_delivered_aid_is_aid(events):
    e = one(events("Japan pledged aid to the flood victims."), "AGREE")
    assert e["actor_text"] == "Japan"
    assert types(events("Japan sent aid to the flood victims.")) == {"AID"}


def test_non_event_uses_of_trigger_words_are_blocked(events):
    assert events("The company failed to meet its sales targets.") == []
    assert types(events("The two leaders will meet in Geneva.")) == {"AGREE"}


def test_conditional_refusal_is_a_threat(events):
    e = one(events("The rebels said they would not attend the talks unless the army withdrew."), "THREATEN")
    assert e["actor_text"] == "rebels"
    assert "THREATEN" not in types(events("The rebels said they would not attend the talks."))


def test_arriving_inspectors_are_access_not_a_visit(events):
    e = one(events("UN weapons inspectors arrived in Baghdad on Monday."), "RETREAT")
    assert e["event_mode"] == "access" and e["recipient_text"] == "Baghdad"
    assert types(events("The French foreign minister arrived in Baghdad on Monday.")) == {"CONSULT"}


def test_passive_measure_on_a_named_place(events):
    e = one(events("A curfew was imposed on Gaza on Sunday."), "COERCE")
    assert e["recipient_text"] == "Gaza" and e["actor_text"] is None
    assert "COERCE" not in types(events("A curfew was imposed."))  # no participant at all


def test_possessor_of_a_decision_acts(events):
    e = one(events("Russia's decision to withdraw its troops from Georgia was welcomed."), "RETREAT")
    assert e["actor_text"] == "Russia"
    rows = events("The decision to withdraw troops from Georgia was welcomed.")
    assert all(r["actor_text"] != "Russia" for r in rows)


def test_cameo_style_sentences_are_typed(events):
    """One or two hand-written sentences per CAMEO code family (fixture): each must yield its PLOVER type."""
    lines = (FIXTURES / "cameo_style_sentences.tsv").read_text(encoding="utf-8").splitlines()
    cases = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    assert len(cases) > 120 and {t for t, _ in cases} == set(EVENT_TYPES)
    missed = [(t, s) for t, s in cases if t not in types(events(s, published=None))]
    assert missed == []


def test_passive_light_verb_takes_its_agent_and_verb_level_between(events):
    e = one(events("A protest was staged by students outside the ministry."), "PROTEST")
    assert e["actor_text"] == "students"
    assert "PROTEST" not in types(events("A protest was staged outside the ministry."))
    rows = [r for r in events("Clashes erupted between police and protesters on Sunday.") if r["event_type"] == "ASSAULT"]
    assert sorted(r["actor_text"] for r in rows) == ["police", "protesters"]


def test_what_a_named_party_must_do_is_a_demand_of_the_sayer(events):
    e = one(events("Russia said on Tuesday that Sudan must return a helicopter captured last week."), "REQUEST")
    assert e["actor_text"] == "Russia" and e["recipient_text"] == "Sudan"
    e = one(events("The World Water Forum concluded that the United States must allocate greater resources to the crisis."), "REQUEST")
    assert "Forum" in e["actor_text"]
    # predictions, perceptions and unattributed opinions are not demands
    for text in ("Germany should see little change in growth next year, analysts said.",
                 "Britain should take more refugees.",
                 "Microsoft should be seen as the leader of the market, he said.",
                 "Analysts said Apple should beat earnings estimates this quarter.",  # a crowd of commentators
                 "Morgan Stanley said Nvidia should benefit from the new chips.",  # an outcome, not a demand
                 "Leicester Tigers said they would make a bid for Farrell should the captain decide to switch codes.",
                 "Matt Williams must be wondering what went wrong, said Calder.",
                 "Downing Street said Mr Blair should be judged by results."):
        assert not [r for r in events(text) if r["event_type"] == "REQUEST"], text


def test_future_retreats_are_concessions_and_reported_future_aid_is_an_agreement(events):
    assert one(events("The government announced it would withdraw its troops from the border region."), "CONCEDE")
    assert one(events("The army withdrew its troops from the border region on Monday."), "RETREAT")
    e = one(events("Finland will give Tanzania a grant of 64 million dollars, the finance ministry said."), "AGREE")
    assert e["actor_text"] == "Finland"
    assert one(events("Finland gave Tanzania a grant of 64 million dollars, the finance ministry said."), "AID")


def test_withdrawing_inspectors_is_a_sanction_and_a_threat_when_announced_ahead(events):
    e = one(events("The United Nations withdrew its weapons inspectors from Iraq on Monday."), "SANCTION")
    assert e["event_mode"] == "withdraw"
    assert one(events("The United Nations will withdraw its weapons inspectors from Iraq unless security improves."), "THREATEN")
    # an ultimatum reported by someone else is still a threat
    e = one(events("Turkey will launch a military offensive in Syria unless Kurdish fighters withdraw, officials said."), "THREATEN")
    assert e["actor_text"] == "Turkey"


def test_failing_to_agree_is_a_rejection_but_failing_to_deliver_is_not(events):
    rows = events("Palestinians and Israelis failed to reach agreement on the offices in east Jerusalem on Sunday.")
    assert {r["event_type"] for r in rows} == {"REJECT"}
    rows = events("The ministry failed to provide clear guidance to schools, the auditors said.")
    assert "REJECT" not in {r["event_type"] for r in rows}


def test_both_sides_are_parties_in_diplomacy_but_not_in_sport(events):
    e = one(events("The Turkish and Greek sides agreed on Friday to share information on missing people."), "AGREE")
    assert "sides" in e["actor_text"]
    assert not events("The home side attacked down the left wing in the second half.")
    for text in ("The two sides met in the Champions League final on Sunday.", "Both sides agreed a fee for the striker."):
        assert not events(text), text


def test_cyber_attacks_sworn_violence_and_police_patrols(events):
    e = one(events("North Korea has tried to hack into the computers of South Korean army officers."), "COERCE")
    assert e["event_mode"] == "cyber"
    assert one(events("Hamas swore to avenge the killing of its leader."), "THREATEN")
    for text in ("Joe Biden was sworn in as president on Wednesday.", "The new ministers swore an oath to serve the country.",
                 "The manager swore loudly when the referee awarded the penalty.",
                 "The defender hacked the ball clear in the last minute."):
        assert not [r for r in events(text) if r["event_type"] in ("AGREE", "THREATEN", "COERCE")], text
    e = one(events("The provincial government ordered patrols by police and paramilitary soldiers after the riots."), "MOBILIZE")
    assert e["event_mode"] == "police"


def test_an_act_announced_with_unless_is_a_threat(events):
    rows = events("Nigeria announced that it will withdraw its peacekeeping force from Chad unless the president arranges a ceasefire.")
    assert one(rows, "THREATEN")["actor_text"] == "Nigeria"
    assert not [r for r in rows if r["event_type"] == "SANCTION"]
    assert one(events("Nigeria withdrew its peacekeeping force from Chad on Monday."), "SANCTION")


def test_arriving_peacekeepers_behind_a_group_noun(events):
    e = one(events("The first contingent of Bangladeshi peacekeeping troops arrived in Sierra Leone on Tuesday."), "RETREAT")
    assert e["event_mode"] == "access"
    assert "RETREAT" not in {r["event_type"] for r in events("The first group of tourists arrived in Sierra Leone on Tuesday.")}
    assert one(events("A team of UN weapons inspectors arrived in Damascus on Sunday."), "RETREAT")


def test_released_captives_are_a_retreat_released_products_are_not(events):
    e = one(events("Niger's military leaders have released more than 50 detainees, including former ministers."), "RETREAT")
    assert e["event_mode"] == "release"
    assert one(events("The rebels freed two French journalists on Monday."), "RETREAT")
    for text in ("Nintendo will release the DS in Europe from 11 March.", "The band released a new album on Friday.",
                 "Sony released new machines last year."):
        assert not [r for r in events(text) if r["event_type"] in ("RETREAT", "CONCEDE", "AGREE")], text
