#!/usr/bin/env bash
# Retakes the guide's own screenshots (docs/guide/img/*.png) from the real
# window: a copy of a built detente, run under Xvfb at 1280x800 on copies of
# the sample workspace, driven with xdotool, captured with ImageMagick.
#
#   docs/guide/screenshots.sh [PATH-TO-DETENTE]   (default: target/release/detente)
#
# Needs Xvfb, xdotool, ImageMagick (import, convert) and python3:
#   sudo apt-get install -y xvfb xdotool imagemagick python3
# The clicks are at fixed places in a 1280x800 window: when the window's
# layout changes, look at each image (and the full captures kept in the
# work folder it prints) and move the coordinates.
# The snapshot tests' images (tests/snapshots/) need no script: they are
# rewritten by `UPDATE_SNAPSHOTS=1 cargo test --test ui`.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
bin=${1:-target/release/detente}
out=$repo/docs/guide/img
work=$(mktemp -d /tmp/detente-guide.XXXXXX)
mkdir -p "$out"
echo "work folder: $work"
cp "$bin" "$work/detente"
mkdir -p "$work/home" "$work/ws" "$work/m" "$work/imp"
cp workspaces/us-china-2023.detente "$work/ws/"

# Two colleagues' copies of the sample that date the Vienna talks differently.
cp workspaces/us-china-2023.detente "$work/m/base.detente"
python3 - "$work/m" <<'EOF'
import json, sys
d = sys.argv[1]
for name, day in [("anna", "2023-05-10"), ("ben", "2023-05-11")]:
    ws = json.load(open(f"{d}/base.detente"))
    ev = next(e for e in ws["events"] if "Vienna" in e["headline"])
    ev["date"] = {"edtf": day, "earliest": day, "latest": day}
    ev["changed_by"] = name.capitalize()
    json.dump(ws, open(f"{d}/{name}.detente", "w"), indent=2, ensure_ascii=False)
EOF
"$work/detente" merge "$work/m/base.detente" "$work/m/anna.detente" "$work/m/ben.detente" \
  -o "$work/m/merged.detente" --author Anna >/dev/null || true

# A folder to import: a wire story with a year-less dateline, and an empty file.
printf 'Blinken to visit Beijing\n\nWASHINGTON, June 14 (Reuters) - Secretary of State Antony Blinken will travel to Beijing on Sunday, the State Department said on Wednesday.\n' \
  >"$work/imp/blinken-trip.txt"
: >"$work/imp/empty.txt"

export DISPLAY=:77
Xvfb :77 -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
sleep 1

start() {
  HOME="$work/home" XDG_DATA_HOME="$work/home/.local/share" XDG_CONFIG_HOME="$work/home/.config" \
    DETENTE_AUTHOR=Guide "$work/detente" "$1" >>"$work/app.log" 2>&1 &
  app=$!
  sleep 6
  xdotool windowfocus "$(xdotool search --name Detente | head -1)"
  sleep 0.3
  click 90 12 && click 112 62          # View > Light
}
shot() { import -window root "$work/$1.png"; }
click() { xdotool mousemove "$1" "$2" click 1; sleep "${3:-0.8}"; }

start "$work/ws/us-china-2023.detente"
click 20 12 && click 42 264 1.5        # File > Export...
shot export-full
convert "$work/export-full.png" -crop 462x572+409+115 +repage "$out/export-dialog.png"
click 525 662                          # Cancel
xdotool mousemove 600 300 key ctrl+shift+f
sleep 0.7
xdotool type --delay 80 Vienna
sleep 1.5
shot search-full
convert "$work/search-full.png" -crop 766x484+256+58 +repage "$out/search-everything.png"
xdotool key Escape
sleep 0.5
kill "$app"; app=; sleep 1

start "$work/m/merged.detente"         # opens on the Conflicts tab
click 645 35                           # Discard the recovery offer, if any (none on a clean run)
click 482 692                          # Keep both...
xdotool mousemove 600 621; sleep 0.3; xdotool mousedown 1; sleep 0.3
for y in 600 560 500 440 400 380; do xdotool mousemove 600 $y; sleep 0.1; done
xdotool mouseup 1; sleep 1             # a taller bottom panel
shot conflicts-full
convert "$work/conflicts-full.png" -crop 708x295+256+505 +repage "$out/conflicts-tab.png"

click 105 37 2                         # Import... (Detente's own chooser under Xvfb)
click 774 35                           # Dismiss the note that the desktop has no chooser
xdotool windowfocus "$(xdotool search --name Detente | head -1)"
click 573 651 0.3                      # the File field
xdotool type --delay 30 "$work/imp"
xdotool key Return                     # into the folder
sleep 2
click 465 274 1                        # blinken-trip.txt
xdotool mousemove 450 297 keydown ctrl click 1 keyup ctrl   # and empty.txt
sleep 1
shot chooser-full
click 794 677 3                        # Open: imports both
shot import-full
convert "$work/import-full.png" -crop 964x460+0+0 +repage "$out/import-result.png"

ls -l "$out"/*.png
