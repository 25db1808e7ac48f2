#!/bin/sh
# Run the Windows build as a Windows user would, under Wine 10, on this
# Debian/Ubuntu machine:
#   packaging/windows/test-wine.sh          release build and installer
#   packaging/windows/test-wine.sh --dev    debug build (CI: quicker to make)
# It cross-builds detente.exe and its installer (build.sh), makes (or reuses)
# a Debian trixie chroot with Wine 10 under target/wine/ (bookworm's Wine 8
# lacks bcryptprimitives.dll), and checks there, in a fresh Wine prefix:
#   1. the command line on text files: new, import with a wildcard the
#      program expands (Z:\...\*.txt) and with a folder (C:\... with a space
#      in the name), tag, export csv/qdpx/report-docx, validate, merge; and no
#      .NAME.lock file left beside any file written;
#   2. the installer: silent install, the .detente association and its open
#      command in the registry, the Start-menu shortcut, the installed exe;
#   3. the window, started by the registered open command with no variable
#      set and no renderer remembered: it opens the workspace (a screenshot
#      that is not blank, its title naming the file) and quits cleanly; a
#      renderer forced to fail (WGPU_BACKEND=dx12) shows a message box;
#   4. the silent uninstall: the program gone, the workspaces kept.
# Needs root on Debian or Ubuntu (debootstrap, chroot, mounts), else SKIPPED.
# Leaves target/wine-test/ (window.png, failure.png, log.txt).
set -eu
cd "$(dirname "$0")/../.."
say() { echo "test-wine: $*"; }
if ! command -v apt-get >/dev/null || [ "$(id -u)" -ne 0 ]; then
  say "SKIPPED: needs root on Debian or Ubuntu (debootstrap and a chroot)"
  exit 0
fi
mode=${1:-release}
out=$PWD/target/wine-test
rm -rf "$out" && mkdir -p "$out"
root=$PWD/target/wine/trixie

# The mirror apt already uses (deb822 or one-line sources).
mirror=$(sed -n 's/^URIs: *\([^ ]*debian\)\/*$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1)
[ -n "$mirror" ] || mirror=$(sed -n 's/^deb \(\[[^]]*\] \)\{0,1\}\(http[^ ]*debian\)\/* .*/\2/p' \
  /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -1)
[ -n "$mirror" ] || mirror=http://deb.debian.org/debian

# Whatever an interrupted run left mounted in the chroot is let go first:
# nothing below may ever delete through a mount of the host's /dev or /proc.
unmount_all() {
  grep -o " $root/[^ ]*" /proc/mounts | sort -r | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true
  done
}
unmount_all
if grep -q " $root/" /proc/mounts; then
  say "FAILED: something is still mounted under $root; unmount it first"
  exit 1
fi

# 1. Wine 10 in a trixie chroot, made once and kept under target/ (the
# marker is written last, so a half-made chroot is made again).
ready=$root/.detente-wine-ready
if [ ! -f "$ready" ]; then
  command -v debootstrap >/dev/null || {
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  }
  # --one-file-system: never into a mount, whatever happened before.
  rm -rf --one-file-system "$root"
  say "making a trixie chroot from $mirror (once; kept in target/wine)"
  if ! debootstrap --variant=minbase trixie "$root" "$mirror" >"$out/debootstrap.log" 2>&1; then
    tail -5 "$out/debootstrap.log"
    say "SKIPPED: debootstrap trixie from $mirror failed (no mirror here?)"
    rm -rf --one-file-system "$root"
    exit 0
  fi
  # NSIS installers are 32-bit: wine32 too, before any prefix is made.
  chroot "$root" /bin/sh -c 'dpkg --add-architecture i386 && apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      wine wine64 wine32:i386 xvfb xauth mesa-vulkan-drivers libgl1-mesa-dri x11-utils \
      imagemagick xdotool fonts-dejavu-core ca-certificates' >"$out/apt.log" 2>&1 ||
    { tail -20 "$out/apt.log"; say "SKIPPED: Wine could not be installed in the chroot from $mirror"; exit 0; }
  touch "$ready"
fi

# 2. The Windows build and its installer.
if [ "$mode" = --dev ]; then
  packaging/windows/build.sh --dev
else
  packaging/windows/build.sh
fi
[ -f target/windows/detente.exe ] || { say "SKIPPED: no Windows build (see build.sh)"; exit 0; }

trap unmount_all EXIT INT TERM
for m in proc sys dev dev/pts; do
  if ! mount --bind "/$m" "$root/$m" 2>"$out/mount.log"; then
    cat "$out/mount.log"
    say "SKIPPED: this machine does not allow bind mounts (a container without the right to mount?)"
    exit 0
  fi
done

work=$root/work
rm -rf --one-file-system "$work" && mkdir -p "$work/seeds"
cp target/windows/detente.exe "$work/"
cp target/windows/detente-*-setup.exe "$work/setup.exe"
if [ -d ../shared/seeds ]; then
  cp ../shared/seeds/*.txt "$work/seeds/"
else
  # Articles of our own where the shared corpus is absent.
  for i in 1 2 3 4 5; do
    printf 'Talks %s\n\nOn 10 May 2023 Jake Sullivan met Wang Yi in Vienna, the ministry said (%s).\n' \
      "$i" "$i" >"$work/seeds/article-$i.txt"
  done
fi
cp packaging/windows/wine-checks.sh "$work/checks.sh"
count=$(ls "$work/seeds"/*.txt | wc -l)
if chroot "$root" /bin/sh /work/checks.sh "$count" >"$out/log.txt" 2>&1; then
  status=0
else
  status=$?
fi
cp "$work"/*.png "$out/" 2>/dev/null || true
cat "$out/log.txt"
if [ $status -ne 0 ]; then
  say "FAILED (log and screenshots in target/wine-test/)"
  exit 1
fi
say "passed: the CLI, the installer, the window and the uninstaller under Wine $(chroot "$root" wine --version 2>/dev/null)"
