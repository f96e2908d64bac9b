-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio schema 9: the team library (docs/team.md). Stable UUIDs for what is shared, a flag on
-- what the reader shares (team tags, shared saved searches, team feeds), the author of each
-- annotation (NULL: written in this library before it joined a team), earlier versions of
-- annotations, and the outbox.
-- The outbox names what changed (kind, ref); the push reads the current row, so many edits of
-- one thing cost one upload. Triggers write it inside the transaction of the change, and only
-- while the meta row 'team.outbox' is '1': set on joining, cleared on leaving, and cleared for
-- the length of the transaction that applies pulled changes (so they are not sent back).

ALTER TABLE annotations ADD COLUMN uuid TEXT;
ALTER TABLE annotations ADD COLUMN author TEXT;
UPDATE annotations SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX annotations_uuid ON annotations(uuid);
CREATE INDEX annotations_author ON annotations(author COLLATE NOCASE, article_id);

ALTER TABLE tags ADD COLUMN uuid TEXT;
ALTER TABLE tags ADD COLUMN team INTEGER NOT NULL DEFAULT 0;
UPDATE tags SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE INDEX tags_uuid ON tags(uuid);

ALTER TABLE saved_searches ADD COLUMN uuid TEXT;
ALTER TABLE saved_searches ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
ALTER TABLE saved_searches ADD COLUMN updated INTEGER;
UPDATE saved_searches SET updated = created, uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)));
CREATE UNIQUE INDEX saved_searches_uuid ON saved_searches(uuid);

ALTER TABLE feeds ADD COLUMN team INTEGER NOT NULL DEFAULT 0;
ALTER TABLE article_state ADD COLUMN changed INTEGER;

CREATE TABLE annotation_history (
    id INTEGER PRIMARY KEY,
    annotation_uuid TEXT NOT NULL,
    author TEXT,
    note TEXT,
    color TEXT,
    updated INTEGER NOT NULL,
    replaced INTEGER NOT NULL,
    server_id INTEGER UNIQUE
);
CREATE INDEX annotation_history_uuid ON annotation_history(annotation_uuid, updated);

CREATE TABLE team_outbox (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    ref TEXT NOT NULL
);
CREATE INDEX team_outbox_kind ON team_outbox(kind, id);

-- New rows get a UUID (rows pulled from the team come with theirs).
CREATE TRIGGER annotations_uuid AFTER INSERT ON annotations WHEN new.uuid IS NULL BEGIN
    UPDATE annotations SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
        author = (SELECT value FROM meta WHERE key = 'team.user' AND (SELECT value FROM meta WHERE key = 'team.outbox') = '1')
    WHERE id = new.id;
END;

CREATE TRIGGER tags_uuid AFTER INSERT ON tags WHEN new.uuid IS NULL BEGIN
    UPDATE tags SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))) WHERE id = new.id;
END;

CREATE TRIGGER saved_searches_uuid AFTER INSERT ON saved_searches WHEN new.uuid IS NULL BEGIN
    UPDATE saved_searches SET uuid = lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))), updated = coalesce(new.updated, new.created) WHERE id = new.id;
END;

CREATE TRIGGER saved_searches_updated AFTER UPDATE OF name, query ON saved_searches
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') IS NOT '0' BEGIN
    UPDATE saved_searches SET updated = CAST(strftime('%s', 'now') AS INTEGER) WHERE id = new.id;
END;

CREATE TRIGGER article_state_changed AFTER UPDATE OF read, bookmarked ON article_state
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') IS NOT '0' BEGIN
    UPDATE article_state SET changed = CAST(strftime('%s', 'now') AS INTEGER) WHERE article_id = new.article_id;
END;

-- Only an annotation's author may change its note or colour (while the library is in a team).
CREATE TRIGGER annotations_author_only BEFORE UPDATE OF note, color ON annotations
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND old.author IS NOT NULL
    AND old.author IS NOT (SELECT value FROM meta WHERE key = 'team.user') BEGIN
    SELECT RAISE(ABORT, 'only its author can change this annotation');
END;

-- The outbox.
CREATE TRIGGER team_outbox_article_insert AFTER INSERT ON articles
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' BEGIN
    INSERT INTO team_outbox(kind, ref) VALUES ('article', new.identity);
END;

CREATE TRIGGER team_outbox_article_update AFTER UPDATE OF guid, link, title, author, summary, content_html, content_text, published, updated ON articles
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' BEGIN
    INSERT INTO team_outbox(kind, ref) VALUES ('article', new.identity);
END;

CREATE TRIGGER team_outbox_annotation_insert AFTER INSERT ON annotations
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND new.uuid IS NOT NULL
    AND (new.author IS NULL OR new.author IS (SELECT value FROM meta WHERE key = 'team.user')) BEGIN
    INSERT INTO team_outbox(kind, ref) VALUES ('annotation', new.uuid);
