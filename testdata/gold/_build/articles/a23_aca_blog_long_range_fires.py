from h import *
import layouts
PUB = "2026-01-15"
A = dict(
    name="aca-blog-long-range-fires-germany-2026-01-15", style="generic",
    layout=layouts.ACA.replace("{issue_slug}", "blog").replace("{issue}", "Arms Control Now").replace("node--type-act-article", "node--type-blog-post"),
    site_name="Arms Control Association", p_fmt="<p>{text}</p>",
    url="https://www.armscontrol.org/blog/2026-01-15/long-range-fires-germany-risk-new-missile-race",
    title="Long-Range Fires in Germany: The Risk of a New Missile Race",
    lead="Without a framework to limit them, U.S. and Russian intermediate-range deployments could spiral.",
    published_at="2026-01-15T11:30:00-05:00", date_vis="By Jordan Ellis", authors=["Jordan Ellis"],
    more=["Intermediate-Range Nuclear Forces", "U.S.-Russian Nuclear Arms Control"],
    boiler=layouts.ACA_BOILER + ["By Jordan Ellis", "Arms Control Now", "Without a framework to limit them"],
    paras=[
        "In a statement issued on the sidelines of the NATO summit in Washington on July 10, 2024, the White House said that the U.S. Army would begin “episodic deployments” of long-range fires capabilities in Germany in 2026.",
        "The Tomahawk cruise missile can fly about 1,600 km, and the Dark Eagle hypersonic missile more than 2,700 km — both within the 500-5,500 km band banned by the Intermediate-Range Nuclear Forces Treaty until its collapse in 2019.",
        "Moscow reacted sharply. “We will respond with mirror measures, including the deployment of our own intermediate-range systems,” Deputy Foreign Minister Sergei Ryabkov said at the time. In August 2025, Russia formally declared that it no longer considered itself bound by its self-imposed moratorium on deploying such missiles.",
        "A German defence official, speaking on condition of anonymity, said the deployments were “defensive and conventional.”",
        "The risk is not the missiles themselves but the absence of any framework to limit them. A verifiable moratorium could be a starting point, although NATO dismissed a Russian version of the idea in 2020 as “not credible.”",
    ],
    checks=dict(
        title="Long-Range Fires in Germany: The Risk of a New Missile Race",
        published="2026-01-15",
        dateline=None,
        body=dict(first="In a statement issued on the sidelines of the NATO summit in Washington on July 10, 2024",
                  last="although NATO dismissed a Russian version of the idea in 2020 as “not credible.”"),
    ),
    statements=[
        S("the U.S. Army would begin “episodic deployments” of long-range fires capabilities in Germany in 2026", "White House", "reported", True, sk="organization"),
        S("We will respond with mirror measures, including the deployment of our own intermediate-range systems", "Sergei Ryabkov", "direct", True),
        S("it no longer considered itself bound by its self-imposed moratorium on deploying such missiles", "Russia", "reported", True, sk="organization", aliases=["Russian government", "Moscow"]),
        S("the deployments were “defensive and conventional.”", "", "reported", True),
        S("not credible.", "NATO", "direct", sk="organization", aliases=["North Atlantic Alliance"]),
    ],
    dates=[
        D("July 10, 2024", "2024-07-10", "absolute", req=True),
        D("in 2026", "2026", "absolute", req=True),
        D("in 2019", "2019", "absolute"),
        D("In August 2025", "2025-08", "absolute"),
        D("in 2020", "2020", "absolute"),
    ],
    figures=[
        F("about 1,600 km", 1600, "~", "km", "range_km", "inf", req=True),
        F("more than 2,700 km", 2700, ">", "km", "range_km", "inf", req=True),
        F("500-5,500 km", 500, "=", "km", "range_km", "inf", vmax=5500, req=True),
    ],
    mentions=M("treaty:inf", "weapon:tomahawk", "weapon:dark_eagle", "organization:nato", "organization:white_house",
               "person:ryabkov", "country:us", "country:de", "country:ru", req=("treaty:inf", "weapon:dark_eagle")),
    notes=[
        "Style: armscontrol.org blog ('Arms Control Now', Drupal node; markup as the ACT page); published 2026-01-15 from article:published_time; byline and subtitle fields are not body. No dateline; the author's analysis in the first person plural is not labelled as statements.",
        "Statements: the White House 'said that ...' (institution; the fragment “episodic deployments” belongs to it); Ryabkov's direct quote with the attribution after it (role before the name); Russia 'formally declared that ...' (institution: the state); an anonymous 'German defence official, speaking on condition of anonymity, said ...' (speaker ''; the fragment belongs to the reported clause); NATO 'dismissed a Russian version of the idea in 2020 as “not credible.”' (quoted words with their own verb, as the seed's 'described as': direct, institution speaker).",
        "Not statements: 'Moscow reacted sharply' (no content); the author's prose.",
        "Dates: 'July 10, 2024'; 'in 2026'; 'in 2019'; 'In August 2025'; 'in 2020'. 'at the time' is not resolvable.",
        "Figures: 'about 1,600 km' (~), 'more than 2,700 km' (> ; the noun 'km' is shared by the elliptical second clause), '500-5,500 km' (a hyphenated range: value 500, value_max 5500); all range_km and treaty inf (named in the sentence).",
        "Mentions: the Intermediate-Range Nuclear Forces Treaty (inf); Tomahawk; Dark Eagle; NATO; White House; Ryabkov; Washington / U.S. (us), Germany (de), Russia / Moscow (ru). 'German' is an adjective. 'the self-imposed moratorium on deploying such missiles' is not the lexicon alias of inf_moratorium ('moratorium on deploying intermediate-range missiles') and is not labelled.",
    ],
)
