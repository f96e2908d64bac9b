-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio schema 2: feed subscriptions. A feed owns one row in sources (kind 'feed', key
-- 'feed:<feed id>'), so its articles keep their source when the feed's URL changes (permanent
-- redirect). HTTP validators (etag, last_modified) are stored exactly as the server sent them.

CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    site_url TEXT,
    etag TEXT,
    last_modified TEXT,
    last_fetched INTEGER,
    last_error TEXT,
    created INTEGER NOT NULL
);
CREATE INDEX feeds_source ON feeds(source_id);

-- Tags given at subscription time; every article fetched from the feed carries them.
-- name as typed, key case-folded and trimmed (how tag names compare).
CREATE TABLE feed_tags (
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    PRIMARY KEY (feed_id, key)
) WITHOUT ROWID;
