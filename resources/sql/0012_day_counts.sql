-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio schema 12: the timeline of the whole library, kept as articles come, go and change
-- date. The timeline strip of "All articles" counted the articles of every day at each refresh
-- (0.4 s at a million articles); published_days holds those counts per UTC day (days since
-- 1970-01-01, floored for dates before it), kept by the triggers below for every writer.
-- Filtered timelines (a tag, a search) still count their own rows. An import's new articles
-- are counted by the importer before it commits, as for the counts of schema 11.

CREATE TABLE published_days (
    day INTEGER PRIMARY KEY,
    articles INTEGER NOT NULL
);

INSERT INTO published_days(day, articles)
SELECT (published - ((published % 86400) + 86400) % 86400) / 86400 AS d, count(*)
FROM articles WHERE published IS NOT NULL GROUP BY d;

CREATE TRIGGER published_days_insert AFTER INSERT ON articles
WHEN new.published IS NOT NULL AND NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE new.id > d.after_id) BEGIN
    INSERT INTO published_days(day, articles)
    VALUES ((new.published - ((new.published % 86400) + 86400) % 86400) / 86400, 1)
    ON CONFLICT(day) DO UPDATE SET articles = articles + 1;
END;

CREATE TRIGGER published_days_delete AFTER DELETE ON articles
WHEN old.published IS NOT NULL AND NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE old.id > d.after_id) BEGIN
    UPDATE published_days SET articles = articles - 1
    WHERE day = (old.published - ((old.published % 86400) + 86400) % 86400) / 86400;
END;

CREATE TRIGGER published_days_update AFTER UPDATE OF published ON articles
WHEN new.published IS NOT old.published AND NOT EXISTS (SELECT 1 FROM fts_deferred d WHERE new.id > d.after_id) BEGIN
    UPDATE published_days SET articles = articles - 1
    WHERE old.published IS NOT NULL AND day = (old.published - ((old.published % 86400) + 86400) % 86400) / 86400;
    INSERT INTO published_days(day, articles)
    SELECT (new.published - ((new.published % 86400) + 86400) % 86400) / 86400, 1 WHERE new.published IS NOT NULL
    ON CONFLICT(day) DO UPDATE SET articles = articles + 1;
END;
