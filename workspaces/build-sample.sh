#!/usr/bin/env bash
# Builds workspaces/us-china-2023.detente from ../shared/seeds with the
# detente command line, tagging the US-China contacts the five articles
# report as a careful analyst would.
#
#   workspaces/build-sample.sh [SEEDS_DIR]
#
# Uses $DETENTE if set, else builds and runs target/debug/detente.
# Dating decisions are recorded in each event's notes.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
seeds=${1:-$root/../shared/seeds}
if [ -z "${DETENTE:-}" ]; then
  (cd "$root" && cargo build --quiet --bin detente)
  DETENTE=$root/target/debug/detente
fi
out=$here/us-china-2023.detente
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ws=$tmp/us-china-2023.detente
d() { "$DETENTE" "$@"; }
# Two people build the sample: the analyst, and a colleague whose copy is
# merged back in at the end (Who did what, and a merge with no conflict).
export DETENTE_AUTHOR="Sample analyst"

d new "$ws" --title "US-China diplomatic contact, 2023 (sample)" >/dev/null
d import "$ws" "$seeds" >/dev/null

# --- Articles: titles, outlets and the publication dates a careful reader gives.
d article "$ws" "US And China's Diplomatic Thaw" --published 2023-05-13 \
  --outlet "NHK, via Spotlight Nepal" >/dev/null
a_nhk="US And China's Diplomatic Thaw"
# 001 starts with a spinner's "[ad_1]" marker, then its story (no headline:
# it is titled by its file); the text is a synonym-spun copy of a CNBC report.
d article "$ws" "001_34bf8912d10010c9" --published 2023-06-18 \
  --title "Blinken meets Qin Gang in Beijing (spun copy of a CNBC report)" \
  --outlet "CNBC (spun copy)" >/dev/null
a_cnbc="Blinken meets Qin Gang in Beijing"
# 002 is a Reuters report with the agency's name replaced by "Portal".
d article "$ws" "US, China to move beyond balloon accident" --published 2023-05-11 \
  --title "US, China to move beyond balloon accident to stabilize ties" \
  --outlet "Reuters (rebranded 'Portal')" --byline "Susan Heavey" >/dev/null
a_reuters="US, China to move beyond balloon"
# 003 carries "June 19, 2024" at the top (a scrape date); "Updated on 06/19/2023" is the real one.
d article "$ws" "Winking at Beijing" --published 2023-06-19 \
  --title "Winking at Beijing: China and the US are resuming ties" \
  --outlet "dpa (machine translation)" >/dev/null
a_dpa="Winking at Beijing"
# 004 opens with the site's navigation ("twitter", "youtube", ...).
d article "$ws" "US, Chinese officials hold constructive talks" --published 2023-06-06 \
  --title "US, Chinese officials hold constructive talks in Beijing" \
  --outlet "Caliber.az (citing Japan Times)" >/dev/null
a_cal="US, Chinese officials hold constructive talks"

# --- Actors (CAMEO-style: country + sector).
actor() { d actor "$ws" "$@" >/dev/null; }
actor "Jake Sullivan" --country USA --sector GOV --office "National Security Adviser" --alias Sullivan
actor "Wang Yi" --country CHN --sector GOV --office "Director, CCP Foreign Affairs Commission Office"
actor "Antony Blinken" --country USA --sector GOV --office "Secretary of State" --alias Blinken --alias "Anthony Blinken"
actor "Qin Gang" --country CHN --sector GOV --office "Foreign Minister" --alias Qin
actor "Joe Biden" --country USA --sector GOV --office "President" --alias Biden
actor "Xi Jinping" --country CHN --sector GOV --office "President" --alias Xi
actor "Gina Raimondo" --country USA --sector GOV --office "Secretary of Commerce"
actor "Katherine Tai" --country USA --sector GOV --office "Trade Representative"
actor "Wang Wentao" --country CHN --sector GOV --office "Minister of Commerce"
actor "William Burns" --country USA --sector SPY --office "Director of the CIA"
actor "Daniel Kritenbrink" --country USA --sector GOV --office "Assistant Secretary of State for East Asia"
actor "Ma Zhaoxu" --country CHN --sector GOV --office "Vice Foreign Minister"
actor "Lloyd Austin" --country USA --sector MIL --office "Secretary of Defense"
actor "Li Shangfu" --country CHN --sector MIL --office "Minister of National Defense"
actor "US military" --country USA --sector MIL --alias "US Department of Defense"
actor "Chinese military" --country CHN --sector MIL --alias "People's Liberation Army"
actor "Chinese government" --country CHN --sector GOV --alias China --alias Beijing
actor "US government" --country USA --sector GOV --alias "United States"

