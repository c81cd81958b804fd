from h import *
PUB = "2025-03-18"
A = dict(
    name="kremlin-txt-telephone-conversation-trump-2025-03-18", style="txt", published_hint=PUB,
    paras=[
        "Vladimir Putin had a telephone conversation with President of the United States Donald Trump.",
        "The two presidents continued their discussion of the situation around Ukraine. Vladimir Putin stressed that any settlement must eliminate the root causes of the crisis.",
        "Donald Trump said that the United States was interested in ending the arms race. The Russian President noted that Russia was open to a dialogue on strategic stability, including on nuclear arms control, and recalled his proposal to preserve the limits of the New START Treaty, which expires on 5 February 2026.",
        "The presidents instructed their aides, Yuri Ushakov and Steve Witkoff, to stay in contact. It was agreed to hold consultations on a possible meeting in person next week.",
        "The conversation lasted about two and a half hours.",
    ],
    checks=dict(published="2025-03-18", dateline=None,
                body=dict(first="Vladimir Putin had a telephone conversation with President of the United States Donald Trump.",
                          last="The conversation lasted about two and a half hours.")),
    statements=[
        S("any settlement must eliminate the root causes of the crisis", "Vladimir Putin", "reported", True),
        S("the United States was interested in ending the arms race", "Donald Trump", "reported", True),
        S("Russia was open to a dialogue on strategic stability, including on nuclear arms control", "Vladimir Putin", "reported", True),
        S("his proposal to preserve the limits of the New START Treaty, which expires on 5 February 2026", "Vladimir Putin", "reported"),
    ],
    dates=[
        D("5 February 2026", "2026-02-05", "absolute", req=True),
        D("next week", next_week(PUB), "relative"),
    ],
    figures=[
        F("about two and a half hours", 2.5, "~", "hour", "duration", None),
    ],
    mentions=M("treaty:new_start", "person:putin", "person:trump", "person:ushakov", "person:witkoff",
               "country:us", "country:ua", "country:ru", req=("treaty:new_start", "person:putin", "person:trump")),
    notes=[
        "Input: plain text (--text, published_hint 2025-03-18) in the style of a kremlin.ru news readout: third-person, no speaker labels, no dateline.",
        "A readout is not a single-voice text: it reports what each side said. Statements: 'Vladimir Putin stressed that ...', 'Donald Trump said that ...', 'The Russian President noted that ...' (role noun for Putin: the nearest earlier 'Russian' president), and 'recalled his proposal ...' (a verb of saying with a noun object: its text is the object, like the seed's 'recommended relying on ...').",
        "Not statements: 'had a telephone conversation', 'continued their discussion' (no content), 'instructed their aides ... to stay in contact' and 'It was agreed to hold consultations' (decisions, no speaker's words).",
        "Dates: '5 February 2026' (day month year); 'next week' = Monday of the week after 2025-03-18 (2025-03-24), the week-granularity convention of this set.",
        "Figures: 'about two and a half hours' (~2.5 hours, a word number; duration, no treaty). No treaty limits are given.",
        "Mentions: New START; Putin, Trump, Ushakov and Witkoff (aides named), the United States (us), Ukraine (ua), Russia (ru). 'strategic stability' and 'arms control' without 'Dialogue'/'talks' are not ssd aliases.",
    ],
)
