-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio schema 11: the sidebar's counts, kept as they change. Counting a tag's or a feed's
-- articles and unread articles meant a pass over every link and read state of the library at
-- each refresh of the sidebar (half a second at a million articles, after every mark-as-read).
-- tag_counts and source_counts hold the totals; the triggers below keep them for every writer:
-- a link added or removed, a read state set, cleared or removed. A tag or source that goes
-- takes its row with it (a trigger, not a foreign key: imports may run with foreign keys off).
-- An import defers like the search index (0008_bulk_fts.sql): while its fts_deferred row is
-- there, links and states of the articles it adds skip the triggers, and the importer adds their
-- counts in one grouped statement before it commits (storage/ImportWriter.cpp).

CREATE TABLE tag_counts (
    tag_id INTEGER PRIMARY KEY,
    articles INTEGER NOT NULL DEFAULT 0,
    unread INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE source_counts (
    source_id INTEGER PRIMARY KEY,
    articles INTEGER NOT NULL DEFAULT 0,
    unread INTEGER NOT NULL DEFAULT 0
);

INSERT INTO tag_counts(tag_id, articles, unread)
SELECT at.tag_id, count(*), sum(coalesce(st.read, 0) = 0)
FROM article_tags at LEFT JOIN article_state st ON st.article_id = at.article_id
GROUP BY at.tag_id;

INSERT INTO source_counts(source_id, articles, unread)
SELECT s.source_id, count(*), sum(coalesce(st.read, 0) = 0)
FROM article_sources s LEFT JOIN article_state st ON st.article_id = s.article_id
GROUP BY s.source_id;

CREATE TRIGGER tag_counts_link AFTER INSERT ON article_tags
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE new.article_id > d.after_id) BEGIN
    INSERT INTO tag_counts(tag_id, articles, unread)
    VALUES (new.tag_id, 1, coalesce((SELECT st.read FROM article_state st WHERE st.article_id = new.article_id), 0) = 0)
    ON CONFLICT(tag_id) DO UPDATE SET articles = articles + 1, unread = unread + excluded.unread;
END;

CREATE TRIGGER tag_counts_unlink AFTER DELETE ON article_tags
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE old.article_id > d.after_id) BEGIN
    UPDATE tag_counts SET articles = articles - 1,
        unread = unread - (coalesce((SELECT st.read FROM article_state st WHERE st.article_id = old.article_id), 0) = 0)
    WHERE tag_id = old.tag_id;
END;

CREATE TRIGGER source_counts_link AFTER INSERT ON article_sources
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE new.article_id > d.after_id) BEGIN
    INSERT INTO source_counts(source_id, articles, unread)
    VALUES (new.source_id, 1, coalesce((SELECT st.read FROM article_state st WHERE st.article_id = new.article_id), 0) = 0)
    ON CONFLICT(source_id) DO UPDATE SET articles = articles + 1, unread = unread + excluded.unread;
END;

CREATE TRIGGER source_counts_unlink AFTER DELETE ON article_sources
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE old.article_id > d.after_id) BEGIN
    UPDATE source_counts SET articles = articles - 1,
        unread = unread - (coalesce((SELECT st.read FROM article_state st WHERE st.article_id = old.article_id), 0) = 0)
    WHERE source_id = old.source_id;
END;

CREATE TRIGGER counts_state_insert AFTER INSERT ON article_state
WHEN new.read <> 0 AND NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE new.article_id > d.after_id) BEGIN
    UPDATE tag_counts SET unread = unread - 1
    WHERE tag_id IN (SELECT at.tag_id FROM article_tags at WHERE at.article_id = new.article_id);
    UPDATE source_counts SET unread = unread - 1
    WHERE source_id IN (SELECT s.source_id FROM article_sources s WHERE s.article_id = new.article_id);
END;

CREATE TRIGGER counts_state_update AFTER UPDATE OF read, article_id ON article_state
WHEN ((old.read <> 0) <> (new.read <> 0) OR old.article_id <> new.article_id)
    AND NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE new.article_id > d.after_id) BEGIN
    UPDATE tag_counts SET unread = unread + (old.read <> 0)
    WHERE tag_id IN (SELECT at.tag_id FROM article_tags at WHERE at.article_id = old.article_id);
    UPDATE source_counts SET unread = unread + (old.read <> 0)
    WHERE source_id IN (SELECT s.source_id FROM article_sources s WHERE s.article_id = old.article_id);
    UPDATE tag_counts SET unread = unread - (new.read <> 0)
    WHERE tag_id IN (SELECT at.tag_id FROM article_tags at WHERE at.article_id = new.article_id);
    UPDATE source_counts SET unread = unread - (new.read <> 0)
    WHERE source_id IN (SELECT s.source_id FROM article_sources s WHERE s.article_id = new.article_id);
END;

CREATE TRIGGER counts_state_delete AFTER DELETE ON article_state
WHEN old.read <> 0 AND NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE old.article_id > d.after_id) BEGIN
    UPDATE tag_counts SET unread = unread + 1
    WHERE tag_id IN (SELECT at.tag_id FROM article_tags at WHERE at.article_id = old.article_id);
    UPDATE source_counts SET unread = unread + 1
    WHERE source_id IN (SELECT s.source_id FROM article_sources s WHERE s.article_id = old.article_id);
END;

CREATE TRIGGER tag_counts_tag_gone AFTER DELETE ON tags BEGIN
    DELETE FROM tag_counts WHERE tag_id = old.id;
END;

CREATE TRIGGER source_counts_source_gone AFTER DELETE ON sources BEGIN
    DELETE FROM source_counts WHERE source_id = old.id;
END;
