#!/bin/sh
# e2e_seen.sh: what the learner sees is what is graded (issue 11). Drives
# the real player under Xvfb with xdotool, reads the answer off the screen
# (tests/sh/screen.py) and compares it with what the store recorded
# (`lectern export --xapi`), so a screen that shows one answer while Check
# submits another fails here even when the stored answer looks right.
#
# Every question type, by keys and by mouse, before and after Check:
#  - order: pick and Up, a drag (during and after), Try again, a resume,
#    and `lectern render --state answered` (items ranked by text width);
#  - single and decision: the card clicked; multiple: keys and clicks,
#    toggled, then changed after Try again (cards read by their fill);
#  - true-false: keys; match: keys, then after a resume by clicks (each
#    left item's partner badge is found among the right cards' badges);
#  - short: typing at the caret, Home, End, Ctrl+A, Ctrl+Left, Ctrl+
#    Backspace (the field's glyphs compared with `lectern render` of the
#    stored text), and an answer accepted as close;
#  - a double-click on Check and on Try again, a double Enter, Check
#    refused for an unchanged wrong answer;
#  - Retake asks first; after it the CSV and `lectern progress` keep the
#    best result and count the attempts.
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
  - id: q-multi
    title: Multiple
    type: multiple
    question: Which numbers are even?
    attempts: 2
    choices:
      - text: Two
        correct: true
      - text: Three
      - text: Four
        correct: true
      - text: Five
  - id: q-match
    title: Match
    type: match
    question: Match each animal with its sound.
    attempts: 2
    pairs:
      - [Cat, Mew]
      - [Dog, Woof woof]
      - [Cow, Moo moo moo moo]
  - id: q-short
    title: Short
    type: short
    question: What do we call a private interest that could influence your duty?
    attempts: 2
    accept: [conflict of interest]
  - id: q-decision
    title: Decision
    type: decision
    question: A broker offers you a gift. What do you do?
    choices:
      - text: Keep it
        goto: done
      - text: Decline it and report the offer
        correct: true
        goto: done
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
	# a second try: on a loaded machine a window can be slow to map
	for try in 1 2; do
		"$bin" --data-dir "$tmp/data" --learner seen --size 1280x720 \
			--theme light "$tmp/seen.yaml" >>"$tmp/lectern.log" 2>&1 &
		lpid=$!
		win=$(timeout 20 xdotool search --sync --onlyvisible --pid "$lpid" 2>/dev/null |
			head -n 1)
		[ -n "$win" ] && break
		echo "start: no window (try $try)"
		cat "$tmp/lectern.log"
		kill "$lpid" 2>/dev/null
		wait "$lpid" 2>/dev/null
		lpid=
	done
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

