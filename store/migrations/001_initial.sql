-- Migration 1: the initial schema. docs/schema.md documents every table, view and column; keep
-- the two in step. Byte offsets (byte_start, byte_end) index articles.body as UTF-8 bytes:
-- CAST(substr(CAST(body AS BLOB), byte_start + 1, byte_end - byte_start) AS TEXT) is the text.

CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    url              TEXT NOT NULL UNIQUE,
    canonical_url    TEXT NOT NULL DEFAULT '',
    source           TEXT NOT NULL DEFAULT '',
    profile          TEXT NOT NULL DEFAULT '',
    title            TEXT NOT NULL DEFAULT '',
    subtitle         TEXT NOT NULL DEFAULT '',
    authors          TEXT NOT NULL DEFAULT '[]',   -- JSON list of strings
    section          TEXT NOT NULL DEFAULT '',
    language         TEXT NOT NULL DEFAULT '',
    published        TEXT,                         -- as the page gives it: RFC 3339 with its offset, or YYYY-MM-DD
    published_utc    TEXT,                         -- the same instant as YYYY-MM-DDTHH:MM:SSZ, for ordering and filters
    modified         TEXT,
    dateline_text    TEXT,
    dateline_place   TEXT,
    dateline_date    TEXT,                         -- YYYY-MM-DD
    dateline_agency  TEXT,
    dateline_start   INTEGER,
    dateline_end     INTEGER,
    body             TEXT NOT NULL DEFAULT '',
    relevance        REAL NOT NULL DEFAULT 0,
    raw_html         BLOB,                         -- the fetched page, gzip-compressed (RFC 1952)
    content_hash     TEXT NOT NULL,                -- hex SHA-256 of title, subtitle and body
    first_seen_at    TEXT NOT NULL,                -- UTC, when the URL was first saved
    fetched_at       TEXT NOT NULL,                -- UTC, the latest fetch
    analyzer_version TEXT NOT NULL,
    warnings         TEXT NOT NULL DEFAULT '[]'    -- JSON list of strings
);
CREATE INDEX articles_published ON articles(published_utc);
CREATE INDEX articles_first_seen ON articles(first_seen_at);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_analyzer ON articles(analyzer_version);

CREATE TABLE statements (
    id           INTEGER PRIMARY KEY,
    article_id   INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq          INTEGER NOT NULL,                 -- position in the article's list
    kind         TEXT NOT NULL,                    -- direct, reported, transcript
    text         TEXT NOT NULL,
    speaker      TEXT NOT NULL DEFAULT '',
    speaker_role TEXT NOT NULL DEFAULT '',
    speaker_kind TEXT NOT NULL DEFAULT '',
    cue          TEXT NOT NULL DEFAULT '',
    treaty       TEXT NOT NULL DEFAULT '',         -- lexicon id of the treaty it is about (computed at save time)
    paragraph    INTEGER NOT NULL,
    byte_start   INTEGER NOT NULL,
    byte_end     INTEGER NOT NULL,
    spans        TEXT NOT NULL DEFAULT '[]'        -- JSON [[start,end],...]
);
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_speaker ON statements(speaker);
CREATE INDEX statements_treaty ON statements(treaty);

CREATE TABLE dates (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL,                     -- dateline, absolute, relative
    value       TEXT NOT NULL DEFAULT '',          -- YYYY-MM-DD, YYYY-MM or YYYY
    value_end   TEXT,
    granularity TEXT NOT NULL DEFAULT '',          -- day, week, month, year
    paragraph   INTEGER NOT NULL,
    byte_start  INTEGER NOT NULL,
    byte_end    INTEGER NOT NULL
);
CREATE INDEX dates_article ON dates(article_id);
CREATE INDEX dates_value ON dates(value);

