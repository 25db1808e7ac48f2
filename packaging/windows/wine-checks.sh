#!/bin/sh
# The checks test-wine.sh runs inside its trixie chroot, under Wine, on
# /work/detente.exe, /work/setup.exe and the articles in /work/seeds (N of
# them: the first argument). Prints what it checks; exits 1 at the first
# failure. Not meant to be run by hand (test-wine.sh sets it up).
set -u
n=$1
export WINEDEBUG=-all WINEPREFIX=/root/.wine-test DETENTE_AUTHOR="Wine Tester"
rm -rf --one-file-system "$WINEPREFIX"
# printf, not echo: dash's echo reads "\r" in C:\users\root as a return.
fail() { printf 'FAILED: %s\n' "$*"; exit 1; }
ok() { printf 'ok: %s\n' "$*"; }
cd /work
w() { timeout 300 wine "$@" 2>/dev/null; }
# The first window `xdotool search ARGS...` finds within SECONDS, while
# process PID runs; empty when none comes.
window_of() {
  pid=$1 secs=$2
  shift 2
  for i in $(seq "$secs"); do
    found=$(xdotool search "$@" 2>/dev/null | head -1)
    [ -n "$found" ] && { echo "$found"; return; }
    kill -0 "$pid" 2>/dev/null || return
    sleep 1
  done
}

w detente.exe --version | grep -q '^detente ' || fail "detente.exe --version"
ok "detente.exe --version: $(w detente.exe --version | tr -d '\r')"
c=$WINEPREFIX/drive_c
mkdir -p "$c/data/out" "$c/data/seeds"
cp /work/seeds/*.txt "$c/data/seeds/"

# 1. The command line. A workspace with a space in its name, the articles
# named by a wildcard the program expands (Windows' shell does not).
ws='C:\data\ws one.detente'
w detente.exe new "$ws" >/dev/null || fail "new"
added=$(w detente.exe import "$ws" 'C:\data\seeds\*.txt' | tr -d '\r' | grep -c '^added ')
[ "$added" -eq "$n" ] || fail "import C:\\data\\seeds\\*.txt added $added of $n articles"
ok "import C:\\data\\seeds\\*.txt: $added articles"
# A folder, on another drive, into a workspace with a non-ASCII name.
other='C:\data\北京 café.detente'
w detente.exe new "$other" >/dev/null || fail "new $other"
added=$(w detente.exe import "$other" 'Z:\work\seeds' | tr -d '\r' | grep -c '^added ')
[ "$added" -eq "$n" ] || fail "import Z:\\work\\seeds added $added of $n articles"
w detente.exe validate "$other" >/dev/null || fail "validate $other"
ok "import Z:\\work\\seeds into $other: $added articles"
first=$(w detente.exe list "$ws" | tr -d '\r' | sed -n 2p | cut -f1)
quote=$(head -c 4000 /work/seeds/$(ls /work/seeds | head -1) | tr -d '\r' | awk 'length > 60 { print substr($0, 1, 40); exit }')
id=$(w detente.exe tag "$ws" --article "$first" --quote "$quote" --kind 044 --headline "Talks" \
  --date 2023-05-10 --actor "Jake Sullivan" | tr -d '\r')
printf "%s\n" "$id" | grep -q '^evt_' || fail "tag --article $first --quote '$quote': $id"
ok "tag: $id"
for f in csv qdpx report-docx; do
  ext=$f
  [ $f = report-docx ] && ext=docx
  w detente.exe export "$ws" --format $f -o "C:\\data\\out\\events.$ext" >/dev/null ||
    fail "export --format $f"
  [ -s "$c/data/out/events.$ext" ] || fail "export --format $f wrote nothing"
done
ok "export csv, qdpx, report-docx"
w detente.exe validate "$ws" >/dev/null || fail "validate"
cp "$c/data/ws one.detente" "$c/data/copy.detente"
w detente.exe tag 'C:\data\copy.detente' --article "$first" --quote "$quote" --event "$id" >/dev/null 2>&1 || true
w detente.exe merge "$ws" 'C:\data\copy.detente' -o "$ws" >/dev/null || fail "merge"
w detente.exe validate "$ws" >/dev/null || fail "validate after merge"
ok "validate, merge"
left=$(find "$c/data" -name '*.lock')
[ -z "$left" ] || fail "lock files left beside the user's files: $left"
ok "no .lock file left beside any file written"

# 2. The installer, silently, as a user (no administrator rights).
w setup.exe /S || fail "setup.exe /S"
app="$c/users/root/AppData/Local/Programs/Detente"
for i in $(seq 30); do [ -f "$app/uninstall.exe" ] && break; sleep 1; done
[ -f "$app/detente.exe" ] || fail "not installed in %LOCALAPPDATA%\\Programs\\Detente"
[ -f "$c/users/root/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Detente.lnk" ] ||
  fail "no Start-menu shortcut"
w reg query 'HKCU\Software\Classes\.detente' /ve | grep -q 'Detente.Workspace' ||
  fail ".detente is not associated"
open=$(w reg query 'HKCU\Software\Classes\Detente.Workspace\shell\open\command' /ve |
  tr -d '\r' | sed -n 's/.*REG_SZ *//p')
