-- Migration 005: watches, saved searches that notify (watch/ package, docs/watches.md).

-- Every article stored for the first time or saved again with other content gets a row here, in
-- the transaction that saves it. A watch remembers the last seq it evaluated, so "new since the
-- last run" is exact even while a crawl writes (a fetch time would miss an article fetched
-- before the watch ran and saved after it).
CREATE TABLE article_changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE TRIGGER article_changes_ai AFTER INSERT ON articles BEGIN
    INSERT INTO article_changes (article_id, changed_at)
    VALUES (new.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
CREATE TRIGGER article_changes_au AFTER UPDATE OF content_hash ON articles
WHEN old.content_hash <> new.content_hash BEGIN
    INSERT INTO article_changes (article_id, changed_at)
    VALUES (new.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

-- One row per configured watch once it has run.
CREATE TABLE watch_state (
    watch       TEXT PRIMARY KEY,
    created_at  TEXT NOT NULL,
    change_seq  INTEGER NOT NULL DEFAULT 0,   -- article_changes.seq evaluated up to
    last_run_at TEXT,
    last_error  TEXT NOT NULL DEFAULT ''      -- the last run's delivery errors, '' when all went
);

-- One row per watch, notifier and matched item: the item is sent once. A run inserts its matches
-- as pending (with the cursor move, in one transaction), claims them (sending, in a transaction
-- of its own, so two runs never claim the same row), sends, and marks them sent or failed.
CREATE TABLE deliveries (
    watch      TEXT NOT NULL,
    channel    TEXT NOT NULL,                 -- webhook, email, feed
    item       TEXT NOT NULL,                 -- stable key of the statement or figure
    seq        INTEGER NOT NULL,              -- order of matching (sends and feeds keep it)
    state      TEXT NOT NULL DEFAULT 'pending', -- pending, sending, sent, failed
    attempts   INTEGER NOT NULL DEFAULT 0,
    matched_at TEXT NOT NULL,
    claim      TEXT NOT NULL DEFAULT '',      -- the run sending it
    claimed_at TEXT,
    sent_at    TEXT,
    last_error TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (watch, channel, item)
) WITHOUT ROWID;
CREATE INDEX deliveries_state ON deliveries(watch, channel, state, seq);

-- What each matched item says, once however many watches and notifiers it goes to (kept apart
-- from deliveries so that their state changes rewrite small rows).
CREATE TABLE watch_items (
    item    TEXT PRIMARY KEY,                 -- deliveries.item
    payload TEXT NOT NULL                     -- JSON of the item, as the webhook sends it
);
