#!/bin/sh
# e2e_trust.sh: what the learner reads, read off the real player's screen
# (Xvfb, keys by xdotool; LECTERN_SCREEN_TEXT makes the player write the
# text runs of each frame, where they show): issue 11, items 4, 5, 6, 10.
#  - gifts-and-conflicts, walked by keys to the end: the footer counts the
#    learner's route, 1 to 18 of 18, one at a time, never 22;
#  - the contents before the first decision list no consequence slide;
#  - a decision says Decide, and after a poor choice never "Think again";
#  - `lectern progress` says 18/18 for the finished module;
#  - the results name decisions by their scenario, number graded questions
#    without the practice one, show section names whole, and Page Down
#    scrolls;
#  - at the largest text size header and footer leave 60% of the window.
# SHOTS=DIR also saves screenshots of every screen at 800x600, 1280x720 and
# 1920x1080 at the smallest and largest text size (slow: not in `make test`).
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
bin=${LECTERN:-$top/build/lectern}
logs=$top/build/test-logs
mkdir -p "$logs"
export LC_ALL=C LANGUAGE=
unset LANG

. tests/sh/xvfb_lib.inc
need_tools e2e_trust Xvfb xdotool import convert

t=$(mktemp -d /tmp/lectern-trust.XXXXXX)
app=
cleanup() {
	[ -n "$app" ] && kill -9 "$app" 2>/dev/null
	xvfb_stop
	rm -rf "$t"
}
trap cleanup EXIT

check() { # name, command...
	what=$1
	shift
	if "$@"; then echo "PASS: trust $what"; else echo "FAIL: trust $what"; fi
}
scr=$t/screen.txt
export LECTERN_SCREEN_TEXT=$scr
# the text on screen now, without positions
seen() { cut -d' ' -f6- "$scr" 2>/dev/null; }
shows() { seen | grep -q -- "$1"; }
counter() { seen | sed -n 's/^Slide \([0-9]*\) of \([0-9]*\)$/\1 \2/p' | head -n 1; }
key() { # keys, with time to draw (the frame file is replaced whole)
	for k in "$@"; do
		xdotool key "$k"
		sleep 0.25
	done
}
launch() { # size, args...
	size=$1
	shift
	rm -f "$scr"
	"$bin" --data-dir "$t/data" --learner e2e --size "$size" "$@" >"$t/app.log" 2>&1 &
	app=$!
	wid=$(timeout 10 xdotool search --sync --onlyvisible --name '^Lectern$' 2>/dev/null |
		head -n 1)
	retry 50 test -s "$scr"
	sleep 0.3
}
quit() {
	key ctrl+q
	retry 50 gone "$app"
	app=
}
shot() { [ -n "$SHOTS" ] && import -window "$wid" "$SHOTS/$1.png" 2>/dev/null; }

# walk on by keys until the results: answer what asks for an answer (a
# digit, or "conflict" typed), Enter for everything else, a learner's
# half second after a press that changed the button (a quicker second
# Enter is taken for a double press and ignored, ui_guard). Each new counter
# goes to $t/counters; SHOT_AT=slide title takes a shot there (with $tag).
walk() { # tag
	: >"$t/counters"
	n=0
	while [ $n -lt 80 ]; do
		n=$((n + 1))
		if shows '^Back to catalog$'; then
			return 0
		fi
		c=$(counter)
		[ -n "$c" ] && [ "$(tail -n 1 "$t/counters")" != "$c" ] && echo "$c" >>"$t/counters"
		if shows '^Decide$' && ! shows '^Continue$'; then
			shot "$1-decision"
			key 1 Return
			sleep 0.5
			shows 'Think again' && echo think >>"$t/think"
			shot "$1-decided"
			key Return
		elif shows '^Check$'; then
			shows 'Which of these is a conflict' && shot "$1-question"
			if shows '^Type here$' || shows 'Type your answer'; then
				xdotool type --delay 40 conflict
				sleep 0.2
				key Return
			else
				key 1 Return
			fi
			sleep 0.5
		elif shows '^Try again$'; then
			key Return 2 Return
			sleep 0.5
		else
			key Return
		fi
	done
	return 1
}

