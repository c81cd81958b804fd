-- Migration 8: zstd dictionaries per host for raw_html (store/dicts.go). Pages of one site share
-- most of their bytes (template, scripts, styles): compressed with an earlier page of the same
-- host as a raw-content dictionary, a page takes a fraction of its size alone. A raw_html frame
-- compressed so names its dictionary in its frame header (Dictionary_ID, RFC 8878) = the id
-- here; rows written before, or without a dictionary, have none. Existing rows are not
-- rewritten: they stay readable as they are.
CREATE TABLE page_dicts (
    id         INTEGER PRIMARY KEY,            -- the dictionary ID of the raw_html frames that use it
    host       TEXT NOT NULL,                  -- lower-case host (and :port) of the pages it serves
    created_at TEXT NOT NULL,                  -- UTC; a host gets a new one when it is 30 days old
    sum        TEXT NOT NULL,                  -- hex SHA-256 of the dictionary's bytes
    content    BLOB NOT NULL                   -- the dictionary: a page's bytes, zstd-compressed
);
CREATE INDEX page_dicts_host ON page_dicts(host, id);
