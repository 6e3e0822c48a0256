#!/bin/sh
# e2e_questions.sh: drive the real player under Xvfb with xdotool through a
# module holding every question type: once with the keyboard alone, once
# with the mouse (clicks, a drag, a typed answer), reach the results
# screen, open the contents and help overlays, quit, and check what the
# store recorded. Screenshots of every question before and after Check
# are kept in build/e2e-shots/ for people to look at.
#
# The answers need no knowledge of the shuffle: an order question with
# two items is never shown in the right order, so it is always reversed,
# and the right column of a two-pair match is never lined up with the
# left, so it is always crossed. Mouse targets are found on the screen:
# cards are runs of rows in the card colour down a pixel column.
set -u
cd "$(dirname "$0")/../.." || exit 2

bin=$PWD/build/lectern
keep=$PWD/build/e2e-shots
tmp=$(mktemp -d /tmp/lectern-e2e.XXXXXX)
shots=$tmp/shots # copied to $keep at the end: runs side by side never mix
lpid=
. tests/sh/xvfb_lib.inc

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

need_tools e2e_questions Xvfb xdotool import convert
[ -x "$bin" ] || { fail "e2e_questions: build/lectern missing (make)"; exit 1; }
mkdir -p "$shots"

cat >"$tmp/quiz.yaml" <<'EOF'
lectern: 1
id: e2e-quiz
title: Every question type
pass_mark: 80
navigation: linear
slides:
  - id: intro
    section: Start
    title: Welcome
    body: Seven questions follow, one of each type.
  - id: q-single
    section: Choices
    title: Single
    type: single
    question: Which letter comes second?
    attempts: 2
    choices:
      - text: Alpha
        feedback: Alpha comes first.
      - text: Beta
        correct: true
        feedback: Yes.
      - text: Gamma
    feedback:
      correct: Well done.
      incorrect: Not that one.
    explanation: A, B, C.
  - id: q-multiple
    title: Multiple
    type: multiple
    question: Which numbers are even?
    choices:
      - text: Two
        correct: true
      - text: Three
      - text: Four
        correct: true
  - id: q-tf
    title: True or false
    type: true-false
    question: Customs officers may accept cash from traders.
    answer: false
    explanation: Never.
  - id: q-order
    section: Sorting
    title: Order
    type: order
    question: Put them in order.
    items: [First step, Second step]
  - id: q-match
    title: Match
    type: match
    question: Match each animal with its sound.
    pairs:
      - [Cat, Meow]
      - [Dog, Woof]
  - id: q-short
    title: Short
    type: short
    question: Where do you drink an espresso?
    accept: [Café, кафе]
    explanation: In a café.
  - id: q-decision
    section: Story
    title: Decision
    type: decision
    question: A broker offers a gift. What do you do?
    choices:
      - text: Keep it
        goto: bad
        feedback: That is a conflict of interest.
      - text: Decline and report it
        correct: true
        goto: good
        feedback: The right thing to do.
  - id: bad
    title: Kept
    body: The gift was a problem.
    next: end
  - id: good
    title: Declined
    body: Well handled.
    next: end
EOF

# a display of our own
xvfb_start 1280x720 "$tmp" || { fail "e2e_questions: Xvfb did not start"; exit 1; }
export SDL_VIDEODRIVER=x11
# settings and remembered preferences stay in the scratch folder
XDG_CONFIG_HOME=$tmp/config
XDG_DATA_HOME=$tmp/share
export XDG_CONFIG_HOME XDG_DATA_HOME