# ---------------------------------------------------------------- learner's route
xvfb_start 1280x720 "$t" || { echo "FAIL: trust Xvfb did not start"; exit 1; }
mkdir -p "$t/data"
launch 1280x720 modules/gifts-and-conflicts.yaml
check "the first slide reads 1 of 18 (the route, not the 22 slides of the file)" \
	test "$(counter)" = "1 18"
key t
check "the contents list the decision and where the branches meet" \
	sh -c "cut -d' ' -f6- '$scr' | grep -q '^The festival gift$' &&
	       cut -d' ' -f6- '$scr' | grep -q '^What the festival gift teaches$'"
check "the contents give no consequence away before the decision" sh -c "! cut -d' ' -f6- '$scr' | grep -q 'Your choice:'"
key Escape
: >"$t/think"
walk route
check "the counter goes 1 to 18 of 18, one slide at a time ($(tr '\n' ',' <"$t/counters"))" \
	awk 'BEGIN { want = 1 } $1 != want || $2 != 18 { bad = 1 } { want++ }
	     END { exit bad || want != 19 }' "$t/counters"
check "a decision never says Think again" test ! -s "$t/think"
# ---- what the results list, read off the whole page by scrolling
: >"$t/results"
i=0
while [ $i -lt 12 ]; do
	seen >>"$t/results"
	[ $i = 0 ] && cp "$scr" "$t/results-top"
	key Next
	i=$((i + 1))
done
check "results: decisions are named by their scenario" grep -q '^Decision: The festival gift$' "$t/results"
check "results: Page Down scrolls to the family decision" grep -q '^Decision: The family consignment$' "$t/results"
check "results: questions are numbered without the practice one (1 to 4)" \
	sh -c "grep -q '^Question 4$' '$t/results' && ! grep -q '^Question 5$' '$t/results'"
check "results: the practice question is named so" grep -q '^Practice question (no points)$' "$t/results"
check "results: section names whole" grep -q '^Scenario: the festival gift$' "$t/results"
check "results: Page Down moved the page" sh -c "! cmp -s '$t/results-top' '$scr'"
cp "$t/results" "$logs/trust-results.txt"
quit
"$bin" progress --data-dir "$t/data" --modules modules --format csv >"$t/progress.csv"
check "lectern progress says 18 of 18 slides for the finished module" \
	grep -q ',"gifts-and-conflicts",.*,18,18,' "$t/progress.csv"

