-- Migration 3: the publication time the feed or sitemap gave for an article's URL, apart from
-- the analyzed one, so that reextract hands the analyzer the same hint the crawl did (and not
-- the old analyzer's own output as if the feed had said it).
ALTER TABLE articles ADD COLUMN published_hint TEXT;
