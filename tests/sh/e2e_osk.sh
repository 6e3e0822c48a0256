#!/bin/sh
# e2e_osk.sh: a short answer typed by touch alone. With touch_only: true
# the player shows the on-screen keyboard under the answer field; the test
# taps the answer's letters (Shift for the capital, a wrong letter erased
# again), taps Check, and reads back what the screen shows (LECTERN_SCREEN_TEXT)
# and what the store recorded: the typed text, judged right. Without
# touch_only, on a desktop, no keyboard is drawn. Taps are clicks at the
# centre of a key's label as the last frame drew it; screenshots go to
# build/test-logs/osk-*.png.
set -u
cd "$(dirname "$0")/../.." || exit 2

bin=$PWD/build/lectern
logs=$PWD/build/test-logs
t=$(mktemp -d /tmp/lectern-osk.XXXXXX)
lpid=
. tests/sh/xvfb_lib.inc

cleanup() {
	[ -n "$lpid" ] && kill "$lpid" 2>/dev/null
	xvfb_stop
	rm -rf "$t"
}
trap cleanup EXIT INT TERM

pass() { echo "PASS: osk $1"; }
fail() { echo "FAIL: osk $1"; }
check() { # name command...
	name=$1
	shift
	if "$@"; then pass "$name"; else fail "$name"; fi
}

need_tools e2e_osk Xvfb xdotool import
[ -x "$bin" ] || { fail "build/lectern missing (make)"; exit 1; }
mkdir -p "$logs"

cat >"$t/capital.yaml" <<'EOF2'
lectern: 1
id: e2e-osk
title: Capitals
slides:
  - id: q-capital
    title: Capital
    type: short
    question: What is the capital of France?
    accept: [Paris]
  - id: done
    title: Done
    body: That was all.
EOF2
printf 'touch_only: true\n' >"$t/touch.yaml"
printf 'touch_only: false\n' >"$t/desk.yaml"

xvfb_start 1280x720 "$t" || { fail "Xvfb did not start"; exit 1; }
export SDL_VIDEODRIVER=x11
XDG_CONFIG_HOME=$t/config
XDG_DATA_HOME=$t/share
LECTERN_SCREEN_TEXT=$t/screen.txt
export XDG_CONFIG_HOME XDG_DATA_HOME LECTERN_SCREEN_TEXT

start() { # learner config
	rm -f "$t/screen.txt"
	"$bin" --data-dir "$t/data" --learner "$1" --config "$t/$2.yaml" --size 1280x720 \
		--theme light "$t/capital.yaml" >"$t/$1.log" 2>&1 &
	lpid=$!
	win=$(timeout 20 xdotool search --sync --onlyvisible --pid "$lpid" 2>/dev/null | head -n 1)
	[ -n "$win" ] || return 1
	timeout 10 xdotool windowmove "$win" 0 0 windowfocus --sync "$win" 2>/dev/null
	sleep 0.5
}
quit() {
	xdotool key ctrl+q
	retry 50 gone "$lpid" || kill "$lpid"
	wait "$lpid"
	lpid=
}
shot() { sleep 0.3; import -window root "$logs/osk-$1.png" 2>/dev/null; }
# the centre of the text run $1 in the last frame, "x y"
at() {
	awk -v l="$1" '{ s = $0; sub(/^[^ ]+ [^ ]+ [^ ]+ [^ ]+ [^ ]+ /, "", s) }
		s == l && NF >= 6 { xy = ($1 + int($3 / 2)) " " ($2 + int($4 / 2)) }
		END { if (xy != "") print xy }' "$t/screen.txt"
}
# the last frame shows text run $1
shows() { grep -q " #[0-9a-f]\{6\} $1\$" "$t/screen.txt"; }
tap() { # label
	xy=$(at "$1")
	[ -n "$xy" ] || { echo "    no \"$1\" on screen" >&2; return 1; }
	# shellcheck disable=SC2086
	xdotool mousemove $xy click 1
	sleep 0.3
}

# ------------------------------------------------------------ touch only
if ! start touch touch; then
	fail "the player window did not appear"
	cat "$t/touch.log"
	exit 1
fi
retry 50 shows "What is the capital of France?"
shot open
check "the keyboard is under the answer field" sh -c '
	field=$(awk "/ Type here\$/ { print \$2 }" "$0")
	erase=$(awk "/ Erase\$/ { print \$2 }" "$0")
	[ -n "$field" ] && [ -n "$erase" ] && [ "$erase" -gt "$field" ]' "$t/screen.txt"
# Shift P, then a wrong s erased, then a r i s
typed=1
for k in Shift P a s Erase r i s; do tap "$k" || typed=0; done
shot typed
check "every key was on the screen" test $typed = 1
check "the field shows what was tapped" retry 20 shows Paris
tap Check
shot checked
check "Check was tapped and the answer judged right" retry 20 shows "✓ Correct"
check "the keyboard is gone once the answer is checked" sh -c '! grep -q " Erase$" "$0"' "$t/screen.txt"
quit

"$bin" export --data-dir "$t/data" --learner touch --xapi "$t/touch.json" >/dev/null 2>&1
tr -d ' \n' <"$t/touch.json" >"$t/touch.flat"
check "the store has the tapped answer" grep -q '"response":"Paris"' "$t/touch.flat"
check "the store has it judged right" grep -q '"success":true' "$t/touch.flat"

# ------------------------------------------------------------ desktop
if start desk desk; then
	retry 50 shows "What is the capital of France?"
	shot desktop
	check "a desktop without touch_only has no keyboard" sh -c '! grep -q " Erase$" "$0"' "$t/screen.txt"
	quit
else
	fail "the player window did not appear (desktop)"
fi
