-- SPDX-FileCopyrightText: 2026 The Folio authors
-- SPDX-License-Identifier: GPL-3.0-or-later
-- Folio team schema 1 (PostgreSQL). Applied by `folio-cli team init` in one transaction that
-- also records the version in team_schema_version. One team per database; every analyst is a
-- login role in the group role folio_analyst. Statements end with ';' at a line end; function
-- bodies are $$-quoted and stay whole.
-- Every shared table logs each change in team_changes (one row per changed thing, its seq
-- renewed on every change), so a library pulls "what changed since my cursor" through the
-- index on seq. Writers take one advisory lock before they draw a seq, so seqs become visible
-- in order and a cursor never skips a change that commits late.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'folio_analyst') THEN
        CREATE ROLE folio_analyst NOLOGIN;
    END IF;
    EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO folio_analyst', current_database());
END
$$;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO folio_analyst;

CREATE TABLE team_info (
    name text NOT NULL,
    created timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_changes (
    kind text NOT NULL,
    key text NOT NULL,
    seq bigserial NOT NULL,
    analyst name NOT NULL DEFAULT current_user,
    library text,
    personal boolean NOT NULL DEFAULT false,
    PRIMARY KEY (kind, key)
);
CREATE UNIQUE INDEX team_changes_seq ON team_changes(seq);

-- Articles: shared content, keyed by Folio's identity key. tags: the source tags as a JSON array.
CREATE TABLE team_articles (
    identity text PRIMARY KEY,
    guid text,
    link text,
    title text NOT NULL,
    author text,
    summary text,
    content_html text,
    content_text text,
    published bigint,
    updated bigint,
    added bigint NOT NULL,
    tags text NOT NULL DEFAULT '[]',
    added_by name NOT NULL DEFAULT current_user
);

-- Annotations: one author (the role that created it) who alone may change it.
CREATE TABLE team_annotations (
    uuid uuid PRIMARY KEY,
    article text NOT NULL,
    author name NOT NULL DEFAULT current_user,
    quote text,
    prefix text,
    suffix text,
    start integer,
    "end" integer,
    note text,
    color text NOT NULL DEFAULT 'yellow',
    created bigint NOT NULL,
    updated bigint NOT NULL,
    deleted boolean NOT NULL DEFAULT false
);
CREATE INDEX team_annotations_article ON team_annotations(article);

-- Earlier versions of an annotation's note and colour (the later edit won).
CREATE TABLE team_annotation_history (
    id bigserial PRIMARY KEY,
    uuid uuid NOT NULL,
    author name NOT NULL DEFAULT current_user,
    note text,
    color text,
    updated bigint NOT NULL,
    replaced bigint NOT NULL
);
CREATE INDEX team_annotation_history_uuid ON team_annotation_history(uuid);

-- Team tags (key: the case-folded, trimmed name) and which articles carry them.
CREATE TABLE team_tags (
    key text PRIMARY KEY,
    uuid uuid NOT NULL UNIQUE,
    name text NOT NULL,
    color text,
    updated bigint NOT NULL,
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE team_article_tags (
    article text NOT NULL,
    tag text NOT NULL,
    added_by name NOT NULL DEFAULT current_user,
    updated bigint NOT NULL,
    deleted boolean NOT NULL DEFAULT false,
    PRIMARY KEY (article, tag)
);

CREATE TABLE team_saved_searches (
    uuid uuid PRIMARY KEY,
    name text NOT NULL,
    query text NOT NULL,
    owner name NOT NULL DEFAULT current_user,
    updated bigint NOT NULL,
    deleted boolean NOT NULL DEFAULT false
);

CREATE TABLE team_feeds (
    url text PRIMARY KEY,
    title text NOT NULL DEFAULT '',
    tags text NOT NULL DEFAULT '[]',
    added_by name NOT NULL DEFAULT current_user,
    updated bigint NOT NULL,
    deleted boolean NOT NULL DEFAULT false
);

-- Personal state: read and bookmark of one analyst, following them across their machines.
CREATE TABLE team_states (
    analyst name NOT NULL DEFAULT current_user,
    article text NOT NULL,
    read boolean NOT NULL DEFAULT false,
    bookmarked boolean NOT NULL DEFAULT false,
    updated bigint NOT NULL,
    PRIMARY KEY (analyst, article)
);

-- The change log writer (runs as the schema owner: analysts cannot write team_changes directly).
CREATE FUNCTION team_log_change() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
    k text;
    who name := current_user;
    mine boolean := false;
    lib text := current_setting('folio.library', true);
BEGIN
    PERFORM pg_advisory_xact_lock(738201);
    IF TG_TABLE_NAME = 'team_articles' THEN
        k := NEW.identity;
    ELSIF TG_TABLE_NAME = 'team_annotations' THEN
        k := NEW.uuid::text;
    ELSIF TG_TABLE_NAME = 'team_annotation_history' THEN
        -- History is written by the server, never first in a library: every library pulls it.
        k := NEW.id::text;
        lib := NULL;
    ELSIF TG_TABLE_NAME = 'team_tags' THEN
        k := NEW.key;
    ELSIF TG_TABLE_NAME = 'team_article_tags' THEN
        k := NEW.article || chr(31) || NEW.tag;
    ELSIF TG_TABLE_NAME = 'team_saved_searches' THEN
        k := NEW.uuid::text;
    ELSIF TG_TABLE_NAME = 'team_feeds' THEN
        k := NEW.url;
    ELSIF TG_TABLE_NAME = 'team_states' THEN
        k := NEW.analyst || chr(31) || NEW.article;
        who := NEW.analyst;
        mine := true;
    END IF;
    INSERT INTO team_changes(kind, key, analyst, library, personal)
    VALUES (TG_TABLE_NAME, k, who, lib, mine)
    ON CONFLICT (kind, key) DO UPDATE
        SET seq = nextval(pg_get_serial_sequence('team_changes', 'seq')),
            analyst = excluded.analyst, library = excluded.library;
    RETURN NULL;
END
$$;

-- A change to an annotation's note or colour keeps the version it replaces.
CREATE FUNCTION team_keep_annotation_history() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = public AS $$
BEGIN
    IF (OLD.note, OLD.color, OLD.deleted) IS DISTINCT FROM (NEW.note, NEW.color, NEW.deleted) THEN
        INSERT INTO team_annotation_history(uuid, author, note, color, updated, replaced)
        VALUES (OLD.uuid, OLD.author, OLD.note, OLD.color, OLD.updated, NEW.updated);
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER team_annotations_history BEFORE UPDATE ON team_annotations
    FOR EACH ROW EXECUTE FUNCTION team_keep_annotation_history();

CREATE TRIGGER team_articles_log AFTER INSERT OR UPDATE ON team_articles
    FOR EACH ROW EXECUTE FUNCTION team_log_change();
CREATE TRIGGER team_annotations_log AFTER INSERT OR UPDATE ON team_annotations
    FOR EACH ROW EXECUTE FUNCTION team_log_change();
CREATE TRIGGER team_annotation_history_log AFTER INSERT ON team_annotation_history
    FOR EACH ROW EXECUTE FUNCTION team_log_change();
CREATE TRIGGER team_tags_log AFTER INSERT OR UPDATE ON team_tags
    FOR EACH ROW EXECUTE FUNCTION team_log_change();
CREATE TRIGGER team_article_tags_log AFTER INSERT OR UPDATE ON team_article_tags
    FOR EACH ROW EXECUTE FUNCTION team_log_change();
CREATE TRIGGER team_saved_searches_log AFTER INSERT OR UPDATE ON team_saved_searches
    FOR EACH ROW EXECUTE FUNCTION team_log_change();
CREATE TRIGGER team_feeds_log AFTER INSERT OR UPDATE ON team_feeds
    FOR EACH ROW EXECUTE FUNCTION team_log_change();
CREATE TRIGGER team_states_log AFTER INSERT OR UPDATE ON team_states
    FOR EACH ROW EXECUTE FUNCTION team_log_change();

-- Row-level security: members of folio_analyst read the team's rows; each changes only their own
-- annotations and their own personal state. Nothing is ever deleted by an analyst (deleted flags
-- carry removals to every library through the change log).
ALTER TABLE team_changes ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_articles ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_annotations ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_annotation_history ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_tags ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_article_tags ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_saved_searches ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_feeds ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_states ENABLE ROW LEVEL SECURITY;
ALTER TABLE team_info ENABLE ROW LEVEL SECURITY;

CREATE POLICY team_info_read ON team_info FOR SELECT TO folio_analyst USING (true);
CREATE POLICY team_changes_read ON team_changes FOR SELECT TO folio_analyst
    USING (NOT personal OR analyst = current_user);

CREATE POLICY team_articles_read ON team_articles FOR SELECT TO folio_analyst USING (true);
CREATE POLICY team_articles_add ON team_articles FOR INSERT TO folio_analyst WITH CHECK (added_by = current_user);
CREATE POLICY team_articles_change ON team_articles FOR UPDATE TO folio_analyst USING (true) WITH CHECK (true);

CREATE POLICY team_annotations_read ON team_annotations FOR SELECT TO folio_analyst USING (true);
CREATE POLICY team_annotations_add ON team_annotations FOR INSERT TO folio_analyst
    WITH CHECK (author = current_user);
CREATE POLICY team_annotations_change ON team_annotations FOR UPDATE TO folio_analyst
    USING (author = current_user) WITH CHECK (author = current_user);

CREATE POLICY team_annotation_history_read ON team_annotation_history FOR SELECT TO folio_analyst USING (true);
CREATE POLICY team_annotation_history_add ON team_annotation_history FOR INSERT TO folio_analyst
    WITH CHECK (author = current_user);

CREATE POLICY team_tags_read ON team_tags FOR SELECT TO folio_analyst USING (true);
CREATE POLICY team_tags_add ON team_tags FOR INSERT TO folio_analyst WITH CHECK (true);
CREATE POLICY team_tags_change ON team_tags FOR UPDATE TO folio_analyst USING (true) WITH CHECK (true);

CREATE POLICY team_article_tags_read ON team_article_tags FOR SELECT TO folio_analyst USING (true);
CREATE POLICY team_article_tags_add ON team_article_tags FOR INSERT TO folio_analyst
    WITH CHECK (added_by = current_user);
CREATE POLICY team_article_tags_change ON team_article_tags FOR UPDATE TO folio_analyst
    USING (true) WITH CHECK (added_by = current_user);

CREATE POLICY team_saved_searches_read ON team_saved_searches FOR SELECT TO folio_analyst USING (true);
CREATE POLICY team_saved_searches_add ON team_saved_searches FOR INSERT TO folio_analyst
    WITH CHECK (owner = current_user);
CREATE POLICY team_saved_searches_change ON team_saved_searches FOR UPDATE TO folio_analyst
    USING (true) WITH CHECK (true);

CREATE POLICY team_feeds_read ON team_feeds FOR SELECT TO folio_analyst USING (true);
CREATE POLICY team_feeds_add ON team_feeds FOR INSERT TO folio_analyst WITH CHECK (added_by = current_user);
CREATE POLICY team_feeds_change ON team_feeds FOR UPDATE TO folio_analyst USING (true) WITH CHECK (true);

CREATE POLICY team_states_own ON team_states FOR ALL TO folio_analyst
    USING (analyst = current_user) WITH CHECK (analyst = current_user);

GRANT SELECT ON team_info, team_changes, team_schema_version TO folio_analyst;
GRANT SELECT, INSERT, UPDATE ON team_articles, team_annotations, team_tags, team_article_tags,
    team_saved_searches, team_feeds, team_states TO folio_analyst;
GRANT SELECT, INSERT ON team_annotation_history TO folio_analyst;
GRANT USAGE ON SEQUENCE team_annotation_history_id_seq TO folio_analyst;
