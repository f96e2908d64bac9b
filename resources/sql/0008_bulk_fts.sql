-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio schema 8: bulk imports index their articles for full-text search in one statement.
-- Indexed one row at a time (the triggers of schema 1), FTS5 flushes its pending terms at every
-- statement, which made the index the largest cost of an import. While a row in fts_deferred
-- exists (only ever inside the importing transaction, so no other connection sees it), articles
-- with an id above after_id skip the triggers; the importer indexes them all at once before it
-- commits (storage/ImportWriter.cpp). Every other writer keeps the triggers' behaviour.

CREATE TABLE fts_deferred (
    after_id INTEGER NOT NULL
);

DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE new.id > after_id) BEGIN
    INSERT INTO articles_fts(rowid, title, summary, content_text)
    VALUES (new.id, new.title, new.summary, new.content_text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.id > after_id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, summary, content_text)
    VALUES ('delete', old.id, old.title, old.summary, old.content_text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary, content_text ON articles
WHEN NOT EXISTS (SELECT 1 FROM fts_deferred WHERE old.id > after_id) BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, summary, content_text)
    VALUES ('delete', old.id, old.title, old.summary, old.content_text);
    INSERT INTO articles_fts(rowid, title, summary, content_text)
    VALUES (new.id, new.title, new.summary, new.content_text);
END;
