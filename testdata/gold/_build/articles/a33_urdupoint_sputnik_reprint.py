from h import *
PUB = "2020-10-20"
URDU = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} - UrduPoint</title>
<meta name="description" content="{lead_attr}">
<meta property="og:title" content="{title_attr}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{url}">
{jsonld}
</head>
<body>
<div class="header"><a href="/en" class="logo">UrduPoint</a><ul class="nav"><li><a href="/en/pakistan">Pakistan</a></li><li><a href="/en/world">World</a></li><li><a href="/en/business">Business</a></li><li><a href="/en/sports">Sports</a></li></ul></div>
<div class="main_bar">
<div class="shad_box">
<h1 class="fs24 lh48 urdu">{title}</h1>
<div class="fs12 txt_gray">Sumaira FH Published {date_vis}</div>
<div class="detail_txt urdu_detail">
{body}
</div>
<div class="share_box">Share this news on social media</div>
</div>
<div class="related_news"><h2>Related News</h2><ul>{related}</ul></div>
</div>
<div class="footer">© 1997-2026 UrduPoint.com All Rights Reserved</div>
</body>
</html>
"""
A = dict(
    name="urdupoint-sputnik-reprint-warhead-freeze-2020-10-20", style="generic", layout=URDU, site_name="UrduPoint",
    p_fmt="<p>{text}</p>",
    url="https://www.urdupoint.com/en/world/russia-ready-to-freeze-warheads-with-us-for-1062345.html",
    title="Russia Ready to Freeze Warheads With US for One Year to Extend New START - Foreign Ministry",
    published_at="2020-10-20T15:30:00+05:00", date_vis="Tue 20th October 2020 | 03:30 PM",
    more=["Pakistan Reports 600 New COVID-19 Cases", "Oil Prices Edge Up on Stimulus Hopes"],
    boiler=["Share this news on social media", "Related News", "UrduPoint.com All Rights Reserved", "Sumaira FH"],
    paras=[
        "MOSCOW (UrduPoint News / Sputnik - 20th October, 2020) Russia is ready to freeze its nuclear warheads together with the United States for one year in order to extend the New START treaty, the Russian Foreign Ministry said on Tuesday.",
        "\"Russia proposes to extend New START for one year and is ready, together with the United States, to assume a political commitment to 'freeze' the number of nuclear warheads held by the parties for this period,\" the ministry said in a statement.",
        "The ministry stressed that the proposal could only be implemented if Washington did not put forward any additional demands.",
        "US State Department spokesperson Morgan Ortagus welcomed the offer, saying the United States was \"prepared to meet immediately to finalize a verifiable agreement.\"",
        "Earlier, US Special Presidential Envoy for Arms Control Marshall Billingslea said Washington wanted a freeze on all Russian nuclear warheads, including an estimated 2,000 non-strategic ones, for at least a year.",
        "New START expires on February 5, 2021.",
    ],
    checks=dict(
        title="Russia Ready to Freeze Warheads With US for One Year to Extend New START - Foreign Ministry",
        published="2020-10-20T15:30:00+05:00",
        dateline={"place": "MOSCOW", "date": "2020-10-20"},
        body=dict(first="MOSCOW (UrduPoint News / Sputnik - 20th October, 2020) Russia is ready to freeze",
                  last="New START expires on February 5, 2021."),
    ),
    statements=[
        S("Russia is ready to freeze its nuclear warheads together with the United States for one year in order to extend the New START treaty", "Russian Foreign Ministry", "reported", True, sk="organization", aliases=["Foreign Ministry", "Russian Ministry of Foreign Affairs"]),
        S("Russia proposes to extend New START for one year and is ready, together with the United States, to assume a political commitment to 'freeze' the number of nuclear warheads held by the parties for this period", "Russian Foreign Ministry", "direct", True, sk="organization", aliases=["Foreign Ministry", "Russian Ministry of Foreign Affairs"]),
        S("the proposal could only be implemented if Washington did not put forward any additional demands", "Russian Foreign Ministry", "reported", True, sk="organization", aliases=["Foreign Ministry", "Russian Ministry of Foreign Affairs"]),
        S("the United States was \"prepared to meet immediately to finalize a verifiable agreement.\"", "Morgan Ortagus", "reported", True),
        S("Washington wanted a freeze on all Russian nuclear warheads, including an estimated 2,000 non-strategic ones, for at least a year", "Marshall Billingslea", "reported", True),
    ],
    dates=[
        D("20th October, 2020", PUB, "dateline", req=True),
        D("on Tuesday", PUB, "relative", req=True),
        D("February 5, 2021", "2021-02-05", "absolute", req=True),
    ],
    figures=[
        F("for one year", 1, "=", "year", "duration", "new_start", req=True),
        F("for one year", 1, "=", "year", "duration", "new_start"),
        F("an estimated 2,000 non-strategic ones", 2000, "~", "warhead", "warheads_total", None),
        F("for at least a year", 1, ">=", "year", "duration", "new_start"),
    ],
    mentions=M("treaty:new_start", "organization:ru_mfa", "organization:state_dept", "person:morgan_ortagus", "person:billingslea",
               "country:ru", "country:us", req=("treaty:new_start", "organization:ru_mfa")),
    slugs=["morgan_ortagus"],
    notes=[
        "Style: a Sputnik item reprinted by a generic aggregator (urdupoint.com): og: meta and article:published_time 2020-10-20T15:30:00+05:00 (the site's Pakistan offset), JSON-LD NewsArticle; h1 title; body = div.detail_txt p; the byline/time line, share box, related news and footer are not body.",
        "Dateline 'MOSCOW (UrduPoint News / Sputnik - 20th October, 2020) ' — the reprint form news-sites.md notes for Sputnik: no dash after the parenthesis, an ordinal day and a year inside it. Place MOSCOW, date 2020-10-20 (the agency string is not checked). The date item '20th October, 2020' is of kind dateline.",
        "Institution speaker: 'the Russian Foreign Ministry said on Tuesday' (attribution after the content), 'the ministry said in a statement' (role noun; direct quote with nested single quotes around 'freeze'), 'The ministry stressed that ...'.",
        "Paragraph 3: 'welcomed the offer, saying ...' — 'welcomed' has no content; the participle 'saying' carries the reported statement, with a quoted fragment inside (set convention); role before the name ('US State Department spokesperson Morgan Ortagus'; outside the lexicon: slug morgan_ortagus). Paragraph 4: 'said Washington wanted ...' (reported, no 'that'); Billingslea introduced with his full title.",
        "Dates: the dateline's '20th October, 2020'; 'on Tuesday' (2020-10-20 was a Tuesday); 'February 5, 2021'. 'Earlier' is not resolvable.",
        "Figures: 'for one year' twice (= 1 year, the proposed extension/freeze, new_start); 'an estimated 2,000 non-strategic ones' (~2000 warheads by ellipsis: total count of a class, warheads_total, no treaty: non-strategic weapons were outside New START); 'for at least a year' (>= 1 year, the freeze's duration, new_start). 'for this period' has no number.",
        "Mentions: New START; Russian Foreign Ministry (ru_mfa); State Department (state_dept); Morgan Ortagus (slug), Billingslea; Russia (ru), the United States / US / Washington (us). The Sputnik inside the dateline is not a mention. 'Russian' is an adjective.",
    ],
)