# tag ARTICLE QUOTE ARGS... : a new event; prints its id.
tag() { local art=$1 quote=$2; shift 2; d tag "$ws" --article "$art" --quote "$quote" "$@"; }
# more EVENT ARTICLE QUOTE [--nth N]: another passage for an existing event.
more() { local ev=$1 art=$2 quote=$3; shift 3; d tag "$ws" --event "$ev" --article "$art" --quote "$quote" "$@" >/dev/null; }

# Bali, 14 November 2022.
e=$(tag "$a_nhk" "The leaders of the US and China meet in Bali, Indonesia, on November 14, 2022." \
  --headline "Biden and Xi meet in Bali before the G20 summit" --kind 044 --date 2022-11-14 \
  --actor Biden --actor Xi --place "Bali, Indonesia" --tag leaders)
more "$e" "$a_nhk" "Biden and Chinese counterpart Xi Jinping met face-to-face for the first time last November, one day before the G20 summit in Bali."
more "$e" "$a_reuters" "the Biden-Xi meeting in Indonesia in November"
more "$e" "$a_cal" "US President Joe Biden and Chinese leader Xi Jinping last November during their meeting in Bali, Indonesia"
more "$e" "$a_cnbc" "their first since Bali in November, a day earlier than a G-20 summit kicked off"

# Pelosi's visit to Taiwan, August 2022, and China's manoeuvres.
e=$(tag "$a_dpa" "China’s major maneuvers in response to then-US House Speaker Nancy Pelosi’s visit to Taiwan in August" \
  --headline "China holds major military manoeuvres after Pelosi's Taiwan visit" --kind 150 --date 2022-08 \
  --source "Chinese military" --target "US government" --place "Taiwan Strait" --tag taiwan --tag friction \
  --notes "Month only: the articles say 'in August' (2022, before the June 2023 publication).")
more "$e" "$a_cnbc" "In August, a controversial go to to Taiwan by Nancy Pelosi, then speaker of the U.S. Home of Representatives, fueled Beijing’s ire."

# Beijing stops answering: from last summer (2022) to the time of writing (June 2023).
e_refused=$(tag "$a_dpa" "the Chinese side has repeatedly refused to talk through existing communication channels" \
  --headline "China refuses to talk through existing channels" --kind 125 --date 2022-08/2023-06 \
  --source "Chinese government" --target "US government" --status refused --tag channel --tag friction \
  --notes "'Since last summer' relative to June 2023: an interval from August 2022 to June 2023.")

# Qin Gang's call with Blinken, a few days after his nomination (December 2022).
tag "$a_nhk" "A few days after being nominated, Qin spoke with US Secretary of State Antony Blinken by phone." \
  --headline "Qin Gang and Blinken speak by phone after Qin's nomination" --kind 041 --date "2022-12/2023-01" \
  --actor Qin --actor Blinken --tag channel \
  --notes "Nominated in the month after November 2022; 'a few days after' may cross into January 2023." >/dev/null

# Blinken's February trip, cancelled over the balloon.
e=$(tag "$a_nhk" "Blinken was scheduled to be the first, with his visit set for February 3." \
  --headline "Blinken's planned visit to Beijing is cancelled over the balloon" --kind 042 --date 2023-02 \
  --source Blinken --target "Chinese government" --place "Beijing" --status cancelled --tag balloon \
  --notes "The visit was set for early February 2023; one source gives 3 February as its start. Month precision.")
more "$e" "$a_nhk" "Blinken was scheduled to go in February but the trip was canceled due to the balloon issue."
more "$e" "$a_reuters" "Blinken canceled a planned trip to Beijing in February after the US shot down a Chinese balloon"
more "$e" "$a_dpa" "Blinken is making up for a trip originally scheduled for February – but canceled at short notice"
more "$e" "$a_cal" "prompting Washington to cancel Blinken’s highly anticipated trip"
more "$e" "$a_cnbc" "His unique journey plans for February had been disrupted by information of an alleged Chinese language spy balloon flying over U.S. airspace."

