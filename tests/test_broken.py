"""broken.* rules: exact spans on fresh MT-like damage, silence on clean news."""

from __future__ import annotations

import pytest

from mtcheck.analyze import document
from mtcheck.config import Config
from mtcheck.engine import check as mtcheck_check
from mtcheck.engine import findings
from mtcheck.english import could_be_finite_verb, lexicon, rarely_a_verb

FAMILIES = ("broken", "boilerplate", "encoding")

# Clean news written for these tests: headlines, bylines, datelines, lists, captions,
# questions in quotes, stranded prepositions that English allows, verbless credits.
CLEAN_NEWS = """\
Rail freight operator to cut 300 jobs as volumes fall

By Marta Lindqvist

LYON, France, May 4 (AFP) - The rail freight operator Fret Rhône said on Tuesday it \
would cut 300 jobs by the end of next year, blaming weak demand from the steel and \
chemical industries.

“Why now?” asked one union official at a news conference in Lyon. “Because the \
numbers no longer add up,” the company's chief executive, Paul Garnier, replied.

What the plan consists of in detail is still unclear, and the unions say they have \
not been told which depots they should prepare for. Ten board members voted in favour \
and two voted against.

The company declined to say how many of the jobs would go in Lyon. A spokeswoman would \
not comment further. It is not clear what the minister was referring to.

The minister, who took office in March, said the state would not intervene. Asked \
whether the plan could still change, he said: “Everything is possible.”

It was, as one analyst put it, “a long time coming.” The matter has been dealt with \
at board level, and the layoffs are a problem the region has long struggled with.

The plan foresees:

- closing the depot in Vénissieux
- moving maintenance work to Dijon
- selling two shunting locomotives

Photo: A freight train waits at the Lyon-Guillotière yard

Talks to resume in June

Inflation, which peaked at 6.3% last year, has since eased. The people she works \
with describe her as demanding but fair. He said he would stay on if the board wanted \
him to.

Will the strike go ahead? Union leaders meet on Friday to decide. “We are not done \
yet,” said Sophie Marchand, who leads the drivers' union.

The two sides met in Geneva (the third round since January) and agreed to meet \
again. The figures, released on Friday, show a 3% rise in freight costs. Dr. Jane \
Smith of St. Andrews said the results were robust. It is the company's No. 1 \
priority, she said.

“Our trains run at 4:30 a.m. and at midnight. That is what customers ask for,” \
Garnier said. “Nobody knows what the strike will cost, or who will pay for it.”

The U.S. Federal Reserve and the Bank of England kept their rates on hold. So far, \
so good, traders said.

(Additional reporting by Jan Novak; Editing by Sarah White)
"""

SECOND_CLEAN = """\
Storm Bella Closes Ports Along The Northern Coast

HAMBURG, Jan. 9 — Storm Bella closed three ports along Germany's northern coast on \
Thursday and cancelled more than 200 flights, officials said. Winds reached 140 km/h \
on the island of Sylt.

“It is the worst storm we have seen in a decade,” said Lena Vogt, a spokeswoman for \
the port authority. “Everyone is safe, and that is what matters.”

Residents were told to stay indoors. Schools in Kiel and Lübeck, where classes had \
resumed only on Monday, stayed shut. The weather service expects the winds to ease \
by Saturday, although heavy rain is forecast for the weekend.

The port of Hamburg, Europe's third largest, said ships would be allowed in again \
once the water level fell below 3.5 metres. About 40 vessels were waiting offshore.

Caption: Waves break over the harbour wall in Büsum on Thursday

Source: Deutscher Wetterdienst
"""

# Verbless sentences of feature style, dashes, inverted sentences, numbered lists.
THIRD_CLEAN = """\
Harbour city braces for record cruise season

By Elena Marsh

VALLETTA, Malta, April 2 — A record 1.1 million cruise passengers are expected to arrive \
in Malta this year, the tourism authority said on Tuesday. Hardly a surprise, given the \
weather.

Also waiting on the quay were dozens of taxi drivers, some of whom had queued since \
dawn. “It's a very, very good start,” said Joseph Camilleri, who has driven a taxi in \
Valletta for 30 years.

The authority's chairman, Mark Azzopardi — a former hotel manager, not a politician — \
said the island could handle the numbers. Not everyone agrees.

What residents want

A survey published last month found that:

1. Most residents back a cap on daily arrivals.
2. About a third want a tourist tax.
3. Few would support a ban.

“We love visitors. We just don't love 8,000 of them at once,” said Maria Borg, who runs \
a bakery near the Upper Barrakka Gardens. Asked whether she would sign a petition, she \
laughed. “I already did.”

A new terminal, which the government approved in 2023, opens in June. Its cost: €120 million.

Small wonder, then, that the opposition has called for an inquiry. A vote is due on May 14.

The ships keep coming. Not all of them will find a berth.
"""


def _found(text: str, families: tuple[str, ...] = FAMILIES) -> list[tuple[str, str]]:
    config = Config().with_overrides(select=families)
    result, _ = findings(document(text), config, strict=True)
    return [(f.rule, f.text) for f in result]


def test_clean_news_has_no_broken_findings():
    assert _found(CLEAN_NEWS) == []


def test_feature_style_clean_article_is_quiet():
    assert _found(THIRD_CLEAN) == []


def test_second_clean_article_only_flags_its_source_line():
    assert _found(SECOND_CLEAN) == [("boilerplate.web-debris", "Source: Deutscher Wetterdienst")]


@pytest.mark.parametrize(("rule_id", "text", "span"), [
    ("broken.doubled-word", "The delegation met with the the prime minister.", "the the"),
    ("broken.doubled-word", "Exports grew by by 4 percent.", "by by"),
    ("broken.repeated-phrase",
     "The vaccine is offered to children and teachers to children and teachers in May.",
     "to children and teachers to children and teachers"),
    ("broken.repeated-phrase", "Rates will stay high for the length of the length.",
     "length of the length"),
    ("broken.space-before-punctuation", "Exports fell , the office said.", " ,"),
    ("broken.space-before-punctuation", "She explained : prices will rise.", " :"),
    ("broken.space-before-punctuation", "Who will pay ? Nobody knows.", " ?"),
    ("broken.dangling-attribution",
     "Kaya said, “We will open the line in October. ” said.", ". ” said."),
    ("broken.dangling-attribution",
     "“The market will calm down soon.” he stated.", ".” he stated."),
    ("broken.dangling-attribution",
     "“The talks are over. ” The minister added.", ". ” The minister added."),
    ("broken.dangling-attribution", "“We will not give up,” said.", "” said."),
    ("broken.missing-complement",
     "Prices rose in March. The governor also emphasized.", "The governor also emphasized."),
    ("broken.missing-complement", "He closed the meeting by saying.",
     "He closed the meeting by saying."),
    ("broken.missing-complement", "The ministry noted that.", "The ministry noted that."),
    ("broken.dangling-ending", "Farmers will receive aid according to.", "according to."),
    ("broken.dangling-ending", "The new rules will apply to every.", "every."),
    ("broken.dangling-ending", "Tourists complained about the prices and.", "and."),
    ("broken.dangling-ending", "The sanctions are aimed at companies trading with.",
     "with."),
    ("broken.dangling-ending", "Critics fear that the new database is used to.",
     "is used to."),
    ("broken.doubled-word", "The report is is due on Monday.", "is is"),
    ("broken.missing-complement", "The spokeswoman ended by stating.",
     "The spokeswoman ended by stating."),
    ("broken.fragment",
     "The trawler Nordic Wind, carrying frozen fish from Tromsø to the port and for two "
     "days waiting at anchor off Bergen.",
     "The trawler Nordic Wind, carrying frozen fish from Tromsø to the port and for two "
     "days waiting at anchor off Bergen."),
    ("broken.fragment",
     "The mayor of the city, who after the elections in the spring of last year.",
     "The mayor of the city, who after the elections in the spring of last year."),
    ("broken.fragment",
     "The new stadium on the edge of the old port, which in the summer months.",
     "The new stadium on the edge of the old port, which in the summer months."),
    ("broken.garbled-order", "The amount not was disclosed by the club.", "not was"),
    ("broken.garbled-order", "Officials said the bridge would can open in May.",
     "would can"),
    ("broken.garbled-order", "The contract has been signed completed, the club said.",
     "been signed completed"),
    ("broken.headline-case",
     "The club said that The President Will Meet The Players Before The Final on Sunday.",
     "The President Will Meet The Players Before The Final"),
    ("broken.unbalanced-pair", "The agency (which is state-owned said nothing.", "("),
    ("broken.unbalanced-pair", "“We are ready, said the coach. The team left.", "“"),
    ("broken.missing-terminal-punctuation",
     "The port reopened on Friday. Ships that had waited for three days were allowed in "
     "again\n\nTraffic was normal by the evening.", "again"),
])
def test_damage_is_found_with_its_span(rule_id, text, span):
    found = _found(text)
    assert (rule_id, span) in found, found


