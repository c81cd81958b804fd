"""Site templates: render(a) -> (page text, extension, boilerplate strings that must stay out of the body)."""
import datetime as dt
import html
import json
import re
import zlib


def h(x):
    return zlib.crc32(x.encode())

MARK = re.compile(r"\[\[(tip|a):([^|\]]*)\|([^\]]*)\]\]")


def plain(s):
    """Body text of a paragraph with inline markers."""
    return MARK.sub(lambda m: m.group(2) if m.group(1) == "tip" else m.group(3), s)


def esc(s):
    out = []
    pos = 0
    for m in MARK.finditer(s):
        out.append(_esc(s[pos:m.start()]))
        if m.group(1) == "tip":
            name, bio = m.group(2), m.group(3)
            out.append(f'<a href="/catalog/persons/{h(name) % 900 + 100}/events">{_esc(name)}</a>'
                       f'<span class="read__tooltip tooltip_person"><span class="tooltip__name">{_esc(name)}</span>'
                       f'<span class="tooltip__text">{_esc(bio)}</span></span>')
        else:
            out.append(f'<a href="{_esc(m.group(2))}">{_esc(m.group(3))}</a>')
        pos = m.end()
    out.append(_esc(s[pos:]))
    return "".join(out)


def _esc(s):
    return html.escape(s, quote=False).replace("\u00a0", "&nbsp;")


def attr(s):
    return html.escape(s, quote=True)


def ptext(p):
    if isinstance(p, str):
        return plain(p)
    if p[0] == "turn":
        return p[1] + " " + plain(p[2])
    return plain(p[1])


def ts(a):
    return dt.datetime.fromisoformat(a["published_at"])


def jsonld(obj):
    return '<script type="application/ld+json">' + json.dumps(obj, ensure_ascii=False) + "</script>"


# ---------------------------------------------------------------- Sputnik English / RIA (Rossiya Segodnya)

