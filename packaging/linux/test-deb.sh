#!/bin/sh
# Build the .deb, install it on this Debian/Ubuntu machine as a user would,
# check that it is a good desktop citizen, open the installed app on the
# sample workspace, then remove it and check that nothing is left.
#   packaging/linux/test-deb.sh            release build (what ships)
#   packaging/linux/test-deb.sh --dev      the binary `cargo test` built
#                                          (CI: no second, slow build)
# Needs root or sudo (apt-get) on Debian or Ubuntu, else it says SKIPPED.
# It removes an installed detente package first. Leaves
# target/debian/detente_*.deb and target/deb-test/screenshot.png.
set -eu
cd "$(dirname "$0")/../.."
if ! command -v dpkg >/dev/null || ! command -v apt-get >/dev/null; then
  echo "test-deb: SKIPPED: not a Debian or Ubuntu machine"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if ! sudo -n true 2>/dev/null; then
    echo "test-deb: SKIPPED: installing a package needs root or sudo without a password"
    exit 0
  fi
  SUDO=sudo
fi
mode=${1:-release}
out=target/deb-test
rm -rf "$out" && mkdir -p "$out"
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }
say() { echo "test-deb: $*"; }

export DEBIAN_FRONTEND=noninteractive
SUDO="$SUDO env DEBIAN_FRONTEND=noninteractive"
need=""
for t in desktop-file-validate:desktop-file-utils appstreamcli:appstream xdg-mime:xdg-utils \
  update-mime-database:shared-mime-info mimetype:libfile-mimeinfo-perl Xvfb:xvfb \
  import:imagemagick; do
  command -v "${t%%:*}" >/dev/null || need="$need ${t#*:}"
done
if [ -n "$need" ]; then
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq $need >/dev/null
fi
command -v cargo-deb >/dev/null || cargo install --locked --quiet cargo-deb

# 1. Build the package.
if [ "$mode" = --dev ]; then
  cargo test --locked --no-run --quiet 2>/dev/null || cargo test --locked --no-run
  cargo deb --locked --no-build --profile dev -o target/debian/ 2>&1 | grep -v '^warning\|^  ' || true
else
  cargo deb --locked -o target/debian/
fi
deb=$(ls -t target/debian/detente_*.deb | head -1)
say "built $deb"

# 2. Install it as a user would, with its dependencies.
dpkg -s detente >/dev/null 2>&1 && $SUDO apt-get remove -y -qq --purge detente >/dev/null
$SUDO apt-get install -y -qq "./$deb" >/dev/null || fail "apt-get install ./$deb"
files=$(dpkg -L detente)
for f in /usr/bin/detente /usr/share/applications/org.detente.Detente.desktop \
  /usr/share/metainfo/org.detente.Detente.metainfo.xml \
  /usr/share/mime/packages/org.detente.Detente.xml \
  /usr/share/icons/hicolor/scalable/apps/org.detente.Detente.svg; do
  [ -f "$f" ] || fail "$f was not installed"
done
for s in 16 32 48 64 128 256 512; do
  f=/usr/share/icons/hicolor/${s}x${s}/apps/org.detente.Detente.png
  [ -f "$f" ] || fail "$f was not installed"
  [ "$(identify -format %wx%h "$f")" = "${s}x${s}" ] || fail "$f is not ${s}x${s}"
done
say "installed: $(echo "$files" | wc -l) paths, icons in every size"
/usr/bin/detente --version | grep -q "^detente " || fail "detente --version"

# 3. A good desktop citizen: the entry and metadata validate, the menu
# database knows it, a workspace file maps to its type and the type to it.
desktop-file-validate /usr/share/applications/org.detente.Detente.desktop ||
  fail "desktop-file-validate"
appstreamcli validate --no-net --pedantic /usr/share/metainfo/org.detente.Detente.metainfo.xml >/dev/null ||
  appstreamcli validate --no-net /usr/share/metainfo/org.detente.Detente.metainfo.xml ||
  fail "appstreamcli validate"
grep -q "application/x-detente-workspace=.*org.detente.Detente.desktop" \
  /usr/share/applications/mimeinfo.cache || fail "the desktop database does not list Detente"
grep -q "application/x-detente-workspace" /usr/share/mime/globs2 ||
  fail "shared-mime-info does not know the workspace type"
cp workspaces/us-china-2023.detente "$out/sample.detente"
# Also by content: a workspace saved without its extension.
cp workspaces/us-china-2023.detente "$out/no-extension"
for f in "$out/sample.detente" "$out/no-extension"; do
  t=$(XDG_UTILS_DEBUG_LEVEL=0 xdg-mime query filetype "$f")
  [ "$t" = application/x-detente-workspace ] || fail "xdg-mime says $f is $t"
done
app=$(xdg-mime query default application/x-detente-workspace)
[ "$app" = org.detente.Detente.desktop ] || fail "a workspace opens with '$app'"
say "desktop entry, AppStream, MIME type (by name and content) and default app: ok"

# 4. The installed app opens the sample workspace in a window.
Xvfb :97 -screen 0 1400x900x24 >/dev/null 2>&1 &
xvfb=$!
sleep 1
HOME="$PWD/$out/home" XDG_CONFIG_HOME="$PWD/$out/home/.config" XDG_DATA_HOME="$PWD/$out/home/.local/share" \
  DETENTE_AUTHOR="Package test" DISPLAY=:97 /usr/bin/detente "$out/sample.detente" \
  >"$out/app.log" 2>&1 &
pid=$!
shown=0
for _ in $(seq 1 60); do
  sleep 1
  kill -0 $pid 2>/dev/null || break
  DISPLAY=:97 import -window root "$out/screenshot.png" 2>/dev/null || continue
  # A drawn window has many colours; a black or blank screen has one or two.
  if [ "$(identify -format %k "$out/screenshot.png")" -gt 200 ]; then
    shown=1
    break
  fi
done
kill $pid 2>/dev/null || true
kill $xvfb 2>/dev/null || true
wait $pid 2>/dev/null || true
[ $shown = 1 ] || { cat "$out/app.log"; fail "the installed app showed no window"; }
say "the installed app opened the sample: $out/screenshot.png"

# 5. Removal leaves nothing behind, and the type no longer opens with it.
$SUDO apt-get remove -y -qq --purge detente >/dev/null || fail "apt-get remove"
for f in $files; do
  [ -d "$f" ] && continue
  [ -e "$f" ] && fail "$f is left after removal"
done
grep -q "org.detente.Detente" /usr/share/applications/mimeinfo.cache 2>/dev/null &&
  fail "the desktop database still lists Detente"
grep -q "application/x-detente-workspace" /usr/share/mime/globs2 &&
  fail "the MIME database still knows the workspace type"
say "removed cleanly"
say "all checks passed"
