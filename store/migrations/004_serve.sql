-- Migration 4: indexes for armswatch serve's pages (store/serve.go), so that no page reads a
-- whole table on a database of millions of statements.

-- Lists newest first walk the articles by this expression (the one Period filters on), and
-- period filters read a range of it.
CREATE INDEX articles_time ON articles(coalesce(published_utc, fetched_at));

-- An article's dates by id, read from the index alone: timelines count items per article and
-- look up each article's date here instead of in the table, whose rows hold the whole text.
CREATE INDEX articles_dates ON articles(id, published, fetched_at, published_utc);

-- A speaker's statements per treaty and per article (speaker page: counts, timeline).
CREATE INDEX statements_speaker_treaty ON statements(speaker, treaty, article_id);

-- A treaty's statements per article (timeline) and per speaker (top speakers), read from the
-- index alone.
CREATE INDEX statements_treaty_article ON statements(treaty, article_id);
CREATE INDEX statements_treaty_speaker ON statements(treaty, speaker);

-- A treaty's figures per category and article with their values (figure charts and lists),
-- read from the index alone: figure rows hold their sentence.
CREATE INDEX figures_treaty_category ON figures(treaty, category, article_id, value);

-- How many articles mention a treaty (the treaty page's header), from the index alone.
CREATE INDEX mentions_entity_article ON mentions(type, entity_id, article_id);
