from h import *
PUB = "2023-11-02"
A = dict(
    name="state-briefing-miller-ctbt-2023-11-02", style="state",
    url="https://www.state.gov/briefings/department-press-briefing-november-2-2023/",
    title="Department Press Briefing – November 2, 2023", doctype="Department Press Briefing",
    byline="Matthew Miller, Department Spokesperson", location="Washington, DC",
    published_at="2023-11-02T13:22:00-04:00",
    index=["Russia’s De-Ratification of the CTBT", "Middle East"],
    tags=["Arms Control and International Security", "Office of the Spokesperson"],
    paras=[
        "1:22 p.m. EDT",
        "MR MILLER: Good afternoon. Before I take your questions, I want to address Russia’s decision to revoke its ratification of the Comprehensive Nuclear-Test-Ban Treaty. We are deeply concerned by this step, which moves Russia in the wrong direction.",
        "The United States has maintained a moratorium on nuclear explosive testing since 1992, and we will continue to do so. We call on Russia to reaffirm the same commitment.",
        "QUESTION: Matt, Moscow says it is only matching the U.S. position, since Washington never ratified the treaty. Is that a fair comparison?",
        "MR MILLER: No. The United States signed the treaty in 1996 and has supported the work of the CTBTO ever since, including the International Monitoring System, which detected all six of North Korea’s nuclear tests. We contribute more than $20 million a year to that system.",
        "(The briefing was concluded at 2:31 p.m.)",
    ],
    checks=dict(
        title="Department Press Briefing – November 2, 2023",
        published="2023-11-02",
        dateline=None,
        body=dict(first="1:22 p.m. EDT", last="(The briefing was concluded at 2:31 p.m.)",
                  must_not_contain=["Matthew Miller, Department Spokesperson", "Russia’s De-Ratification of the CTBT", "Middle East"]),
    ),
    statements=[
        S("Good afternoon. Before I take your questions, I want to address Russia’s decision to revoke its ratification of the Comprehensive Nuclear-Test-Ban Treaty. We are deeply concerned by this step, which moves Russia in the wrong direction. The United States has maintained a moratorium on nuclear explosive testing since 1992, and we will continue to do so. We call on Russia to reaffirm the same commitment.", "Matthew Miller", "transcript", True),
        S("Matt, Moscow says it is only matching the U.S. position, since Washington never ratified the treaty. Is that a fair comparison?", "", "transcript", True),
        S("it is only matching the U.S. position, since Washington never ratified the treaty", "Moscow", "reported", sk="organization", aliases=["Russia", "Russian government"]),
        S("No. The United States signed the treaty in 1996 and has supported the work of the CTBTO ever since, including the International Monitoring System, which detected all six of North Korea’s nuclear tests. We contribute more than $20 million a year to that system.", "Matthew Miller", "transcript", True),
    ],
    dates=[
        D("since 1992", "1992", "absolute", req=True),
        D("in 1996", "1996", "absolute"),
    ],
    figures=[
        F("all six of North Korea’s nuclear tests", 6, "=", "test", "test_count", None),
        F("more than $20 million", 20000000, ">", "usd", "money", "ctbt"),
    ],
    mentions=M("treaty:ctbt", "organization:ctbto", "person:matthew_miller", "country:ru", "country:us", "country:kp",
               req=("treaty:ctbt",)),
    slugs=["matthew_miller"],
    notes=[
        "Style: state.gov Department Press Briefing (as the Price briefing): byline 'Matthew Miller, Department Spokesperson' maps 'MR MILLER:' to Matthew Miller; 'QUESTION:' turns have speaker ''. Body starts with the time line and ends with the closing line; the index block is not body.",
        "Miller's first turn covers paragraphs 1-2 (paragraph 2 continues him): one transcript statement. 'We call on Russia ...' inside his own turn is not labelled again.",
        "Inside the journalist's turn, 'Moscow says it is only matching the U.S. position, ...' reports a third party (Moscow = the Russian government, institution speaker): a reported statement, not required.",
        "Dates: 'since 1992', 'in 1996'. Not dates: '1:22 p.m. EDT', '2:31 p.m.' (times of day).",
        "Figures: 'all six of North Korea’s nuclear tests' (= 6 tests, test_count; treaty left unlabelled: the tests are not a treaty term); 'more than $20 million' (> 20,000,000 usd; 'a year' is a rate; treaty ctbt: the money funds the CTBT's monitoring system named in the same turn).",
        "Mentions: 'Comprehensive Nuclear-Test-Ban Treaty' = ctbt; CTBTO and 'International Monitoring System' = ctbto; Matthew Miller (named by 'Matt' and the MR MILLER labels; outside the lexicon: slug matthew_miller); Russia / Moscow (ru), the United States / U.S. / Washington (us), North Korea (kp).",
    ],
)
