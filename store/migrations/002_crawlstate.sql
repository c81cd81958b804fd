-- Migration 2: what the crawler needs beyond migration 1's frontier and http_cache
-- (store/crawlstate.go writes the Go side).

-- The publication time a feed or sitemap gave for a frontier URL, kept so that a run resuming an
-- interrupted frontier still hands it to the analyzer. frontier.state also takes 'gone': 404,
-- 410, robots.txt or an off-host redirect, never fetched again.
ALTER TABLE frontier ADD COLUMN published TEXT;
CREATE INDEX frontier_source ON frontier(source, state);

-- Feeds found in <link rel="alternate"> on start pages: read in later runs even when the start
-- page answers 304 Not Modified.
CREATE TABLE discovered_feeds (
    source   TEXT NOT NULL,
    url      TEXT NOT NULL,
    found_at TEXT NOT NULL,
    PRIMARY KEY (source, url)
);

-- Each source's share of a crawl run, for `armswatch status` (last success, error rate).
CREATE TABLE crawl_run_sources (
    run_id          INTEGER NOT NULL REFERENCES crawl_runs(id) ON DELETE CASCADE,
    source          TEXT NOT NULL,
    documents       INTEGER NOT NULL DEFAULT 0, -- feeds, sitemaps and start pages requested
    document_errors INTEGER NOT NULL DEFAULT 0,
    fetched         INTEGER NOT NULL DEFAULT 0, -- article pages
    new             INTEGER NOT NULL DEFAULT 0,
    failed          INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (run_id, source)
);

-- Duplicate detection looks articles up by canonical URL and by content hash.
CREATE INDEX articles_canonical ON articles(canonical_url);
CREATE INDEX articles_hash ON articles(content_hash);
