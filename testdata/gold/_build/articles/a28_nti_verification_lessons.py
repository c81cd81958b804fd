from h import *
PUB = "2025-09-10"
NTI = """<!DOCTYPE html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>{title} - The Nuclear Threat Initiative</title>
<meta name="description" content="{lead_attr}">
<link rel="canonical" href="{url}">
<meta property="og:type" content="article">
<meta property="og:title" content="{title_attr}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="The Nuclear Threat Initiative">
<meta property="article:published_time" content="{published}">
{jsonld}
</head>
<body class="single single-analysis">
<header class="site-header"><a class="logo" href="/">NTI</a><nav><a href="/area/nuclear/">Nuclear</a><a href="/area/biological/">Biological</a><a href="/analysis/">Analysis</a><a href="/donate/">Donate</a></nav></header>
<main id="main">
<article class="analysis">
<header class="analysis__header"><p class="analysis__type">Analysis</p><h1 class="analysis__title">{title}</h1>
<p class="analysis__authors">{byline}</p><p class="analysis__date"><time datetime="{published}">{date_vis}</time></p></header>
<div class="analysis__content wysiwyg">
{body}
</div>
<aside class="analysis__sidebar"><h2>Stay Informed</h2><p>Sign up for our newsletter to get the latest on nuclear and biological threats.</p></aside>
</article>
<section class="related"><h2>Related Content</h2><ul>{related}</ul></section>
</main>
<footer class="site-footer"><p>© 2026 Nuclear Threat Initiative. 1776 Eye Street, NW, Suite 600, Washington, DC 20006</p></footer>
</body>
</html>
"""
A = dict(
    name="nti-verification-lessons-new-start-2025-09-10", style="generic", layout=NTI, site_name="The Nuclear Threat Initiative",
    p_fmt="<p>{text}</p>",
    url="https://www.nti.org/analysis/articles/verification-lessons-from-new-start-for-the-next-agreement/",
    title="Verification Lessons From New START for the Next Agreement",
    lead="On-site inspections were the core of four decades of arms control. Their loss leaves a gap no satellite can fill.",
    published_at="2025-09-10T09:00:00-04:00", date_vis="September 10, 2025", authors=["Priya Raman"],
    more=["The Future of Arms Control After New START", "Nuclear Testing: A Primer"],
    boiler=["Stay Informed", "Sign up for our newsletter", "Related Content", "1776 Eye Street", "Priya Raman", "On-site inspections were the core of four decades"],
    paras=[
        ("quote", "“Doveryai, no proveryai — trust, but verify.”"),
        "— Ronald Reagan, at the signing of the INF Treaty, December 8, 1987",
        "Reagan’s favourite Russian proverb became the motto of an era. The INF Treaty’s inspection regime, which ran from 1988 to 2001, allowed each side to station inspectors at the other’s missile factories; under the 1991 START I treaty, the sides conducted some 600 inspections.",
        "New START, known in Moscow as START-3, carried that tradition forward with a leaner system: up to 18 short-notice inspections a year, a database updated every six months, and notifications within five days of any change. In its report “Reducing Nuclear Risks Through Verification,” published on 2024-03-12, the National Academies concluded that “the loss of on-site inspections is the single largest blow to transparency since the Cold War.”",
        "Russia halted inspections in August 2022 and suspended its participation in the treaty in February 2023. Two years ago, a senior Russian diplomat told me that inspections would not resume “until the Americans stop treating us as an adversary.”",
        "Negotiating New START took about a year, from April 2009 to April 2010; a successor covering warheads rather than launchers would likely take far longer.",
    ],
    checks=dict(
        title="Verification Lessons From New START for the Next Agreement",
        published="2025-09-10",
        dateline=None,
        body=dict(first="“Doveryai, no proveryai — trust, but verify.”",
                  last="would likely take far longer.",
                  must_contain=["— Ronald Reagan, at the signing of the INF Treaty, December 8, 1987"]),
    ),
    statements=[
        S("Doveryai, no proveryai — trust, but verify.", "Ronald Reagan", "direct", True),
        S("the loss of on-site inspections is the single largest blow to transparency since the Cold War.", "National Academies", "direct", sk="organization"),
        S("inspections would not resume “until the Americans stop treating us as an adversary.”", "", "reported", True),
    ],
    dates=[
        D("December 8, 1987", "1987-12-08", "absolute", req=True),
        D("from 1988 to 2001", "1988", "absolute", end="2001", req=True),
        D("2024-03-12", "2024-03-12", "absolute", req=True),
        D("August 2022", "2022-08", "absolute"),
        D("February 2023", "2023-02", "absolute"),
        D("Two years ago", "2023", "relative"),
        D("from April 2009 to April 2010", "2009-04", "absolute", end="2010-04"),
    ],
    figures=[
        F("some 600 inspections", 600, "~", "inspection", "inspections", "start_i"),
        F("up to 18 short-notice inspections", 18, "<=", "inspection", "inspections", "new_start", req=True),
        F("every six months", 6, "=", "month", "duration", "new_start"),
        F("within five days", 5, "<=", "day", "duration", "new_start"),
        F("about a year", 1, "~", "year", "duration", "new_start"),
    ],
    mentions=M("treaty:inf", "treaty:start_i", "treaty:new_start", "organization:national_academies", "person:ronald_reagan",
               "country:ru", "country:us", req=("treaty:new_start", "treaty:inf")),
    slugs=["national_academies", "ronald_reagan"],
    notes=[
        "Style: nti.org analysis (think tank, generic markup): og: meta, article:published_time and JSON-LD 2025-09-10; h1.analysis__title; authors, date, sidebar, related list and footer are not body; body = div.analysis__content: an epigraph blockquote, its attribution line, then paragraphs. No dateline.",
        "Paragraphs 0-1: a blockquote epigraph whose attribution is the next line ('— Ronald Reagan, at the signing of the INF Treaty, December 8, 1987'): direct statement of Ronald Reagan (outside the lexicon: slug ronald_reagan). The attribution line is body and holds a date.",
        "Paragraph 3: the report title in quotes (“Reducing Nuclear Risks Through Verification,”) is a title, not a statement; 'the National Academies concluded that “…”' (the whole clause quoted: direct; institution speaker outside the lexicon; 'concluded' is a verb of stating; not required since it is not in the lexicon's cue list).",
        "Paragraph 4: 'a senior Russian diplomat told me that ...' — anonymous: speaker ''; the quoted fragment belongs to the reported clause. The author's own prose ('Reagan’s favourite Russian proverb ...') is not labelled.",
        "Dates: 'December 8, 1987'; range 'from 1988 to 2001' (1988..2001); ISO '2024-03-12'; 'August 2022'; 'February 2023'; 'Two years ago' (2023, from published 2025-09-10); range 'from April 2009 to April 2010' (2009-04..2010-04). 'the 1991 START I treaty' is an attributive year naming a document: not a date (set convention); 'since the Cold War' is not a date.",
        "Figures: 'some 600 inspections' (~600, start_i: named in the same clause); 'up to 18 short-notice inspections' (<= 18 a year, new_start); 'every six months' (6 months, the database update period: duration, new_start); 'within five days' (<= 5 days); 'about a year' (~1 year: the negotiation's length, new_start). 'a year' after 18 inspections is a rate.",
        "Mentions: INF Treaty, START I, New START with its alias START-3; National Academies (slug national_academies); Ronald Reagan (slug); Moscow / Russia (ru); 'the Americans' (us, as the seed counts 'the Americans').",
    ],
)
