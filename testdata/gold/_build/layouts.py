REUTERS = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | Reuters</title>
<meta name="description" content="{lead_attr}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="Reuters">
<meta property="og:title" content="{title_attr}">
<meta property="og:description" content="{lead_attr}">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{published}">
<meta property="article:modified_time" content="{modified}">
<link rel="canonical" href="{url}">
{jsonld}
</head>
<body>
<div id="fusion-app">
<header class="site-header"><a class="site-header__logo" href="/">Reuters</a>
<nav><a href="/world/">World</a><a href="/business/">Business</a><a href="/markets/">Markets</a><a href="/sustainability/">Sustainability</a></nav>
<a class="site-header__subscribe" href="/account/register/">Register</a></header>
<main class="regular-article-layout">
<article class="article__container">
<header class="article-header">
<nav class="article-header__breadcrumbs"><a href="/world/">World</a></nav>
<h1 data-testid="Heading" class="article-header__title">{title}</h1>
<div class="article-header__info">
<div class="info-content__author-date"><address class="info-content__author">By {byline}</address>
<time datetime="{published}" class="date-line__date">{date_vis}</time></div>
</div>
</header>
<figure class="article-header__media"><img src="https://www.reuters.com/resizer/v2/image.jpg" alt="{caption}"><figcaption class="media-caption"><span>{caption}</span> <span class="media-caption__credit">{credit}</span></figcaption></figure>
<div class="article-body__content" data-testid="ArticleBody">
{body}
</div>
<div class="article-body__sign-off"><p class="sign-off">Reporting by Reuters; Editing by Reuters staff</p>
<p class="trust-principles">Our Standards: <a href="https://www.thomsonreuters.com/en/about-us/trust-principles.html">The Thomson Reuters Trust Principles.</a></p></div>
</article>
<aside class="related-content"><h2>Read Next</h2><ul>{related}</ul></aside>
</main>
<footer class="site-footer"><p>All quotes delayed a minimum of 15 minutes. © 2026 Reuters. All rights reserved</p></footer>
</div>
</body>
</html>
"""
REUTERS_BOILER = ["Reporting by Reuters", "Our Standards", "Thomson Reuters Trust Principles", "Read Next", "All quotes delayed", "Register"]

AP = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | AP News</title>
<meta name="description" content="{lead_attr}">
<meta property="og:title" content="{title_attr}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="AP News">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{url}">
{jsonld}
</head>
<body class="StoryPage">
<div class="Page-header"><a class="Page-header-logo" href="/">AP</a><nav class="Page-header-navigation"><a href="/hub/world-news">World</a><a href="/hub/us-news">U.S.</a><a href="/politics">Politics</a></nav></div>
<main class="Page-main">
<div class="Page-content">
<h1 class="Page-headline">{title}</h1>
<div class="Page-byline"><div class="Page-authors">By <a class="Link" href="/author/x">{byline}</a></div>
<div class="Page-dateModified"><bsp-timestamp data-timestamp="{ts_ms}"><span>Updated {date_vis}</span></bsp-timestamp></div></div>
<div class="Page-lead"><figure class="Figure"><img alt="{caption}" src="https://dims.apnews.com/image.jpg"><figcaption class="Figure-caption"><div class="CarouselSlide-infoDescription"><p>{caption}</p></div><div class="CarouselSlide-infoAttribution">{credit}</div></figcaption></figure></div>
<div class="RichTextStoryBody RichTextBody">
{body}
</div>
<div class="Page-below"><div class="PageList-header"><h2>Most read</h2></div><ul class="PageList-items">{related}</ul></div>
</div>
</main>
<footer class="Page-footer"><p>Copyright 2026 The Associated Press. All Rights Reserved.</p></footer>
</body>
</html>
"""
AP_BOILER = ["Most read", "Copyright 2026 The Associated Press", "All Rights Reserved"]