# The balloon is shot down, 4 February 2023.
e=$(tag "$a_nhk" "On February 4, the US announced it had shot the balloon down off the coast of South Carolina." \
  --headline "US shoots down the Chinese balloon off South Carolina" --kind 171 --date 2023-02-04 \
  --source "US military" --target "Chinese government" --place "off South Carolina, USA" --tag balloon --tag friction)
more "$e" "$a_reuters" "after the US shot down a Chinese balloon that was flying over sensitive military sites"
more "$e" "$a_cal" "after the US shot down an alleged Chinese spy balloon that flew over the United States"

# Munich, February 2023.
tag "$a_reuters" "Blinken met Wang Yi after the balloon incident at the Munich Security Conference" \
  --headline "Blinken meets Wang Yi at the Munich Security Conference" --kind 044 --date 2023-02 \
  --actor Blinken --actor "Wang Yi" --place "Munich, Germany" --tag balloon \
  --notes "The text gives no day: after the balloon incident (4 February), at the conference held in February." >/dev/null

# China criticises the Tsai-McCarthy meeting (spring 2023).
tag "$a_nhk" "The Chinese government criticized the US for allowing the meeting" \
  --headline "China criticises the US for allowing Tsai to meet McCarthy" --kind 111 --date "2023-04?" \
  --source "Chinese government" --target "US government" --tag taiwan --tag friction \
  --notes "Undated in the text; Tsai's stopover on the way home from Central America was in April 2023 (uncertain)." >/dev/null

# Vienna, Wednesday and Thursday before 13 May 2023 = 10-11 May.
e_vienna=$(tag "$a_nhk" "US security advisor Jake Sullivan met with top Chinese diplomat Wang Yi in Vienna, Austria, on Wednesday and Thursday." \
  --headline "Sullivan and Wang Yi hold talks in Vienna" --kind 044 --date 2023-05-10/2023-05-11 \
  --actor Sullivan --actor "Wang Yi" --place "Vienna, Austria" --tag channel \
  --notes "'On Wednesday and Thursday' relative to 11 May (Reuters, a Thursday) and 13 May (NHK): 10-11 May 2023.")
e=$e_vienna
more "$e" "$a_reuters" "eight-hour talks between US National Security Adviser Jake Sullivan and China’s top diplomat Wang Yi in Vienna on Wednesday and Thursday"
more "$e" "$a_reuters" "President Joe Biden’s national security adviser met with China’s top diplomats this week"
more "$e" "$a_cal" "US national security adviser Jake Sullivan also held two days of talks with senior Chinese diplomat Wang Yi in Vienna."

# The leaders' call Biden is seeking: planned, undated.
e=$(tag "$a_nhk" "President Biden has been seeking to hold talks by phone with Chinese President Xi Jinping." \
  --headline "Biden seeks a phone call with Xi" --kind 041 --source Biden --target Xi --status planned --tag leaders \
  --notes "No date: sought since the balloon; not held by June 2023.")
more "$e" "$a_reuters" "Biden attempted to have a phone call with Chinese President Xi Jinping"
more "$e" "$a_cal" "could help lay the foundation for a Biden-Xi telephone call"

# Burns in Beijing, "last month" relative to 6 June 2023: a contact outside
# the official channels, which CAMEO has no type for; the analyst's own
# type, under 04 (consult), keeps it apart on the timeline.
backchannel=$(d code "$ws" "Back-channel contact" --parent 04 --colour "#6a3d9a" \
  --description "A contact kept out of the official channels: a secret visit, an unannounced envoy, talks denied at the time.")
e_burns=$(tag "$a_cal" "Last month, CIA Director William Burns made a secret visit to Beijing" \
  --headline "CIA Director Burns makes a secret visit to Beijing" --kind "$backchannel" --date 2023-05 \
  --source "William Burns" --target "Chinese government" --place "Beijing" --tag channel \
  --notes "'Last month' relative to 6 June 2023.")

# Commerce ministers in Washington, late May 2023.
e=$(tag "$a_cal" "Chinese Commerce Minister Wang Wentao met US Commerce Secretary Gina Raimondo and Trade Representative Katherine Tai in Washington" \
  --headline "Wang Wentao meets Raimondo and Tai in Washington" --kind 043 --date 2023-05-21/2023-05-31 \
  --source "Gina Raimondo" --source "Katherine Tai" --target "Wang Wentao" --place "Washington, D.C." --tag economy \
  --notes "'Late May' (spun CNBC copy); 'last month' relative to 6 June (Caliber.az): the last third of May 2023.")
