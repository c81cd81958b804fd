-- Migration 3 (PostgreSQL): store/migrations/003_published_hint.sql.
ALTER TABLE articles ADD COLUMN published_hint text;
