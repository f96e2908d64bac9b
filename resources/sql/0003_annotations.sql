-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio schema 3: the reader's highlights and notes (user data: imports never touch it).
-- Anchors follow the W3C Web Annotation model: TextQuoteSelector (quote, prefix, suffix) and
-- TextPositionSelector (start, end: character offsets in the article's anchor text). An article
-- note has no quote. A highlight that can no longer be placed is kept, marked detached.

CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    quote TEXT,
    prefix TEXT,
    suffix TEXT,
    start INTEGER,
    end INTEGER,
    note TEXT,
    color TEXT NOT NULL DEFAULT 'yellow',
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    detached INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX annotations_article ON annotations(article_id, start);
