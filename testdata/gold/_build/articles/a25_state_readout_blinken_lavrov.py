from h import *
PUB = "2022-02-15"
A = dict(
    name="state-readout-blinken-lavrov-call-2022-02-15", style="state",
    url="https://www.state.gov/secretary-blinkens-call-with-russian-foreign-minister-lavrov-7/",
    title="Secretary Blinken’s Call with Russian Foreign Minister Lavrov", doctype="Readout",
    byline="Office of the Spokesperson", location="", hashes=True,
    published_at="2022-02-15T17:05:00-05:00",
    tags=["Office of the Spokesperson", "Russia", "Secretary of State Antony J. Blinken"],
    paras=[
        "The below is attributable to Spokesperson Ned Price:",
        "Secretary of State Antony J. Blinken spoke today with Russian Foreign Minister Sergey Lavrov. The Secretary reiterated that the United States remains open to pursuing diplomacy with Russia on arms control, transparency measures and missile deployments in Europe.",
        "Secretary Blinken urged Russia to pursue de-escalation and to withdraw forces from Ukraine’s borders. He also stressed that any further Russian aggression against Ukraine would be met with swift and severe consequences.",
        "The Secretary noted that the United States had offered in its January 26 written response to discuss reciprocal transparency measures on Aegis Ashore sites in Romania and Poland, and on ground-launched cruise missiles in Europe.",
    ],
    checks=dict(
        title="Secretary Blinken’s Call with Russian Foreign Minister Lavrov",
        published="2022-02-15",
        dateline=None,
        body=dict(first="The below is attributable to Spokesperson Ned Price:",
                  last="and on ground-launched cruise missiles in Europe.",
                  must_not_contain=["Secretary of State Antony J. Blinken Office of the Spokesperson"]),
    ),
    statements=[
        S("the United States remains open to pursuing diplomacy with Russia on arms control, transparency measures and missile deployments in Europe", "Antony J. Blinken", "reported", True, aliases=["Antony Blinken"]),
        S("Russia to pursue de-escalation and to withdraw forces from Ukraine’s borders", "Antony J. Blinken", "reported", True, aliases=["Antony Blinken"]),
        S("any further Russian aggression against Ukraine would be met with swift and severe consequences", "Antony J. Blinken", "reported", True, aliases=["Antony Blinken"]),
        S("the United States had offered in its January 26 written response to discuss reciprocal transparency measures on Aegis Ashore sites in Romania and Poland, and on ground-launched cruise missiles in Europe", "Antony J. Blinken", "reported", True, aliases=["Antony Blinken"]),
        S("to discuss reciprocal transparency measures on Aegis Ashore sites in Romania and Poland, and on ground-launched cruise missiles in Europe", "United States", "reported", sk="organization", aliases=["US", "U.S.", "US government"]),
    ],
    dates=[
        D("today", PUB, "relative", req=True),
        D("January 26", "2022-01-26", "absolute", req=True),
    ],
    figures=[],
    mentions=M("weapon:aegis_ashore", "person:blinken", "person:lavrov", "person:ned_price", "country:us", "country:ru", "country:ua",
               req=("person:blinken", "person:lavrov")),
    slugs=["ned_price"],
    notes=[
        "Style: state.gov Readout by the Office of the Spokesperson (byline is an office, not a person). Body = div.entry-content up to '# # #'; it opens with the attribution line 'The below is attributable to Spokesperson Ned Price:', which is body. No dateline.",
        "A readout is third-person reporting, not a single-voice statement: the statements are what the Secretary said, as reported. The attribution line only names who stands behind the text; it introduces no content of its own and is not labelled. Speakers: 'Secretary of State Antony J. Blinken' (role before the name; the fullest name includes the middle initial; alias Antony Blinken), 'The Secretary' (role noun), 'Secretary Blinken', 'He' (pronoun).",
        "Statements: 'reiterated that ...'; 'urged Russia to ...' (appeal: the text is the object and infinitive, like the seed's 'calls on Washington not to ...'); 'also stressed that ...'; 'noted that ...' (its clause reports a US offer: the nested 'the United States had offered ... to discuss ...' is labelled too, speaker United States (institution), not required).",
        "Not statements: 'spoke today with ...' (no content).",
        "Dates: 'today' (2022-02-15, the readout's date); 'January 26' (2022-01-26; a day date used attributively: 'its January 26 written response').",
        "Figures: none.",
        "Mentions: Aegis Ashore; Blinken, Lavrov, Ned Price (slug, named in the attribution line); the United States (us), Russia (ru), Ukraine (ua). Romania and Poland have no lexicon rows ('Redzikowo'/'Deveselu' would be aegis_ashore aliases but are not in the text); 'Russian' is an adjective. 'ground-launched cruise missiles' is a class.",
    ],
)