win=
start() { # learner
	"$bin" --data-dir "$tmp/data" --learner "$1" --size 1280x720 \
		--theme light "$tmp/quiz.yaml" >"$tmp/lectern-$1.log" 2>&1 &
	lpid=$!
	win=$(timeout 20 xdotool search --sync --onlyvisible --pid "$lpid" 2>/dev/null | head -n 1)
	[ -n "$win" ] || return 1
	timeout 10 xdotool windowmove "$win" 0 0 windowfocus --sync "$win" 2>/dev/null
	sleep 0.4
}
key() { xdotool key --delay 60 "$@"; sleep 0.25; }
# a screenshot once the screen has settled (two grabs alike), so a slow
# machine does not catch a frame half way
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
quit() {
	key ctrl+q
	if ! retry 50 gone "$lpid"; then
		kill "$lpid"
		lpid=
		return 1
	fi
	wait "$lpid"
	rc=$?
	lpid=
	return $rc
}
# the colour of a pixel of the last screenshot, as RRGGBB
pixel() { # shot x y
	convert "$shots/$1.png" -format '%[hex:p{'"$2"','"$3"'}]' info: 2>/dev/null | cut -c1-6
}
# centre rows of the cards crossing pixel column x of a screenshot: runs of
# rows in the card colour (light theme panel EEF0F3, chosen NOTE_BG
# EAF1FB) between the header and the footer
cards() { # shot x
	convert "$shots/$1.png" -crop "1x720+$2+0" +repage -depth 8 txt:- 2>/dev/null |
		awk -F'[,: ]+' '/^[0-9]/ {
			y = $2; c = ($0 ~ /#EEF0F3|#EAF1FB/) && y > 90 && y < 630
			if (c && !inrun) { start = y; inrun = 1 }
			if (!c && inrun) { if (y - start > 20) print int((start + y) / 2); inrun = 0 }
		}'
}
nth() { sed -n "$1p"; }
# 0 when two screenshots show the same page between header and footer
same_body() {
	convert "$shots/$1.png" -crop 1280x560+0+80 +repage -depth 8 "rgb:$tmp/1.rgb" &&
	convert "$shots/$2.png" -crop 1280x560+0+80 +repage -depth 8 "rgb:$tmp/2.rgb" &&
	cmp -s "$tmp/1.rgb" "$tmp/2.rgb"
}
progress_csv() {
	"$bin" progress --data-dir "$tmp/data" --modules "$tmp" --format csv 2>/dev/null |
		tr -d '\r"'
}

# ------------------------------------------------------------ keyboard
if ! start keys; then
	fail "e2e_questions: the player window did not appear"
	cat "$tmp/lectern-keys.log"
	exit 1
fi
shot k00-intro
key Right
shot k01-single-open
key 1 Return                    # Alpha: wrong, one attempt left
shot k01-single-retry
key Return 2 Return             # Try again, Beta, Check
shot k01-single-checked
key Return
key Tab space Tab Tab space     # Two and Four, with Tab and Space
shot k02-multiple-open
key Return
shot k02-multiple-checked
key Return 2                    # False is key 2
shot k03-tf-open
key Return
shot k03-tf-checked
key Return
shot k04-order-open
key 1 Down                      # two items are always reversed
shot k04-order-moved
key Return
shot k04-order-checked
key Return
shot k05-match-open
key 1 b 2 a                     # two pairs are always crossed
shot k05-match-paired
key Return
shot k05-match-checked
key Return
xdotool type --delay 80 'Caféx'
key BackSpace
shot k06-short-open
key Return
shot k06-short-checked
key Return t                    # contents overlay
shot k07-contents
key Home Return                 # open the first slide from the contents
shot k07-contents-opened
# (Back is enabled now: the contents put the decision on its history)
check "keyboard: the contents open the first slide" same_body k07-contents-opened k00-intro
key t Home Down Down Down Down Down Down Down Return  # back to the decision
key F1
shot k08-help
key Escape 2
shot k09-decision-open
key Return
shot k09-decision-checked
key Return                      # Continue: goes to "good"
shot k10-after-decision
key Right                       # next: end -> results
shot k11-results
key End
shot k11-results-review
check "keyboard: the player quits with Ctrl+Q and status 0" quit

row=$(progress_csv | grep '^keys,')
echo "keys progress: $row"
check "keyboard: module passed with 100%" \
	sh -c "echo '$row' | awk -F, '{ exit !(\$4 == \"passed\" && \$5 == 100) }'"
check "keyboard: all seven questions answered" \
	sh -c "echo '$row' | awk -F, '{ exit !(\$8 == 7 && \$9 == 7) }'"
check "keyboard: the decision's other branch was not visited" \
	sh -c "echo '$row' | awk -F, '{ exit !(\$6 == 9) }'"
check "keyboard: results screen shows the pass colour" \
	test "$(pixel k11-results 640 210)" != "$(pixel k10-after-decision 640 210)"
# the wrong first try of the single choice was recorded too
check "keyboard: the first, wrong try is in the xAPI record" \
	sh -c "'$bin' export --data-dir '$tmp/data' --learner keys --xapi '$tmp/keys.json' >/dev/null 2>&1 &&
	       grep -q '\"response\": *\"0\"' '$tmp/keys.json' || grep -q '\"response\":\"0\"' '$tmp/keys.json'"

# ------------------------------------------------------------ resume
# a new run opens where the learner left: on the results of a finished module
if start keys; then
	shot k12-reopened
	check "resume: a finished module reopens on its results" same_body k12-reopened k11-results
	key r                          # retake: it asks first
	shot k13-asking
	check "retake: asks before starting again" \
		sh -c "! test '$(pixel k13-asking 640 100)' = '$(pixel k12-reopened 640 100)'"
	key Tab Return                 # Start again
	shot k13-retake
	check "retake: back at the first slide" same_body k13-retake k00-intro
	quit >/dev/null
