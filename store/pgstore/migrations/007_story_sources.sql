-- Migration 7, as SQLite's: articles by story and source (a story's sources counted in one
-- lookup when an article joins it), replacing articles_story, its prefix.
CREATE INDEX articles_story_source ON articles(story_id, source);
DROP INDEX articles_story;
