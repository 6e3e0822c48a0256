#!/bin/sh
# e2e_seen.sh: what the learner sees is what is graded (issue 11, items 1
# and 2). Drives the real player under Xvfb with xdotool and reads the
# answer off the screen, then compares it with what the store recorded
# (`lectern export --xapi`), so a screen that shows one order while Check
# submits another fails here even when the stored answer looks right.
#
# Reading the screen: the order items have text of clearly different
# widths, shortest first in the file, so the rank of each card's text
# width (the rightmost pixel in the text colour on the card's first line)
# is the item's index in the file. Cards are found down a pixel column at
# their left edge, as runs of rows that are not the page colour.
#
# Covered: order by keys (pick, Up), by drag (while dragging, after the
# drop), after Check, after Try again, after quitting and resuming, and in
# `lectern render --state answered`; a double-click on Check and on Try
# again, a double Enter, and Check refused until a wrong answer changes.
# Screenshots go to build/e2e-seen/.
set -u
cd "$(dirname "$0")/../.." || exit 2

bin=$PWD/build/lectern
keep=$PWD/build/e2e-seen
tmp=$(mktemp -d /tmp/lectern-seen.XXXXXX)
shots=$tmp/shots
lpid=
. tests/sh/xvfb_lib.inc
export LC_ALL=C LANGUAGE=
unset LANG

