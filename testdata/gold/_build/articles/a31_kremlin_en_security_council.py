from h import *
PUB = "2025-09-22"
BIO = {
    "Dmitry Medvedev": "Deputy Chairman of the Security Council of the Russian Federation. Born on September 14, 1965, in Leningrad.",
    "Sergei Lavrov": "Minister of Foreign Affairs of the Russian Federation since March 9, 2004.",
    "Andrei Belousov": "Minister of Defence of the Russian Federation. Born on March 17, 1959, in Moscow.",
    "Sergei Shoigu": "Secretary of the Security Council of the Russian Federation since May 12, 2024.",
}
def tip(n):
    return f"[[tip:{n}|{BIO[n]}]]"
A = dict(
    name="kremlin-en-security-council-new-start-offer-2025-09-22", style="kremlin",
    url="http://en.kremlin.ru/events/president/news/78089",
    title="Meeting with permanent members of the Security Council",
    lead="Vladimir Putin held a meeting with permanent members of the Security Council on strategic stability.",
    place="The Kremlin, Moscow", published_at="2025-09-22T15:00:00+03:00", separator_after=1,
    tags=["Security Council", "Foreign policy"],
    boiler=list(BIO.values()),
    paras=[
        "Vladimir Putin held a meeting with permanent members of the Security Council. The main topic was strategic stability in connection with the upcoming expiry of the Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms on February 5, 2026.",
        f"The meeting was attended by Deputy Chairman of the Security Council {tip('Dmitry Medvedev')}, Foreign Minister {tip('Sergei Lavrov')}, Defence Minister {tip('Andrei Belousov')} and Secretary of the Security Council {tip('Sergei Shoigu')}.",
        ("turn", "Vladimir Putin:", "Good afternoon, colleagues. As you know, the New START Treaty expires on February 5, 2026. Its termination would be undesirable from the point of view of international security."),
        "I believe that Russia is ready to continue adhering to the central quantitative restrictions under the treaty for one year after February 5, 2026. Subsequently, based on an analysis of the situation, we will decide whether to maintain these voluntary self-restrictions. This measure will only be viable if the United States acts in a similar manner and does not take steps that undermine or violate the existing balance of deterrence potentials.",
        "We also believe that the implementation of plans to place elements of missile defence in outer space, including under the Golden Dome programme, could negate our efforts.",
        ("turn", "Sergei Lavrov:", "Mr President, we will convey this position to our American colleagues through diplomatic channels today."),
    ],
    checks=dict(
        title="Meeting with permanent members of the Security Council",
        published="2025-09-22",
        dateline=None,
        body=dict(first="Vladimir Putin held a meeting with permanent members of the Security Council.",
                  last="we will convey this position to our American colleagues through diplomatic channels today.",
                  must_contain=["Foreign Minister Sergei Lavrov, Defence Minister Andrei Belousov and Secretary of the Security Council Sergei Shoigu."],
                  must_not_contain=["* * *", "Born on September 14, 1965", "since March 9, 2004", "since May 12, 2024"]),
    ),
    statements=[
        S("Good afternoon, colleagues. As you know, the New START Treaty expires on February 5, 2026. Its termination would be undesirable from the point of view of international security. I believe that Russia is ready to continue adhering to the central quantitative restrictions under the treaty for one year after February 5, 2026. Subsequently, based on an analysis of the situation, we will decide whether to maintain these voluntary self-restrictions. This measure will only be viable if the United States acts in a similar manner and does not take steps that undermine or violate the existing balance of deterrence potentials. We also believe that the implementation of plans to place elements of missile defence in outer space, including under the Golden Dome programme, could negate our efforts.",
          "Vladimir Putin", "transcript", True),
        S("Mr President, we will convey this position to our American colleagues through diplomatic channels today.", "Sergei Lavrov", "transcript", True),
    ],
    dates=[
        D("February 5, 2026", "2026-02-05", "absolute", req=True),
        D("February 5, 2026", "2026-02-05", "absolute"),
        D("February 5, 2026", "2026-02-05", "absolute"),
        D("today", PUB, "relative"),
    ],
    figures=[
        F("for one year", 1, "=", "year", "duration", "new_start", req=True),
    ],
    mentions=M("treaty:new_start", "weapon:golden_dome", "organization:ru_security_council", "person:putin", "person:medvedev",
               "person:lavrov", "person:belousov", "person:shoigu", "country:ru", "country:us",
               req=("treaty:new_start", "person:putin")),
    notes=[
        "Style: en.kremlin.ru news item that mixes a readout and a transcript: two readout paragraphs, a '* * *' separator paragraph (not body), then speaker-labelled turns. Each name in the attendance paragraph is followed by a span.read__tooltip holding a biography: the tooltips are not body (the body reads 'Deputy Chairman of the Security Council Dmitry Medvedev, Foreign Minister Sergei Lavrov, ...'), so their texts and dates are must_not_contain and are not labelled.",
        "Statements: the readout paragraphs report no speech ('held a meeting', 'The main topic was', 'was attended by'). Putin's turn runs over three paragraphs (2-4): one transcript statement. Lavrov's turn: one statement.",
        "Dates: 'February 5, 2026' three times (paragraphs 0, 2 and 3), 'today' in Lavrov's turn (2025-09-22). The tooltip birth dates are not body.",
        "Figures: 'for one year' (= 1 year: the offer's duration, new_start). 'central quantitative restrictions' gives no number.",
        "Mentions: New START by its full name 'Treaty on Measures for the Further Reduction and Limitation of Strategic Offensive Arms' and 'the New START Treaty'; Golden Dome; 'Security Council' in a Kremlin readout is Russia's (lexicon §8.4: UN unless Russian context): ru_security_council; Putin, Medvedev, Lavrov, Belousov, Shoigu; Russia (ru), the United States (us). 'American' is an adjective.",
    ],
)