printf "%s\n" "$open" | grep -q 'detente.exe" "%1"' || fail "open command: $open"
ok "installed; .detente opens with: $open"
exe=$(printf "%s\n" "$open" | sed 's/^"\([^"]*\)".*/\1/')
w "$exe" --version | grep -q '^detente ' || fail "the installed exe does not run"

# 3. The window, started as Explorer starts it (the registered command, no
# variable set, no renderer remembered), on the workspace.
rm -f "$c/users/root/AppData/Roaming/org.detente.Detente/data/renderer"
rm -f /tmp/.X93-lock /tmp/.X11-unix/X93
Xvfb :93 -screen 0 1280x800x24 >/work/xvfb.log 2>&1 &
xv=$!
export DISPLAY=:93
# The first start in a new chroot is slow (fonts, keymaps): wait for it.
for i in $(seq 60); do xdpyinfo >/dev/null 2>&1 && break; sleep 1; done
xdpyinfo >/dev/null 2>&1 || { cat /work/xvfb.log; fail "Xvfb did not start"; }
env -u WGPU_BACKEND timeout 300 wine "$exe" "$ws" >/work/window.log 2>&1 &
p=$!
win=$(window_of $p 120 --name 'ws one')
[ -n "$win" ] || { cat /work/window.log; echo "alive: $(kill -0 $p 2>&1 && echo yes)"; for w in $(xdotool search --name '.' 2>/dev/null); do echo "window: $(xdotool getwindowname $w)"; done; import -window root /work/nowindow.png; ls -la "$c/users/root/AppData/Roaming/org.detente.Detente/data/" 2>&1; kill $xv; fail "no window titled after the workspace"; }
sleep 15
import -window root /work/window.png
spread=$(convert /work/window.png -colorspace Gray -format '%[fx:standard_deviation]' info:)
echo "$spread" | awk '{ exit !($1 > 0.05) }' || { kill $xv; fail "the window is blank ($spread)"; }
ok "window opened on the workspace: $(xdotool getwindowname "$win"), screenshot spread $spread"
ok "renderer chosen: $(cat "$c/users/root/AppData/Roaming/org.detente.Detente/data/renderer" 2>/dev/null)"
xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
xdotool key --window "$win" ctrl+q
for i in $(seq 60); do kill -0 $p 2>/dev/null || break; sleep 1; done
if kill -0 $p 2>/dev/null; then kill $xv; fail "the window did not quit on Ctrl+Q"; fi
wait $p
code=$?
[ $code -eq 0 ] || { cat /work/window.log; kill $xv; fail "the window quit with $code"; }
ok "quit cleanly (exit 0)"
# A renderer that fails says so in a message box, never silently.
WGPU_BACKEND=dx12 timeout 300 wine "$exe" "$ws" >/work/failure.log 2>&1 &
p=$!
box=$(window_of $p 90 --onlyvisible --name '^Detente$')
[ -n "$box" ] || { cat /work/failure.log; kill $xv; fail "no message box when the renderer fails"; }
sleep 2
import -window root /work/failure.png
grep -q 'could not open its window' /work/failure.log || fail "no reason given: $(cat /work/failure.log)"
xdotool windowfocus --sync "$box" 2>/dev/null
xdotool key Return
for i in $(seq 30); do kill -0 $p 2>/dev/null || break; sleep 1; done
wait $p
[ $? -eq 1 ] || fail "a failed window must exit 1"
ok "a failing renderer shows a message box and exits 1"
kill $xv 2>/dev/null

# 4. The silent uninstall keeps the user's workspaces.
w "$app/uninstall.exe" /S || fail "uninstall.exe /S"
for i in $(seq 30); do [ -f "$app/detente.exe" ] || break; sleep 1; done
[ ! -f "$app/detente.exe" ] || fail "detente.exe still installed"
w reg query 'HKCU\Software\Classes\Detente.Workspace' >/dev/null 2>&1 && fail "association left"
[ -f "$c/data/ws one.detente" ] || fail "the uninstaller removed a workspace"
ok "uninstalled; workspaces kept"
