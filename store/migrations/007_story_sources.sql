-- Migration 7: articles by story and source. Saving an article into a story counts the story's
-- sources; with only articles_story, that read every article of the story, so a crawl of
-- many copies of one story slowed with the square of its size. This index answers "does the
-- story already have an article from this source" in one lookup and replaces articles_story,
-- which is its prefix.
CREATE INDEX articles_story_source ON articles(story_id, source);
DROP INDEX articles_story;
