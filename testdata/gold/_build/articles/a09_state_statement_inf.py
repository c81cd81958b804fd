from h import *
PUB = "2019-08-02"
A = dict(
    name="state-statement-pompeo-inf-withdrawal-2019-08-02", style="state",
    url="https://2017-2021.state.gov/u-s-withdrawal-from-the-inf-treaty-on-august-2-2019/",
    title="U.S. Withdrawal from the INF Treaty on August 2, 2019", doctype="Press Statement",
    byline="Michael R. Pompeo, Secretary of State", location="", hashes=True,
    published_at="2019-08-02T07:15:00-04:00",
    tags=["Arms Control and International Security", "Russia", "Secretary Pompeo"],
    paras=[
        "The United States’ withdrawal from the Intermediate-Range Nuclear Forces (INF) Treaty takes effect today. Russia is solely responsible for the treaty’s demise.",
        "On February 2, 2019, the United States provided Russia with a six-month notice of withdrawal, after more than five years of efforts to bring Russia back into compliance. Russia failed to destroy its noncompliant missile system, the SSC-8 or 9M729, which can fly well beyond the treaty’s 500-kilometer minimum range.",
        "The United States will not remain party to a treaty that is deliberately violated by Russia. We call on Russia and China to join us in an effort to deliver real security results to our nations and the entire world.",
    ],
    checks=dict(
        title="U.S. Withdrawal from the INF Treaty on August 2, 2019",
        published="2019-08-02",
        dateline=None,
        body=dict(first="The United States’ withdrawal from the Intermediate-Range Nuclear Forces (INF) Treaty takes effect today.",
                  last="to deliver real security results to our nations and the entire world.",
                  must_not_contain=["Michael R. Pompeo, Secretary of State", "Press Statement", "Secretary Pompeo"]),
    ),
    statements=[
        S("The United States’ withdrawal from the Intermediate-Range Nuclear Forces (INF) Treaty takes effect today. Russia is solely responsible for the treaty’s demise. On February 2, 2019, the United States provided Russia with a six-month notice of withdrawal, after more than five years of efforts to bring Russia back into compliance. Russia failed to destroy its noncompliant missile system, the SSC-8 or 9M729, which can fly well beyond the treaty’s 500-kilometer minimum range. The United States will not remain party to a treaty that is deliberately violated by Russia. We call on Russia and China to join us in an effort to deliver real security results to our nations and the entire world.",
          "Michael R. Pompeo", "transcript", True, aliases=["Mike Pompeo"]),
    ],
    dates=[
        D("today", PUB, "relative", req=True),
        D("February 2, 2019", "2019-02-02", "absolute", req=True),
    ],
    figures=[
        F("six-month notice", 6, "=", "month", "duration", "inf", req=True),
        F("more than five years", 5, ">", "year", "duration", "inf"),
        F("500-kilometer minimum range", 500, ">=", "km", "range_km", "inf", req=True),
    ],
    mentions=M("treaty:inf", "weapon:ssc_8", "country:us", "country:ru", "country:cn", req=("treaty:inf", "weapon:ssc_8")),
    notes=[
        "Style: state.gov Press Statement (2017-2021 archive host). Kind p.doctype-meta 'Press Statement'; byline 'Michael R. Pompeo, Secretary of State' (p.article-meta__author-bureau); published 'August 2, 2019'. Body = div.entry-content up to the '# # #' end mark (not body); tags and footer are not body. No dateline.",
        "A press statement is a single-voice text: its author is the byline's speaker (news-sites.md: 'byline = speaker of statements'). Convention of this set: a single-voice text with no quotes and no speaker labels is ONE statement of kind transcript (one turn, like a kremlin.ru address) whose text is the whole body, speaker Michael R. Pompeo (alias Mike Pompeo; the surname rule matches either). 'We call on Russia and China ...' is the author's own appeal inside that turn, not a separate statement (the seed's 'Moscow calls on' was in an agency's text, where the caller is a third party).",
        "Dates: 'today' = the statement's date 2019-08-02 (relative); 'February 2, 2019'. The title's 'August 2, 2019' is not body.",
        "Figures: 'six-month notice' (= 6 months, duration: the INF withdrawal notice); 'more than five years' (> 5 years); '500-kilometer minimum range' (the lower bound of the treaty's range band, a minimum: >= 500 km, range_km). All inf.",
        "Mentions: 'Intermediate-Range Nuclear Forces (INF) Treaty' = inf; 'SSC-8' and '9M729' = ssc_8; the United States (us), Russia (ru), China (cn). Pompeo is named only in the byline, outside the body: no person mention.",
    ],
)