@pytest.mark.parametrize("text", [
    "“Are you sure?” he asked.",
    "“We will win!” she shouted.",
    "The state is not has-been material, critics said.",
    "He could not have known, and she did not have the papers.",
    "Whether it will or not is unclear.",
    "The deal was voted on by 12 members, with two against.",
    "These are the rules the club must comply with.",
    "It was not immediately clear what the ban would consist of.",
    "Nobody was hurt, police said.",
    "She lives in the United States.",
    "The figures were released in Washington, D.C.",
    "The patients had hepatitis A.",
    "He said that that was not the case.",
    "Bank of America and The Walt Disney Co. reported results.",
    "They watched “The Return Of The King” at the festival.",
    "The options were a) a rate cut and b) a pause.",
    "A 15-year-old boy, whose name was not released, was arrested.",
    "He said he would resign if he was asked to.",
    "She wanted to attend the hearing but was not allowed to.",
    "What the problem is is not clear.",
    "Col. Anna Berg, who led the exercise — the largest this year — said it went well.",
    "The company, which employs 4,000 people in the region, did not comment.",
])
def test_tricky_clean_sentences_are_quiet(text):
    assert _found(text) == []


def test_multi_paragraph_quote_is_not_unbalanced():
    text = ("“We will build the line,” the mayor said. “It will take five years.\n\n"
            "“And it will be worth it,” she added.")
    assert _found(text) == []


def test_doubled_word_suggestion_keeps_the_first_case():
    config = Config().with_overrides(select=("broken.doubled-word",))
    (finding,), _ = findings(document("The the fans cheered."), config, strict=True)
    assert finding.suggestion == "The"


def test_dangling_attribution_suggests_a_comma_when_it_has_a_subject():
    config = Config().with_overrides(select=("broken.dangling-attribution",))
    (finding,), _ = findings(document("“We are ready.” she said."), config, strict=True)
    assert finding.suggestion == ",” she said."


def test_untranslated_sentence_is_not_a_fragment():
    text = "Prices rose. Los ayuntamientos que superen ese límite podrán ser sancionados."
    assert _found(text, ("broken.fragment",)) == []


def test_lexicon_verb_reading_depends_on_context():
    lexicon.cache_clear()
    assert could_be_finite_verb(["turkey", "plans", "to", "act"], 1)
    assert not could_be_finite_verb(["the", "plans", "were", "clear"], 1)
    assert not could_be_finite_verb(["before", "the", "regional", "court"], 3)
    assert could_be_finite_verb(["officials", "livestreamed", "it"], 1)  # unknown -ed word
    # after a possessive the word is in a noun phrase; after a noun a past form is a verb
    assert not could_be_finite_verb(["by", "the", "union's", "own", "count"], 3)
    assert could_be_finite_verb(["the", "council", "justified", "the", "cuts"], 2)


# Fresh sentences for the mechanisms added to generalize beyond the dev phrasings:
# subordinate clauses standing alone, verbs left without their object, duplicated
# attributions, verb-final (SOV) order, run-on sentences and telegraphic noun piles.
@pytest.mark.parametrize(("rule_id", "text", "span"), [
    ("broken.fragment", "Because the harvest in the southern provinces far below average.",
     "Because the harvest in the southern provinces far below average."),
    ("broken.fragment", "Although the bridge over the river which was closed in May.",
     "Although the bridge over the river which was closed in May."),
    ("broken.fragment", "Whether the airline can still afford the route next winter.",
     "Whether the airline can still afford the route next winter."),
    ("broken.fragment", "Since the opening of the new terminal in the spring of 2021.",
     "Since the opening of the new terminal in the spring of 2021."),
    ("broken.fragment", "Prices rose. The ferry operator, which carried 3 million passengers.",
     "The ferry operator, which carried 3 million passengers."),
    ("broken.fragment", "Rates held. The new curfew, imposed by the governor, which angered "
     "the shop owners.", "The new curfew, imposed by the governor, which angered the shop "
     "owners."),
    ("broken.missing-complement", "Talks ended. The opposition leader also condemned.",
     "The opposition leader also condemned."),
    ("broken.missing-complement", "The union has started a strike and the workers demanded.",
     "The union has started a strike and the workers demanded."),
    ("broken.missing-complement",
     "The coach wants a win in Genoa, where the team hopes to secure.",
     "where the team hopes to secure."),
    ("broken.dangling-attribution", "“We will rebuild the school,” Mayor Lind said, she said.",
     "Mayor Lind said, she said"),
    ("broken.dangling-attribution",
     "“The deal is done. ” Kovac said at the airport in Zagreb.",
     ". ” Kovac said at the airport in Zagreb."),
    ("broken.garbled-order", "The council the new parking fees quietly approved.",
     "The council the new parking fees quietly approved."),
    ("broken.garbled-order", "The seats of the stadium within an hour all sold were.",
     "The seats of the stadium within an hour all sold were."),
    ("broken.run-on",
     "The ministry will publish the report next week the unions expect a long list of "
     "closures.",
     "The ministry will publish the report next week the unions expect a long list of "
     "closures."),
    ("broken.run-on",
     "The museum will reopen in Bergen the renovated halls will be shown to the press on "
     "Friday.",
     "The museum will reopen in Bergen the renovated halls will be shown to the press on "
     "Friday."),
    ("broken.telegraphic", "Police spokesman statement released about accident cause on "
     "Tuesday.", "Police spokesman statement released about accident cause on Tuesday."),
    ("broken.repeated-phrase", "The law takes effect after its publication in the state "
     "gazette of the state gazette.", "state gazette of the state gazette"),
])
def test_generalized_damage_is_found(rule_id, text, span):
    found = _found(text)
    assert (rule_id, span) in found, found


@pytest.mark.parametrize("text", [
    # contact relative clauses and clauses after verbs of telling are no run-ons
    "The court rejected the appeal the lawyers had filed in March last year.",
    "She told reporters at the airport the plan would fail next year.",
    "The minister praised the work the volunteers did in the flooded villages last week.",
    "She named the man the police had arrested the previous night in the square.",
    "The Louvre opens on Wednesday a large exhibition dedicated to medieval treasures.",
    # verbs that need an object, with the object taken elsewhere
    "Talks will resume next month, the ministry announced.",
    "It is the title the club has wanted to secure for years.",
    "The plan was criticised.",
    "Residents say they feel secure.",
    "The union rejected the demands.",
    # subordinate clauses with their main clause, or with a comma
    "If so, the plan fails.",
    "Because of the rain the match was postponed.",
    "Whether the plan survives depends on the vote.",
    "Although the works are advanced, the line will open late.",
    "Since 2022 courts have stopped four projects.",
    # verb-final sentences that English allows
    "The plan the council approved failed.",
    "Last year the company grew.",
    "In the region the fires continued.",
    "The more they pay the less they have.",
    "It is worse than it was.",
    # a question answered by a verbless sentence
    "Who will coach the team? The former assistant, who knows the players well.",
    "Why stay? Because this is home.",
    # mixed quote marks still close the quote
    "\"The route is open,” the captain said.",
])
def test_generalized_rules_stay_quiet(text):
    assert _found(text) == [], _found(text)


def test_fresh_clean_articles_are_quiet():
    for article in (CLEAN_NEWS, SECOND_CLEAN, THIRD_CLEAN):
        found = _found(article, ("broken",))
        assert found == [], found


def test_english_lexicon_survives_the_cache_round_trip():
    from mtcheck.english import _build_lexicon, _dump_lexicon, _load_lexicon

    built = _build_lexicon()
    assert _load_lexicon(_dump_lexicon(built)) == built
    with pytest.raises(ValueError, match="lexicon"):
        _load_lexicon(("too", "short"))


