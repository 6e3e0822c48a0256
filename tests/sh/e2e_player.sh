#!/bin/sh
# e2e_player.sh: the real player in a real X server (Xvfb + openbox),
# driven by real key presses and clicks (xdotool), as a learner would:
#  - the catalog lists the modules, a broken one as unavailable;
#  - arrow keys and Enter open a module; Right, Space, Left and a click on
#    Next move through it (the store's bookmark follows every step);
#  - the last Next reaches the results; the module is then completed;
#  - Escape goes back to the catalog, Ctrl+Q quits cleanly;
#  - `lectern PATH` resumes at the bookmark; --theme is remembered;
#  - waiting costs no CPU (no frame loop).
# Screenshots go to build/test-logs/player-*.png.
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
bin=${LECTERN:-$top/build/lectern}
logs=$top/build/test-logs
mkdir -p "$logs"
export LC_ALL=C LANGUAGE=
unset LANG
# the player writes each frame's visible text here (what the learner reads)

. tests/sh/xvfb_lib.inc
need_tools e2e_player Xvfb xdotool openbox import convert

t=$(mktemp -d /tmp/lectern-e2e.XXXXXX)
export LECTERN_SCREEN_TEXT=$t/screen.txt
app=
cleanup() {
	[ -n "$app" ] && kill -9 "$app" 2>/dev/null
	xvfb_stop
	rm -rf "$t"
}
trap cleanup EXIT

ok() { echo "PASS: player $1"; }
no() { echo "FAIL: player $1"; }
not() { ! "$@"; }
check() { # name, command...
	what=$1
	shift
	if "$@"; then ok "$what"; else no "$what"; fi
}
# the window's own pixels (window coordinates, no decorations)
shot() { import -window "$wid" "$logs/player-$1.png" 2>/dev/null; }
# 1 when colour RRGGBB occurs in the screenshot (in area WxH+X+Y if given)
has_color() { # name RRGGBB [geometry]
	count=$(convert "$logs/player-$1.png" -crop "${3:-100%x100%+0+0}" +repage \
		-fill black +opaque "#$2" -fill white \
		-opaque "#$2" -format '%[fx:mean*w*h]' info: 2>/dev/null)
	[ "${count%%.*}" -gt 0 ] 2>/dev/null
}
# the learner's row for module id $1 from `lectern progress --format csv`
row() {
	"$bin" progress --data-dir "$t/data" --modules "$t/mods" --format csv 2>/dev/null |
		tr -d '"' | grep ",$1,"
}
# wait until the row for module $1 matches $2 (5 s at most)
row_has() { row "$1" | grep -q -- "$2"; }
wait_row() { retry 50 row_has "$1" "$2"; }
keys() { # key names, one after another, with time to draw between
	for k in "$@"; do
		xdotool key "$k"
		sleep 0.15
	done
}
launch() { # args...: run the player, find its window
	"$bin" "$@" >"$t/app.log" 2>&1 &
	app=$!
	wid=$(timeout 10 xdotool search --sync --onlyvisible --name '^Lectern$' 2>/dev/null |
		head -n 1)
	sleep 0.5
}
start() { # args...
	launch --modules "$t/mods" --data-dir "$t/data" --learner e2e --size 1024x700 "$@"
}
# wait for the program to end; its status in $rc
wait_exit() {
	if ! retry 50 gone "$app"; then
		rc=timeout
	else
		wait "$app"
		rc=$?
	fi
	app=
}

# ---------------------------------------------------------------- modules
mkdir -p "$t/mods" "$t/data"
cat >"$t/mods/a-intro.yaml" <<'EOF'
lectern: 1
id: a-intro
title: A short introduction
minutes: 2
slides:
  - id: one
    title: One
    body: [The first slide.]
  - id: two
    title: Two
    body: [The second slide.]
  - id: three
    title: Three
    body: [The third slide.]