def rs_platform(a, lang):
    t = ts(a)
    boiler = []
    blocks = []
    for i, p in enumerate(a["paras"]):
        if isinstance(p, tuple) and p[0] == "quote":
            blocks.append(f'<div class="article__block" data-type="quote"><div class="article__quote">'
                          f'<div class="article__quote-bg"></div><div class="article__quote-text">{esc(p[1])}</div></div></div>')
            continue
        txt = esc(p if isinstance(p, str) else p[1])
        if i == 0 and a.get("dateline_bold"):
            dl = a["dateline_bold"]
            assert p.startswith(dl), (p[:40], dl)
            rest = p[len(dl):]
            txt = f"<strong>{esc(dl.rstrip())}</strong>" + ("&nbsp;" if dl.endswith("\u00a0") else " ") + esc(rest.lstrip("\u00a0 ")) \
                if dl.endswith(("\u00a0", " ")) else f"<strong>{esc(dl)}</strong>{esc(rest)}"
        blocks.append(f'<div class="article__block" data-type="text"><div class="article__text">{txt}</div></div>')
        if i in a.get("inserts", {}):
            kind, title = a["inserts"][i]
            boiler.append(title)
            if kind == "article":
                blocks.append(f'<div class="article__block" data-type="article"><div class="article__article m-image">'
                              f'<a href="{a["site"]}/{t:%Y%m%d}/related-{h(title) % 10**10}.html" class="article__article-image"></a>'
                              f'<div class="article__article-info"><div class="article__article-date">{t:%H:%M %d.%m.%Y}</div>'
                              f'<a class="article__article-title" href="{a["site"]}/{t:%Y%m%d}/x-{h(title) % 10**10}.html">{esc(title)}</a></div></div></div>')
            else:
                blocks.append(f'<div class="article__block" data-type="banner"><div class="banner"><span class="banner__label">{esc(title)}</span></div></div>')
    if lang == "en":
        date_vis = f"{t.astimezone(dt.timezone.utc):%H:%M} GMT {t.astimezone(dt.timezone.utc):%d.%m.%Y}"
        site_name, suffix = "Sputnik International", " - Sputnik International"
        announce = f'<div class="article__announce-text">{esc(a["lead"])}</div>' if a.get("lead") else ""
        title_el = f'<h1 class="article__title">{esc(a["title"])}</h1>'
        lang_attr = "en"
    else:
        date_vis = f"{t:%H:%M %d.%m.%Y}"
        site_name, suffix = "РИА Новости", " - РИА Новости, " + f"{t:%d.%m.%Y}"
        announce = f'<h1 class="article__second-title">{esc(a["lead"])}</h1>' if a.get("lead") else ""
        title_el = f'<div class="article__title">{esc(a["title"])}</div>'
        lang_attr = "ru"
    cap = a.get("caption", "")
    credit = a.get("credit", "")
    boiler += [cap, credit] + a.get("boiler", [])
    tags = "".join(f'<a class="article__tags-item" href="{a["site"]}/keyword_{i}/"><span class="article__tags-text">{esc(x)}</span></a>'
                   for i, x in enumerate(a.get("tags", [])))
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "mainEntityOfPage": a["url"],
          "headline": a["title"], "description": a.get("lead", ""),
          "datePublished": t.strftime("%Y-%m-%dT%H:%M%z"), "dateModified": t.strftime("%Y-%m-%dT%H:%M%z"),
          "articleSection": a.get("tags", []), "publisher": {"@type": "Organization", "name": site_name}}
    more = "".join(f'<div class="list-item"><a class="list-item__title" href="{a["site"]}/{t:%Y%m%d}/more-{i}.html">{esc(x)}</a></div>'
                   for i, x in enumerate(a.get("more", [])))
    boiler += a.get("more", [])
    footer = "© 2026 Sputnik. All rights reserved" if lang == "en" else "© 2026 МИА «Россия сегодня»"
    boiler.append(footer)
    page = f"""<!DOCTYPE html>
<html lang="{lang_attr}">
<head>
<meta charset="utf-8">
<title>{esc(a["title"])}{esc(suffix)}</title>
<meta name="description" content="{attr(a.get("lead", ""))}">
<meta property="og:site_name" content="{attr(site_name)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(a["title"])}">
<meta property="og:url" content="{attr(a["url"])}">
<meta property="og:image" content="{a["site"]}/img/07e9/02/06/1234567890_0:0:3072:1728_1200x675_80_0_0_abc.jpg">
<link rel="canonical" href="{attr(a["url"])}">
<link rel="alternate" type="application/rss+xml" href="{a["site"]}/export/rss2/archive/index.xml">
{jsonld(ld)}
</head>
<body class="body m-article">
<div class="page">
<header class="header"><div class="header__logo"><a href="/">{esc(site_name)}</a></div>
<nav class="nav"><a class="nav__item" href="/world/">{"World" if lang == "en" else "В мире"}</a><a class="nav__item" href="/russia/">{"Russia" if lang == "en" else "Россия"}</a><a class="nav__item" href="/military/">{"Military" if lang == "en" else "Безопасность"}</a></nav></header>
<div class="layout-article">
<div class="article m-article" data-article-id="{a["url"].rsplit("-", 1)[-1].split(".")[0]}">
<div class="article__header">
{title_el}
{announce}
<div class="article__info"><div class="article__info-date"><a href="/{t:%Y%m%d}/" class="color-font-hover-only">{date_vis}</a></div></div>
</div>
<div class="article__announce"><div class="media"><div class="photoview__open" data-photoview-src="{a["site"]}/img/1.jpg">
<img src="{a["site"]}/img/07e9/1_0:0:3072:1728_1920x0_80_0_0.jpg" alt="{attr(cap)}"></div>
<div class="media__copyright"><div class="media__copyright-item">{esc(credit)}</div></div><div class="media__title">{esc(cap)}</div></div></div>
<div class="article__body js-mediator-article mia-analytics">
{chr(10).join(blocks)}
</div>
<div class="article__tags">{tags}</div>
<div class="article__footer"><div class="share"><span class="share__title">{"Share" if lang == "en" else "Поделиться"}</span></div></div>
</div>
<div class="article__more"><div class="list">{more}</div></div>
</div>
<footer class="footer"><div class="footer__copyright">{esc(footer)}</div></footer>
</div>
</body>
</html>
"""
    return page, ".html", boiler