cleanup() {
	[ -n "$lpid" ] && kill "$lpid" 2>/dev/null
	xvfb_stop
	if [ -d "$shots" ]; then
		mkdir -p "$keep" && cp "$shots"/*.png "$keep"/ 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; }
check() { # name command...
	name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}
same() { # name got want
	if [ -n "$2" ] && [ "$2" = "$3" ]; then
		pass "$1"
	else
		fail "$1 (screen/store: '$2', expected '$3')"
	fi
}

need_tools e2e_seen Xvfb xdotool import convert python3
[ -x "$bin" ] || { fail "e2e_seen: build/lectern missing (make)"; exit 1; }
mkdir -p "$shots"

cat >"$tmp/seen.yaml" <<'EOF'
lectern: 1
id: e2e-seen
title: What you see is graded
pass_mark: 80
navigation: linear
slides:
  - id: q-order
    title: Order
    type: order
    question: Put the words in order, shortest first.
    attempts: 3
    items:
      - Ox
      - Oxen graze
      - Oxen graze in the field
      - Oxen graze in the field by the old mill
  - id: q-single
    title: Single
    type: single
    question: Which letter comes second?
    attempts: 2
    choices:
      - text: Alpha
      - text: Beta
        correct: true
      - text: Gamma
  - id: q-tf
    title: True or false
    type: true-false
    question: Customs officers may accept cash from traders.
    answer: false
  - id: done
    title: The end
    body: Done.
EOF

xvfb_start 1280x720 "$tmp" || { fail "e2e_seen: Xvfb did not start"; exit 1; }
export SDL_VIDEODRIVER=x11
XDG_CONFIG_HOME=$tmp/config
XDG_DATA_HOME=$tmp/share
export XDG_CONFIG_HOME XDG_DATA_HOME

start() {
	"$bin" --data-dir "$tmp/data" --learner seen --size 1280x720 \
		--theme light "$tmp/seen.yaml" >>"$tmp/lectern.log" 2>&1 &
	lpid=$!
	win=$(timeout 20 xdotool search --sync --onlyvisible --pid "$lpid" 2>/dev/null | head -n 1)
	[ -n "$win" ] || return 1
	timeout 10 xdotool windowmove "$win" 0 0 windowfocus --sync "$win" 2>/dev/null
	xdotool mousemove 1270 100 # the pointer off the cards: no hover border
	sleep 0.4
}
quit() {
	xdotool key ctrl+q
	retry 50 gone "$lpid" || kill "$lpid"
	wait "$lpid" 2>/dev/null
	lpid=
}
key() { xdotool key --delay 60 "$@"; sleep 0.3; }
# a screenshot once two grabs in a row are alike
shot() {
	sleep 0.2
	import -window root -depth 8 "rgb:$tmp/a.rgb" 2>/dev/null
	i=0
	while [ $i -lt 25 ]; do
		sleep 0.15
		import -window root -depth 8 "rgb:$tmp/b.rgb" 2>/dev/null
		cmp -s "$tmp/a.rgb" "$tmp/b.rgb" && break
		mv "$tmp/b.rgb" "$tmp/a.rgb"
		i=$((i + 1))
	done
	convert -size 1280x720 -depth 8 "rgb:$tmp/a.rgb" "$shots/$1.png"
}
# the screenshot's pixels as a text table, for the readers below
pixels() { convert "$1" -depth 8 txt:- 2>/dev/null; }

# the order on screen, as file indices "3,0,2,1": cards are runs of more
# than 20 rows that are not the page colour (FBFAF7) down column x=270
# (inside a card's left edge, left of its badge); the first N are the
# items (the feedback panel comes after them). Each card's first text
# line is read from x 315 to 965 (after the badge, before the grip), and
# the rank of its width is its index.
order_on_screen() { # png n
	convert "$1" -crop "1x720+270+0" +repage -depth 8 txt:- 2>/dev/null |
		awk -F'[,: ]+' -v n="$2" '/^[0-9]/ {
			y = $2; c = $0 !~ /#FBFAF7/ && y > 80 && y < 640
			if (c && !inrun) { start = y; inrun = 1 }
			if (!c && inrun) { if (y - start > 20 && k < n) print start; k += (y - start > 20); inrun = 0 }
		}' >"$tmp/rows"
	[ "$(wc -l <"$tmp/rows")" -eq "$2" ] || { echo "rows?"; return; }
	: >"$tmp/widths"
	while read -r top; do
		convert "$1" -crop "650x30+315+$((top + 8))" +repage -depth 8 txt:- 2>/dev/null |
			awk -F'[,: ()]+' '/^[0-9]/ {
				if ($0 ~ /#[0-4][0-9A-F][0-4][0-9A-F][0-4][0-9A-F]/ && $1 > m) m = $1
			} END { print m + 0 }' >>"$tmp/widths"
	done <"$tmp/rows"
	python3 -c '
import sys
w = [int(x) for x in open(sys.argv[1]).read().split()]
ranks = sorted(range(len(w)), key=lambda i: w[i])
idx = [0] * len(w)
for r, i in enumerate(ranks):
	idx[i] = r
print(",".join(map(str, idx)) if len(set(w)) == len(w) else "ambiguous")
' "$tmp/widths"
}
# the responses recorded for question $1, oldest first, one per line, with
# "[,]" written ","
stored() {
	"$bin" export --data-dir "$tmp/data" --xapi "$tmp/x.json" >/dev/null 2>&1
	python3 -c '
import json, sys
for s in json.load(open(sys.argv[1])):
	o = s.get("object", {}).get("id", "")
	r = s.get("result", {})
	if o.endswith("/" + sys.argv[2]) and "response" in r:
		print(r["response"].replace("[,]", ","))
' "$tmp/x.json" "$1"
}
last_stored() { stored "$1" | tail -n 1; }
count_stored() { stored "$1" | wc -l | tr -d ' '; }
# 0 when two screenshots have the same pixels
same_pixels() {
	test "$(compare -metric AE "$shots/$1.png" "$shots/$2.png" null: 2>&1)" = 0
}
# 1 when colour RRGGBB covers more than N pixels of the screenshot
has_color() { # png RRGGBB n
	c=$(convert "$1" -fill black +opaque "#$2" -fill white -opaque "#$2" \
		-format '%[fx:mean*w*h]' info: 2>/dev/null)
	[ "${c%%.*}" -gt "$3" ] 2>/dev/null
}

if ! start; then
	fail "e2e_seen: the player window did not appear"
	cat "$tmp/lectern.log"
	exit 1
fi

# ------------------------------------------------------------ order, keys
shot o0-open
before=$(order_on_screen "$shots/o0-open.png" 4)
key 2 Up                        # the second item up to the top
shot o1-keys-moved
moved=$(order_on_screen "$shots/o1-keys-moved.png" 4)
want=$(echo "$before" | awk -F, '{ print $2 "," $1 "," $3 "," $4 }')
same "order: key 2 then Up moves the label on screen" "$moved" "$want"
key 4 Up Up                     # the last item up two places
shot o2-keys-moved
moved=$(order_on_screen "$shots/o2-keys-moved.png" 4)
want=$(echo "$want" | awk -F, '{ print $1 "," $4 "," $2 "," $3 }')
same "order: key 4, Up, Up moves the label on screen" "$moved" "$want"
key Return                      # Check
shot o3-keys-checked
checked=$(order_on_screen "$shots/o3-keys-checked.png" 4)
same "order (keys): the checked screen shows the order moved into" "$checked" "$moved"
same "order (keys): the order graded is the order on screen" "$(last_stored q-order)" "$checked"

# ------------------------------------------------------------ try again
key Return Return               # Try again, and a second Enter at once
shot o4-try-again
check "try again: a double Enter does not check the same answer again" \
	test "$(count_stored q-order)" = 1
key Return                      # Check with nothing changed
shot o5-unchanged
check "try again: Check refuses the unchanged wrong answer" \
	test "$(count_stored q-order)" = 1
same "try again: the list still shows the order graded" \
	"$(order_on_screen "$shots/o5-unchanged.png" 4)" "$checked"

# ------------------------------------------------------------ order, drag
o=$(order_on_screen "$shots/o5-unchanged.png" 4)
set -- $(cat "$tmp/rows")
y1=$(($1 + 25)) y4=$(($4 + 25))
xdotool mousemove 640 "$y4" mousedown 1
for d in 20 40 60 80 100 120 140 160 180; do
	xdotool mousemove 640 $((y4 - d)); sleep 0.05
done
xdotool mousemove 640 $((y1 - 5)); sleep 0.3
shot o6-dragging
xdotool mouseup 1
sleep 0.3
xdotool mousemove 1270 100
shot o7-dropped
dropped=$(order_on_screen "$shots/o7-dropped.png" 4)
want=$(echo "$o" | awk -F, '{ print $4 "," $1 "," $2 "," $3 }')
same "order: after a drag the list shows the order dropped" "$dropped" "$want"
# while dragging, the card in flight sits over the gap it would fill, so
# the cards read top to bottom are the order a drop would give
same "order: while dragging the preview shows that order" \
	"$(order_on_screen "$shots/o6-dragging.png" 4)" "$dropped"
key Return                      # Check
shot o8-drag-checked
same "order (drag): the checked screen shows the order dropped" \
	"$(order_on_screen "$shots/o8-drag-checked.png" 4)" "$dropped"
same "order (drag): the order graded is the order on screen" "$(last_stored q-order)" "$dropped"

# ------------------------------------------------------------ resume
quit
if start; then
	shot o9-resumed
	same "order (resume): the reopened question shows the order graded" \
		"$(order_on_screen "$shots/o9-resumed.png" 4)" "$(last_stored q-order)"
	key Return                  # Try again after the resume
	shot o10-resumed-open
	same "order (resume): Try again keeps showing that order" \
		"$(order_on_screen "$shots/o10-resumed-open.png" 4)" "$(last_stored q-order)"
	# put it right by keys: each item, smallest first, up to its place
	for want_i in 0 1 2 3; do
		cur=$(order_on_screen "$shots/o10-resumed-open.png" 4)
		pos=$(echo "$cur" | awk -F, -v w="$want_i" '{ for (i = 1; i <= NF; i++) if ($i == w) print i }')
		xdotool key --delay 60 "$pos"
		n=$((pos - 1 - want_i))
		while [ $n -gt 0 ]; do xdotool key --delay 60 Up; n=$((n - 1)); done
		sleep 0.3
		shot o10-resumed-open
	done
	same "order (resume): moves after a resume show on screen" \
		"$(order_on_screen "$shots/o10-resumed-open.png" 4)" "0,1,2,3"
	key Return
	shot o11-right
	same "order (resume): the order graded is the order on screen" \
		"$(last_stored q-order)" "0,1,2,3"
	check "order (resume): judged right, shown right" has_color "$shots/o11-right.png" E7F4EA 20000
else
	fail "resume: the player window did not appear again"
fi

# ------------------------------------------------------------ answered state
"$bin" render "$tmp/seen.yaml" --slide q-order --state answered -o "$shots/o12-answered.png" \
	>/dev/null 2>&1
same "order (answered state): the rendered answer shows the right order" \
	"$(order_on_screen "$shots/o12-answered.png" 4)" "0,1,2,3"

# ------------------------------------------------------------ double-click
key Return                      # Next: the single choice
shot s0-open
order_on_screen "$shots/s0-open.png" 3 >/dev/null # finds the three cards
set -- $(cat "$tmp/rows")
xdotool mousemove 640 $(($1 + 25)) click 1   # Alpha: wrong
sleep 0.3
xdotool mousemove 1200 681 click --repeat 2 --delay 90 1  # double-click Check
sleep 0.6
xdotool mousemove 1270 100
shot s1-double-check
check "double-click on Check: one try recorded" test "$(count_stored q-single)" = 1
check "double-click on Check: the feedback stays (Try again state)" \
	has_color "$shots/s1-double-check.png" FCE9E7 20000
xdotool mousemove 1200 681 click --repeat 2 --delay 90 1  # double-click Try again
sleep 0.6
xdotool mousemove 1200 681 click 1                      # and Check, unchanged
sleep 0.6
xdotool mousemove 1270 100
shot s2-double-try
check "double-click on Try again: the wrong answer is not submitted again" \
	test "$(count_stored q-single)" = 1
xdotool mousemove 640 $(($2 + 25)) click 1   # Beta: right
sleep 0.3
xdotool mousemove 1200 681 click --repeat 2 --delay 90 1  # double-click Check
sleep 0.6
xdotool mousemove 1270 100
shot s3-right
check "double-click on Check: the answer is recorded once" test "$(count_stored q-single)" = 2
same "double-click on Check: the choice graded is the one shown" "$(last_stored q-single)" 1
check "double-click on Check: still on the question, its feedback shown" \
	has_color "$shots/s3-right.png" E7F4EA 20000

# ------------------------------------------------------------ double Enter
key Return                      # Next: true or false
key 2
xdotool key --delay 60 Return Return  # Check, and Enter again at once
sleep 0.6
shot t1-double-enter
same "double Enter: the answer graded is the one shown (False)" "$(last_stored q-tf)" false
check "double Enter: still on the question, its feedback shown" \
	has_color "$shots/t1-double-enter.png" E7F4EA 20000

# ------------------------------------------------------------ retake
csv_row() {
	"$bin" progress --data-dir "$tmp/data" --modules "$tmp" --format csv 2>/dev/null |
		tr -d '\r' | grep '^seen,'
}
key Return                      # Next: the last slide
sleep 0.3
key Right                       # Finish: the results
shot r0-results
key r                           # Retake asks first
shot r1-asking
check "retake: R asks before starting again (nothing changed yet)" \
	sh -c "csv=\$(\"$bin\" progress --data-dir '$tmp/data' --format csv | tr -d '\r' | grep '^seen,');
	       echo \"\$csv\" | awk -F, '{ exit !(\$4 == \"passed\" && \$16 == 1) }'"
key Escape                      # keep my result
shot r2-kept
check "retake: Escape keeps the results" same_pixels r0-results r2-kept
key r Tab Return                # Start again
shot r3-again
row=$(csv_row)
echo "after the retake: $row"
check "retake: the new attempt is in progress, the best result kept in the CSV" \
	sh -c "echo '$row' | awk -F, '{ exit !(\$4 == \"in-progress\" && \$5 == \"\" &&
	       \$14 == \"passed\" && \$15 == 100 && \$16 == 2) }'"
"$bin" progress --data-dir "$tmp/data" --modules "$tmp" >"$tmp/table" 2>/dev/null
check "retake: lectern progress shows the best result and the attempts" \
	grep -q 'in progress *- *passed 100% *2 ' "$tmp/table"
quit
exit 0
