-- Migration 4 (PostgreSQL): store/migrations/004_serve.sql, the same indexes.
CREATE INDEX articles_time ON articles((coalesce(published_utc, fetched_at)));
CREATE INDEX articles_dates ON articles(id, published, fetched_at, published_utc);
CREATE INDEX statements_speaker_treaty ON statements(speaker, treaty, article_id);
CREATE INDEX statements_treaty_article ON statements(treaty, article_id);
CREATE INDEX statements_treaty_speaker ON statements(treaty, speaker);
CREATE INDEX figures_treaty_category ON figures(treaty, category, article_id, value);
CREATE INDEX mentions_entity_article ON mentions(type, entity_id, article_id);