# Sentences written after the rules for comma splices, agreement, verb-first and
# verb-last order, copulas and clauses that stop after `that` (not taken from corpora).
@pytest.mark.parametrize(("rule_id", "text"), [
    ("broken.run-on", "The ferry left the harbour at noon, strong winds delayed its arrival "
     "in the evening."),
    ("broken.run-on", "Inflation slowed to 2.1 percent in June, it is the lowest rate in "
     "three years."),
    ("broken.agreement", "Local residents said that them were never consulted."),
    ("broken.agreement", "The new rules does not apply to small shops."),
    ("broken.agreement", "The engineers shows the damage to the visitors."),
    ("broken.garbled-order", "Was opened in 1998 the bridge over the river Drava."),
    ("broken.garbled-order", "The trophy, which the captain at midnight in front of the "
     "town hall lifted, was shown to the fans."),
    ("broken.garbled-order", "The farmers the new subsidies after months of protests "
     "finally received in October."),
    ("broken.dangling-ending", "The union said that the talks with the owners were."),
    ("broken.dangling-ending", "The regulator insisted that the banks."),
    ("broken.dangling-ending", "The club paid a record fee of twelve million euros for."),
    ("broken.missing-complement", "A second report by the auditors also suggests that."),
    ("broken.headline-case", "Fans gathered outside as The President Of The Club spoke to "
     "reporters."),
    ("broken.run-on", "The museum closed in 2020 however the garden stays open to visitors."),
    ("broken.dangling-ending", "The new vaccines were developed by."),
    ("broken.verb-form", "The airline said it can not guaranteed the flights in July."),
    ("broken.verb-form", "Investors have took their money out of the fund."),
    ("broken.verb-form", "Each member state should to report its figures by March."),
    ("broken.comma-before-that", "The auditors found, that the accounts had been changed."),
    ("broken.headline-case", "Wheat Prices Climb Steeply Amid Export Fears, traders said."),
    ("broken.garbled-order", "During the storm were damaged more than 200 roofs in the town."),
    ("broken.garbled-order", "Was decided that the school will stay closed until Monday."),
    ("broken.headline-case", "The market closed early.\n\nFarmers Block Roads In Protest "
     "Over Diesel Taxes, police said."),
    ("broken.fragment", "Flights were cancelled. This was because the strong winds over the "
     "Alps since early morning."),
    ("broken.agreement", "The owners of the old mill, they want to turn it into flats."),
    ("broken.run-on", "OSLO, June 2 - The ferry strike entered its third day on Monday, long "
     "queues formed at the bridges in Bergen and Stavanger."),
    ("broken.garbled-order", "MADRID - Has approved the government the new housing law after "
     "two years of talks."),
    ("broken.run-on", "The mayor cut the ribbon at noon on Friday she thanked the builders "
     "for their work."),
    ("broken.fragment", "The new terminal at the airport, in 2023 opened by the prime minister "
     "and named after a poet."),
    ("broken.dangling-ending", "The bank said that the governor would further."),
    ("broken.missing-complement", "The ministry said that the agency is evaluating."),
    ("broken.agreement", "Everyone have to leave the building by noon."),
    ("broken.agreement", "Economists expects a slower recovery next year."),
    ("broken.dangling-attribution", "The mayor spoke last. “The vote is final.” and said."),
    ("broken.garbled-order", "The club confirmed that the coach with the board in a long "
     "meeting agreed had, officials said."),
])
def test_source_order_and_agreement_damage_is_found(rule_id, text):
    assert rule_id in [rule for rule, _ in _found(text)], _found(text)


@pytest.mark.parametrize("text", [
    "Inflation slowed to 2.1 percent in June, the statistics office said.",
    "Inflation slowed to 2.1 percent in June, the lowest rate in three years.",
    "Speaking to reporters, the minister said the plan would work.",
    "Exports rose in Spain, Italy gained 1% and France was flat.",
    "If it were cheaper, more people would buy it.",
    "One of the reasons is the high cost of energy.",
    "Were the rules clear?",
    "The bridge the city built in 1998 is now closed.",
    "On Sunday the voters in the capital elected a new mayor.",
    "Nobody can say how long the repairs will be.",
    "Prices are lower than they were.",
    "The money was paid for.",
    "He remembered that winter.",
    "The minister said that the work in the north of the country will continue.",
    "He and I were colleagues for twenty years.",
    "The museum closed in 2020; however, the garden stays open to visitors.",
    "The new terminal at the airport, opened in 2023 by the prime minister, is named after "
    "a poet.",
    "The bank said the governor would step down but not yet.",
    "The agency said it was still evaluating the data.",
    "Let everyone have a say in the matter.",
    "Economists say the recovery will be slower next year.",
    "The city rebuilt the bridge they crossed a hundred times.",
    "The team lost the final they had reached in 2019.",
    "He told the court he had been at home all night.",
    "OSLO, June 2 (Reuters) - The ferry strike entered its third day, the union said.",
    "Markets rallied on Monday, bank shares rose 3% and oil prices fell.",
    "The old van drove slowly by.",
    "The airline said it could not guarantee the flights in July.",
    "Investors have taken their money out of the fund.",
    "The will drafted in 1990 was contested.",
    "The auditors found that the accounts had been changed.",
    "The report, that is, the second draft, was leaked.",
    "European Central Bank President Christine Lagarde spoke in Frankfurt on Monday.",
    "During the storm the town hall was damaged beyond repair.",
    "In 2021 the mayor was given the keys to the city.",
    "It was decided that the school will stay closed until Monday.",
    "The Walt Disney Company Chief Executive Bob Iger flew to Shanghai.",
    "Flights were cancelled because of the strong winds over the Alps.",
    "The owners of the old mill, they said, want to turn it into flats.",
])
def test_source_order_and_agreement_rules_stay_quiet(text):
    assert _found(text) == []


def test_foreign_punctuation_after_english_words_is_fixed_and_quotes_are_kept():
    text = "Output rose 8 percent，the agency said. Fans chanted “加油。” all night."
    found = [f for f in mtcheck_check(text).findings if f.rule == "broken.foreign-punctuation"]
    assert [(f.text, f.suggestion) for f in found] == [("，", ", ")]