# ---------------------------------------------------------------- tass.ru (Russian TASS, tass.com-like design)

def tass_ru(a):
    t = ts(a)
    paras = "\n".join(f"                    <p>{esc(p)}</p>" for p in a["paras"])
    related = "".join(f'<div class="news-content news-content_default"><a href="/politika/{19000000 + i}"><span class="news-content__title">{esc(x)}</span></a>'
                      f'<div class="news-content__date"><dateformat time="{int(t.timestamp()) - 3600 * (i + 1)}" mode="abs"></dateformat></div></div>'
                      for i, x in enumerate(a.get("more", [])))
    tags = "".join(f'<a class="tags__item" href="/tag/{i}">{esc(x)}</a>' for i, x in enumerate(a.get("tags", [])))
    boiler = [a.get("caption", ""), a.get("credit", ""), "Все новости", "Читайте также", "Информационное агентство России ТАСС"] + a.get("more", []) + a.get("boiler", [])
    page = f"""<!DOCTYPE html>
<html lang="ru" data-ng-app="tassApp" data-ng-controller="mainController">
<head>
    <meta charset="utf-8">
    <title>{esc(a["title"])} - {esc(a["section"])} - ТАСС</title>
    <meta name="description" content="{attr(a.get("lead", ""))}">
    <meta property="og:site_name" content="ТАСС">
    <meta property="og:type" content="article">
    <meta property="og:url" content="{attr(a["url"])}">
    <meta property="og:title" content="{attr(a["title"])} - {attr(a["section"])} - ТАСС">
    <link rel="canonical" href="{attr(a["url"])}">
    <link rel="alternate" type="application/rss+xml" title="ТАСС" href="https://tass.ru/rss/v2.xml">
</head>
<body class="body">
<div class="layout">
    <header class="header"><a class="header__logo" href="/"><img src="/img/blocks/common/tass_logo_rus.svg" alt="ТАСС"></a>
        <nav class="menu"><a class="menu__link" href="/politika">Политика</a><a class="menu__link" href="/mezhdunarodnaya-panorama">Международная панорама</a><a class="menu__link" href="/armiya-i-opk">Армия и ОПК</a></nav>
    </header>
    <main class="container">
        <div class="news" id="news">
            <div class="news-header">
                <div class="news-header__top"><a class="news-header__all-news" href="/">Все новости</a></div>
                <div class="news-header__info">
                    <a class="news-header__section" href="/{a["section_slug"]}">{esc(a["section"])}</a>
                    <span class="news-header__date"><dateformat time="{int(t.timestamp())}" mode="abs"></dateformat></span>
                </div>
                <h1 class="news-header__title">{esc(a["title"])}</h1>
                <div class="news-header__lead">{esc(a.get("lead", ""))}</div>
            </div>
            <div class="news-media">
                <div class="news-media__image-wrap"><img class="news-media__image" src="https://cdn-media.tass.ru/width/1020_b9261fa1/tass/m2/uploads/i/{t:%Y%m%d}/7{int(t.timestamp()) % 1000000}.jpg" alt="{attr(a.get("caption", ""))} {attr(a.get("credit", "").lstrip("© "))}"></div>
                <div class="news-media__footer"><div class="news-media__caption">{esc(a.get("caption", ""))}</div><div class="news-media__copyright">{esc(a.get("credit", ""))}</div></div>
            </div>
            <div class="text-content">
                <div class="text-block">
{paras}
                </div>
            </div>
            <div class="tags">{tags}</div>
            <div class="news-related"><div class="news-related__title">Читайте также</div><div class="news-list">{related}</div></div>
        </div>
    </main>
    <footer class="footer"><div class="footer__copyright">Информационное агентство России ТАСС. © 1999–2026 ТАСС.</div></footer>
</div>
</body>
</html>
"""
    return page, ".html", boiler


