-- Migration 6: stories (copies of one article across outlets), statement groups (one statement
-- repeated across articles) and figure groups (one figure repeated). store/stories.go writes
-- them as articles are saved; articles stored before this version get theirs the first time a
-- writing command (crawl, reextract, demo) opens the database.

-- A story: articles whose bodies are copies of one another (MinHash of word shingles, within a
-- language). first_* is its earliest article by publication time (else first_seen_at).
CREATE TABLE stories (
    id               INTEGER PRIMARY KEY,
    language         TEXT NOT NULL DEFAULT '',
    first_article_id INTEGER,
    first_source     TEXT NOT NULL DEFAULT '',
    first_at         TEXT,                         -- UTC
    title            TEXT NOT NULL DEFAULT '',     -- the first article's headline
    articles         INTEGER NOT NULL DEFAULT 0,
    sources          INTEGER NOT NULL DEFAULT 0    -- distinct sources among its articles
);
CREATE INDEX stories_first_at ON stories(first_at);

ALTER TABLE articles ADD COLUMN story_id INTEGER REFERENCES stories(id) ON DELETE SET NULL;
CREATE INDEX articles_story ON articles(story_id);

-- Each article's MinHash signature (little-endian uint32s), kept apart from the wide articles
-- row so that comparing candidates reads a few hundred bytes, not the page.
CREATE TABLE article_fingerprints (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    language   TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL,                      -- UTC: published, else first seen
    shingles   INTEGER NOT NULL,
    minhash    BLOB NOT NULL
);

-- LSH band keys: articles sharing a key are candidate copies. The primary key is the index.
CREATE TABLE story_bands (
    key        INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;

-- A statement group: the same words of the same speaker within a few days, in any article.
CREATE TABLE statement_groups (
    id        INTEGER PRIMARY KEY,
    speaker   TEXT NOT NULL DEFAULT '',
    match_key TEXT NOT NULL,                       -- the speaker, or story:<id> for unattributed words
    text      TEXT NOT NULL,                       -- the words as first reported
    first_at  TEXT NOT NULL,                       -- UTC, earliest report
    last_at   TEXT NOT NULL
);
-- Keys a statement is found again by (its whole words, its first and last words), for the
-- groups' statements: the index that finds a repeated statement without a scan.
CREATE TABLE statement_keys (
    key      INTEGER NOT NULL,
    group_id INTEGER NOT NULL REFERENCES statement_groups(id) ON DELETE CASCADE,
    PRIMARY KEY (key, group_id)
) WITHOUT ROWID;
ALTER TABLE statements ADD COLUMN group_id INTEGER REFERENCES statement_groups(id) ON DELETE SET NULL;
CREATE INDEX statements_group ON statements(group_id);

-- A figure group: the same figure from the same speaker (else the same story) on the same day.
CREATE TABLE figure_groups (
    id         INTEGER PRIMARY KEY,
    match_key  TEXT NOT NULL UNIQUE,
    speaker    TEXT NOT NULL DEFAULT '',
    date       TEXT NOT NULL,
    text       TEXT NOT NULL
);
ALTER TABLE figures ADD COLUMN group_id INTEGER REFERENCES figure_groups(id) ON DELETE SET NULL;
CREATE INDEX figures_group ON figures(group_id);

-- Each statement group with every source that carried it.
CREATE VIEW statement_groups_v AS
SELECT g.id AS group_id, g.speaker, g.text AS statement, count(*) AS reports,
       count(DISTINCT s.article_id) AS articles, count(DISTINCT a.source) AS source_count,
       group_concat(DISTINCT a.source) AS sources,
       (SELECT a2.source FROM statements s2 JOIN articles a2 ON a2.id = s2.article_id
        WHERE s2.group_id = g.id ORDER BY coalesce(a2.published_utc, a2.first_seen_at), a2.id LIMIT 1) AS first_source,
       (SELECT a2.url FROM statements s2 JOIN articles a2 ON a2.id = s2.article_id
        WHERE s2.group_id = g.id ORDER BY coalesce(a2.published_utc, a2.first_seen_at), a2.id LIMIT 1) AS first_url,
       substr(min(coalesce(a.published, a.fetched_at)), 1, 10) AS first_date
FROM statement_groups g JOIN statements s ON s.group_id = g.id JOIN articles a ON a.id = s.article_id
GROUP BY g.id;

-- Speakers count statement groups (a quote carried by twenty outlets is one statement);
-- reports counts every copy, as statements did before version 6.
DROP VIEW speakers;
CREATE VIEW speakers AS
SELECT s.speaker, max(s.speaker_kind) AS speaker_kind,
       group_concat(DISTINCT nullif(s.speaker_role, '')) AS roles,
       count(DISTINCT coalesce(s.group_id, -s.id)) AS statements, count(*) AS reports,
       count(DISTINCT s.article_id) AS articles,
       count(DISTINCT coalesce(a.story_id, -a.id)) AS stories,
       min(substr(coalesce(a.published, a.fetched_at), 1, 10)) AS first_date,
       max(substr(coalesce(a.published, a.fetched_at), 1, 10)) AS last_date
FROM statements s JOIN articles a ON a.id = s.article_id
WHERE s.speaker <> ''
GROUP BY s.speaker;

-- The timeline counts groups too: a figure or statement syndicated the same day counts once.
DROP VIEW treaty_timeline;
CREATE VIEW treaty_timeline AS
SELECT treaty, date, count(DISTINCT statement_key) AS statements, count(DISTINCT figure_key) AS figures
FROM (
    SELECT s.treaty, substr(coalesce(a.published, a.fetched_at), 1, 10) AS date,
           coalesce(s.group_id, -s.id) AS statement_key, NULL AS figure_key
    FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.treaty <> ''
    UNION ALL
    SELECT f.treaty, substr(coalesce(a.published, a.fetched_at), 1, 10), NULL,
           coalesce(f.group_id, -f.id)
    FROM figures f JOIN articles a ON a.id = f.article_id WHERE f.treaty <> ''
)
GROUP BY treaty, date;
