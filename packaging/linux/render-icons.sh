#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 The Folio authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Renders the app icon from resources/icons/org.example.Folio.svg into the committed assets:
#   resources/icons/hicolor/<N>x<N>/apps/org.example.Folio.png  (Linux hicolor theme)
#   packaging/windows/folio.ico                                  (Windows, 16..256)
#   packaging/macos/folio.icns                                   (macOS, 16..512)
# Run it again after editing the SVG and commit the results; builds never need these tools.
# Needs rsvg-convert (librsvg2-bin), ImageMagick (imagemagick) and png2icns (icnsutils).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
svg="$root/resources/icons/org.example.Folio.svg"
hicolor="$root/resources/icons/hicolor"
sizes=(16 22 24 32 48 64 128 256 512)

for tool in rsvg-convert png2icns; do
    command -v "$tool" >/dev/null || { echo "render-icons.sh: $tool not found" >&2; exit 1; }
done
# Prefer ImageMagick's own binaries over wrappers of the same name earlier in PATH.
magick=""
for candidate in /usr/bin/convert-im6.q16 /usr/bin/magick /usr/bin/convert magick convert; do
    if command -v "$candidate" >/dev/null; then magick="$(command -v "$candidate")"; break; fi
done
[[ -n "$magick" ]] || { echo "render-icons.sh: ImageMagick not found" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

for n in "${sizes[@]}"; do
    out="$hicolor/${n}x${n}/apps"
    mkdir -p "$out"
    rsvg-convert --width "$n" --height "$n" --keep-aspect-ratio "$svg" --output "$tmp/$n.png"
    # Strip timestamps so re-rendering an unchanged SVG gives byte-identical files.
    "$magick" "$tmp/$n.png" -strip -define png:exclude-chunks=date,time "PNG32:$out/org.example.Folio.png"
    cp "$out/org.example.Folio.png" "$tmp/s$n.png"
done

"$magick" "$tmp/s16.png" "$tmp/s24.png" "$tmp/s32.png" "$tmp/s48.png" "$tmp/s64.png" \
    "$tmp/s128.png" "$tmp/s256.png" "$root/packaging/windows/folio.ico"
# png2icns picks the icon type from each PNG's size (16, 32, 48, 128, 256, 512).
png2icns "$root/packaging/macos/folio.icns" \
    "$tmp/s16.png" "$tmp/s32.png" "$tmp/s48.png" "$tmp/s128.png" "$tmp/s256.png" "$tmp/s512.png" >/dev/null

echo "render-icons.sh: wrote ${#sizes[@]} PNGs, folio.ico and folio.icns"