# ---------------------------------------------------------------- en.kremlin.ru / kremlin.ru

def kremlin(a):
    t = ts(a)
    ru = a.get("lang") == "ru"
    rows = []
    for p in a["paras"]:
        if isinstance(p, tuple) and p[0] == "turn":
            rows.append(f"<p><b>{esc(p[1])}</b> {esc(p[2])}</p>")
        else:
            rows.append(f"<p>{esc(p)}</p>")
    body = "\n".join(rows)
    sep = a.get("separator_after")
    if sep is not None:
        rows.insert(sep + 1, "<p style=\"text-align: center;\">* * *</p>")
        body = "\n".join(rows)
    tags = "".join(f'<li class="p-category"><a href="/catalog/keywords/{i + 10}/events">{esc(x)}</a></li>' for i, x in enumerate(a.get("tags", [])))
    site = "President of Russia" if not ru else "Президент России"
    months_ru = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
    date_vis = f"{t:%B} {t.day}, {t.year}" if not ru else f"{t.day} {months_ru[t.month - 1]} {t.year} года"
    boiler = [a.get("place", ""), "Published in sections" if not ru else "Опубликован в разделах", "Text version" if not ru else "Текстовая версия",
              "President of Russia" if not ru else "Президент России"] + a.get("boiler", [])
    page = f"""<!DOCTYPE html>
<html lang="{"ru" if ru else "en"}" class="no-js">
<head>
<meta charset="utf-8">
<title>{esc(a["title"])} • {site}</title>
<meta name="description" content="{attr(a.get("lead", ""))}">
<meta property="og:title" content="{attr(a["title"])}">
<meta property="og:url" content="{attr(a["url"])}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{site}">
<link rel="alternate" type="application/atom+xml" href="http://{"" if ru else "en."}kremlin.ru/events/president/news/feed">
</head>
<body class="is-reading">
<div class="wrapper">
<header class="header"><a class="logo" href="/">{site}</a>
<nav class="nav"><a href="/events/president/news">{"News" if not ru else "Новости"}</a><a href="/events/president/transcripts">{"Transcripts" if not ru else "Стенограммы"}</a></nav></header>
<div class="main-wrapper">
<article class="hentry h-entry hentry_event" itemscope itemtype="http://schema.org/NewsArticle" id="event-{a["url"].rsplit("/", 1)[-1]}">
<div class="read__cut"><a class="cut__item" href="{attr(a["url"])}/print">{"Text version" if not ru else "Текстовая версия"}</a></div>
<h1 class="entry-title p-name" itemprop="name">{esc(a["title"])}</h1>
<div class="read__meta">
<time class="read__published" datetime="{t:%Y-%m-%d}" itemprop="datePublished">{date_vis}</time>
<time class="read__time">{t:%H:%M}</time>
<div class="read__place p-location">{esc(a.get("place", ""))}</div>
</div>
<div class="read__lead entry-summary p-summary" itemprop="description"><p>{esc(a.get("lead", ""))}</p></div>
<div class="entry-content e-content read__internal_content" itemprop="articleBody">
{body}
</div>
<div class="read__bottom">
<div class="read__tags"><h3>{"Published in sections" if not ru else "Опубликован в разделах"}</h3><ul>{tags}</ul></div>
<div class="read__date">{date_vis}, {t:%H:%M}</div>
</div>
</article>
</div>
<footer class="footer"><p>{site} · kremlin.ru · {"All content on this site is licensed under" if not ru else "Все материалы сайта доступны по лицензии"} Creative Commons Attribution 4.0 International</p></footer>
</div>
</body>
</html>
"""
    return page, ".html", boiler


# ---------------------------------------------------------------- state.gov