EOF
cat >"$t/mods/b-walk.yaml" <<'EOF'
lectern: 1
id: b-walk
title: A walk through four slides
description: Four slides, read one after another.
minutes: 5
slides:
  - id: start
    section: Beginning
    title: Start
    body:
      - A paragraph with **bold** and *italic* words.
      - bullets: [one, two, three]
  - id: middle
    title: Middle
    body:
      - note: A note in the middle.
  - id: long
    title: A long slide
    body:
      - Line one of a long slide that needs a scroll bar at this size.
      - Line two of a long slide that needs a scroll bar at this size.
      - Line three of a long slide that needs a scroll bar at this size.
      - Line four of a long slide that needs a scroll bar at this size.
      - Line five of a long slide that needs a scroll bar at this size.
      - Line six of a long slide that needs a scroll bar at this size.
      - Line seven of a long slide that needs a scroll bar at this size.
      - Line eight of a long slide that needs a scroll bar at this size.
      - Line nine of a long slide that needs a scroll bar at this size.
      - Line ten of a long slide that needs a scroll bar at this size.
      - Line 11 of a long slide that needs a scroll bar at this size.
      - Line 12 of a long slide that needs a scroll bar at this size.
      - Line 13 of a long slide that needs a scroll bar at this size.
      - Line 14 of a long slide that needs a scroll bar at this size.
      - Line 15 of a long slide that needs a scroll bar at this size.
      - Line 16 of a long slide that needs a scroll bar at this size.
      - Line 17 of a long slide that needs a scroll bar at this size.
      - Line 18 of a long slide that needs a scroll bar at this size.
      - Line 19 of a long slide that needs a scroll bar at this size.
      - Line 20 of a long slide that needs a scroll bar at this size.
      - Line 21 of a long slide that needs a scroll bar at this size.
      - Line 22 of a long slide that needs a scroll bar at this size.
      - Line 23 of a long slide that needs a scroll bar at this size.
      - Line 24 of a long slide that needs a scroll bar at this size.
  - id: last
    title: The end
    body: [The last slide.]
EOF
printf 'lectern: 1\nid: c-broken\ntitle: Broken\nslides: 12\n' >"$t/mods/c-broken.yaml"

# ---------------------------------------------------------------- display
xvfb_start 1024x768 "$t" || { echo "FAIL: player could not start Xvfb"; exit 1; }
wm_start

# ---------------------------------------------------------------- catalog
start
check "window opens" kill -0 "$app"
shot catalog
check "catalog drawn in the light theme" has_color catalog FBFAF7
check "broken module listed as unavailable, in plain words" \
	grep -q 'this module cannot be opened' "$t/screen.txt"
check "  ...after the working modules, which come first" \
	sh -c "grep '#17365d' '$t/screen.txt' | awk '\$2 > 60' | head -n 1 | grep -q 'A short introduction' &&
	       grep '#17365d' '$t/screen.txt' | awk '\$2 > 60' | tail -n 1 | grep -q 'c-broken'"
check "  ...and no raw FILE:LINE:COL error for the learner" \
	sh -c "! grep -q 'yaml:[0-9]' '$t/screen.txt'"

# idle: a second of waiting uses (almost) no CPU
cpu() { awk '{ print $14 + $15 }' "/proc/$app/stat"; }
c0=$(cpu)
sleep 1.5
c1=$(cpu)
check "idle costs no CPU ($((c1 - c0)) ticks in 1.5 s)" test $((c1 - c0)) -le 2

# ---------------------------------------------------------------- module
keys Down Return
check "Down + Enter opens the second module at its first slide" \
	wait_row b-walk 'in-progress.*,start'
keys Right
check "Right goes to the next slide" wait_row b-walk ',middle'
keys space
check "Space goes to the next slide" wait_row b-walk ',long'
shot long
check "a long slide shows a scroll bar" has_color long 6E7781 30x500+994+100
# thumb: the first row of the scroll bar's thumb colour at the right edge
thumb_y() {
	convert "$logs/player-$1.png" -crop 30x600+994+70 +repage -fill black \
		+opaque '#6E7781' -fill white -opaque '#6E7781' -trim -format '%Y' info: \
		2>/dev/null | tr -d '+'
}
t0=$(thumb_y long)
keys End
shot end
check "End scrolls to the bottom (thumb from $t0 to $(thumb_y end))" \
	test "$(thumb_y end)" -gt "$t0"
keys Home
shot home
check "Home scrolls back to the top" test "$(thumb_y home)" = "$t0"
xdotool mousemove --window "$wid" 500 300 click 5 click 5
sleep 0.3
shot wheel
check "the mouse wheel scrolls" test "$(thumb_y wheel)" -gt "$t0"
keys Home
# drag the thumb down by 150 pixels (the bar sits a quarter em from the edge)
y=$((70 + t0 + 10))
xdotool mousemove --window "$wid" 1016 $y mousedown 1 mousemove --window "$wid" 1016 \
	$((y + 75)) mousemove --window "$wid" 1016 $((y + 150)) mouseup 1
