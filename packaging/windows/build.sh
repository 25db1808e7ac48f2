#!/bin/sh
# Build Detente for Windows here, on Linux, from a clean clone:
#   packaging/windows/build.sh          detente.exe (release) and its installer
#                                       in target/windows/, with SHA-256 sums
#   packaging/windows/build.sh --check  only check that the Windows build
#                                       compiles
#   packaging/windows/build.sh --dev    the same with a debug build (faster
#                                       to make; test-wine.sh --dev in CI)
# Cross-compiles for x86_64-pc-windows-gnu with Debian's mingw-w64 (the
# linker and windres, which embeds the icon and version), and makes the
# installer with Debian's NSIS (makensis). Installs what is missing when run
# as root; the Rust target comes from rustup.
set -eu
cd "$(dirname "$0")/../.."
target=x86_64-pc-windows-gnu
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  need=""
  command -v x86_64-w64-mingw32-gcc >/dev/null || need="$need gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64"
  command -v makensis >/dev/null || need="$need nsis"
  [ -n "$need" ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null
fi
for t in x86_64-w64-mingw32-gcc x86_64-w64-mingw32-windres rustup; do
  command -v $t >/dev/null && continue
  echo "windows: SKIPPED: $t is missing (as root this script installs mingw-w64 and NSIS)"
  exit 0
done
if ! rustup target list --installed | grep -qx $target && ! rustup target add $target; then
  echo "windows: SKIPPED: the Rust target $target could not be added (no network to rustup?)"
  exit 0
fi
if [ "${1:-}" = --check ]; then
  cargo check --locked --target $target --bins
  echo "windows: the $target build compiles"
  exit 0
fi
if [ "${1:-}" = --dev ]; then
  cargo build --locked --target $target --bins
  exe=${CARGO_TARGET_DIR:-target}/$target/debug/detente.exe
else
  cargo build --locked --release --target $target
  exe=${CARGO_TARGET_DIR:-target}/$target/release/detente.exe
fi
version=$(sed -n 's/^version = "\(.*\)"$/\1/p' Cargo.toml | head -1)
out=target/windows
mkdir -p $out
cp $exe $out/detente.exe
case $exe in /*) ;; *) exe="$PWD/$exe" ;; esac
fast=""
[ "${1:-}" = --dev ] && fast=-DFAST
makensis -V2 $fast -DVERSION="$version" -DEXE="$exe" \
  -DOUTFILE="$PWD/$out/detente-$version-setup.exe" packaging/windows/detente.nsi
(cd $out && sha256sum detente.exe "detente-$version-setup.exe" > SHA256SUMS)
echo "windows: $out/detente.exe and $out/detente-$version-setup.exe"