def state(a):
    t = ts(a)
    rows = []
    for p in a["paras"]:
        if isinstance(p, tuple) and p[0] == "quote":
            rows.append(f"<blockquote><p>{esc(p[1])}</p></blockquote>")
        elif isinstance(p, tuple) and p[0] == "h":
            rows.append(f"<h2>{esc(p[1])}</h2>")
        else:
            rows.append(f"<p>{esc(p)}</p>")
    index = ""
    if a.get("index"):
        index = ('<div class="wp-block-summary-article-index"><p class="summary-article-index__title">INDEX FOR TODAY’S BRIEFING</p><ul>'
                 + "".join(f"<li>{esc(x)}</li>" for x in a["index"]) + "</ul></div>")
    tail = '\n<p class="has-text-align-center"># # #</p>' if a.get("hashes") else ""
    tags = "".join(f'<a href="https://www.state.gov/bureaus-offices/{i}/" class="related-tags__pills-link">{esc(x)}</a>' for i, x in enumerate(a.get("tags", [])))
    boiler = ["INDEX FOR TODAY", "# # #", "Tags", "United States Department of State", "Stay connected with the State Department"] + a.get("index", []) + a.get("boiler", [])
    ld = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "@id": a["url"], "url": a["url"], "name": a["title"] + " - United States Department of State",
          "datePublished": t.isoformat(), "dateModified": t.isoformat()}]}
    page = f"""<!doctype html>
<html lang="en-US">
<head>
<meta charset="UTF-8">
<title>{esc(a["title"])} - United States Department of State</title>
<link rel="canonical" href="{attr(a["url"])}">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="article">
<meta property="og:title" content="{attr(a["title"])} - United States Department of State">
<meta property="og:url" content="{attr(a["url"])}">
<meta property="og:site_name" content="United States Department of State">
<meta property="article:modified_time" content="{t.isoformat()}">
{jsonld(ld)}
</head>
<body class="post-template-default single">
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header"><div class="site-branding"><a href="https://www.state.gov/">United States Department of State</a></div>
<nav class="main-navigation"><a href="/policy-issues/">Policy Issues</a><a href="/countries-areas/">Countries &amp; Areas</a><a href="/bureaus-offices/">Bureaus &amp; Offices</a></nav></header>
<main id="content" class="site-main">
<div class="featured-content featured-content--generic">
<div class="featured-content__copy">
<p class="doctype-meta">{esc(a["doctype"])}</p>
<h1 class="featured-content__headline stars-above">{esc(a["title"])}</h1>
<div class="article-meta">
<p class="article-meta__author-bureau">{esc(a["byline"])}</p>
<p class="article-meta__location">{esc(a.get("location", ""))}</p>
<p class="article-meta__publish-date">{t:%B} {t.day}, {t.year}</p>
</div>
</div>
</div>
<article class="article">
<div class="entry-content">
{index}
{chr(10).join(rows)}{tail}
</div><!-- .entry-content -->
<div class="related-tags"><p class="related-tags__title">Tags</p><div class="related-tags__pills">{tags}</div></div>
</article>
</main>
<footer class="site-footer"><p>Stay connected with the State Department:</p><p>White House · USA.gov · Office of the Inspector General · Archives</p></footer>
</body>
</html>
"""
    return page, ".html", boiler


# ---------------------------------------------------------------- generic news (Reuters / AP style)