sleep 0.3
shot drag
check "dragging the scroll bar scrolls ($t0 -> $(thumb_y drag))" \
	test "$(thumb_y drag)" -gt $((t0 + 100))
keys Down Up
check "scrolling does not change slides" wait_row b-walk ',long'
keys Left
check "Left goes back" wait_row b-walk ',middle'
# a click on Next: bottom right, in the footer
xdotool mousemove --window "$wid" $((1024 - 40)) $((700 - 36)) click 1
check "a click on Next goes on" wait_row b-walk ',long'
keys Right
check "Right reaches the last slide" wait_row b-walk ',last'
keys Right
sleep 0.3
shot results
check "the last Next finishes the module" wait_row b-walk 'completed\|passed'
check "  ...and, with nothing graded, no pass badge (no green) on the results" \
	not has_color results 1C7440
keys Escape
sleep 0.3
shot catalog2
check "Escape leads back to the catalog (status shown in green)" has_color catalog2 1C7440
# text size and window size: the catalog reflows
ink_h() { # height of the first card's title as drawn (the screen text)
	grep '#17365d' "$t/screen.txt" | awk '$2 > 60 { print $4; exit }'
}
h0=$(ink_h)
keys ctrl+plus ctrl+plus
shot bigger
check "Ctrl+Plus makes the text bigger ($h0 -> $(ink_h) px)" \
	test "$(ink_h)" -gt "$h0"
keys ctrl+0 F11
sleep 0.3
shot full
check "F11: full screen" \
	test "$(identify -format '%wx%h' "$logs/player-full.png")" = 1024x768
keys F11
sleep 0.3
xdotool windowsize "$wid" 800 600
sleep 0.5
shot small
check "the window can be made 800x600" \
	test "$(identify -format '%wx%h' "$logs/player-small.png")" = 800x600
check "  ...and the footer follows it (Quit at the new bottom right)" \
	has_color small 1F2328 120x60+680+540
keys ctrl+q
wait_exit
check "Ctrl+Q quits with status 0 ($rc)" test "$rc" = 0

# ---------------------------------------------------------------- resume
start
keys Return Right
check "first module opened and moved on" wait_row a-intro ',two'
keys ctrl+q
wait_exit
start "$t/mods/a-intro.yaml"
keys Right
check "lectern PATH resumes at the bookmark" wait_row a-intro ',three'
sleep 2
keys Escape
# time spent (10th field) is recorded when the module is left
spent=$(row a-intro | cut -d, -f10)
check "time spent in the module is recorded (${spent}s)" test "${spent:-0}" -ge 2
sleep 0.3
shot escape
check "Escape from a module opened by path shows the catalog" \
	grep -q ' Training modules$' "$t/screen.txt"
keys ctrl+q
wait_exit

# ---------------------------------------------------------------- broken later
# a module that breaks while the catalog is shown says so on its card
start
printf 'lectern: 1\nid: a-intro\ntitle: A short introduction\nslides: []\n' \
	>"$t/mods/a-intro.yaml"
keys Home Return
sleep 0.3
shot broken-later
check "a module broken after the catalog was read says so on its card" \
	grep -q 'this module cannot be opened' "$t/screen.txt"
keys ctrl+q
wait_exit

# ---------------------------------------------------------------- default learner
# without --learner the learner is the OS account, whatever $USER says
USER=someone-else "$bin" --modules "$t/mods" --data-dir "$t/data-me" --size 1024x700 \
	"$t/mods/b-walk.yaml" >"$t/app.log" 2>&1 &
app=$!
wid=$(timeout 10 xdotool search --sync --onlyvisible --name '^Lectern$' 2>/dev/null |
	head -n 1)
sleep 0.5
keys ctrl+q
wait_exit
me=$(id -un)
check "the default learner is the OS user ($me), not \$USER" sh -c \
	"'$bin' progress --data-dir '$t/data-me' --format csv 2>/dev/null |
	 grep -q '^\"$me\",\"b-walk\",'"

