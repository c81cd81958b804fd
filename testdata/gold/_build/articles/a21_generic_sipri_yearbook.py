from h import *
import layouts
PUB = "2025-06-16"
GUARDIAN = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | World news | The Guardian</title>
<meta name="description" content="{lead_attr}">
<meta property="og:url" content="{url}">
<meta property="og:type" content="article">
<meta property="og:title" content="{title_attr}">
<meta property="og:description" content="{lead_attr}">
<meta property="article:published_time" content="{published}">
<meta property="article:modified_time" content="{modified}">
<meta property="article:section" content="World news">
<meta name="author" content="{byline}">
<link rel="canonical" href="{url}">
{jsonld}
</head>
<body>
<header><nav aria-label="Guardian sections"><a href="/uk">News</a><a href="/commentisfree">Opinion</a><a href="/uk/sport">Sport</a><a href="/uk/culture">Culture</a></nav>
<div class="support-banner">Support the Guardian: Fund independent journalism</div></header>
<main data-layout="StandardLayout">
<article>
<div data-gu-name="headline"><h1>{title}</h1></div>
<div data-gu-name="standfirst"><p>{lead}</p></div>
<div data-gu-name="media"><figure><img src="https://i.guim.co.uk/img/media/x.jpg" alt="{caption}"><figcaption>{caption} Photograph: {credit}</figcaption></figure></div>
<div data-gu-name="meta"><address aria-label="Contributor info"><a rel="author" href="/profile/x">{byline}</a></address><details><summary>{date_vis}</summary></details></div>
<div id="maincontent" class="article-body-commercial-selector article-body-viewer-selector">
{body}
</div>
</article>
<aside data-component="rich-link"><h2>Most viewed</h2><ul>{related}</ul></aside>
</main>
<footer><p>© 2026 Guardian News &amp; Media Limited or its affiliated companies. All rights reserved.</p></footer>
</body>
</html>
"""
A = dict(
    name="generic-sipri-yearbook-arsenals-2025-06-16", style="generic", layout=GUARDIAN, site_name="The Guardian",
    p_fmt='<p class="dcr-s23rjr">{text}</p>',
    url="https://www.theguardian.com/world/2025/jun/16/nuclear-arsenals-growing-arms-control-weakens-sipri",
    title="Nuclear arsenals growing again as arms control weakens, Sipri says",
    lead="Stockholm institute warns that the era of reductions in the number of nuclear weapons is coming to an end",
    published_at="2025-06-16T04:00:00+01:00", date_vis="Mon 16 Jun 2025 04.00 BST", authors=["Dan Sabbagh"],
    caption="A Minuteman III missile during a test launch.", credit="US Air Force",
    more=["UK to buy F-35A jets capable of carrying nuclear weapons"],
    boiler=["Support the Guardian", "Most viewed", "Guardian News & Media Limited", "Dan Sabbagh", "Stockholm institute warns that the era of reductions"],
    paras=[
        "The world’s nuclear-armed states are expanding and modernising their arsenals as the arms control regime weakens, the Stockholm International Peace Research Institute (Sipri) said in its annual assessment published on Monday.",
        "Of the total global inventory of an estimated 12,241 warheads in January 2025, about 9,614 were in military stockpiles for potential use, Sipri said. An estimated 3,912 of those warheads were deployed with missiles and aircraft, and about 2,100 were kept in a state of high operational alert, nearly all of them belonging to Russia or the US.",
        "China’s arsenal is growing faster than anyone else’s, by about 100 new warheads a year since 2023, to at least 600, the institute said.",
        "“The era of reductions in the number of nuclear weapons in the world, which had lasted since the end of the cold war, is coming to an end,” said Matt Korda, an associate senior researcher at Sipri.",
        "“Instead, we see a clear trend of growing nuclear arsenals, sharpened nuclear rhetoric and the abandonment of arms control agreements.”",
        "Sipri’s director, Dan Smith, warned that the expiry of the New START treaty in February 2026 could leave the world without any limits on US and Russian strategic arsenals. The treaty, signed in Prague on 8 April 2010, caps deployed strategic warheads at 1,550 per side.",
        "India and Pakistan each added about a dozen warheads last year, while Israel is thought to hold about 90. North Korea has assembled about 50 warheads and possesses fissile material for up to 40 more, according to Sipri’s estimates.",
        "Russia and the US together possess around 90% of all nuclear weapons, and nearly two-thirds of China’s new warheads are thought to be destined for silo-based ICBMs.",
    ],
    checks=dict(
        title="Nuclear arsenals growing again as arms control weakens, Sipri says",
        published="2025-06-16T04:00:00+01:00",
        dateline=None,
        body=dict(first="The world’s nuclear-armed states are expanding and modernising their arsenals",
                  last="destined for silo-based ICBMs."),
    ),
    statements=[
        S("The world’s nuclear-armed states are expanding and modernising their arsenals as the arms control regime weakens", "Stockholm International Peace Research Institute", "reported", True, sk="organization", aliases=["Sipri", "SIPRI"]),
        S("Of the total global inventory of an estimated 12,241 warheads in January 2025, about 9,614 were in military stockpiles for potential use", "Stockholm International Peace Research Institute", "reported", True, sk="organization", aliases=["Sipri", "SIPRI"]),
        S("China’s arsenal is growing faster than anyone else’s, by about 100 new warheads a year since 2023, to at least 600", "Stockholm International Peace Research Institute", "reported", True, sk="organization", aliases=["Sipri", "SIPRI"]),
        S("The era of reductions in the number of nuclear weapons in the world, which had lasted since the end of the cold war, is coming to an end", "Matt Korda", "direct", True),
        S("Instead, we see a clear trend of growing nuclear arsenals, sharpened nuclear rhetoric and the abandonment of arms control agreements.", "Matt Korda", "direct", True),
        S("the expiry of the New START treaty in February 2026 could leave the world without any limits on US and Russian strategic arsenals", "Dan Smith", "reported", True),
        S("North Korea has assembled about 50 warheads and possesses fissile material for up to 40 more", "Stockholm International Peace Research Institute", "reported", sk="organization", aliases=["Sipri", "SIPRI"]),
    ],
    dates=[
        D("on Monday", PUB, "relative", req=True),
        D("January 2025", "2025-01", "absolute", req=True),
        D("since 2023", "2023", "absolute"),
        D("February 2026", "2026-02", "absolute"),
        D("8 April 2010", "2010-04-08", "absolute", req=True),
        D("last year", "2024", "relative"),
    ],
    figures=[
        F("an estimated 12,241 warheads", 12241, "~", "warhead", "warheads_total", None, req=True),
        F("about 9,614", 9614, "~", "warhead", "stockpile", None, req=True),
        F("An estimated 3,912", 3912, "~", "warhead", "deployed_warheads", None, req=True),
        F("about 2,100", 2100, "~", "warhead", "other", None),
        F("about 100 new warheads", 100, "~", "warhead", "warheads_total", None),
        F("at least 600", 600, ">=", "warhead", "warheads_total", None, req=True),
        F("1,550 per side", 1550, "<=", "warhead", "deployed_warheads", "new_start", req=True),
        F("about a dozen warheads", 12, "~", "warhead", "warheads_total", None),
        F("about 90", 90, "~", "warhead", "warheads_total", None),
        F("about 50 warheads", 50, "~", "warhead", "warheads_total", None),
        F("up to 40 more", 40, "<=", "warhead", "warheads_total", None),
        F("around 90%", 90, "~", "percent", "percent", None),
        F("nearly two-thirds", 0.6666666666666666, "~", None, None, None),
    ],
    mentions=M("treaty:new_start", "organization:sipri", "person:matt_korda", "person:dan_smith", "country:ru", "country:us",
               "country:cn", "country:in", "country:pk", "country:il", "country:kp", req=("organization:sipri", "treaty:new_start")),
    slugs=["matt_korda", "dan_smith"],
    notes=[
        "Style: a Guardian-like generic news site (no agency dateline): og: and article:published_time 2025-06-16T04:00:00+01:00, JSON-LD NewsArticle, h1 inside the headline block; the standfirst (subtitle), figure caption and credit, byline, support banner, 'Most viewed' and footer are not body; body = div#maincontent p. Curly quotes; dates written day-month-year ('8 April 2010').",
        "Institution speaker: the Stockholm International Peace Research Institute (Sipri), introduced with its full name and acronym, then 'Sipri said', 'the institute said' (role noun), 'according to Sipri’s estimates'. Speaker_kind organization, aliases Sipri/SIPRI.",
        "Paragraph 1: only the first sentence is governed by 'Sipri said'; the second sentence has no cue and is not labelled, although it plainly continues the report (statements need a cue or quotation marks). Paragraph 6: 'according to Sipri’s estimates' governs its own sentence only.",
        "Paragraphs 3-4: a direct quote with inverted attribution ('said Matt Korda, an associate senior researcher at Sipri': role after the name), then an unattributed quoted paragraph continuing the same speaker: Korda. Two statements (the first quote closes before the attribution, so paragraph 4 is a new quote, not a split one).",
        "Paragraph 5: 'Sipri’s director, Dan Smith, warned that ...' (role before the name as a possessive appositive).",
        "Dates: 'on Monday' (2025-06-16), 'January 2025', 'since 2023', 'February 2026', '8 April 2010', 'last year' (2024). 'since the end of the cold war' is not a resolvable date.",
        "Figures: 12,241 (~, total inventory: warheads_total); 9,614 (~, military stockpiles: stockpile); 3,912 (~, deployed: deployed_warheads); 2,100 on high alert (~, category other); China 'about 100 new warheads' a year (~100, warheads_total; 'a year' is a rate) and 'at least 600' (>=); '1,550 per side' (the New START cap: <= 1550 deployed warheads, new_start); 'about a dozen warheads' (~12), 'about 90' (Israel), 'about 50 warheads', 'up to 40 more' (<= 40); 'around 90%' (~90 percent); 'nearly two-thirds' (~2/3 as the float 0.6666666666666666; unit and category not given: a fraction of warheads). Only the New START cap has a treaty; the others are inventory estimates: treaty left unlabelled.",
        "Mentions: Sipri (sipri); New START; Matt Korda and Dan Smith (outside the lexicon: slugs); Russia, the US, China, India, Pakistan, Israel, North Korea. ICBMs is a class; Prague a place.",
    ],
)
