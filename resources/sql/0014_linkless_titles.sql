-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio schema 14: the title keys of the articles without a link (the entries of tag pages) in an
-- index of their own. A feed item is the same story as a link-less article with its title key
-- (StoryMerge); an import reads these keys once (ImportWriter::begin()) and looks a feed item's
-- key up in the library only when it is among them, where it looked every item up before (a
-- tenth of the writer's time). Tag-page entries are few beside feed items, so the index is small.

CREATE INDEX articles_linkless_title_key ON articles(title_key) WHERE coalesce(link, '') = '';