# ---------------------------------------------------------------- updated
# a module whose version changed since the learner's last visit: a banner
# under the header says so until it is dismissed; answers are kept
mkdir -p "$t/upd"
upd() { # version
	cat >"$t/upd/u.yaml" <<EOF
lectern: 1
id: upd
title: A module that changes
version: "$1"
slides:
  - id: q
    title: A question
    question: Is this a question?
    type: true-false
    answer: true
  - id: two
    title: Two
    body: [The second slide.]
EOF
}
# the banner's tint (note background) in the band under the header
banner() { has_color "$1" EAF1FB 1024x60+0+70; }
upd 1
start "$t/upd/u.yaml"
keys 1 Return
check "an answer is recorded in version 1" wait_row upd 'in-progress'
shot upd-same
check "no banner when the module is as it was" not banner upd-same
keys ctrl+q
wait_exit
start "$t/upd/u.yaml"
shot upd-same2
check "  ...nor when it is opened again unchanged" not banner upd-same2
keys ctrl+q
wait_exit
upd 2
start "$t/upd/u.yaml"
shot upd-changed
check "a changed version shows the 'module updated' banner" banner upd-changed
# Dismiss: the banner's button (panel colour) inside the band
geo=$(convert "$logs/player-upd-changed.png" -crop 1024x50+0+75 +repage -fill black \
	+opaque '#EEF0F3' -fill white -opaque '#EEF0F3' -format '%@' info: 2>/dev/null)
bx=$(echo "$geo" | sed 's/.*x[0-9]*+\([0-9]*\)+.*/\1/')
by=$(echo "$geo" | sed 's/.*+\([0-9]*\)$/\1/')
xdotool mousemove --window "$wid" $((bx + 15)) $((75 + by + 10)) click 1
sleep 0.3
shot upd-dismissed
check "Dismiss puts the banner away (button at $geo)" not banner upd-dismissed
check "  ...and the answer of version 1 is kept (shown checked, correct)" \
	has_color upd-dismissed E7F4EA
keys Right
check "  ...and Next goes on from the answered question" \
	wait_row upd 'in-progress.*,two'
keys ctrl+q
wait_exit
upd 3
start "$t/upd/u.yaml"
shot upd-changed3
check "another new version: the banner again" banner upd-changed3
keys Left
sleep 0.3
shot upd-moved
check "  ...until the learner moves to another slide" not banner upd-moved
keys ctrl+q
wait_exit

# ---------------------------------------------------------------- large text
# at the largest text size in a small window the footer's "Slide n of N"
# gives way to the buttons instead of running under them
launch --modules "$t/mods" --data-dir "$t/data-big" --learner e2e --size 800x600 \
	"$t/mods/b-walk.yaml"
keys Right ctrl+plus ctrl+plus ctrl+plus ctrl+plus ctrl+plus ctrl+plus ctrl+plus
sleep 0.3
shot big-footer
# x extents in the footer band of: the progress text (muted), the left
# buttons' borders, the Next button (accent)
footer_x() { # colour: first and last column where it occurs
	convert "$logs/player-big-footer.png" -crop 800x60+0+540 +repage -depth 8 txt:- |
		awk -F'[,:() ]+' -v c="$1" 'index($0, "#" c) {
			if (lo == "" || $1 < lo) lo = $1; if ($1 > hi) hi = $1 }
			END { print (lo == "" ? -1 : lo), (hi == "" ? -1 : hi) }'
}
set -- $(footer_x 57606A) $(footer_x 7A838E) $(footer_x 1F5FAD)
# $1 $2 text, $4 right end of the left buttons (borders in the left half)
left_end=$(convert "$logs/player-big-footer.png" -crop 400x60+0+540 +repage -depth 8 txt:- |
	awk '/#7A838E/ { split($1, p, ","); if (p[1] + 0 > m) m = p[1] + 0 } END { print m + 0 }')
check "large text: the progress text sits between the buttons (text $1-$2, left buttons end $left_end, Next from $5)" \
	test "$1" -gt "$left_end" -a "$2" -lt "$5" -a "$1" -ge 0
keys ctrl+0 ctrl+q
wait_exit

# ---------------------------------------------------------------- theme
start --theme high-contrast
keys ctrl+q
wait_exit
start
shot remembered
check "--theme is remembered" has_color remembered 000000
check "  ...and the light page is gone" sh -c "! convert '$logs/player-remembered.png' \
	-format '%[hex:p{100,400}]' info: | grep -q FBFAF7"
keys ctrl+q
wait_exit
exit 0
