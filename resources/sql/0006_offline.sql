-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio schema 6: offline reading. Images (and other resources) live as files in the profile's
-- store/ folder, named by the SHA-256 of their bytes; `resources` describes each distinct file once,
-- `article_resources` maps an article's resource URL to the file (hash NULL: not stored, with the
-- reason in error). `article_full` keeps the full article extracted from the publisher's page beside
-- the feed's version, searchable through article_full_fts. `article_offline` records whether all an
-- article needs offline was stored; a change of the article's content forgets it.

ALTER TABLE feeds ADD COLUMN offline_policy TEXT NOT NULL DEFAULT 'none'
    CHECK (offline_policy IN ('none', 'images', 'full'));

CREATE TABLE resources (
    hash TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    size INTEGER NOT NULL,
    width INTEGER,
    height INTEGER,
    stored INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE article_resources (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    hash TEXT REFERENCES resources(hash) ON DELETE SET NULL,
    error TEXT,
    attempted INTEGER NOT NULL,
    PRIMARY KEY (article_id, url)
) WITHOUT ROWID;
CREATE INDEX article_resources_hash ON article_resources(hash);

CREATE TABLE article_full (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    html TEXT NOT NULL,
    text TEXT NOT NULL,
    fetched INTEGER NOT NULL
);

CREATE VIRTUAL TABLE article_full_fts USING fts5(
    text,
    content = 'article_full', content_rowid = 'article_id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER article_full_fts_insert AFTER INSERT ON article_full BEGIN
    INSERT INTO article_full_fts(rowid, text) VALUES (new.article_id, new.text);
END;

CREATE TRIGGER article_full_fts_delete AFTER DELETE ON article_full BEGIN
    INSERT INTO article_full_fts(article_full_fts, rowid, text) VALUES ('delete', old.article_id, old.text);
END;

CREATE TRIGGER article_full_fts_update AFTER UPDATE OF text ON article_full BEGIN
    INSERT INTO article_full_fts(article_full_fts, rowid, text) VALUES ('delete', old.article_id, old.text);
    INSERT INTO article_full_fts(rowid, text) VALUES (new.article_id, new.text);
END;

CREATE TABLE article_offline (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    complete INTEGER NOT NULL,
    checked INTEGER NOT NULL
);

CREATE TRIGGER article_offline_content_changed AFTER UPDATE OF content_html ON articles
WHEN old.content_html IS NOT new.content_html BEGIN
    DELETE FROM article_offline WHERE article_id = new.id;
END;
