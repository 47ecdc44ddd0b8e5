"""Role extraction: each construction the issue names, the traps, normalisation, linking and the timeline.

Sentences are from the sample corpus (datasets/raw) or written in the same style.
"""

from datetime import date

import polars as pl
import pytest

from pipelines import schema
from pipelines.extract import mentions as mentions_mod
from pipelines.extract import roles as roles_mod
from pipelines.extract import titles
from pipelines.extract.annotate import DocInput
from pipelines.settings import Settings


@pytest.fixture(scope="module")
def nlp():
    from pipelines.extract.nlp import load_model

    return load_model(Settings().spacy_model)


@pytest.fixture(scope="module")
def extract(nlp):
    def run(text: str, published: date | None = None) -> list[dict]:
        doc = nlp(text)
        meta = DocInput(doc_id="doc_test", text=text, published_date=published)
        return roles_mod.extract_roles(doc, meta, mentions_mod.extract_mentions(doc, "doc_test"))

    return run


def facts(rows: list[dict]) -> set[tuple]:
    return {(r["person_text"], r["title"], r["org_text"], r["country_code"], r["status"]) for r in rows}


def by_person(rows: list[dict]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for r in rows:
        out.setdefault(r["person_text"], set()).add(r["title"])
    return out


# ---------------------------------------------------------------- constructions from the issue

def test_premodifier_portfolio_title(extract):
    rows = extract("The party said Oil Minister Mahamane Sani Mahamadou, Mining Minister Ousseini Hadizatou, "
                   "and PNDS-Tarayya Secretary-General Fourmakoye Gado are all being held.")
    assert facts(rows) == {
        ("Mahamane Sani Mahamadou", "minister of oil", None, None, "current"),
        ("Ousseini Hadizatou", "minister of mining", None, None, "current"),
        ("Fourmakoye Gado", "secretary-general", "PNDS-Tarayya", None, "current"),
    }


def test_oil_minister_and_minister_of_oil_are_one_title(extract):
    a = extract("Oil Minister Mahamane Sani Mahamadou was detained.")
    b = extract("Minister of Oil Mahamane Sani Mahamadou was detained.")
    assert [r["title"] for r in a] == [r["title"] for r in b] == ["minister of oil"]
    assert a[0]["title_text"] == "Oil Minister" and b[0]["title_text"] == "Minister of Oil"


def test_kremlin_spokesman(extract):
    rows = extract("In a call with reporters, Kremlin spokesman Dmitry Peskov said it was a matter of serious concern.")
    assert facts(rows) == {("Dmitry Peskov", "spokesperson", "Kremlin", "RUS", "current")}


def test_us_secretary_of_state(extract):
    rows = extract("Meanwhile, US Secretary of State Antony Blinken called for the immediate release of the president.")
    assert facts(rows) == {("Antony Blinken", "secretary of state", None, "USA", "current")}


def test_acting_deputy_secretary_of_state(extract):
    rows = extract("U.S. Acting Deputy Secretary of State Victoria Nuland flew to Niamey on Monday.")
    assert facts(rows) == {("Victoria Nuland", "deputy secretary of state", None, "USA", "acting")}


def test_apposition_title_first_with_of_country(extract):
    rows = extract("The president of neighbouring Benin, Patrice Talon, was expected in the capital for mediation efforts.")
    assert facts(rows) == {("Patrice Talon", "president", None, "BEN", "current")}


def test_apposition_after_name_former_ruler_of_country(extract):
    rows = extract("Last week, ECOWAS sent a mission to Niamey led by Abdulsalami Abubakar, a former military ruler of "
                   "Nigeria, but Tiani also refused to see him.")
    assert facts(rows) == {("Abdulsalami Abubakar", "military ruler", None, "NGA", "former")}


def test_apposition_after_name_institution_spokesperson(extract):
    rows = extract("Earlier, Matthew Miller, State Department Spokesperson said in a statement that they call for the release.")
    assert facts(rows) == {("Matthew Miller", "spokesperson", "State Department", "USA", "current")}


def test_armed_forces_chief_general(extract):
    rows = extract("But armed forces chief General Abdou Sidikou Issa dealt a hefty blow to those hopes.")
    assert by_person(rows) == {"Abdou Sidikou Issa": {"armed forces chief", "general"}}


def test_ousted_president(extract):
    rows = extract("The junta defied an Aug. 6 deadline to reinstate ousted President Mohamed Bazoum.")
    assert facts(rows) == {("Mohamed Bazoum", "president", None, None, "ousted")}
    rows = extract("Ousted President Mohamed Bazoum was not on the list of those released.")
    assert [r["status"] for r in rows] == ["ousted"]


def test_coup_leader(extract):
    rows = extract("She was denied permission to meet coup leader Abdourahamane Tiani, or Bazoum, who is in detention.")
    assert facts(rows) == {("Abdourahamane Tiani", "coup leader", None, None, "current")}


def test_deputy_as_a_title(extract):
    rows = extract("The party also said that Transport Minister Issoufou Issaka, and Deputy Amadou Mahamane Dan Galadima "
                   "have been detained.")
    assert by_person(rows) == {"Issoufou Issaka": {"minister of transport"}, "Amadou Mahamane Dan Galadima": {"deputy"}}


def test_possessive_country(extract):
    rows = extract("The European Union demanded the immediate release of Niger's President Mohamed Bazoum and his family.")
    assert facts(rows) == {("Mohamed Bazoum", "president", None, "NER", "current")}


def test_son_of_former_president_is_the_fathers_role(extract):
    rows = extract("The oil minister is the son of former president Issoufou Mahamadou.")
    assert facts(rows) == {("Issoufou Mahamadou", "president", None, None, "former")}


def test_plural_title_before_several_names(extract):
    rows = extract("The police were urging Lord Chief Justice and Lord Justices Clarke and Rix to overturn the ruling.")
    assert by_person(rows) == {"Clarke": {"lord justice"}, "Rix": {"lord justice"}}


def test_uk_style_titles(extract):
    rows = extract("Chancellor Gordon Brown and Transport Secretary Alistair Darling promoted the news in Edinburgh, "
                   "Wales Secretary Peter Hain and Northern Ireland Minister John Spellar in Belfast.")
    assert by_person(rows) == {
        "Gordon Brown": {"chancellor"},
        "Alistair Darling": {"secretary of transport"},
        "Peter Hain": {"secretary of wales"},
        "John Spellar": {"minister of northern ireland"},
    }
    rows = extract("Lord Bach, Minister for Defence Procurement, said he was disappointed.")
    assert facts(rows) == {("Lord Bach", "minister of defence procurement", None, None, "current")}
    rows = extract("Maternity pay will rise under proposals announced by the Trade and Industry Secretary Patricia Hewitt.")
    assert by_person(rows) == {"Patricia Hewitt": {"secretary of trade and industry"}}


def test_party_bodies_and_shadow_titles(extract):
    rows = extract("Tory shadow chancellor Oliver Letwin and Lib Dem home affairs spokesman Mark Oaten disagreed.")
    assert facts(rows) == {
        ("Oliver Letwin", "shadow chancellor", "Conservative Party", None, "current"),
        ("Mark Oaten", "home affairs spokesperson", "Liberal Democrats", None, "current"),
    }


def test_resigned_as_and_then(extract):
    assert facts(extract("Ms Short resigned as international development secretary over the Iraq war.")) == {
        ("Ms Short", "secretary of international development", None, None, "former")}
    rows = extract("The reshuffle was forced by the resignation of the then Home Secretary David Blunkett.")
    assert facts(rows) == {("David Blunkett", "secretary of home affairs", None, None, "former")}


def test_elected_president(extract):
    rows = extract("The 2021 election that saw Bazoum elected president marked the first democratic transfer of power.")
    assert [(r["person_text"], r["title"], r["status"]) for r in rows] == [("Bazoum", "president", "elected")]


def test_who_is_now_and_postnominal(extract):
    for text in ("He was joined by Damien Hockney, who is now Veritas' deputy leader.",
                 "He was joined by Damien Hockney who is now Veritas' deputy leader."):
        assert facts(extract(text)) == {("Damien Hockney", "deputy leader", "Veritas", None, "current")}
    rows = extract("Scottish Finance Minister, Tom McCabe MSP, said councils must exercise restraint.")
    assert by_person(rows) == {"Tom McCabe": {"minister of finance", "msp"}}


def test_two_titles_before_one_name(extract):
    rows = extract("Ex-BBC chat show host and East Midlands MEP Robert Kilroy-Silk launched his new party.")
    assert facts(rows) == {
        ("Robert Kilroy-Silk", "chat show host", "BBC", "GBR", "former"),
        ("Robert Kilroy-Silk", "mep", "East Midlands", None, "current"),
    }


def test_company_and_place_bodies(extract):
    rows = extract("Bank of England governor Mervyn King said rates would rise.")
    assert facts(rows) == {("Mervyn King", "governor", "Bank of England", None, "current")}
    rows = extract("The lawsuit was brought by New York attorney general Elliot Spitzer.")
    assert facts(rows) == {("Elliot Spitzer", "attorney general", "New York", None, "current")}
    rows = extract("Tim Osborne, head of Yukos, said the company would appeal.")
    assert [(r["person_text"], r["title"], r["org_text"]) for r in rows] == [("Tim Osborne", "head", "Yukos")]


def test_descriptor_before_the_body_name(extract):
    rows = extract("Shami Chakrabarti, director of civil liberties pressure group Liberty, said it was not the main issue.")
    assert facts(rows) == {("Shami Chakrabarti", "director", "Liberty", None, "current")}


# ---------------------------------------------------------------- constructions found on the blind5 split

def test_capitalised_run_before_a_lower_case_head_is_the_body(extract):
    rows = extract("But former Buckingham Palace press spokesman Dicky Arbiter said the prince should apologise.")
    assert facts(rows) == {("Dicky Arbiter", "press spokesperson", "Buckingham Palace", None, "former")}
    rows = extract("Association of Chief Police Officers president Chris Fox said the power had too little impact.")
    assert facts(rows) == {("Chris Fox", "president", "Association of Chief Police Officers", None, "current")}
    # a capitalised head keeps its capitalised portfolio ("Northern Ireland Minister"), see test_uk_style_titles


def test_place_before_a_capitalised_title_and_a_second_apposition(extract):
    rows = extract("Suffolk Chief Constable Alastair McWhirter, the Association of Chief Police Officers' spokesman "
                   "on rural policing, told the BBC the law would be enforced.")
    assert facts(rows) == {
        ("Alastair McWhirter", "chief constable", "Suffolk", None, "current"),
        ("Alastair McWhirter", "spokesperson", "Association of Chief Police Officers", None, "current"),
    }


def test_co_heads_and_high_commissioner(extract):
    assert facts(extract("Tory co-chairman Liam Fox has opened proceedings.")) == {
        ("Liam Fox", "co-chair", "Conservative Party", None, "current")}
    rows = extract("He will succeed the previous High Commissioner, Ann Grant, shortly after the next election.")
    assert facts(rows) == {("Ann Grant", "high commissioner", None, None, "former")}


def test_future_predicates_and_a_posting_is_not_the_body(extract):
    rows = extract("Mr Boateng, 53, is to become the UK's high commissioner to South Africa.")
    assert [(r["title"], r["country_code"], r["status"]) for r in rows] == [("high commissioner", "GBR", "designate")]
    assert rows[0]["person_text"].endswith("Boateng")
    rows = extract("Paul Boateng, Chief Secretary to the Treasury, is to step down as a Labour MP at the election.")
    assert ("Paul Boateng", "mp", "Labour Party", None, "current") in facts(rows)
    # the same after a headline the parser joins to it: the subject is found before its apposition
    rows = extract("Boateng to step down at election\n\nPaul Boateng, Chief Secretary to the Treasury, is to step down "
                   "as a Labour MP at the forthcoming general election.")
    assert ("Paul Boateng", "mp", "Labour Party", None, "current") in facts(rows)


def test_fronted_as_phrase(extract):
    rows = extract("As foreign secretary in the early 1970s, Lord Callaghan kept an open mind.")
    assert facts(rows) == {("Lord Callaghan", "secretary of foreign affairs", None, None, "former")}
    rows = extract("As prime minister, Tony Blair has said little about it.")
    assert facts(rows) == {("Tony Blair", "prime minister", None, None, "current")}
    assert extract("As expected, Tony Blair said nothing.") == []
    assert extract("And as chancellor, he said no.") == []


def test_reporting_organisation_is_the_body_of_its_officer(extract):
    rows = extract("The United Nations said Secretary-General Antonio Guterres was alarmed by the coup.")
    assert [(r["person_text"], r["title"], r["org_text"], r["body_source"]) for r in rows] == [
        ("Antonio Guterres", "secretary-general", "United Nations", "sentence")]
    # a government title does not belong to the party that speaks of it
    rows = extract("Labour said Prime Minister Tony Blair would speak.")
    assert [(r["org_text"], r["country_code"], r["body_source"]) for r in rows] == [(None, None, None)]
    rows = extract("Kremlin spokesman Dmitry Peskov said no.")
    assert [r["body_source"] for r in rows] == ["text"]


def test_what_ends_a_title_phrase_on_the_left(extract):
    # a clause-opening adverb, a verb the tagger read as a noun, a noun before the body: not title words
    rows = extract("Earlier Foreign Secretary Jack Straw said the UK was prepared to veto any bid.")
    assert by_person(rows) == {"Jack Straw": {"secretary of foreign affairs"}}
    rows = extract("Labour has been accused of using images in posters which critics claim depict Tory leader Michael Howard as Fagin.")
    assert facts(rows) == {("Michael Howard", "leader", "Conservative Party", None, "current")}
    rows = extract("After the announcement WLGA finance spokesman Bob Wellington said rises must be small.")
    assert facts(rows) == {("Bob Wellington", "finance spokesperson", "WLGA", None, "current")}
    # "shadow" read as a verb after "and" is still the title's own word
    rows = extract("The party will test a poster showing Mr Howard and shadow chancellor Oliver Letwin with a blackboard.")
    assert by_person(rows) == {"Oliver Letwin": {"shadow chancellor"}}


def test_names_and_bodies_the_tagger_mislabels(extract):
    # a post-nominal inside a tagged name is not part of it; an acronym tagged as a person is a body
    assert facts(extract("Judge Charles Harris QC made his remarks as he sentenced three men.")) == {
        ("Charles Harris", "judge", None, None, "current")}
    rows = extract("ODPM committee chairman Andrew Bennett said registration should be introduced.")
    assert [(r["person_text"], r["org_text"]) for r in rows] == [("Andrew Bennett", "ODPM")]


def test_title_then_comma_then_name_with_in_phrase_and_peerage(extract):
    rows = extract("He said the answer had been prepared with the then Lord Chancellor, Lord Irvine of Lairg.")
    assert facts(rows) == {("Lord Irvine", "lord chancellor", None, None, "former")}
    rows = extract("It is also calling on the senior judge in England and Wales, Lord Woolf, to abandon draft guidelines.")
    assert facts(rows) == {("Lord Woolf", "senior judge", "England and Wales", None, "current")}
    # an "in"-phrase is read only in that construction
    assert extract("The president in Washington said no.") == []


def test_a_surname_given_in_full_earlier_is_a_name_even_when_a_party(extract):
    rows = extract("Notts police chief Steve Green said people would suffer. "
                   "Earlier chief constable Green questioned how officers would cope.")
    assert by_person(rows) == {"Steve Green": {"police chief"}, "Green": {"chief constable"}}
    # the party stays a body, and a post-nominal that runs into a name is that name's title
    rows = extract("Jim Green said no. Green MEP Caroline Lucas spoke.")
    assert facts(rows) == {("Caroline Lucas", "mep", "Green Party", None, "current")}
    assert extract("Earlier chief constable Green questioned how officers would cope.") == []


def test_legislation_is_not_a_name(extract):
    assert extract("The measures passed into law at a late stage of the Criminal Justice Bill.") == []


def test_queen_mother_is_not_a_person(extract):
    assert extract("Mr Brown also unveiled plans for a memorial to the Queen Mother, funded through a special coin.") == []


# ---------------------------------------------------------------- bodies inferred from the article

@pytest.fixture(scope="module")
def sample_roles(nlp):
    """Roles of the sample corpus articles (datasets/raw) as the cleaner leaves them: text and dateline in
    tests/data/roles_sample_cleaned.jsonl (written by `clean_document`; a fixture so that these tests
    measure the role extractor alone)."""
    import json
    from pathlib import Path

    out = {}
    for line in (Path(__file__).parent / "data" / "roles_sample_cleaned.jsonl").read_text(encoding="utf-8").splitlines():
        c = json.loads(line)
        meta = DocInput(doc_id=c["source"], text=c["text"], dateline_place=c["dateline_place"])
        doc = nlp(c["text"])
        out[c["source"][:3]] = roles_mod.extract_roles(doc, meta, mentions_mod.extract_mentions(doc, meta.doc_id))
    return out


def test_nigerien_ministers_get_niger_from_the_article(sample_roles):
    rows = {(r["person_text"], r["title"]): r for r in sample_roles["000"]}
    for person, title in (("Mahamane Sani Mahamadou", "minister of oil"), ("Ousseini Hadizatou", "minister of mining"),
                          ("Issoufou Issaka", "minister of transport")):
        assert (rows[(person, title)]["country_code"], rows[(person, title)]["body_source"]) == ("NER", "document")
    # the body the sentence gives stays the sentence's, and is marked so
    chad = rows[("Mahamat Idriss Deby", "president")]
    assert (chad["country_code"], chad["body_source"]) == ("TCD", "text")
    assert (rows[("Fourmakoye Gado", "secretary-general")]["org_text"], rows[("Fourmakoye Gado", "secretary-general")]["body_source"]) == ("PNDS-Tarayya", "text")
    # a president is not a cabinet title: "President Mohamed Bazoum" keeps no body rather than a guessed one
    assert rows[("Mohamed Bazoum", "president")]["body_source"] is None
    justice = [r for r in sample_roles["003"] if r["title"] == "minister of justice"]
    assert justice and all((r["country_code"], r["body_source"]) == ("NER", "document") for r in justice)


def test_no_article_body_when_the_dateline_is_elsewhere(sample_roles):
    # datelined Washington, mostly about Niger: not one country, so nothing is inferred
    assert sample_roles["004"] and all(r["body_source"] != "document" for r in sample_roles["004"])


def test_no_article_body_for_a_foreign_story_without_its_government(extract):
    text = ("Environment Secretary Margaret Beckett said the US would act on global warming. The US election was won by "
            "President Bush. American voters backed him in Ohio and the US economy was the issue. US officials said so.")
    rows = extract(text)
    beckett = [r for r in rows if r["person_text"] == "Margaret Beckett"]
    assert beckett and beckett[0]["country_code"] is None and beckett[0]["body_source"] is None
    # with the country's government named, a cabinet title in a sentence naming no other country takes it
    text = ("Niger's junta detained ministers on Monday. The junta in Niger said Niger would not yield. "
            "Justice Minister Aliyou Daouda was held. Niger closed its borders.")
    rows = extract(text)
    assert [(r["person_text"], r["country_code"], r["body_source"]) for r in rows if r["title"] == "minister of justice"] == [
        ("Aliyou Daouda", "NER", "document")]
    # two governments named: a story of one country's help to another, whose ministers are not the article's
    text = ("Britain offered troops to Indonesia. The government offered the Indonesian government help and may offer "
            "the Sri Lankan government the same. Indonesia was worst hit. Indonesia thanked donors. "
            "International Development Minister Gareth Thomas said the help would go to Aceh.")
    rows = extract(text)
    assert [(r["country_code"], r["body_source"]) for r in rows if r["person_text"] == "Gareth Thomas"] == [(None, None)]


# ---------------------------------------------------------------- traps

def test_fronted_phrase_is_not_an_apposition(extract):
    rows = extract("Echoing the new US Secretary of State Condoleezza Rice, the prime minister said policy had evolved.")
    assert facts(rows) == {("Condoleezza Rice", "secretary of state", None, "USA", "current")}


def test_someone_elses_title_in_the_same_sentence(extract):
    rows = extract("US Secretary of State Antony Blinken on Wednesday spoke to Niger's President Mohamed Bazoum.")
    assert by_person(rows) == {"Antony Blinken": {"secretary of state"}, "Mohamed Bazoum": {"president"}}
    rows = extract("Blinken conveyed the unwavering support of the United States for President Mohamed Bazoum.")
    assert by_person(rows) == {"Mohamed Bazoum": {"president"}}


def test_plural_titles_give_no_role(extract):
    assert extract("The military junta in charge of Niger has detained five government ministers and several party officials.") == []
    assert extract("Among them are the former ministers of defence, oil and finance, as well as several senior army officers.") == []
    assert extract("Several hundred people took part in a show of support in Niamey for the coup leaders, AFP journalists saw.") == []


def test_spokesman_quoting_his_minister(extract):
    rows = extract("Foreign ministry spokesman Ali Bako quoted Foreign Minister Hassoumi Massoudou as saying the talks had failed.")
    assert by_person(rows) == {"Ali Bako": {"spokesperson"}, "Hassoumi Massoudou": {"minister of foreign affairs"}}
    rows = extract("The minister's spokesman, Ali Bako, said the talks had failed.")
    assert facts(rows) == {("Ali Bako", "spokesperson", None, None, "current")}


def test_words_that_only_look_like_titles(extract):
    rows = extract("The Catholic aid agency Cafod will host Mr Brown's speech on Wednesday.")
    assert rows == []
    rows = extract("Both the prime minister and Chancellor Gordon Brown have called for urgent action.")
    assert by_person(rows) == {"Gordon Brown": {"chancellor"}}
    rows = extract("He told his cabinet colleagues Foreign Secretary Jack Straw would travel.")
    assert facts(rows) == {("Jack Straw", "secretary of foreign affairs", None, None, "current")}
    rows = extract("Labour general secretary Matt Carter and Solicitor General Harriet Harman spoke.")
    assert by_person(rows) == {"Matt Carter": {"general secretary"}, "Harriet Harman": {"solicitor general"}}


def test_a_verb_is_not_a_status(extract):
    rows = extract("Soldiers ousted President Mohamed Bazoum on Wednesday.")
    assert [(r["title"], r["title_text"]) for r in rows] == [("president", "President")]
    rows = extract("Soldiers in Niger claimed to have removed President Mohamed Bazoum from power late on Wednesday.")
    assert [(r["title"], r["status"]) for r in rows] == [("president", "current")]


def test_no_role_without_a_title_or_name(extract):
    assert extract("Chancellor Gordon Brown will deliver his Budget before the General Election in May.")[0]["person_text"] == "Gordon Brown"
    assert len(extract("Chancellor Gordon Brown will deliver his Budget before the General Election in May.")) == 1
    assert extract("Niger, a key ally in the fight against jihadists in the Sahel, may pivot towards Russia.") == []
    assert extract("The prime minister told his monthly press conference the matter had been dealt with.") == []
    assert extract("Mr Straw and his Spanish counterpart Miguel Moratinos agreed to establish a body.") == []


def test_pronoun_subject_gets_no_role(extract):
    assert extract("He is to stand down as an MP at the next election.") == []
    assert extract("Ms Kelly entered the Cabinet last month.") == []


# ---------------------------------------------------------------- evidence, offsets, dates

def test_offsets_and_evidence(extract):
    text = ("The letter was rejected. Meanwhile, US Secretary of State Antony Blinken called for the release of "
            "Niger's leader Mohamed Bazoum on Thursday.")
    rows = extract(text, published=date(2023, 7, 28))
    assert len(rows) == 2
    for r in rows:
        evidence = text[r["start_char"] : r["end_char"]]
        assert r["title_text"] in evidence and r["person_text"] in evidence
        assert evidence in r["sentence_text"] and r["sentence_text"].startswith("Meanwhile")
        assert text[r["person_start"] : r["person_end"]] == r["person_text"]
        assert r["as_of_date"] == date(2023, 7, 28) and r["doc_id"] == "doc_test"
        assert 0 < r["confidence"] <= 1
    df = schema.candidates_from_rows("roles", rows)
    assert df.columns == list(schema.candidate_schema("roles"))


def test_canonical_title_forms():
    assert titles.canonical_title([], ["Oil"], "minister", []) == "minister of oil"
    assert titles.canonical_title([], [], "minister", ["oil"]) == "minister of oil"
    assert titles.canonical_title(["shadow"], ["home"], "secretary", []) == "shadow secretary of home affairs"
    assert titles.canonical_title([], [], "head", ["tax"]) == "head of tax"
    assert titles.country_code("Chadian") == "TCD" and titles.country_code("U.S.") == "USA" and titles.country_code("us") is None


def test_countries_come_from_the_gazetteers():
    from pipelines.extract import gazetteers as gz

    # one table: the gazetteers' aliases and demonyms are what titles reads
    assert titles.country_code("Zaire") == gz.countries()["zaire"] == "COD"
    assert titles.country_code("Briton") == "GBR"
    # role-only rows of demonyms.tsv reach roles, not the entity rules
    assert titles.country_code("Burmese") == "MMR" and "burmese" not in gz.demonyms()
    # parts of a country stay places for roles ("Wales Secretary" is a portfolio) though the entity rules map them
    assert gz.countries()["wales"] == "GBR" and titles.country_code("Wales") is None and titles.country_code("Scottish") is None
    assert not hasattr(titles, "DEMONYMS") and not hasattr(titles, "COUNTRY_EXTRA")


# ---------------------------------------------------------------- linking and timeline

def _cand(person_text, start, title, status, doc, day, org_text=None, country=None):
    return {"person_text": person_text, "title": title, "title_text": title.title(), "status": status, "doc_id": doc,
            "sentence_text": f"{title} {person_text}", "start_char": start - 10, "end_char": start + len(person_text),
            "as_of_date": day, "confidence": 0.9, "person_start": start, "person_end": start + len(person_text),
            "org_text": org_text, "country_code": country}


def test_roles_table_links_people_and_orgs_by_id():
    from pipelines.extract.tables import roles_table

    cands = schema.candidates_from_rows("roles", [
        _cand("Mohamed Bazoum", 20, "president", "current", "d1", date(2023, 7, 27)),
        _cand("Dmitry Peskov", 50, "spokesperson", "current", "d1", date(2023, 7, 27), org_text="Kremlin", country="RUS"),
        _cand("Bazoum", 80, "leader", "current", "d1", date(2023, 7, 27)),
        _cand("Oliver Letwin", 5, "shadow chancellor", "current", "d2", None, org_text="Conservative Party"),
    ])
    mentions = schema.from_rows("mentions", [
        {"mention_id": "m1", "doc_id": "d1", "sentence_index": 0, "start_char": 20, "end_char": 34, "text": "Mohamed Bazoum", "label": "PERSON", "entity_id": "per_1"},
        {"mention_id": "m2", "doc_id": "d1", "sentence_index": 0, "start_char": 50, "end_char": 63, "text": "Dmitry Peskov", "label": "PERSON", "entity_id": "per_2"},
        {"mention_id": "m3", "doc_id": "d1", "sentence_index": 1, "start_char": 80, "end_char": 86, "text": "Bazoum", "label": "ORG", "entity_id": "org_9"},
    ])
    orgs = schema.from_rows("organizations", [
        {"org_id": "org_k", "name": "the Kremlin", "aliases": [], "mention_count": 1, "document_count": 1},
        {"org_id": "org_c", "name": "Conservative", "aliases": ["Tories"], "mention_count": 1, "document_count": 1},
    ])
    out = roles_table(cands, mentions, orgs)
    assert out.columns == list(schema.TABLES["roles"])
    got = {r["person_text"]: (r["person_id"], r["org_id"]) for r in out.iter_rows(named=True)}
    assert got == {"Mohamed Bazoum": ("per_1", None), "Dmitry Peskov": ("per_2", "org_k"),
                   "Bazoum": (None, None),  # an ORG mention never gives a person_id
                   "Oliver Letwin": (None, "org_c")}
    assert out["role_id"].n_unique() == 4
    # with the people table, a name written the way exactly one person is written links by name
    people = schema.from_rows("people", [
        {"person_id": "per_1", "name": "Mohamed Bazoum", "aliases": ["Bazoum"], "mention_count": 2, "document_count": 1},
        {"person_id": "per_3", "name": "Oliver Letwin", "aliases": ["Letwin"], "mention_count": 1, "document_count": 1},
        {"person_id": "per_4", "name": "Sarah Letwin", "aliases": ["Letwin"], "mention_count": 1, "document_count": 1},
    ])
    got = {r["person_text"]: r["person_id"] for r in roles_table(cands, mentions, orgs, people).iter_rows(named=True)}
    assert got == {"Mohamed Bazoum": "per_1", "Dmitry Peskov": "per_2", "Bazoum": "per_1", "Oliver Letwin": "per_3"}


def test_role_timeline_reads_one_story():
    from pipelines.extract.roles_timeline import role_timeline

    rows = [
        {"role_id": "r1", "person_id": "per_b", "person_text": "President Bazoum", "title": "president", "country_code": "NER",
         "status": "current", "doc_id": "d1", "start_char": 0, "as_of_date": date(2023, 7, 27)},
        {"role_id": "r2", "person_id": "per_b", "person_text": "Mohamed Bazoum", "title": "president", "status": "ousted",
         "doc_id": "d2", "start_char": 5, "as_of_date": date(2023, 8, 15)},
        {"role_id": "r3", "person_id": "per_b", "person_text": "Mohamed Bazoum", "title": "minister of interior", "status": "current",
         "doc_id": "d3", "start_char": 5, "as_of_date": None},
        {"role_id": "r4", "person_id": None, "person_text": "Patrice Talon", "title": "president", "country_code": "BEN",
         "status": "current", "doc_id": "d1", "start_char": 9, "as_of_date": date(2023, 7, 27)},
    ]
    rows.append({"role_id": "r5", "person_id": "per_b", "person_text": "Bazoum", "title": "president", "status": "current",
                 "doc_id": "d3", "start_char": 50, "as_of_date": None})
    rows.append({"role_id": "r6", "person_id": "per_a", "person_text": "Secretary Blinken", "title": "secretary", "status": "current",
                 "doc_id": "d1", "start_char": 60, "as_of_date": date(2023, 7, 27)})
    rows.append({"role_id": "r7", "person_id": "per_a", "person_text": "Antony Blinken", "title": "secretary of state",
                 "country_code": "USA", "status": "current", "doc_id": "d1", "start_char": 70, "as_of_date": date(2023, 7, 27)})
    roles = schema.from_rows("roles", rows)
    people = schema.from_rows("people", [{"person_id": "per_b", "name": "Mohamed Bazoum", "aliases": ["Bazoum"], "mention_count": 3, "document_count": 3}])
    tl = role_timeline(roles, people)
    assert tl.columns == list(schema.TABLES["role_timeline"])
    assert tl.height == 4
    pres = tl.filter((pl.col("person_id") == "per_b") & (pl.col("title") == "president")).row(0, named=True)
    assert pres["person_name"] == "Mohamed Bazoum" and pres["country_code"] == "NER"
    assert (pres["first_seen"], pres["last_seen"]) == (date(2023, 7, 27), date(2023, 8, 15))
    assert pres["statuses"] == ["current", "ousted"] and pres["latest_status"] == "ousted"
    assert (pres["mention_count"], pres["document_count"], pres["role_ids"]) == (3, 3, ["r1", "r2", "r5"])
    # "Secretary Blinken" folds into his one more specific title
    sec = tl.filter(pl.col("person_id") == "per_a")
    assert sec["title"].to_list() == ["secretary of state"] and sec["mention_count"].to_list() == [2]
    talon = tl.filter(pl.col("person_name") == "Patrice Talon").row(0, named=True)
    assert talon["person_id"] is None and talon["statuses"] == ["current"]
    assert tl["timeline_id"].n_unique() == 4
    assert role_timeline(schema.empty("roles"), schema.empty("people")).columns == list(schema.TABLES["role_timeline"])


def test_role_timeline_prefers_the_body_the_text_gives():
    from pipelines.extract.roles_timeline import role_timeline

    rows = [
        {"role_id": f"r{i}", "person_id": "per_x", "person_text": "Hassoumi Massoudou", "title": "minister of foreign affairs",
         "country_code": cc, "body_source": src, "status": "current", "doc_id": f"d{i}", "start_char": 0, "as_of_date": None}
        for i, (cc, src) in enumerate([("NER", "document"), ("NER", "document"), ("MLI", "text")])
    ]
    tl = role_timeline(schema.from_rows("roles", rows), schema.empty("people"))
    # two inferred bodies do not outvote one the text states
    assert tl["country_code"].to_list() == ["MLI"]
    only_inferred = role_timeline(schema.from_rows("roles", rows[:2]), schema.empty("people"))
    assert only_inferred["country_code"].to_list() == ["NER"]
