-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio schema 1. Content tables (sources, articles, article_sources, source-derived article_tags)
-- are rewritten by imports; user tables (article_state, user article_tags) never are.
-- One statement per ';' at a line end; CREATE TRIGGER bodies end with a line "END;".

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('tagpage', 'feed', 'file')),
    key TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    url TEXT,
    site_url TEXT,
    created INTEGER NOT NULL
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    identity TEXT NOT NULL UNIQUE,
    guid TEXT,
    link TEXT,
    title TEXT NOT NULL,
    author TEXT,
    summary TEXT,
    content_html TEXT,
    content_text TEXT,
    published INTEGER,
    updated INTEGER,
    added INTEGER NOT NULL
);
CREATE INDEX articles_published ON articles(published DESC, id);
CREATE INDEX articles_title ON articles(title COLLATE NOCASE, id);
CREATE INDEX articles_added ON articles(added, id);

CREATE TABLE article_sources (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    first_seen INTEGER NOT NULL,
    PRIMARY KEY (article_id, source_id)
) WITHOUT ROWID;
CREATE INDEX article_sources_source ON article_sources(source_id, article_id);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    key TEXT NOT NULL UNIQUE,
    color TEXT
);

-- origin: 'source' for tags that came with the content, 'user' for the reader's own.
CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    origin TEXT NOT NULL DEFAULT 'source' CHECK (origin IN ('source', 'user')),
    PRIMARY KEY (article_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_id);

CREATE TABLE article_state (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    read INTEGER NOT NULL DEFAULT 0,
    bookmarked INTEGER NOT NULL DEFAULT 0,
    read_at INTEGER,
    bookmarked_at INTEGER
);
CREATE INDEX article_state_bookmarked ON article_state(bookmarked) WHERE bookmarked = 1;
CREATE INDEX article_state_read ON article_state(read) WHERE read = 1;

-- Full-text index over the article text; "Azie" finds "Azië".
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, summary, content_text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, summary, content_text)
    VALUES (new.id, new.title, new.summary, new.content_text);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, summary, content_text)
    VALUES ('delete', old.id, old.title, old.summary, old.content_text);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, summary, content_text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, summary, content_text)
    VALUES ('delete', old.id, old.title, old.summary, old.content_text);
    INSERT INTO articles_fts(rowid, title, summary, content_text)
    VALUES (new.id, new.title, new.summary, new.content_text);
END;
