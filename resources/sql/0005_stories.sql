-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio schema 5: one story, one article. title_key is the article's title normalised (case,
-- white space, diacritics and typographic quotes folded); an article without a link and an
-- article with one that share it are the same story. The key is computed in C++
-- (folio::StoryMerge::titleKey), so this migration only adds the column: Database::prepare fills
-- it for every row where it is NULL and merges the stories found (StoryMerge::backfill).

ALTER TABLE articles ADD COLUMN title_key TEXT;
CREATE INDEX articles_title_key ON articles(title_key);
