#!/bin/sh
# Check on Linux what can be checked of the macOS build without Apple's
# SDK: the Rust code type-checks for both architectures, and the bundle
# layout and Info.plist are right.
#   packaging/macos/check.sh
# C code (mimalloc's) cannot be compiled without the SDK's headers; a
# stand-in compiler writes empty objects for it, which is enough for
# `cargo check` (nothing is linked). The real build runs on a macOS runner
# (.github/workflows/release.yml).
set -eu
cd "$(dirname "$0")/../.."
stub=$(mktemp -d)
trap 'rm -rf "$stub"' EXIT
cat > "$stub/cc" <<'CC'
#!/bin/sh
# Stand-in C compiler: create each output empty (-o FILE, or -FoFILE when
# cc-rs, finding no known compiler family, speaks MSVC to it).
while [ $# -gt 0 ]; do
  case $1 in
    -o) : > "$2"; shift ;;
    -Fo*) : > "${1#-Fo}" ;;
  esac
  shift
done
CC
chmod +x "$stub/cc"
for t in aarch64-apple-darwin x86_64-apple-darwin; do
  rustup target list --installed | grep -qx $t || rustup target add $t
  env "CC_$(echo $t | tr - _)=$stub/cc" cargo check --locked --target $t --bins
  echo "macos: the $t build type-checks"
done
bin=$(mktemp -d)
printf '#!/bin/sh\n' > "$bin/detente"
packaging/macos/bundle.sh "$bin/detente" "$bin/out" >/dev/null
python3 packaging/macos/check-plist.py "$bin/out/Detente.app"
rm -rf "$bin"