more "$e" "$a_cnbc" "In late Might, the U.S. commerce secretary and her Chinese language counterpart met in Washington, D.C."

# Shangri-La: Li Shangfu refuses to meet Austin, the weekend before 6 June 2023.
e=$(tag "$a_dpa" "Earlier this month, Chinese Defense Minister Li Shangfu also refused to meet US envoy Lloyd Austin on the sidelines of the Asian Shangri-La defense talks in Singapore." \
  --headline "Li Shangfu refuses to meet Austin at the Shangri-La Dialogue" --kind 125 --date 2023-06-03/2023-06-04 \
  --source "Li Shangfu" --target "Lloyd Austin" --place "Singapore" --status refused --tag defence --tag friction \
  --notes "'Over the weekend' relative to Tuesday 6 June 2023 (Caliber.az): 3-4 June.")
more "$e" "$a_cal" "China’s rebuffing of a US request for the rivals’ defence chiefs to meet over the weekend"
more "$e" "$a_cnbc" "On the annual Shangri-La Dialogue occasion in Singapore earlier this month, the U.S. protection chief and his Chinese language counterpart did not have a proper assembly."

# The Taiwan Strait encounter over the same weekend.
tag "$a_cal" "a Chinese navy ship cut sharply in front of a US destroyer, forcing the American ship to slow to avoid a collision" \
  --headline "Chinese warship cuts across a US destroyer in the Taiwan Strait" --kind 150 --date "2023-06-03/2023-06-04" \
  --source "Chinese military" --target "US military" --place "Taiwan Strait" --tag defence --tag friction \
  --notes "The Pentagon released the video 'over the weekend' before 6 June; the encounter itself is not dated more closely." >/dev/null

# Kritenbrink in Beijing, 5 June 2023.
e_kritenbrink=$(tag "$a_cal" "the visit to China on June 5 by the top US diplomat for Asia, Daniel Kritenbrink, for talks with Chinese officials, including Vice Foreign Minister Ma Zhaoxu" \
  --headline "Kritenbrink holds talks with Ma Zhaoxu in Beijing" --kind 042 --date 2023-06-05 \
  --source "Daniel Kritenbrink" --target "Ma Zhaoxu" --place "Beijing" --tag channel)
e=$e_kritenbrink
more "$e" "$a_cal" "Kirby called Monday’s talks “a good sign,”"

# Blinken in Beijing: Qin Gang on Sunday 18 June 2023.
e=$(tag "$a_cnbc" "U.S. Secretary of State Antony Blinken on Sunday met with Chinese language Overseas Minister Qin Gang" \
  --headline "Blinken holds talks with Qin Gang in Beijing" --kind 042 --date 2023-06-18 \
  --source Blinken --target Qin --place "Beijing (Diaoyutai State Guesthouse)" --tag visit \
  --notes "'On Sunday' relative to 18 June 2023 (a Sunday). The spun copy also puts Wang Yi on Sunday; dpa puts him on Monday.")
more "$e" "$a_cnbc" "Blinken had “candid, substantive, and constructive talks” with Qin"
more "$e" "$a_dpa" "Blinken spoke to his counterpart for seven and a half hours on Sunday – longer than planned."

# Blinken invites Qin to Washington.
e=$(tag "$a_cnbc" "Blinken invited Qin to the U.S. to proceed discussions" \
  --headline "Blinken invites Qin Gang to Washington" --kind 036 --date 2023-06-18 \
  --source Blinken --target Qin --place "Beijing" --tag visit)
more "$e" "$a_dpa" "US Secretary of State Qin invited Gang to return to Washington."

# Wang Yi on Monday 19 June 2023.
e=$(tag "$a_dpa" "On the second day of his visit to China, US Secretary of State Anthony Blinken also met top Chinese foreign policy chief Wang Yi in Beijing on Monday." \
  --headline "Blinken meets Wang Yi in Beijing" --kind 042 --date 2023-06-19 \
  --source Blinken --target "Wang Yi" --place "Beijing" --tag visit \
  --notes "'On Monday' relative to the update of 19 June 2023 (a Monday).")
more "$e" "$a_cnbc" "Blinken will proceed to satisfy with Chinese language officers in Beijing Monday."