# Sentences written after the third round of rules (session 3), none used to build them.
@pytest.mark.parametrize(("rule_id", "text"), [
    ("broken.verb-form", "Several families from the flooded street been housed in a gym."),
    ("broken.verb-form", "The airline did not explained why the flight was cancelled."),
    ("broken.verb-form", "The teachers will to receive a bonus in December."),
    ("broken.verb-form", "The mayor wants that the shops close earlier on Sundays."),
    ("broken.repeated-phrase", "The museum opens at 10 a.m. on Tuesday at 10 a.m. on Tuesday "
     "after the repairs."),
    ("broken.garbled-order", "Last month had the bank raised its main rate twice."),
    ("broken.garbled-order", "Is unlikely that the vote will take place before the summer."),
    ("broken.garbled-order", "Considers that the reform came too late for most families."),
    ("broken.garbled-order", "The committee said that the mayor the contract not properly had "
     "checked."),
    ("broken.garbled-order", "The fishermen, whose the boats were damaged, asked for help."),
    ("broken.dangling-ending", "Analysts warn that the shares of the smaller regional banks."),
    ("broken.dangling-ending", "Hundreds of students are expected to move to."),
    ("broken.dangling-ending", "The company said the new line from the coast operate will."),
    ("broken.dangling-ending", "Patients may have to wait until the start of."),
    ("broken.dangling-attribution", "The striker told the press, “We deserved the point,” "
     "he said."),
    ("broken.agreement", "The owners of the small hotel near the beach has refused to pay."),
    ("broken.agreement", "The value of the shares of the two companies have fallen."),
    ("broken.agreement", "The plan it is a good start for the region."),
    ("broken.run-on", "The heat damaged the crops on hundreds of farms most of them have "
     "no insurance."),
    ("broken.run-on", "The drivers rejected the offer, they argue that the rise is too small."),
    ("broken.dangling-attribution", "“The clinic will stay open,” he."),
    ("broken.dangling-attribution", "“We are ready.”\n\nSaid the coach after training."),
    ("broken.garbled-order", "Has been decided that the festival will move to June."),
    ("broken.garbled-order", "Also wants to build a second runway by 2030."),
    ("broken.garbled-order", "For the farmers is this the third dry summer in a row."),
    ("broken.garbled-order", "The museum showed also last year works by local painters."),
    ("broken.agreement", "Each of the three bridges need new railings."),
    ("broken.agreement", "The landlord never informed they about the rent rise."),
    ("broken.fragment", "The bridge very old and dangerous for heavy trucks, engineers say."),
    ("broken.dangling-ending", "The mayor said the opening of the market depends on."),
    ("broken.dangling-ending", "They chose a design that is suitable for."),
    ("broken.dangling-ending", "The union said it had asked for talks, but that nothing has "
     "yet been."),
    ("broken.run-on", "The bakery raised its prices, the cost of flour and energy has "
     "doubled since May."),
    ("broken.run-on", "The storm cut power to two villages, one of them was still dark "
     "on Sunday."),
    ("broken.run-on", "The workers left the plant, they say they will not return until "
     "paid."),
    ("broken.run-on", "The museum bought two paintings and a small bronze statue the "
     "collection will be shown in the autumn."),
    ("broken.run-on", "Officials said that the dam is old and needs new turbines the "
     "region will ask the state for help."),
    ("broken.run-on", "The mayor, who was elected in May, opened the new library on Friday "
     "the reading room opens on Monday."),
    ("broken.agreement", "Police said the lorry driver and his son was taken to hospital."),
    ("broken.agreement", "The farmers, whom the ministry ignored them for months, protested."),
    ("broken.agreement", "The new law, which parliament must still approve it, was "
     "criticised."),
    ("broken.dangling-attribution", "“Prices will fall,” the minister said in a radio "
     "interview, he said."),
    ("broken.dangling-ending", "The plan was labelled."),
    ("broken.garbled-order", "The repairs that the owner in 2021 ordered are up to now not "
     "finished."),
    ("broken.garbled-order", "Has already signed a deal with two airlines for the winter."),
    ("broken.garbled-order", "Recently opened a second plant in the north of the country."),
    ("broken.garbled-order", "Concluded that the fire started in the kitchen of the hotel."),
    ("broken.garbled-order", "After the storm passed, could the fishermen return to the port."),
    ("broken.agreement", "Since May, each of the three ferries have carried 500 cars a day."),
    ("broken.agreement", "Several of them lives near the river."),
    ("broken.agreement", "The coach he said that the team needs a new striker."),
    ("broken.dangling-attribution", "“There is no water left,” said, a farmer from the "
     "valley."),
    ("broken.fragment", "The old steamer from Split to the island of Vis, which from the old "
     "harbour at 06:15 local time with a delay of an hour because of fog."),
    ("broken.verb-form", "The airport has not yet publishing the new timetable."),
    ("broken.verb-form", "The council will discussing the budget on Friday."),
    ("broken.garbled-order", "From Monday will be closed also the two car parks near the "
     "station."),
    ("broken.run-on", "Economists expect weaker exports to Asia the government will cut taxes "
     "in the spring."),
    ("broken.run-on", "The old market reopened on Friday, traders can rent stalls again."),
    ("broken.agreement", "The coach he has picked three new players for the final."),
    ("broken.garbled-order", "Will be announced next week who will lead the new agency."),
    ("broken.garbled-order", "Is the second time that the festival has been cancelled."),
    ("broken.garbled-order", "Said that the bridge will reopen before Christmas, which "
     "pleased the shops."),
    ("broken.garbled-order", "Because the old mill was empty, planned to turn it into flats."),
    ("broken.run-on", "The festival will cost two million euros, part of the money comes "
     "from sponsors."),
    ("broken.run-on", "The season was poor, the number of visitors fell by a third."),
    ("broken.run-on", "The bridge was closed for repairs on Tuesday evening drivers waited "
     "for hours at the border."),
    ("broken.run-on", "The factory stopped production in 2021 workers lost their jobs within "
     "a month."),
    ("broken.garbled-order", "Also said that the port will be closed during the storm."),
    ("broken.garbled-order", "Last winter were many flights delayed, the airport said."),
    ("broken.agreement", "Farmers who still has old tractors can apply for a grant."),
    ("broken.agreement", "The bridge it was opened in 1990 by the king."),
    ("broken.agreement", "The new rules, which take effect in May, applies to every shop."),
    ("broken.run-on", "Sales of the new model began in the last days of October the dealers, "
     "who had waited for months, sold 900 cars within a week."),
])
def test_third_round_damage_is_found(rule_id, text):
    assert rule_id in [rule for rule, _ in _found(text)], _found(text)


@pytest.mark.parametrize("text", [
    "Had the workers been paid on time, the strike would not have started.",
    "The roof has for many years been in need of repair.",
    "Have the farmers been compensated?",
    "Not only did the river flood the town, it also cut the main road.",
    "Only later did the police confirm the arrest.",
    "Among the guests were two former ministers.",
    "The number of patients has fallen since May.",
    "The staff of the hospital have voted to strike.",
    "The leaders of the three parties have signed the deal.",
    "The first two trains were late.",
    "The decision to cut the routes has angered commuters.",
    "Prices will fall next year, the bank predicts.",
    "She said that at the hearing.",
    "This is the village the family came from.",
    "It is not clear where the money went to.",
    "He said he would.",
    "The goal she scored in the final was her first.",
    "The firms, most of them small, employ 200 people.",
    "The port, whose owner is the city, will be expanded.",
    "Whose idea was it?",
    "The factory will close.",
    "The new shops will open.",
    "This is the bridge the city can rely on.",
    "The talks went on.",
    "Said to be the oldest inn in the county, the Swan reopened.",
    "Among the guests was a former minister.",
    "He was known also as a poet.",
    "He thanked them for their help.",
    "This year very heavy rain fell in May.",
    "It may or may not be.",
    "Prices will rise, the central bank expects.",
    "The port cut fees faster than its rivals, the agency said.",
    "Drivers were told to keep their engines running on Sunday, as the ferry was late.",
    "She sold the flat and the car the couple had bought in 2001.",
    "The club thanked the fans and the players the coach had picked for the final.",
    "The chairman and chief executive of the airline has resigned.",
    "The dispute between the union and the city is over.",
    "The medals, which the federation sent them in May, were returned.",
    "The victims have not been named.",
    "Some flats were sold, others not sold.",
    "The invoices, not paid since May, were sent to a court.",
    "Recently renovated flats in the centre cost twice as much.",
    "Already moved to the coast, the family opened a café.",
    "Convinced that the plan would fail, she resigned.",
    "When the bridge reopens, will the buses return?",
    "Each of the players has a contract until 2027.",
    "Many of them were students.",
    "The goal he scored was his first.",
    "The last train left at 23:40 and reached the coast after midnight.",
    "Exporters have growing debts.",
    "The teachers helped the pupils finish their projects.",
    "The plan he has drawn up is ambitious.",
    "The study it has published shows a deficit.",
    "The storm passed quickly, the weather office said.",
    "The rules place too heavy a burden on a club already stretched thin.",
    "Few of the miners had been underground since the pit closed.",
    "It was a reform that parents living near the school had long campaigned for.",
    "According to the new rules, the rent would have been lower.",
    "Will Smith starred in the film.",
    "Because the old mill was empty, the town planned to turn it into flats.",
    "Exports of electric vehicles reached a record in the first half of the year.",
    "The flats the tenants had rented in the old town were sold last year.",
    "A late goal by Ana Ruiz gave Sporting CP a 3-2 win over Benfica in the cup final on "
    "Saturday.",
    "The shares fell 2% in early trading, while the main index rose 0.4% as banks gained.",
    "She is one of the farmers who has signed the petition.",
    "The road it was built on is now closed.",
    "The new rules, which take effect in May, apply to every shop.",
    "In the envelope was a letter signed by the mayor.",
    "The museum thanked the painters the city, which paid for the show, had invited.",
])
def test_third_round_rules_stay_quiet(text):
    assert _found(text) == []


def test_a_paragraph_ending_in_a_cjk_full_stop_is_terminated():
    text = "The mayor spoke first.\n\n町としては慎重に進める方針だ。\n\nThe plan starts in April."
    assert "broken.missing-terminal-punctuation" not in [rule for rule, _ in _found(text)]


def test_a_prose_paragraph_read_as_a_heading_still_needs_its_full_stop():
    body = "The storm reached the coast on Monday night and cut power to 20,000 homes."
    missing = ("In Brest and Quimper, the city councils opened their gyms and several "
               "schools to families who had to leave their homes")
    text = f"Storm Hits Brittany\n\n{body}\n\n{missing}\n\n{body}"
    assert ("broken.missing-terminal-punctuation", "homes") in [
        (rule, found.rsplit(maxsplit=1)[-1]) for rule, found in _found(text)]
    subheading = "What the councils are doing next"
    assert _found(f"Storm Hits Brittany\n\n{body}\n\n{subheading}\n\n{body}") == []