# what the screen shows, read by tests/sh/screen.py (see there how)
order_on_screen() { python3 tests/sh/screen.py order "$1" "$2"; }
chosen_on_screen() { python3 tests/sh/screen.py chosen "$1" "$2"; }
pairs_on_screen() { python3 tests/sh/screen.py pairs "$1" "$2"; }
# the card rows (top and bottom) down column x, for clicks
rows() { # png x
	python3 -c 'import sys; sys.path.insert(0, "tests/sh"); import screen
for t, b in screen.runs(screen.Shot(sys.argv[1]), int(sys.argv[2])): print(t, b)' "$1" "$2"
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
set -- $(rows "$shots/o5-unchanged.png" 270 | awk '{ print $1 }')
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
set -- $(rows "$shots/s0-open.png" 270 | awk '{ print $1 }')
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

# the stored response with "[.]" written "."
flat() { sed 's/\[\.\]/./g'; }
click_row() { # png x n: click the middle of the nth card down column x
	xdotool mousemove "$2" "$(rows "$1" "$2" | awk -v n="$3" 'NR == n { print int(($1 + $2) / 2) }')" click 1
	sleep 0.3
	xdotool mousemove 1270 100
}
footer_button() { sleep 0.6; xdotool mousemove 1200 681 click 1; sleep 0.4; xdotool mousemove 1270 100; }

# ------------------------------------------------------------ multiple
key Return                      # Next: the multiple choice
shot c0-open
key 1 2                         # Two, Three by keys
click_row "$shots/c0-open.png" 640 4   # Five by a click
click_row "$shots/c0-open.png" 640 4   # and off again
shot c1-picked
same "multiple (keys, click): the cards chosen on screen" \
	"$(chosen_on_screen "$shots/c1-picked.png" 4)" "0,1"
key Return                      # Check: wrong
shot c2-checked
same "multiple: the choices graded are the ones on screen" \
	"$(last_stored q-multi)" "$(chosen_on_screen "$shots/c2-checked.png" 4)"
key Return 2 3                  # Try again, Three off, Four on
shot c3-changed
same "multiple (try again): the cards chosen on screen" \
	"$(chosen_on_screen "$shots/c3-changed.png" 4)" "0,2"
footer_button                   # Check by mouse
shot c4-right
same "multiple (try again): the choices graded are the ones on screen" \
	"$(last_stored q-multi)" "0,2"
same "multiple (checked): the screen still shows them" \
	"$(chosen_on_screen "$shots/c4-right.png" 4)" "0,2"

# ------------------------------------------------------------ match
key Return                      # Next: the match
shot p0-open
key 1 a 2 b 3 c                 # each left item with the right item beside it
shot p1-keys
keys_pairs=$(pairs_on_screen "$shots/p1-keys.png" 3)
check "match (keys): every left item shows a partner" \
	sh -c "echo '$keys_pairs' | grep -qv -- '-'"
key Return                      # Check
shot p2-checked
same "match (keys): the pairs graded are the pairs on screen" \
	"$(last_stored q-match | flat)" "$keys_pairs"
same "match (keys, checked): the screen still shows them" \
	"$(pairs_on_screen "$shots/p2-checked.png" 3)" "$keys_pairs"
if [ "$keys_pairs" != "0.0,1.1,2.2" ]; then
	# wrong (the right column is shuffled): quit, come back, try again
	quit
	start || fail "match: the player window did not appear again"
	shot p3-resumed
	same "match (resume): the reopened question shows the pairs graded" \
		"$(pairs_on_screen "$shots/p3-resumed.png" 3)" "$keys_pairs"
	key Return                  # Try again
	shot p4-again
	# pair by mouse: left 1 with the right card that reads as item 0,
	# left 2 with item 1, left 3 with item 2 (the right answer)
	# (a pair clicked again comes apart, so pairs already right stay)
	for l in 1 2 3; do
		pos=$(python3 -c 'import sys; sys.path.insert(0, "tests/sh"); import screen
s = screen.Shot(sys.argv[1]); right = screen.runs(s, 1008)[:3]
xs = [screen.card_left(s, t + 10, 640, 1008) for t, _ in right]
w = screen.ranks([screen.text_right(s, x + 45, 960, t) for x, (t, _) in zip(xs, right)])
print(w.index(int(sys.argv[2])) + 1)' "$shots/p4-again.png" $((l - 1)))
		shot p4-pairing
		if ! pairs_on_screen "$shots/p4-pairing.png" 3 | grep -q "$((l - 1))\.$((l - 1))"; then
			click_row "$shots/p4-again.png" 270 "$l"
			click_row "$shots/p4-again.png" 1008 "$pos"
		fi
	done
	shot p5-clicked
	same "match (click): the pairs on screen" \
		"$(pairs_on_screen "$shots/p5-clicked.png" 3)" "0.0,1.1,2.2"
	footer_button               # Check
	shot p6-right
	same "match (click): the pairs graded are the pairs on screen" \
		"$(last_stored q-match | flat)" "0.0,1.1,2.2"
fi

# ------------------------------------------------------------ short
# the field is compared with `lectern render` of the same question whose
# accepted answer is the text stored: the same glyphs in the same place
field_is_stored() { # shot
	st=$(last_stored q-short)
	cat >"$tmp/ref.yaml" <<EOF
lectern: 1
id: e2e-seen
title: What you see is graded
slides:
  - id: q-short
    title: Short
    type: short
    question: What do we call a private interest that could influence your duty?
    accept: ["$st"]
EOF
	"$bin" render "$tmp/ref.yaml" --slide 1 --state answered -o "$shots/$1-stored.png" \
		>/dev/null 2>&1 &&
	python3 tests/sh/screen.py same-field "$shots/$1.png" "$shots/$1-stored.png"
}
key Return                      # Next: the short answer
xdotool type --delay 50 'bribe'
key Home
xdotool type --delay 50 'a '    # typed at the caret
key Return                      # Check: wrong
shot f1-wrong
same "short: the stored text" "$(last_stored q-short)" "a bribe"
check "short (Home, typing at the caret): the text graded is the text on screen" \
	field_is_stored f1-wrong
key Return                      # Try again
key ctrl+a
xdotool type --delay 50 'conflicts intrest'  # Ctrl+A: typing replaces it all
key ctrl+Left
xdotool type --delay 50 'of '
key End Left Left Left Left
xdotool type --delay 50 'e'     # conflicts of inte|rest
key End ctrl+BackSpace          # conflicts of |
xdotool type --delay 50 'interest'
key Return                      # Check: close, accepted
shot f2-close
same "short (Ctrl+A, Ctrl+Left, Left, End, Ctrl+Backspace): the stored text" \
	"$(last_stored q-short)" "conflicts of interest"
check "short (editing keys): the text graded is the text on screen" field_is_stored f2-close
check "short: accepted as close (judged right, shown right)" \
	has_color "$shots/f2-close.png" E7F4EA 20000

# ------------------------------------------------------------ decision
key Return                      # Next: the decision
shot d0-open
click_row "$shots/d0-open.png" 640 2   # decline and report
shot d1-picked
same "decision (click): the card chosen on screen" "$(chosen_on_screen "$shots/d1-picked.png" 2)" 1
footer_button                   # Decide
shot d2-checked
same "decision: the choice recorded is the one on screen" "$(last_stored q-decision)" 1
same "decision (checked): the screen still shows it" \
	"$(chosen_on_screen "$shots/d2-checked.png" 2)" 1

# ------------------------------------------------------------ retake
csv_row() {
	"$bin" progress --data-dir "$tmp/data" --modules "$tmp" --format csv 2>/dev/null |
		tr -d '\r"' | grep '^seen,'
}
key Return                      # Continue: the last slide
sleep 0.3
key Right                       # Finish: the results
shot r0-results
key r                           # Retake asks first
shot r1-asking
before=$(csv_row)
echo "before the retake: $before"
status=$(echo "$before" | cut -d, -f4)
score=$(echo "$before" | cut -d, -f5)
check "retake: R asks before starting again (nothing changed yet)" \
	sh -c "echo '$before' | awk -F, '{ exit !(\$4 != \"in-progress\" && \$16 == 1) }'"
key Escape                      # keep my result
shot r2-kept
check "retake: Escape keeps the results" same_pixels r0-results r2-kept
key r Tab Return                # Start again
shot r3-again
row=$(csv_row)
echo "after the retake: $row"
check "retake: the new attempt is in progress, the best result kept in the CSV" \
	sh -c "echo '$row' | awk -F, '{ exit !(\$4 == \"in-progress\" && \$5 == \"\" &&
	       \$14 == \"$status\" && \$15 == \"$score\" && \$16 == 2) }'"
"$bin" progress --data-dir "$tmp/data" --modules "$tmp" >"$tmp/table" 2>/dev/null
check "retake: lectern progress shows the best result and the attempts" \
	grep -q "in progress *- *$status $score% *2 " "$tmp/table"
quit
exit 0