# ---------------------------------------------------------------- catalog
# the bundled modules and a broken one that sorts first by file name
mkdir -p "$t/mods"
cp -r modules/* "$t/mods/"
printf 'lectern: 1\nid: aaa-broken\ntitle: A broken module\nslides:\n  - title: x\n    body: [x]\n    next: nowhere\n' \
	>"$t/mods/aaa-broken.yaml"
launch 1280x720 --modules "$t/mods"
cp "$scr" "$logs/trust-catalog.txt"
# card titles in the order drawn (the catalog draws cards top to bottom)
titles() { awk '$5 == "#17365d" && $2 > 60 { $1 = $2 = $3 = $4 = $5 = ""; sub(/^ +/, ""); print }' "$scr"; }
check "catalog: a working English module comes first, not the Arabic sample ($(titles | head -n 1))" \
	sh -c "[ \"\$(awk '\$5 == \"#17365d\" && \$2 > 60' '$scr' | head -n 1 | cut -d' ' -f6-)\" != '' ] &&
	       ! awk '\$5 == \"#17365d\" && \$2 > 60' '$scr' | head -n 1 | grep -q '[^ -~]'"
# a card's details line ("12 min · English") shares its line with the status
statuses() { seen | grep -c -E '^(Not started|In progress|Passed|Not passed|Completed)'; }
check "catalog: at least 6 modules with their status at 1280x720 ($(statuses))" \
	test "$(statuses)" -ge 6
check "catalog: no raw FILE:LINE:COL error for learners" sh -c "! cut -d' ' -f6- '$scr' | grep -q 'yaml:[0-9]*:[0-9]*'"
key End
cp "$scr" "$logs/trust-catalog-end.txt"
check "catalog: the broken module is last, unavailable in plain words" \
	sh -c "cut -d' ' -f6- '$scr' | grep -q 'cannot be opened' &&
	       awk '\$5 == \"#17365d\" && \$2 > 60' '$scr' | tail -n 1 | grep -q 'aaa-broken'"
# ---- a language chosen in the player, remembered for the learner
key F1 g g
check "help: G chooses French (the help speaks it at once)" shows '^Touches et réglages$'
quit
launch 1280x720 --modules "$t/mods"
check "the learner's language is remembered: the catalog is in French" shows '^Modules de formation$'
key F1 g
check "help: G again goes on to Spanish" shows '^Teclas y ajustes$'
key g
check "help: and round to Automatic (English here)" shows '^Keys and settings$'
quit
# ---- LANGUAGE alone on a C.UTF-8 machine, as gettext does it
rm -f "$scr"
env LC_ALL= LANG=C.UTF-8 LANGUAGE=fr "$bin" --data-dir "$t/data" --learner other --size 1280x720 \
	--modules "$t/mods" >"$t/app.log" 2>&1 &
app=$!
retry 50 test -s "$scr"
sleep 0.3
check "LANGUAGE=fr with LANG=C.UTF-8: the catalog is in French" shows '^Modules de formation$'
quit

# ---------------------------------------------------------------- room for content
# rows of the panel colour at the left edge: the header and the footer
panel_rows() { # png
	convert "$1" -crop "1x$(identify -format %h "$1")+3+0" +repage -depth 8 txt:- |
		grep -ci '#EEF0F3'
}
xvfb_stop
for size in 800x600 1280x720 1920x1080; do
	h=${size#*x}
	xvfb_start "$size" "$t" || exit 1
	for z in ctrl+plus ctrl+minus; do
		launch "$size" modules/gifts-and-conflicts.yaml
		key $z $z $z $z $z $z $z $z $z $z
		import -window "$wid" "$logs/trust-room.png" 2>/dev/null
		rows=$(panel_rows "$logs/trust-room.png")
		check "text $z x10 at $size: header and footer take $rows of $h rows (at most 40%)" \
			test "$rows" -gt 0 -a "$rows" -le $((h * 40 / 100))
		quit
		# the text size is remembered: the catalog opens with it, and
		# shows the first module's title, not the middle of its card
		launch "$size" --modules modules
		first=$(awk '$5 == "#17365d" && $2 > 0 { print $2; exit }' "$scr")
		header=$(awk '$6 == "Training" { print $2 + $4; exit }' "$scr")
		check "text $z x10 at $size: the catalog opens on the first module's title (y $first, header to $header)" \
			sh -c "awk '\$5 == \"#17365d\" && \$2 > $header' '$scr' | head -n 1 | grep -q 'Format tour'"
		key ctrl+0
		quit
	done
	xvfb_stop
done

# ---------------------------------------------------------------- screenshots
[ -n "$SHOTS" ] || exit 0
mkdir -p "$SHOTS"
for size in 800x600 1280x720 1920x1080; do
	xvfb_start "$size" "$t" || exit 1
	for scale in small large; do
		tag=$size-$scale
		rm -rf "$t/data"
		mkdir -p "$t/data"
		if [ $scale = small ]; then z="ctrl+minus ctrl+minus ctrl+minus ctrl+minus ctrl+minus ctrl+minus"
		else z="ctrl+plus ctrl+plus ctrl+plus ctrl+plus ctrl+plus ctrl+plus ctrl+plus ctrl+plus ctrl+plus ctrl+plus"; fi
		launch "$size" --modules modules
		key $z
		shot "$tag-catalog"
		key End
		shot "$tag-catalog-end"
		quit
		launch "$size" modules/gifts-and-conflicts.yaml
		shot "$tag-slide"
		key t
		shot "$tag-contents"
		key Escape F1
		shot "$tag-help"
		key Escape
		walk "$tag"
		shot "$tag-results"
		key Next Next
		shot "$tag-results-down"
		key ctrl+0
		quit
	done
	xvfb_stop
done
