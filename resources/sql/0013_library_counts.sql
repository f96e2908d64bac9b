-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio schema 13: the library's own totals (its articles, its unread articles), kept like the
-- tag and feed counts of schema 11. The status bar and the sidebar's "All articles" asked for
-- them after every change; counting took 150 ms at a million articles. One row, kept by the
-- triggers below; a read state removed after its article (a cascade) changes nothing. An
-- import's new articles are counted by the importer before it commits (as in schema 11).

CREATE TABLE library_counts (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    articles INTEGER NOT NULL,
    unread INTEGER NOT NULL
);

INSERT INTO library_counts(id, articles, unread)
SELECT 1, (SELECT count(*) FROM articles),
    (SELECT count(*) FROM articles a WHERE a.id NOT IN (SELECT st.article_id FROM article_state st WHERE st.read <> 0));

CREATE TRIGGER library_counts_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE new.id > d.after_id) BEGIN
    UPDATE library_counts SET articles = articles + 1,
        unread = unread + (coalesce((SELECT st.read FROM article_state st WHERE st.article_id = new.id), 0) = 0);
END;

CREATE TRIGGER library_counts_delete AFTER DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE old.id > d.after_id) BEGIN
    UPDATE library_counts SET articles = articles - 1,
        unread = unread - (coalesce((SELECT st.read FROM article_state st WHERE st.article_id = old.id), 0) = 0);
END;

CREATE TRIGGER library_counts_state_insert AFTER INSERT ON article_state
WHEN new.read <> 0 AND EXISTS (SELECT 1 FROM articles a WHERE a.id = new.article_id)
    AND NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE new.article_id > d.after_id) BEGIN
    UPDATE library_counts SET unread = unread - 1;
END;

CREATE TRIGGER library_counts_state_update AFTER UPDATE OF read, article_id ON article_state
WHEN ((old.read <> 0) <> (new.read <> 0) OR old.article_id <> new.article_id)
    AND NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE new.article_id > d.after_id) BEGIN
    UPDATE library_counts SET unread = unread + (old.read <> 0)
    WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = old.article_id);
    UPDATE library_counts SET unread = unread - (new.read <> 0)
    WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = new.article_id);
END;

CREATE TRIGGER library_counts_state_delete AFTER DELETE ON article_state
WHEN old.read <> 0 AND EXISTS (SELECT 1 FROM articles a WHERE a.id = old.article_id)
    AND NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE old.article_id > d.after_id) BEGIN
    UPDATE library_counts SET unread = unread + 1;
END;