# Sentences written after the fourth round of rules (session 4), none used to build them.
@pytest.mark.parametrize(("rule_id", "text"), [
    ("broken.agreement", "The pilgrims, they walked for nine days to reach the shrine."),
    ("broken.agreement", "The number of tourists in the old town were lower than in 2019."),
    ("broken.verb-form", "Several residents said the landlord was ignore their letters."),
    ("broken.verb-form", "The airport has reopen its second runway after the repairs."),
    ("broken.verb-form", "The match had been postpone because of the heavy snow."),
    ("broken.garbled-order", "Will also hire forty new nurses for the night shifts."),
    ("broken.garbled-order", "Intends to sell the old depot to a private developer."),
    ("broken.garbled-order", "The Port Authority provincial signed the lease on Friday."),
    ("broken.garbled-order", "The rector outgoing, Maria Lopes, opened the ceremony."),
    ("broken.dangling-ending", "The bakery stays open on Sundays in order that."),
    ("broken.dangling-ending", "The deputies raised questions about the loans of which."),
    ("broken.dangling-ending", "In her speech, the minister for health referred to."),
    ("broken.dangling-ending", "They asked for a new bridge, which the region never."),
    ("broken.dangling-attribution", "“The pool stays shut,” sports councillor Rita Borg said "
     "in Valletta, she said."),
    ("broken.dangling-attribution", "“We sold every last ticket,” – told to the radio."),
    ("broken.dangling-ending", "The new tram will serve the university campus, who."),
    ("broken.dangling-ending", "The foal was weak at first and is still very."),
    ("broken.verb-form", "The shop owners had to closing early during the works."),
    ("broken.garbled-order", "Was born in a mining town in the north in 1958."),
    ("broken.garbled-order", "The vans electric will collect the rubbish at night."),
    ("broken.garbled-order", "Yesterday warned the doctors that the wards were full."),
    ("broken.missing-complement", "The union wrote to the council, but the mayor only "
     "reminded."),
    ("broken.missing-complement", "The association of bakers, for its part, has requested."),
    ("broken.garbled-order", "Approved the council on Tuesday a new plan for the harbour."),
    ("broken.garbled-order", "Were the first to leave the fishermen from the north."),
    ("broken.run-on", "The pupils stayed home, they followed the lessons online, they "
     "sent their work by email."),
    ("broken.run-on", "The museum reopened its doors on Saturday it had been shut for two "
     "years."),
    ("broken.garbled-order", "Was hoping to sell the land to the town before the winter."),
    ("broken.dangling-attribution", "“The water is rising,” — warned the mayor of the "
     "town."),
    ("broken.dangling-attribution", "“We expect more snow,” noting."),
    ("broken.agreement", "The players of the local club has refused to train."),
    ("broken.garbled-order", "The singer thanked the fans in a post their on Sunday."),
    ("broken.run-on", "The ferry left two hours late They had waited for the fog to lift."),
    ("broken.fragment", "The stone bridge over the estuary one of the longest in the "
     "region."),
])
def test_fourth_round_damage_is_found(rule_id, text):
    assert rule_id in [rule for rule, _ in _found(text)], _found(text)


@pytest.mark.parametrize("text", [
    "The next morning, they drove back to the farm.",
    "This summer, they will open a second shop.",
    "The museum, it seems, will stay closed.",
    "A number of shops were closed on Monday.",
    "All the guards did was watch.",
    "The clinic has let two nurses go.",
    "Will Moreno also spoke at the rally.",
    "Plans to widen the road drew protests from farmers.",
    "The Italian military said the drill went well.",
    "It was better late than never.",
    "This is the law the court referred to.",
    "The incoming mayor will take office in June.",
    "“We stay,” council leader Ana Pérez said on Monday.",
    "Nobody could say which.",
    "The club said it had to close, which surprised nobody.",
    "Today the doctors warned that the wards were full.",
    "Now comes the hardest part of the season.",
    "He was born in a mining town in 1958.",
    "The new buses are electric.",
    "Were the bridge to close, the ferry would run every hour.",
    "Approved in May, the plan still waits for money.",
    "The grant was requested.",
    "Prices rose, it said, and they may rise again.",
    "The stadium will host the final in June.",
    "The new library will have three reading rooms.",
    "They met on the Monday it snowed.",
    "“We expect more snow,” noting that the roads were icy, she left.",
    "The firm plans to hire 200 workers by the end of the year.",
    "The club hopes to sign two defenders before the transfer window closes.",
    "She packed her bag, and he left his in the car.",
    "A cousin of his in Lyon runs a bakery.",
    "Jobs in the IT sector pay more than most.",
    "She reread the novel The Old Man and the Sea on the train.",
    "The club chose plan A for the final.",
    "Oslo remains one of the safest cities in Europe.",
    "The region ranks one of the poorest in the country.",
    "The harbour, one of the oldest in Europe, reopened on Monday.",
])
def test_fourth_round_rules_stay_quiet(text):
    assert _found(text) == []


# Sentences written after the fifth round of rules (session 5), none used to build them.
@pytest.mark.parametrize(("rule_id", "text"), [
    ("broken.run-on", "The vineyards lost half their grapes to hail, the cooperative "
     "expects a small harvest, the price of wine will rise."),
    ("broken.run-on", "According to the port, the ferry needs new engines, the repairs "
     "will take until March."),
    ("broken.run-on", "The bakery closed in 1998, the building has stood empty ever "
     "since, nobody wants to buy it."),
    ("broken.run-on", "Porto beat Braga 2:1 in the last minute, the fans stayed in the "
     "stadium until midnight."),
    ("broken.verb-form", "The council has approve the budget for the new pool."),
    ("broken.verb-form", "The farmers has open the gates of the dam."),
    ("broken.verb-form", "Her lawyers said they would appeals the sentence."),
    ("broken.verb-form", "The operator can offers cheaper tickets to students."),
    ("broken.garbled-order", "Believes the prosecutor that the fire was set on purpose."),
    ("broken.garbled-order", "Stated the director of the clinic, Ana Ruiz, that the beds "
     "were full."),
    ("broken.garbled-order", "Will complete the road to the airport before the summer."),
    ("broken.agreement", "On the night shift the nurses is alone on the ward."),
    ("broken.missing-complement", "The head of the regional water board, Eva Lind, "
     "confirmed."),
    ("broken.missing-complement", "The dam will hold, the engineer said, noting."),
    ("broken.dangling-attribution", "“The harvest is saved,” has stated the minister of "
     "agriculture."),
    ("broken.dangling-attribution", "“Nobody expected the flood,” tells Marta Silva."),
    ("broken.run-on", "The coastguard fined two skippers for fishing the protected "
     "waters the harbour office opened a case."),
    ("broken.repeated-phrase", "Water will be rationed in the weeks ahead of the weeks."),
    ("broken.garbled-order", "On Friday morning signed the two ministers the border treaty."),
    ("broken.garbled-order", "Last spring approved the town council a ban on fireworks."),
    ("broken.dangling-attribution", "“The port is closed until Monday”, - the harbour master "
     "said."),
    ("broken.space-before-punctuation", "“We were never told ” the baker said."),
    ("broken.garbled-order", "The insurers the damage from the hail at more than 90 million "
     "euros estimated, a record for the region."),
    ("broken.dangling-ending", "The nurses will bring the letter to the director of the "
     "clinic on."),
    ("broken.dangling-ending", "Volunteers carried the sandbags to the river bank in."),
    ("broken.agreement", "The storks, which return to the village every spring, builds "
     "nests on the chimneys."),
    ("broken.agreement", "The new rule require all boats to carry a radio."),
    ("broken.run-on", "The storm cut the power lines in the north and the trains stopped "
     "for hours and the schools sent the children home and the ferries stayed in port."),
    ("broken.verb-form", "Most of the farms did not had insurance against hail."),
    ("broken.verb-form", "The court forbidded the sale of the land."),
    ("broken.agreement", "The same stated that the harbour fees would not rise."),
    ("broken.agreement", "Police said 12 people was treated for smoke inhalation."),
    ("broken.dangling-ending", "The pools stay closed, but the council has permitted the "
     "swimming clubs to."),
    ("broken.agreement", "The contract which the port signed it with the shipyard runs "
     "until 2030."),
    ("broken.agreement", "The levy, that the parliament must still vote it, would fund "
     "the lifeboats."),
    ("broken.verb-form", "The club buyed two new buses for the youth teams."),
    ("broken.dangling-ending", "The ruling bars him from sitting on public boards for."),
    ("broken.dangling-ending", "The rent is frozen until the month in which."),
    ("broken.missing-complement", "The port will stay open, the captain said, noting that."),
])
def test_fifth_round_damage_is_found(rule_id, text):
    assert rule_id in [rule for rule, _ in _found(text)], _found(text)


