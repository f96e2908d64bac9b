-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio schema 15: the list sorted by title follows the title key (StoryMerge::titleKey: case
-- folded the Unicode way, accents and other marks dropped, quotes alike, spaces collapsed) and
-- its index, articles_title_key, whose entries are in (title key, id) order already. The title
-- index of schema 1 sorted with NOCASE, which folds ASCII letters only ("Åland" came after
-- "Zweden"), and cost every insert as much as the rest of the row: it goes.

DROP INDEX articles_title;

-- A title key is '' for an empty title, as StoryMerge::backfill() writes it; NULL only until a
-- row is keyed (rows from before schema 5, by backfill() when the library opens).
UPDATE articles SET title_key = '' WHERE title_key IS NULL AND trim(title) = '';