ACA = """<!DOCTYPE html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<title>{title} | Arms Control Association</title>
<meta name="description" content="{lead_attr}">
<link rel="canonical" href="{url}">
<meta property="og:site_name" content="Arms Control Association">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="og:title" content="{title_attr}">
<meta property="article:published_time" content="{published}">
<meta property="article:modified_time" content="{modified}">
</head>
<body class="path-node page-node-type-act-article">
<a href="#main-content" class="visually-hidden focusable">Skip to main content</a>
<header class="site-header"><a href="/" rel="home" class="site-logo">Arms Control Association</a>
<nav class="menu--main"><a href="/act">Arms Control Today</a><a href="/factsheets">Fact Sheets</a><a href="/issue-briefs">Issue Briefs</a><a href="/support-aca">Donate</a></nav></header>
<main id="main-content" role="main">
<div class="region region-content">
<article role="article" class="node node--type-act-article node--view-mode-full">
<div class="act-issue"><a href="/act/{issue_slug}">{issue}</a></div>
<h1 class="page-title"><span class="field field--name-title">{title}</span></h1>
<div class="field field--name-field-subtitle">{lead}</div>
<div class="field field--name-field-byline"><p>{date_vis}</p></div>
<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">
{body}
</div>
<div class="field field--name-field-subject"><div class="field__label">Subject</div><div class="field__items">{related}</div></div>
</article>
</div>
</main>
<aside class="sidebar"><div class="block-newsletter"><h2>Sign up for Arms Control Today updates</h2><p>Stay informed with our weekly email.</p></div></aside>
<footer class="site-footer"><p>Arms Control Association, 1200 18th Street NW, Suite 1175, Washington, DC 20036</p><p>© 2026 Arms Control Association</p></footer>
</body>
</html>
"""
ACA_BOILER = ["Skip to main content", "Sign up for Arms Control Today updates", "Stay informed with our weekly email", "1200 18th Street NW", "Subject"]

CARNEGIE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | Carnegie Endowment for International Peace</title>
<meta name="description" content="{lead_attr}">
<meta property="og:title" content="{title_attr}">
<meta property="og:description" content="{lead_attr}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="Carnegie Endowment for International Peace">
<link rel="canonical" href="{url}">
{jsonld}
</head>
<body>
<header class="global-header"><a href="/" class="global-header__logo">Carnegie Endowment for International Peace</a>
<nav><a href="/research">Research</a><a href="/programs">Programs</a><a href="/experts">Experts</a><a href="/events">Events</a></nav></header>
<main>
<div class="article-header">
<div class="article-header__type">Commentary</div>
<h1 class="article-header__title">{title}</h1>
<div class="article-header__dek">{lead}</div>
<div class="article-header__meta"><div class="article-header__authors">By {byline}</div><div class="article-header__date">Published on {date_vis}</div></div>
</div>
<article class="post-body">
<div class="post-body__content rich-text">
{body}
</div>
<div class="post-body__disclaimer"><p>Carnegie does not take institutional positions on public policy issues; the views represented herein are those of the author(s) and do not necessarily reflect the views of Carnegie, its staff, or its trustees.</p></div>
</article>
<section class="related"><h2>More work from Carnegie</h2><ul>{related}</ul></section>
</main>
<footer class="global-footer"><p>© 2026 All Rights Reserved · Carnegie Endowment for International Peace · 1779 Massachusetts Avenue NW, Washington, DC 20036</p></footer>
</body>
</html>
"""
CARNEGIE_BOILER = ["Carnegie does not take institutional positions", "More work from Carnegie", "1779 Massachusetts Avenue", "Commentary", "Published on"]

INTERFAX_EN = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} - Interfax</title>
<meta name="description" content="{lead_attr}">
<meta property="og:title" content="{title_attr}">
<meta property="og:type" content="article">
<meta property="og:url" content="{url}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{url}">
{jsonld}
</head>
<body>
<div class="header"><a href="/" class="logo">Interfax</a><ul class="menu"><li><a href="/newsroom/top-stories/">Top stories</a></li><li><a href="/newsroom/political-general-news/">Politics</a></li><li><a href="/newsroom/exclusive-interviews/">Exclusive interviews</a></li></ul></div>
<div class="container">
<div class="article-wrapper">
<div class="article-header">
<div class="article-date">{date_vis}</div>
<h1 class="article-title">{title}</h1>
</div>
<div class="article-content">
{body}
</div>
<div class="article-footer"><p class="copyright-note">All rights to the materials are reserved. Interfax news may not be reproduced without written permission.</p></div>
</div>
<div class="sidebar"><h3>Latest news</h3><ul>{related}</ul></div>
</div>
<div class="footer">© 1991-2026 Interfax Information Services Group</div>
</body>
</html>
"""
INTERFAX_EN_BOILER = ["All rights to the materials are reserved", "Latest news", "Interfax Information Services Group", "Exclusive interviews"]
