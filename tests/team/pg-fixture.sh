#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Folio authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# A throwaway PostgreSQL cluster for the team tests (ctest fixture FolioPostgres):
#   pg-fixture.sh start DIR   initdb into DIR/data, listen on a Unix socket in DIR only (no TCP)
#   pg-fixture.sh stop DIR    stop it and remove DIR
# Run as root, the cluster belongs to the unprivileged user postgres (initdb refuses root).
# PostgreSQL's binaries: $FOLIO_PG_BIN, else pg_config --bindir, else the newest
# /usr/lib/postgresql/*/bin. Missing binaries fail loudly, unless FOLIO_TEAM_TESTS=off.
set -euo pipefail

verb="${1:?usage: pg-fixture.sh start|stop DIR}"
dir="${2:?usage: pg-fixture.sh start|stop DIR}"

if [ "${FOLIO_TEAM_TESTS:-}" = off ]; then
    echo "FOLIO_TEAM_TESTS=off: no PostgreSQL cluster; the team tests skip"
    exit 0
fi

bin="${FOLIO_PG_BIN:-}"
if [ -z "$bin" ]; then
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r) \
        "$(pg_config --bindir 2>/dev/null || true)" /usr/local/pgsql/bin /opt/homebrew/bin /usr/local/bin; do
        if [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ]; then
            bin="$candidate"
            break
        fi
    done
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "error: PostgreSQL server binaries (initdb, pg_ctl) not found; install Debian's 'postgresql'" \
         "or set FOLIO_PG_BIN (or FOLIO_TEAM_TESTS=off to skip the team tests)" >&2
    exit 1
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
    as_owner=(runuser -u postgres --)
fi

case "$verb" in
    start)
        if [ -f "$dir/data/postmaster.pid" ]; then
            "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
        fi
        rm -rf "$dir"
        mkdir -p "$dir"
        chmod 700 "$dir"
        if [ "$(id -u)" -eq 0 ]; then
            chown postgres: "$dir"
        fi
        "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
            { cat "$dir/initdb.log" >&2; exit 1; }
        cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
CONF
        "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
            { cat "$dir/server.log" >&2; exit 1; }
        # Root (the test runner) reaches the socket through the folder.
        chmod 711 "$dir"
        echo "PostgreSQL running in $dir ($("$bin/postgres" --version))"
        ;;
    stop)
        if [ -f "$dir/data/postmaster.pid" ]; then
            "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
        fi
        rm -rf "$dir"
        ;;
    *)
        echo "usage: pg-fixture.sh start|stop DIR" >&2
        exit 2
        ;;
esac