# A possible meeting with Xi on Monday: speculation at the time of writing.
e=$(tag "$a_dpa" "there was speculation that Blinken might be invited by the state president and the party on Monday" \
  --headline "Possible Blinken meeting with Xi Jinping" --kind 042 --date "2023-06-19?" \
  --source Blinken --target Xi --place "Beijing" --status planned --tag visit \
  --notes "Speculated in both reports; not confirmed when they were written.")
more "$e" "$a_cnbc" "Some experiences recommend there might also be a gathering with President Xi Jinping on Monday"

# APEC in San Francisco, November 2023: a possible Biden-Xi meeting.
e=$(tag "$a_cnbc" "A possible alternative for Biden and Xi to satisfy once more can be in November, through the Asia-Pacific Financial Cooperation Leaders’ Summit that is set to be held in San Francisco." \
  --headline "Possible Biden-Xi meeting at APEC in San Francisco" --kind 043 --date "2023-11?" \
  --source Biden --target Xi --place "San Francisco, USA" --status planned --tag leaders \
  --notes "November 2023, uncertain: a possibility raised in June 2023.")
more "$e" "$a_cnbc" "pave the best way for a November assembly between Biden and his Chinese language counterpart Xi"

# --- Memos: the analyst's reasoning, linked to the evidence ([[ in the window).
id_of() { # the id of the article whose title starts with $1
  d list "$ws" | awk -F'\t' -v t="$1" 'index($6, t) == 1 { print $1; exit }'
}
d memo "$ws" --title "Dating the Vienna talks" --report --tag dating --text "The [Vienna talks]\
(detente:$e_vienna) rest on two reports that say only \"on Wednesday and \
Thursday\": [Reuters](detente:$(id_of "US, China to move beyond")) of Thursday 11 May and \
[NHK](detente:$(id_of "US And China's Diplomatic Thaw")) of Saturday 13 May. Both point back to the same \
two days; the White House's hope that the talks \"would pave the way\" is about what follows them, \
not about when they were held." >/dev/null
d memo "$ws" --title "Channels reopen in May" --tag channel --text "Beijing [stopped answering]\
(detente:$e_refused) after Pelosi's visit. The contacts of May 2023 - [Vienna](detente:$e_vienna), \
[Burns' secret visit](detente:$e_burns) - and [Kritenbrink in Beijing](detente:$e_kritenbrink) \
in June reopen them at every level below the leaders. Open question: did the back channel come first?" >/dev/null
sources="- [The CNBC report](detente:$(id_of "Blinken meets Qin Gang")) \
is a synonym-spun copy (\"Overseas Minister\", \"Chinese language\"): quote the original, not this.
- [The Reuters report](detente:$(id_of "US, China to move beyond")) has the agency's name replaced by \"Portal\".
- [The dpa report](detente:$(id_of "Winking at Beijing")) carries a scrape date (19 June 2024) above its real one."
d memo "$ws" --title "Sources to handle with care" --tag sources --text="$sources" >/dev/null

# --- A colleague's copy, merged back: she tags the new ambassador's arrival
# while the analyst adds a line to a memo.
base=$tmp/base.detente
theirs=$tmp/colleague.detente
cp "$ws" "$base"
cp "$ws" "$theirs"
DETENTE_AUTHOR="Sample colleague" d tag "$theirs" --article "$a_cnbc" \
  --quote "China’s new ambassador to the U.S., Xie Feng, arrived within the U.S. in late Might" \
  --headline "China's new ambassador Xie Feng arrives in Washington" --kind 050 --date 2023-05-21/2023-05-31 \
  --source "Xie Feng" --target "US government" --place "Washington, D.C." --tag channel \
  --notes "'Late May' in the spun CNBC copy; the post had been empty for about six months." >/dev/null
DETENTE_AUTHOR="Sample colleague" d actor "$theirs" "Xie Feng" --country CHN --sector GOV --office "Ambassador to the United States" >/dev/null
d memo "$ws" --title "Sources to handle with care" --tag sources --text="$sources
- Spun copies keep dates and names; they lose exact quotes." >/dev/null
merged=$tmp/merged.detente
d merge "$base" "$ws" "$theirs" -o "$merged" >/dev/null
mv "$merged" "$ws"

d validate "$ws" >/dev/null
mv "$ws" "$out"
d stats "$out"
