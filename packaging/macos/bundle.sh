#!/bin/sh
# Assemble Detente.app around a built binary and, on macOS, a .dmg:
#   packaging/macos/bundle.sh BINARY OUTDIR
# BINARY: target/universal/detente (lipo of the x86_64 and arm64 builds,
# see .github/workflows/release.yml). The layout and Info.plist are
# checked with check-plist.py (also on Linux, with any binary).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$1
out=$2
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' "$root/Cargo.toml" | head -1)
app="$out/Detente.app"
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp "$bin" "$app/Contents/MacOS/detente"
chmod 755 "$app/Contents/MacOS/detente"
cp "$here/detente.icns" "$app/Contents/Resources/detente.icns"
sed "s/@VERSION@/$version/g" "$here/Info.plist" > "$app/Contents/Info.plist"
printf 'APPL????' > "$app/Contents/PkgInfo"
python3 "$here/check-plist.py" "$app"
if command -v hdiutil >/dev/null; then
  hdiutil create -volname Detente -srcfolder "$app" -ov -format UDZO "$out/Detente-$version.dmg"
  echo "macos: $out/Detente-$version.dmg"
fi
echo "macos: $app"