def generic(a):
    t = ts(a)
    rows = []
    for i, p in enumerate(a["paras"]):
        if isinstance(p, tuple) and p[0] == "quote":
            cls = a.get("quote_class", "")
            rows.append(f"<blockquote{cls}><p>{esc(p[1])}</p></blockquote>")
        elif isinstance(p, tuple) and p[0] == "h":
            rows.append(f"<h2>{esc(p[1])}</h2>")
        else:
            rows.append(a["p_fmt"].format(i=i, text=esc(p)))
        if i in a.get("inserts", {}):
            rows.append(a["inserts"][i])
    authors = a.get("authors", [])
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
          "description": a.get("lead", ""), "datePublished": a["published_at"], "dateModified": a.get("modified_at", a["published_at"]),
          "author": [{"@type": "Person", "name": x} for x in authors],
          "publisher": {"@type": "Organization", "name": a["site_name"]}, "mainEntityOfPage": a["url"]}
    if a.get("section"):
        ld["articleSection"] = a["section"]
    page = a["layout"].format(
        title=esc(a["title"]), title_attr=attr(a["title"]), lead=esc(a.get("lead", "")), lead_attr=attr(a.get("lead", "")),
        url=attr(a["url"]), jsonld=jsonld(ld), published=a["published_at"], modified=a.get("modified_at", a["published_at"]),
        byline=esc(", ".join(authors)), body="\n".join(rows), date_vis=a.get("date_vis", ""), site_name=esc(a["site_name"]),
        caption=esc(a.get("caption", "")), credit=esc(a.get("credit", "")),
        related="".join(f'<li><a href="/r/{i}">{esc(x)}</a></li>' for i, x in enumerate(a.get("more", []))),
        ts_ms=int(t.timestamp() * 1000))
    boiler = [a.get("caption", ""), a.get("credit", "")] + a.get("more", []) + a.get("boiler", [])
    return page, ".html", boiler


def interfax_ru(a):
    rows = "\n".join(f"<p>{esc(p)}</p>" for p in a["paras"])
    t = ts(a)
    months = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"]
    more = "".join(f'<div class="timeline__text"><a href="/world/{1100000 + i}"><h3>{esc(x)}</h3></a></div>' for i, x in enumerate(a.get("more", [])))
    tags = "".join(f'<a href="/tags/{i}">{esc(x)}</a>' for i, x in enumerate(a.get("tags", [])))
    charset = a.get("encoding", "utf-8")
    page = f"""<!DOCTYPE html>
<html lang="ru">
<head>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{esc(a["title"])} - Интерфакс</title>
<meta name="description" content="{attr(a.get("lead", ""))}">
<meta property="og:title" content="{attr(a["title"])}">
<meta property="og:url" content="{attr(a["url"])}">
<meta property="og:type" content="article">
<link rel="canonical" href="{attr(a["url"])}">
</head>
<body>
<div class="header"><a href="/" class="logo">Интерфакс</a><div class="menu"><a href="/russia/">В России</a><a href="/world/">В мире</a><a href="/business/">Экономика</a></div></div>
<div class="mainblock">
<div class="leftside">
<div class="infinitblock">
<div class="articleBlock">
<article itemscope itemtype="http://schema.org/NewsArticle" itemprop="articleBody">
<meta itemprop="datePublished" content="{t.isoformat()}">
<meta itemprop="dateModified" content="{t.isoformat()}">
<aside class="textML"><a href="/world/" class="textMRubric">В мире</a><time datetime="{t.isoformat()}">{t:%H:%M}, {t.day} {months[t.month - 1]} {t.year}</time></aside>
<h1 itemprop="headline">{esc(a["title"])}</h1>
<div class="h" itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><meta itemprop="name" content="Интерфакс"><span>Интерфакс, Москва</span></div>
{rows}
<div class="textMTags">{tags}</div>
</article>
</div>
<div class="sideNews"><div class="sideNewsTitle">Читайте также</div>{more}</div>
</div>
</div>
</div>
<div class="footer">Все права на материалы, опубликованные на сайте, защищены. © 1991—2026 Интерфакс.</div>
</body>
</html>
"""
    boiler = ["Интерфакс, Москва", "Читайте также", "Все права на материалы"] + a.get("more", []) + a.get("boiler", [])
    return page, ".html", boiler


def txt(a):
    return "\n\n".join(ptext(p) for p in a["paras"]) + a.get("trailing", ""), ".txt", []


def render(a):
    st = a["style"]
    if st == "sputnik":
        return rs_platform(a, "en")
    if st == "ria":
        return rs_platform(a, "ru")
    if st == "tass_ru":
        return tass_ru(a)
    if st == "kremlin":
        return kremlin(a)
    if st == "state":
        return state(a)
    if st == "generic":
        return generic(a)
    if st == "interfax_ru":
        return interfax_ru(a)
    if st == "txt":
        return txt(a)
    raise ValueError(st)