CREATE TABLE figures (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    text           TEXT NOT NULL,
    value          REAL NOT NULL,
    value_max      REAL,
    comparator     TEXT NOT NULL DEFAULT '=',
    unit           TEXT NOT NULL DEFAULT '',
    category       TEXT NOT NULL DEFAULT '',
    treaty         TEXT NOT NULL DEFAULT '',
    paragraph      INTEGER NOT NULL,
    byte_start     INTEGER NOT NULL,
    byte_end       INTEGER NOT NULL,
    sentence       TEXT NOT NULL DEFAULT '',       -- the sentence of the body the figure stands in
    sentence_start INTEGER NOT NULL DEFAULT 0,
    sentence_end   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX figures_article ON figures(article_id);
CREATE INDEX figures_treaty ON figures(treaty);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    type       TEXT NOT NULL,                      -- treaty, weapon, organization, person, country
    entity_id  TEXT NOT NULL,                      -- lexicon id or slug (the contract's "id")
    name       TEXT NOT NULL DEFAULT '',
    text       TEXT NOT NULL,
    paragraph  INTEGER NOT NULL,
    byte_start INTEGER NOT NULL,
    byte_end   INTEGER NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(type, entity_id);

CREATE TABLE crawl_runs (
    id              INTEGER PRIMARY KEY,
    started_at      TEXT NOT NULL,                 -- UTC RFC 3339
    finished_at     TEXT,
    status          TEXT NOT NULL DEFAULT 'running', -- running, ok, failed, interrupted
    pid             INTEGER NOT NULL DEFAULT 0,
    sources         TEXT NOT NULL DEFAULT '[]',    -- JSON list of source names
    pages_fetched   INTEGER NOT NULL DEFAULT 0,
    pages_new       INTEGER NOT NULL DEFAULT 0,
    pages_unchanged INTEGER NOT NULL DEFAULT 0,
    pages_failed    INTEGER NOT NULL DEFAULT 0,
    error           TEXT NOT NULL DEFAULT ''
);

-- The crawler's state (store/crawlstate.go writes the Go side).
CREATE TABLE frontier (
    url           TEXT PRIMARY KEY,
    source        TEXT NOT NULL DEFAULT '',
    discovered_at TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'pending', -- pending, done, failed, skipped
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_attempt  TEXT,
    last_error    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX frontier_state ON frontier(state, next_attempt);

CREATE TABLE http_cache (
    url           TEXT PRIMARY KEY,
    etag          TEXT NOT NULL DEFAULT '',
    last_modified TEXT NOT NULL DEFAULT '',
    checked_at    TEXT NOT NULL
);

-- Views for the common questions. "date" is the article's own calendar date (the first ten
-- characters of published, in the page's time zone), else the fetch date.

CREATE VIEW statements_v AS
SELECT s.id AS statement_id, s.article_id, s.kind, s.text AS statement, s.speaker,
       s.speaker_role AS role, s.speaker_kind, s.cue, s.treaty,
       a.title, a.url, a.source, a.published,
       substr(coalesce(a.published, a.fetched_at), 1, 10) AS date
FROM statements s JOIN articles a ON a.id = s.article_id;

CREATE VIEW figures_v AS
SELECT f.id AS figure_id, f.article_id, f.text, f.value, f.value_max, f.comparator, f.unit,
       f.category, f.treaty, f.sentence, a.title, a.url, a.source, a.published,
       substr(coalesce(a.published, a.fetched_at), 1, 10) AS date
FROM figures f JOIN articles a ON a.id = f.article_id;

CREATE VIEW speakers AS
SELECT s.speaker, max(s.speaker_kind) AS speaker_kind,
       group_concat(DISTINCT nullif(s.speaker_role, '')) AS roles,
       count(*) AS statements, count(DISTINCT s.article_id) AS articles,
       min(substr(coalesce(a.published, a.fetched_at), 1, 10)) AS first_date,
       max(substr(coalesce(a.published, a.fetched_at), 1, 10)) AS last_date
FROM statements s JOIN articles a ON a.id = s.article_id
WHERE s.speaker <> ''
GROUP BY s.speaker;

CREATE VIEW treaties AS
SELECT m.entity_id AS treaty, max(m.name) AS name, count(*) AS mentions,
       count(DISTINCT m.article_id) AS articles
FROM mentions m WHERE m.type = 'treaty'
GROUP BY m.entity_id;

CREATE VIEW treaty_figures AS
SELECT f.treaty, coalesce(t.name, f.treaty) AS treaty_name, f.id AS figure_id, f.text,
       f.value, f.value_max, f.comparator, f.unit, f.category, f.sentence,
       substr(coalesce(a.published, a.fetched_at), 1, 10) AS date, a.source, a.title, a.url
FROM figures f JOIN articles a ON a.id = f.article_id
LEFT JOIN treaties t ON t.treaty = f.treaty
WHERE f.treaty <> '';

CREATE VIEW treaty_timeline AS
SELECT treaty, date, sum(is_statement) AS statements, sum(is_figure) AS figures
FROM (
    SELECT s.treaty, substr(coalesce(a.published, a.fetched_at), 1, 10) AS date,
           1 AS is_statement, 0 AS is_figure
    FROM statements s JOIN articles a ON a.id = s.article_id WHERE s.treaty <> ''
    UNION ALL
    SELECT f.treaty, substr(coalesce(a.published, a.fetched_at), 1, 10), 0, 1
    FROM figures f JOIN articles a ON a.id = f.article_id WHERE f.treaty <> ''
)
GROUP BY treaty, date;