else
	fail "resume: the player window did not appear again"
fi

# ------------------------------------------------------------ mouse
# (no --sync: it waits for a move that never comes when the pointer is
# already there)
click() { xdotool mousemove "$1" "$2" click 1; sleep 0.3; }
# the footer's right-hand button, pressed as a learner does after reading:
# a second press within UI_GUARD_MS of the first is taken for a double-click
# and ignored (e2e_seen checks that)
check_btn() { sleep 0.5; click 1200 681; }
if ! start mouse; then
	fail "e2e_questions: the player window did not appear (mouse)"
	exit 1
fi
shot m00-intro
click 139 681                     # the contents button by Back
shot m00-contents
check "mouse: the contents button opens the contents" \
	test "$(pixel m00-contents 100 300)" != "$(pixel m00-intro 100 300)"
click 20 300                      # a click outside closes it
click 190 681                     # the help button
shot m00-help
click 386 118                     # its Dark theme button
shot m00-dark
check "mouse: the help's theme buttons switch the theme" \
	test "$(pixel m00-dark 100 300)" != "$(pixel m00-help 100 300)"
click 287 118                     # and back to Light
click 20 300
shot m00-closed
check "mouse: the help button opens help, a click outside closes it" \
	sh -c "test '$(pixel m00-help 100 300)' != '$(pixel m00-intro 100 300)' &&
	       test '$(pixel m00-closed 100 300)' = '$(pixel m00-intro 100 300)'"
check_btn                         # Next on the intro
shot m01-single
y=$(cards m01-single 400 | nth 1)
click 400 "$y"                    # Alpha, wrong
check_btn                         # Check
shot m01-single-wrong
check_btn                         # Try again
y=$(cards m01-single 400 | nth 2)
click 400 "$y"                    # Beta
check_btn                         # Check
shot m01-single-checked
check "mouse: a click picks the single choice and Check marks it right" \
	test "$(pixel m01-single-checked 990 "$y")" != "$(pixel m01-single 990 "$y")"
check_btn                         # Next
shot m02-multiple
y1=$(cards m02-multiple 400 | nth 1)
y3=$(cards m02-multiple 400 | nth 3)
click 400 "$y1"
click 400 "$y3"
check_btn
shot m02-multiple-checked
check_btn
shot m03-tf
y=$(cards m03-tf 400 | nth 2)
click 400 "$y"                    # False
check_btn
check_btn
shot m04-order
y1=$(cards m04-order 400 | nth 1)
y2=$(cards m04-order 400 | nth 2)
# drag the first item below the second
xdotool mousemove 400 "$y1" mousedown 1
for d in 10 20 30 40 50 60 70 80; do
	xdotool mousemove 400 $((y1 + d)); sleep 0.05
done
xdotool mousemove 400 $((y2 + 20)); sleep 0.1
shot m04-order-dragging
xdotool mouseup 1
sleep 0.3
shot m04-order-dropped
check_btn
shot m04-order-checked
check_btn
shot m05-match
l1=$(cards m05-match 400 | nth 1)
l2=$(cards m05-match 400 | nth 2)
r1=$(cards m05-match 900 | nth 1)
r2=$(cards m05-match 900 | nth 2)
click 400 "$l1"; click 900 "$r2"  # crossed: Cat-B, Dog-A
click 400 "$l2"; click 900 "$r1"
shot m05-match-paired
check_btn
shot m05-match-checked
check_btn
shot m06-short
click 640 300                     # the field (typing needs no click)
xdotool type --delay 80 'кафе'   # non-Latin text input
check_btn
shot m06-short-checked
check_btn
shot m07-decision
y=$(cards m07-decision 400 | nth 1)
click 400 "$y"                    # Keep it: the other branch
check_btn
shot m07-decision-checked
check_btn                         # Continue
shot m08-bad
check_btn                         # Finish
shot m09-results
check "mouse: the player quits with Ctrl+Q and status 0" quit

row=$(progress_csv | grep '^mouse,')
echo "mouse progress: $row"
check "mouse: six right answers of seven, passed (85%)" \
	sh -c "echo '$row' | awk -F, '{ exit !(\$4 == \"passed\" && \$5 == 85 && \$8 == 7) }'"
check "mouse: the decision led to the other branch" \
	sh -c "echo '$row' | awk -F, '{ exit !(\$13 == \"bad\") }'"
exit 0
