-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio schema 4: search over the reader's highlights and notes, and saved searches.
-- annotations_fts indexes the quoted text and the note of every annotation with the same
-- tokenizer as articles_fts, so a search finds an article through its annotations too.

CREATE VIRTUAL TABLE annotations_fts USING fts5(
    quote, note,
    content = 'annotations', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO annotations_fts(annotations_fts) VALUES ('rebuild');

CREATE TRIGGER annotations_fts_insert AFTER INSERT ON annotations BEGIN
    INSERT INTO annotations_fts(rowid, quote, note) VALUES (new.id, new.quote, new.note);
END;

CREATE TRIGGER annotations_fts_delete AFTER DELETE ON annotations BEGIN
    INSERT INTO annotations_fts(annotations_fts, rowid, quote, note) VALUES ('delete', old.id, old.quote, old.note);
END;

CREATE TRIGGER annotations_fts_update AFTER UPDATE OF quote, note ON annotations BEGIN
    INSERT INTO annotations_fts(annotations_fts, rowid, quote, note) VALUES ('delete', old.id, old.quote, old.note);
    INSERT INTO annotations_fts(rowid, quote, note) VALUES (new.id, new.quote, new.note);
END;

-- query: the readable search syntax of docs/search.md (parsed by folio::QueryParser).
CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    query TEXT NOT NULL,
    created INTEGER NOT NULL
);
