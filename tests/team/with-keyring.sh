#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Folio authors
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test with a real, throwaway Secret Service (gnome-keyring on a private D-Bus session,
# its keyring in a temporary HOME), so the system keychain code runs as on a desktop.
# Without dbus-run-session or gnome-keyring-daemon the test runs with FOLIO_TEST_NO_KEYRING set
# (and skips what needs a keyring, saying why).
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
    FOLIO_TEST_NO_KEYRING="install dbus and gnome-keyring" exec "$@"
fi
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset FOLIO_NO_KEYCHAIN
dbus-run-session -- bash -c '
    printf "test-keyring" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
    "$@"' keyring "$@"