END;

CREATE TRIGGER team_outbox_annotation_update AFTER UPDATE ON annotations
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND new.uuid IS NOT NULL
    AND (new.author IS NULL OR new.author IS (SELECT value FROM meta WHERE key = 'team.user')) BEGIN
    INSERT INTO team_outbox(kind, ref) VALUES ('annotation', new.uuid);
END;

CREATE TRIGGER team_outbox_annotation_delete AFTER DELETE ON annotations
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND old.uuid IS NOT NULL
    AND (old.author IS NULL OR old.author IS (SELECT value FROM meta WHERE key = 'team.user')) BEGIN
    INSERT INTO team_outbox(kind, ref) VALUES ('annotation', old.uuid);
END;

CREATE TRIGGER team_outbox_state_insert AFTER INSERT ON article_state
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' BEGIN
    INSERT INTO team_outbox(kind, ref) SELECT 'state', identity FROM articles WHERE id = new.article_id;
END;

CREATE TRIGGER team_outbox_state_update AFTER UPDATE OF read, bookmarked ON article_state
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' BEGIN
    INSERT INTO team_outbox(kind, ref) SELECT 'state', identity FROM articles WHERE id = new.article_id;
END;

CREATE TRIGGER team_outbox_tag_update AFTER UPDATE OF name, color, team ON tags
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND new.team = 1 BEGIN
    INSERT INTO team_outbox(kind, ref) VALUES ('tag', new.key);
END;

CREATE TRIGGER team_outbox_tag_shared AFTER UPDATE OF team ON tags
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND new.team = 1 AND old.team = 0 BEGIN
    INSERT INTO team_outbox(kind, ref)
    SELECT 'article_tag', a.identity || char(31) || new.key
    FROM article_tags at JOIN articles a ON a.id = at.article_id WHERE at.tag_id = new.id AND at.origin = 'user';
END;

CREATE TRIGGER team_outbox_tag_delete AFTER DELETE ON tags
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND old.team = 1 BEGIN
    INSERT INTO team_outbox(kind, ref) VALUES ('tag', old.key);
END;

CREATE TRIGGER team_outbox_article_tag_insert AFTER INSERT ON article_tags
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND new.origin = 'user' BEGIN
    INSERT INTO team_outbox(kind, ref)
    SELECT 'article_tag', a.identity || char(31) || t.key FROM articles a, tags t
    WHERE a.id = new.article_id AND t.id = new.tag_id AND t.team = 1;
END;

CREATE TRIGGER team_outbox_article_tag_update AFTER UPDATE OF origin ON article_tags
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND new.origin = 'user' BEGIN
    INSERT INTO team_outbox(kind, ref)
    SELECT 'article_tag', a.identity || char(31) || t.key FROM articles a, tags t
    WHERE a.id = new.article_id AND t.id = new.tag_id AND t.team = 1;
END;

CREATE TRIGGER team_outbox_article_tag_delete AFTER DELETE ON article_tags
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' BEGIN
    INSERT INTO team_outbox(kind, ref)
    SELECT 'article_tag', a.identity || char(31) || t.key FROM articles a, tags t
    WHERE a.id = old.article_id AND t.id = old.tag_id AND t.team = 1;
END;

CREATE TRIGGER team_outbox_search_insert AFTER INSERT ON saved_searches
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND new.shared = 1 AND new.uuid IS NOT NULL BEGIN
    INSERT INTO team_outbox(kind, ref) VALUES ('search', new.uuid);
END;

CREATE TRIGGER team_outbox_search_update AFTER UPDATE OF name, query, shared, uuid ON saved_searches
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND new.shared = 1 AND new.uuid IS NOT NULL BEGIN
    INSERT INTO team_outbox(kind, ref) VALUES ('search', new.uuid);
END;

CREATE TRIGGER team_outbox_search_delete AFTER DELETE ON saved_searches
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND old.shared = 1 BEGIN
    INSERT INTO team_outbox(kind, ref) VALUES ('search', old.uuid);
END;

CREATE TRIGGER team_outbox_feed_update AFTER UPDATE OF team, title ON feeds
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND new.team = 1 BEGIN
    INSERT INTO team_outbox(kind, ref) VALUES ('feed', new.url);
END;

CREATE TRIGGER team_outbox_feed_delete AFTER DELETE ON feeds
WHEN (SELECT value FROM meta WHERE key = 'team.outbox') = '1' AND old.team = 1 BEGIN
    INSERT INTO team_outbox(kind, ref) VALUES ('feed', old.url);
END;