@pytest.mark.parametrize("text", [
    "The miners stayed underground for a week, their families camped outside the gate.",
    "The town built a new pier in 2003, the first one paid for by the fishermen "
    "themselves.",
    "Still, walking home along the canal after the vote, she admitted that it had "
    "gone well.",
    "The causes are plain: the pipes are old, the pumps are weak and nobody checks them.",
    "The festival drew 80,000 visitors in four days, the organisers estimated on "
    "Sunday.",
    "Rents in the old town rose by a fifth last year, a survey found in March.",
    "Ticket sales fell for a third year, the effect being felt most in the small "
    "theatres.",
    "The village lies in Quảng Nam province, near the coast.",
    "For decades we were told the river could never flood the square.",
    "Two of the accused, who face up to ten years in prison if convicted, stayed silent.",
    "The council backed a plan both unions opposed.",
    "It is a loan scheme for young farmers that has helped hundreds of families.",
    "How many of these schools survive the next decade is unclear.",
    "The dispute ended in a deal the dockers later accused the port of failing to honour.",
    "It was the first firm in the valley the young engineers wanted to work for.",
    "The club has welcome news for its fans: the stadium reopens in May.",
    "The ministers had breakfast the morning after the vote.",
    "The coach has run the academy since 2015.",
    "His will leaves the farm to his niece.",
    "Hopes the talks would end the strike were dashed on Friday.",
    "Says the mayor: \"We will rebuild the bridge.\"",
    "Said to be the oldest in Europe, the oak draws thousands of visitors.",
    "Schools in 12 districts will open late on Monday, the education office said.",
    "Will Barros scored twice for the club on Sunday.",
    "The plan to shut the clinics has angered the nurses.",
    "A law that caps the rents is due in May.",
    "The clinic will reopen, a spokeswoman confirmed.",
    "“The harvest is saved,” declared the minister.",
    "“Nobody expected the flood,” Marta Silva tells the paper.",
    "“We will rebuild,” she told reporters, adding that help had arrived.",
    "The inquiry can start once the audit was complete.",
    "The Kenyan runner was third in the women's race.",
    "Those who live next to it are the first to complain.",
    "The ones who wait for it are the farmers in the north.",
    "The auditors said the risks had not been properly assessed.",
    "The wine is young and the price is high.",
    "The firm was fined for misleading the customers who bought the loans.",
    "She thanked the staff for helping the families displaced by the fire.",
    "Behind the town hall stood a row of old plane trees.",
    "After the speech followed a minute of silence.",
    "About 300 volunteers cleaned the beach on Sunday.",
    "Nearly 40 schools closed the doors of their gyms to the public.",
    "The insurers put the damage from the hail at more than 90 million euros, a record.",
    "The reservoir, which the engineers had inspected, held.",
    "The union handed the petition in.",
    "Thousands lined the streets of the old town to cheer the riders on.",
    "This is the crate which he stored the bottles from the cellar in.",
    "The storks, which return every spring, nest on the chimneys.",
    "The ferries now carry electric cars as well.",
    "The town council decided to buy up the houses of the most threatened streets.",
    "The police allow visitors into the square until ten.",
    "What the club did had no effect on the fans.",
    "Nurses there have few colleagues to discuss hard cases with.",
    "A medal was more than she had dared to hope for.",
    "Twelve voted for the plan and three against.",
    "The club speeded up the works on the new stand.",
    "The same will happen to the northern ferry next winter.",
    "The clubs wanted to train, but nobody would allow them to.",
    "Police said 12 people were treated for smoke inhalation.",
    "The fans may enter if the police allow the gates to open early.",
    "The mayor of the neighbouring town said the same.",
    "The rumour that the club sold it to a bank upset the fans.",
    "The museum which the city lent it to returned the painting.",
    "The fire singed the curtains of the town hall.",
    "The storm cut the power lines in the north and the trains stopped for hours, but "
    "the ferries kept running and the schools stayed open.",
    "It was the end of the year of the floods.",
    "Since 2015 the number of farms growing rice in the valley, where water is scarce, has "
    "halved.",
])
def test_fifth_round_rules_stay_quiet(text):
    assert _found(text) == []


def test_a_sentence_ending_in_a_colon_is_read_without_error():
    text = "The board met on Monday, the mayor spoke for an hour, the reasons were these:."
    assert ("broken.run-on", text) in _found(text)


def test_a_quote_mark_lost_to_mojibake_still_pairs_with_its_partner():
    text = "The mayor spoke. â€œThe pool reopens in May,” she said. The crowd cheered."
    found = _found(text)
    assert [rule for rule, _ in found] == ["encoding.mojibake"], found
    assert _found("The name BelgiÃ« came up twice.") == [
        ("encoding.mojibake", "BelgiÃ«")]


# Sentences written after the sixth round of rules (session 6), none used to build them.
@pytest.mark.parametrize(("rule_id", "text"), [
    ("broken.verb-form", "The new pumps were installed last week; they is been tested "
     "since Monday."),
    ("broken.verb-form", "The contractor has never pay the subcontractors on time."),
    ("broken.verb-form", "The insurer had not answer the letters of the tenants."),
    ("broken.dangling-ending", "The council rejected the second draft of the plan which."),
    ("broken.dangling-ending", "The tenants signed the petition for the landlord about."),
    ("broken.missing-complement", "During the debate, the opposition leader emphasised."),
    ("broken.missing-complement", "The auditor, questioned by the deputies, described."),
    ("broken.dangling-attribution", "“Nobody has seen the bill yet.” Commented Okafor."),
    ("broken.headline-case", "The director said the grant would help them “Build A New "
     "Wing And Hire More Staff” within two years."),
    ("broken.headline-case", "The mayor urged residents to “Keep The Beaches Clean And "
     "Report Any Damage” during the summer."),
    ("broken.repeated-phrase", "Ticket prices rose for the third year in a row, as they "
     "did in 2023, for the third year in a row."),
    ("broken.agreement", "In March, the owners of the old mill has applied for a permit."),
    ("broken.agreement", "The managers of the factory expects orders to fall."),
    ("broken.agreement", "The report on long-term patients were published on Friday."),
    ("broken.run-on", "The storm lasted until early in the morning, the firemen pumped "
     "water out of the cellars, the school stayed closed."),
    ("broken.run-on", "The ferry waited before the harbour for hours, the passengers "
     "complained about the cold."),
    ("broken.garbled-order", "Opened the governor of the province, Ali Demir, on Monday "
     "the new bridge over the river."),
    ("broken.garbled-order", "Also was approved a loan for the new hospital wing."),
    ("broken.fragment", "A compromise which, according to the farmers, leaves the small "
     "growers without help."),
    ("broken.fragment", "Those who missed the deadline for the new permits."),
    ("broken.fragment", "Because of the floods that hit the valley in the spring."),
    ("broken.fragment", "In addition to the repairs on the bridge and the new lights along "
     "the river path."),
    ("broken.fragment", "Especially the pensioners who depend on the bus to reach the "
     "clinic in town."),
    ("broken.garbled-order", "Spoke at the opening the director of the museum, Ana Pires."),
    ("broken.garbled-order", "Voted in favour of the motion 14 members of the board."),
    ("broken.agreement", "The nurses, which the new rota affects them, met the director."),
    ("broken.agreement", "The farmers whom the agency fined them under the old rules "
     "appealed."),
    ("broken.dangling-attribution", "“The bridge will hold,” added Da Costa added."),
    ("broken.dangling-attribution", "“We are tired of waiting,” were saying."),
    ("broken.dangling-attribution", "“The money is gone.” So Novak."),
    ("broken.missing-complement", "At the border, the customs officers seized."),
    ("broken.missing-complement", "The region has promised to finance."),
    ("broken.missing-complement", "“The dam is safe,” the engineer said, adding."),
    ("broken.garbled-order", "Gathered in the square about 500 residents, most of them "
     "pensioners."),
    ("broken.dangling-ending", "Each family will get a grant of at least."),
    ("broken.dangling-ending", "Fares will go up by up to."),
    ("broken.run-on", "The storm hit the islands of Hvar and Vis the ferries will not "
     "sail until Monday."),
    ("broken.run-on", "Floods closed the roads in the valley the buses will run all trips "
     "from Friday."),
])
def test_sixth_round_damage_is_found(rule_id, text):
    assert rule_id in [rule for rule, _ in _found(text)], _found(text)


