#!/bin/sh
# Render every icon Detente ships from the one SVG, so they stay in step:
#   hicolor PNGs (16..512 px), assets/icon.png (the window icon, 256 px),
#   detente.ico (Windows: 16, 32, 48, 256) and detente.icns (macOS).
# Needs rsvg-convert (librsvg2-bin), ImageMagick (convert) and png2icns
# (icnsutils). Run after changing packaging/icons/org.detente.Detente.svg;
# tests/packaging.rs checks the results match the sizes named here.
set -eu
cd "$(dirname "$0")"
svg=org.detente.Detente.svg
for s in 16 32 48 64 128 256 512; do
  mkdir -p "hicolor/${s}x${s}/apps"
  rsvg-convert -w $s -h $s "$svg" -o "hicolor/${s}x${s}/apps/org.detente.Detente.png"
done
cp hicolor/256x256/apps/org.detente.Detente.png ../../assets/icon.png
cp "$svg" ../../assets/icon.svg
# Windows: one .ico holding the sizes the shell asks for.
convert hicolor/16x16/apps/org.detente.Detente.png hicolor/32x32/apps/org.detente.Detente.png \
  hicolor/48x48/apps/org.detente.Detente.png hicolor/256x256/apps/org.detente.Detente.png \
  ../windows/detente.ico
# macOS: .icns from the 16..512 PNGs (png2icns picks the type by size).
png2icns ../macos/detente.icns hicolor/16x16/apps/org.detente.Detente.png \
  hicolor/32x32/apps/org.detente.Detente.png hicolor/128x128/apps/org.detente.Detente.png \
  hicolor/256x256/apps/org.detente.Detente.png hicolor/512x512/apps/org.detente.Detente.png >/dev/null
echo "icons: hicolor 16..512, assets/icon.png, windows/detente.ico, macos/detente.icns"
