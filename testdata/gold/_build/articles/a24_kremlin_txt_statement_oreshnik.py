from h import *
PUB = "2024-11-21"
A = dict(
    name="kremlin-txt-statement-by-the-president-2024-11-21", style="txt", published_hint="2024-11-21T20:00:00+03:00",
    url="http://en.kremlin.ru/events/president/news/75614",
    paras=[
        "I would like to inform the military personnel of the Russian Armed Forces, the citizens of our country, our friends around the world and those who persist in the illusion that a strategic defeat can be inflicted on Russia about the events taking place today.",
        "On November 19, the United States and the United Kingdom permitted the use of their long-range precision weapons, the ATACMS and the Storm Shadow, against targets inside Russia.",
        "In response, today the Russian Armed Forces carried out a combined strike on a defence industry facility. In combat conditions, we tested one of Russia’s newest intermediate-range missile systems, the Oreshnik, in its non-nuclear hypersonic configuration.",
        "We consider ourselves entitled to use our weapons against the military facilities of those countries that allow their weapons to be used against our facilities.",
    ],
    checks=dict(published="2024-11-21T20:00:00+03:00", dateline=None,
                body=dict(first="I would like to inform the military personnel of the Russian Armed Forces",
                          last="that allow their weapons to be used against our facilities.")),
    statements=[
        S("I would like to inform the military personnel of the Russian Armed Forces, the citizens of our country, our friends around the world and those who persist in the illusion that a strategic defeat can be inflicted on Russia about the events taking place today. On November 19, the United States and the United Kingdom permitted the use of their long-range precision weapons, the ATACMS and the Storm Shadow, against targets inside Russia. In response, today the Russian Armed Forces carried out a combined strike on a defence industry facility. In combat conditions, we tested one of Russia’s newest intermediate-range missile systems, the Oreshnik, in its non-nuclear hypersonic configuration. We consider ourselves entitled to use our weapons against the military facilities of those countries that allow their weapons to be used against our facilities.",
          "Vladimir Putin", "transcript"),
    ],
    dates=[
        D("today", PUB, "relative", req=True),
        D("On November 19", "2024-11-19", "absolute", req=True),
        D("today", PUB, "relative"),
    ],
    figures=[],
    mentions=M("weapon:atacms", "weapon:storm_shadow", "weapon:oreshnik", "country:ru", "country:us", "country:gb",
               req=("weapon:oreshnik",)),
    notes=[
        "Input: plain text (--text) of a kremlin.ru 'Statement by the President' (an excerpt, reworded), with --url http://en.kremlin.ru/events/president/news/75614 and published_hint 2024-11-21T20:00:00+03:00 (a full time: the published check compares the instant).",
        "A single-voice text without labels: on kremlin.ru it is the President's (news-sites.md). Convention of this set: ONE transcript statement for the whole text, speaker Vladimir Putin. Not required: the speaker is known only from the source (the URL), never named in the text; a system without the kremlin profile cannot tell it.",
        "Dates: 'today' twice (2024-11-21, the publication date; relative); 'On November 19' (2024-11-19, year from published).",
        "Figures: none ('one of Russia’s newest ... systems' is not a quantity).",
        "Mentions: ATACMS, Storm Shadow, Oreshnik; Russia (ru), the United States (us), the United Kingdom (gb). 'the Russian Armed Forces' has no lexicon row. Putin is not named in the text: no person mention.",
    ],
)