@pytest.mark.parametrize("text", [
    "Located near the harbour, the museum opened in 1998.",
    "Opened in 1998 the museum will close for repairs in May.",
    "Eleven members voted for the plan and three were against.",
    "The leaflets, which the council posts them every spring, list the bin days.",
    "Based in Porto the company employs 200 people.",
    "“The money is gone,” Novak said. So was the cash box.",
    "“We are tired,” the nurses were saying on Monday.",
    "Those who missed the deadline can apply again in May.",
    "A compromise which the farmers accepted ended the dispute.",
    "Especially the young voters who moved to the city stayed at home.",
    "Because of the floods, the harvest that the farmers expected was lost.",
    "In the spring of 2024, after two dry winters, the river flooded the valley.",
    "A new exhibition that opened on Friday sets out to change that.",
    "The question is which.",
    "Nobody knew which.",
    "The families will have to do without.",
    "Which of the two bridges will be repaired first is not yet decided.",
    "Where the road narrows, the council will build a roundabout.",
    "Which is not to say that the new timetable works.",
    "Where the money will come from is less clear.",
    "The mayor, who did not attend the hearing, left by the back door.",
    "Last spring the owner had not even applied for a licence.",
    "The choir of 40 people has sung in three cathedrals.",
    "She feared that the roof would leak, that the heating would fail, that nobody would fix "
    "it.",
    "After the vote, the mayor expressed her thanks to the volunteers.",
    "The engineer, asked about the delay, declined to comment.",
    "The tests were planned, carried out, evaluated.",
    "“We will open in May.” He confirmed the date on Friday.",
    "The museum lent “The Fishermen Of The North Sea” to a gallery in Oslo.",
    "The choir sang “Songs For The Harvest And The Sea” at the opening.",
    "Smith took 48 per cent of the vote and Jones 39 per cent of the vote.",
    "The river rose by a metre in the north and by half a metre in the south.",
    "The bus from Vila do Conde stops at the station.",
    "In the end, a handful of residents have stayed behind.",
    "Last winter, the prices of heating oil rose sharply.",
    "In the village, the head of the school and the priest have signed the letter.",
    "The mill, which dates from 1820, is being restored.",
    "The bakery has been closed since 2019, its owner has retired, and the shop, once the "
    "pride of the street, now sells phones.",
    "Signed the day before, the treaty took effect on Monday.",
    "Also invited were the mayors of the three towns.",
    "After the storm, the ferries stayed in port until late in the evening.",
    "Thieves broke in twice, and the police arrested two men.",
    "The new boilers were finally installed in May.",
    "The plan the ministry wants to impose is unpopular.",
    "“It is safe,” she said, adding that the tests were done.",
    "Gathered in the square, about 500 residents waited for the mayor.",
    "Each family will get a grant of at least 500 euros.",
    "Fares will go up by up to a tenth.",
    "Bus fares will rise in May, the transport board decided on Friday.",
    "The appeal fails, the judges ruled unanimously.",
    "To do this, the council will borrow 2 million euros.",
    "To be fair, the club has little choice.",
    "Adults pay up to 12 euros a night and children pay up to 6 euros a night.",
])
def test_sixth_round_rules_stay_quiet(text):
    assert _found(text) == []


# Sentences written after the seventh round of rules (session 7), none used to build them.
@pytest.mark.parametrize(("rule_id", "text"), [
    ("broken.garbled-order", "The director explained that the hospital the new scanners "
     "only next spring would receive."),
    ("broken.garbled-order", "After the storm, the farmers and their families the damaged "
     "roofs in two days repaired."),
    ("broken.garbled-order", "The spokesman said that the police the two suspects near the "
     "border had arrested."),
    ("broken.fragment", "Talks between the two unions about the new shift rota for the "
     "summer months."),
    ("broken.fragment", "Closure of the main road through the village for three weeks from "
     "Monday onwards."),
    ("broken.run-on", "The new bakery on the corner opens at six in the morning, each one "
     "costs two euros."),
    ("broken.run-on", "The two unions and the employers met on Monday, in 2019 they signed "
     "the last contract."),
    ("broken.run-on", "Residents of Lyon and Grenoble protested in the streets, some of them "
     "carried banners against the new tax."),
    ("broken.run-on", "The company opened a new depot in the north, the cost of the 40 new "
     "buses is covered by the state."),
    ("broken.run-on", "The library reopens next week, the reader needs only a card to borrow "
     "books."),
    ("broken.run-on", "The port handled record volumes last year, this year it expects a "
     "small decline."),
    ("broken.agreement", "The roads of the eastern suburbs is closed until Friday."),
    ("broken.garbled-order", "Estimates that the damage to the harbour will exceed two "
     "million euros."),
    ("broken.garbled-order", "Feared that they would lose their jobs when the plant closes "
     "in March."),
    ("broken.verb-form", "The rain had fell without a break for two days."),
    ("broken.verb-form", "He had saw the fire from the window of his flat."),
    ("broken.verb-form", "The old mill was build in 1911 by a family of weavers."),
    ("broken.garbled-order", "Will open to traffic before the end of next year, the "
     "ministry said."),
    ("broken.garbled-order", "Plans to widen the road to the harbour and build a roundabout "
     "at the school from 2027."),
    ("broken.garbled-order", "Decided to close the pool for the winter after a meeting of "
     "the council on Monday evening."),
    ("broken.agreement", "The panels installed on the roof of the school produces enough "
     "power for the gym."),
    ("broken.agreement", "The director of the museum, Anna Berg, say that the roof will be "
     "fixed."),
    ("broken.agreement", "The number of tourists arriving at the port are expected to "
     "double."),
    ("broken.agreement", "The friends of Ana Silva, who has lived in the village for years, "
     "is angry about the plan."),
    ("broken.agreement", "The plan, which follows two years of talks with the unions, "
     "affect about 9,000 workers."),
    ("broken.run-on", "The rule must first be printed in the official gazette it takes "
     "effect on the day after."),
    ("broken.fragment", "Partly because of the heavy snow in the mountains and the closed "
     "passes in the north."),
    ("broken.fragment", "To check the pumps at the station that failed during the storm."),
    ("broken.dangling-attribution", "“We will not give up the fight for the school,” so "
     "Brandl."),
    ("broken.dangling-attribution", "Thus the minister of transport, Ana Lopes."),
    ("broken.agreement", "The old bridge, which the city has been promising to repair it "
     "since 2019, will close in May."),
    ("broken.garbled-order", "In the rescue took part 40 firefighters, two boats and a "
     "helicopter."),
    ("broken.garbled-order", "Last year passed through the port almost 510,000 passengers."),
    ("broken.garbled-order", "Since January have municipal parking wardens already removed "
     "more than 900 bikes from the square."),
    ("broken.garbled-order", "Entered into force on Monday the new rules for taxis in the "
     "old town."),
    ("broken.dangling-ending", "Unions voiced concern that the new rota is used to."),
    ("broken.dangling-ending", "The new parts for the ferries will come from."),
    ("broken.dangling-ending", "The buses will run every ten minutes if."),
    ("broken.dangling-ending", "The pupils of the closed school were transferred from."),
    ("broken.dangling-ending", "The mayor welcomed the plan but said that the timing "
     "depends on."),
    ("broken.dangling-ending", "The museum will stay closed until."),
    ("broken.dangling-ending", "The union rejected the offer of the board and asked for."),
    ("broken.dangling-ending", "Residents said that the new bridge has cut off their access "
     "to."),
])
def test_seventh_round_damage_is_found(rule_id, text):
    assert rule_id in [rule for rule, _ in _found(text)], _found(text)


@pytest.mark.parametrize("text", [
    "The minister said that the plan the council approved in May will cost more than "
    "expected.",
    "The mayor said the plan the council approved is good for the town.",
    "Ana and her brother own two of the last bakeries in the old town.",
    "In Perrault, a village of 900 people surrounded by vineyards and forests, the school "
    "has closed.",
    "The river rose two metres above its usual level and flooded the lower streets.",
    "The 41-year-old faces charges of fraud and forgery in the regional court.",
    "The firm also plans to test the new buses on the hills for at least a month before "
    "drivers are trained.",
    "Shortly after noon the ferry captain announced that the crossing would be cancelled.",
    "The people vote on Sunday in a referendum on the new tax on second homes.",
    "Seven villages share the cost of the new fire station and its two engines.",
    "The town hall opens at nine on weekdays and at ten on Saturdays.",
    "The cost of the new stadium, which the club and the city share, rose to 90 million "
    "euros.",
    "Prices rose in March, and in April they fell again as the harvest came in.",
    "The union said that the workers the company hired in May are on short contracts.",
    "The satellites will serve the ships and the oil rigs; the first test signals are "
    "expected next week.",
    "The prices of wheat, barley and maize have fallen since the spring.",
    "In the village nearest to the dam, roofs, sheds and fences were damaged.",
    "The owners of the western farms, the mill and the bakery have joined the protest.",
    "The number of flights to the southern islands is falling.",
    "The ministry said the tickets had already been paid for.",
    "Nobody knows where the money will come from.",
    "It is a question the council has long struggled with.",
    "In the end the judges ruled against.",
    "Three councillors voted for and two against.",
    "It is not clear what the new tax will be used for.",
    "The proposal is worth looking into.",
    "The files were handed in.",
    "It was unclear what the funds had been spent on.",
    "The old harbour is something the town is proud of.",
    "Estimates that the deficit will double were dismissed by the minister.",
    "Judged that it was too late to intervene, the referee waved play on.",
    "Fears that the river could burst its banks grew on Sunday.",
    "Reports that the mayor will resign are false, his office said.",
    "This is not everything we asked for.",
    "The margin was narrower than the government had hoped for.",
    "The council will add 40 parking spaces next year, something neighbours had long "
    "asked for.",
    "It is the region the workers come from.",
    "The garden has rose bushes along the wall of the chapel.",
    "The main issue in the talks was pay, the union said.",
    "The season was spring, and the river was high.",
    "The museum was light and airy after the renovation.",
    "Will power alone is not enough to finish a marathon.",
    "Will Carter opened the new library on Monday.",
    "Plans to build a new stadium and close the old one were shelved.",
    "Determined to win, the team trained every day for a month.",
    "The head of the port authority, Rahmat Syahputra, said that the change was made in "
    "May.",
    "The boats moored in the harbour belong to the fishing cooperative.",
    "The mayor of Lyon, Grégory Doucet, and his deputy have signed the deal.",
    "The workers voted in favour and the strike is over.",
    "The prosecutor, Claire Dumoulin, saw no reason to drop the case.",
    "The ferries built in Norway carry 300 passengers each.",
    "The number of visitors staying in the old town has fallen.",
    "The residents of Vila Nova, who have waited for a bridge since 1990, are tired of "
    "promises.",
    "The rules, which come into force in May, cover all ferries.",
    "The children playing in the park were sent home early.",
    "The money it takes to run the museum comes from the city.",
    "Partly because of the snow, the race was cancelled.",
    "Only because the council acted quickly was the damage limited.",
    "To build the new bridge cost the city more than 40 million euros.",
    "To find out whether the ferry can run at night, the company will test it in May.",
    "“The bridge is safe,” so the engineers said, and the road reopened.",
    "So the council decided, and the works began.",
    "The report, which the council wants to publish in May, is ready.",
    "The car, which the police plan to return to its owner, was found in a field.",
    "The money which the city gave them last year has run out.",
    "On the hill stood a castle built in the twelfth century.",
    "Then came 200 protesters from the villages of the valley.",
    "In March the company sold 40 buses to a firm in Poland.",
    "Only since January have local wardens removed abandoned bikes from the square.",
    "Since January, municipal wardens have removed more than 900 bikes.",
    "Ten years ago she had no customers at all for the two rooms she rented.",
    "Nobody knows whether the bridge will be ready, but the mayor is hoping it will be.",
    "The road past her fields is closed in winter.",
    "Long shifts are what the nurses are used to.",
    "It is the life that she is used to.",
    "But tenants of the old block, the building the new lift was meant to serve, have "
    "waited for years.",
    "The time it takes to cross the border has doubled since May.",
    "The council said the plan it has drawn up will cost 3 million euros.",
    "The club lost the final but the points it has won this season put it in third place.",
])
def test_seventh_round_rules_stay_quiet(text):
    assert _found(text) == []


# Session 8: a noun whose verb reading is rare (wordfreq: its past form is under a
# twentieth as frequent) is no verb without its subject or object; speech reported to
# someone (`told the assembly on Tuesday`) is an attribution. Written after the rules.
@pytest.mark.parametrize(("word", "rare"), [
    ("people", True), ("schools", True), ("court", True), ("services", True),
    ("plans", False), ("rules", False), ("cost", False), ("fell", False), ("saw", False),
    ("reported", False), ("is", False),
])
def test_rarely_a_verb(word, rare):
    assert rarely_a_verb(word) is rare


@pytest.mark.parametrize(("rule_id", "text"), [
    ("broken.fragment", "About 300 people in front of the regional court in Graz on "
     "Wednesday, most of them farmers from the valley."),
    ("broken.fragment", "Because of the dense fog over the airport and the icy runways "
     "in the early morning hours."),
    ("broken.fragment", "Closure of three rural schools in the district at the end of the "
     "school year due to the falling number of pupils."),
    ("broken.fragment", "Long queues of lorries at the border crossing since Sunday, with "
     "waits of up to twelve hours."),
    ("broken.fragment", "Because of the strong winds along the coast and the heavy rain in "
     "the hills north of the city."),
    # The verb last in its clause: a past form that may be an adjective still counts, and
    # a clause that a comma closes counts when an adverbial stands before its verb.
    ("broken.garbled-order", "The ministry this week 40 new buses for the northern "
     "districts ordered."),
    ("broken.garbled-order", "The farmers of the valley this autumn almost 2,000 tonnes of "
     "apples to the cooperative delivered, a tenth more than last year."),
    # An object relative clause that repeats its object before the main clause goes on.
    ("broken.agreement", "The tram that the city bought it last year has broken down "
     "twice."),
    ("broken.agreement", "The house that she inherited it from her aunt was sold."),
    ("broken.agreement", "The road that they repaired it last summer is cracked again."),
    ("broken.agreement", "The money which the villagers collected it will go to the "
     "school."),
])
def test_eighth_round_damage_is_found(rule_id, text):
    assert rule_id in [rule for rule, _ in _found(text)], _found(text)


@pytest.mark.parametrize("text", [
    "The fact that the minister announced it was a surprise to the unions.",
    "The man that saw it said he called the police at once.",
    "The way that the city uses it has changed since 2020.",
    "It was such a mess that the city closed it last year.",
    "The first time that the club won it was in 1990.",
    "He said that the council approved it last week.",
    "The ferry that the island depends on was cancelled again.",
])
def test_eighth_round_relative_clauses_with_their_own_object_stay_quiet(text):
    assert "broken.agreement" not in [rule for rule, _ in _found(text)], _found(text)


@pytest.mark.parametrize("text", [
    "Officials need not worry about the budget this year, the finance minister told the "
    "assembly on Tuesday.",
    "The budget will be balanced this year, the finance minister told the assembly on "
    "Tuesday.",
    "Prices will stay high this winter, the energy minister told parliament on Wednesday.",
    "Exports to Asia account for a third of the company's sales.",
    "Imports from China account for most of the growth.",
    "Residents of the three villages account for nearly half of all visits to the clinic "
    "every winter.",
    "The two cafés on the square book tables weeks ahead in summer.",
    "The villagers back the plan to reopen the old mine.",
    "Two retired teachers now staff the village museum three days a week.",
    "Rescue costs total more than 2 million euros, the regional government said.",
    "The mayor need not resign, the party said on Friday.",
    "The shelters house about 300 people, most of them from the flooded villages.",
    "Officers police the border crossing around the clock since the attack in May.",
    "Critics side with the union on the question of pay, the survey found.",
    "Volunteers from the village, most of them pensioners, staff the library in the "
    "afternoons.",
    "The report the council commissioned, published in May, shows a deficit.",
    "The players the coach picked for the final, however, are fit.",
    "The price of a ticket on the new ferries, which the city bought in 2022, rose.",
    "A storm that hit the coast on Sunday damaged, according to the port, four ferries.",
    "“We said it would be the last winter, and it is the last winter,” the mayor said.",
])
def test_eighth_round_rules_stay_quiet(text):
    assert _found(text) == []
