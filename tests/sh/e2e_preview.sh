#!/bin/sh
# e2e_preview.sh: `lectern preview` in a real X server (Xvfb + openbox),
# with the module file edited under the open window, as an author would:
#  - a saved change (written in place, or renamed over the file as editors
#    do) shows within a second, on the slide the author was on;
#  - a YAML error shows the errors overlay with FILE:LINE:COL; the fix
#    brings the slide back;
#  - F2 shows the question answered;
#  - nothing is written to the learner data directory (no progress);
#  - waiting costs no CPU (inotify, no polling).
# Screenshots go to build/test-logs/preview-*.png.
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
bin=${LECTERN:-$top/build/lectern}
logs=$top/build/test-logs
mkdir -p "$logs"
export LC_ALL=C LANGUAGE=
unset LANG

. tests/sh/xvfb_lib.inc
need_tools e2e_preview Xvfb xdotool openbox import convert

t=$(mktemp -d /tmp/lectern-preview.XXXXXX)
export LECTERN_SCREEN_TEXT=$t/screen.txt
# every place a progress database could go by default
export HOME=$t/home XDG_DATA_HOME=$t/xdg XDG_CONFIG_HOME=$t/config
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
app=
cleanup() {
	[ -n "$app" ] && kill -9 "$app" 2>/dev/null
	xvfb_stop
	rm -rf "$t"
}
trap cleanup EXIT

ok() { echo "PASS: preview $1"; }
no() { echo "FAIL: preview $1"; }
check() { # name, command...
	what=$1
	shift
	if "$@"; then ok "$what"; else no "$what"; fi
}
shot() { import -window "$wid" "$logs/preview-$1.png" 2>/dev/null; }
shows() { grep -q -- "$1" "$t/screen.txt" 2>/dev/null; }
shows_re() { grep -Eq -- "$1" "$t/screen.txt" 2>/dev/null; }
# within a second
soon() { retry 10 shows "$1"; }

mkdir -p "$t/mod/images"
f=$t/mod/module.yaml
# a picture of one colour, and a second one to save over it
convert -size 240x120 xc:'#d02020' "$t/mod/images/pic.png"
convert -size 240x120 xc:'#2040d0' "$t/blue.png"
# 1 when colour RRGGBB occurs in screenshot $1
has_color() { # name RRGGBB
	count=$(convert "$logs/preview-$1.png" -fill black +opaque "#$2" -fill white \
		-opaque "#$2" -format '%[fx:mean*w*h]' info: 2>/dev/null)
	[ "${count%%.*}" -gt 0 ] 2>/dev/null
}
lacks_color() { ! has_color "$@"; }
module() { # TITLE-OF-SLIDE-TWO: the module text
	cat <<EOT
lectern: 1
id: pv
title: Preview test
navigation: linear
slides:
  - id: one
    title: Slide one
    body: [The first slide.]
  - id: two
    title: $1
    body: [The second slide.]
  - id: pic
    title: A picture
    body:
      - image: images/pic.png
        alt: A block of one colour.
  - id: three
    question: Which is right?
    choices:
      - text: Alpha
        correct: true
      - text: Beta
    explanation: Alpha explained.
EOT
}
module "Second slide" >"$f"

xvfb_start 1024x768 "$t" || { echo "FAIL: preview could not start Xvfb"; exit 1; }
wm_start

"$bin" preview --size 1024x700 "$f" >>"$t/app.log" 2>&1 &
app=$!
wid=$(timeout 10 xdotool search --sync --onlyvisible --name '^Lectern$' 2>/dev/null | head -n 1)
check "window opens on the first slide" retry 30 shows 'Slide one'
xdotool key Right
check "Right goes to slide 2" retry 20 shows 'Second slide'

# in place, as `cat >` or a plain editor writes
module "Edited in place" >"$f"
check "a change written in place shows within a second" soon 'Edited in place'
check "  ...on the same slide" shows 'The second slide'
# a new file renamed over the old one, as vim and most editors save
module "Renamed over" >"$t/mod/.module.yaml.new"
mv "$t/mod/.module.yaml.new" "$f"
check "a file renamed over the module shows within a second" soon 'Renamed over'
check "  ...on the same slide" shows 'The second slide'
shot slide

# idle: two seconds of waiting with the watch running use no CPU
cpu() { awk '{ print $14 + $15 }' "/proc/$app/stat"; }
c0=$(cpu)
sleep 2
c1=$(cpu)
check "waiting costs no CPU ($((c1 - c0)) ticks in 2 s)" test $((c1 - c0)) -le 2

# a YAML error: an unclosed flow sequence on slide two's title
module "[unclosed" >"$f"
check "a YAML error shows the errors overlay" soon 'This module cannot be shown'
check "  ...with FILE:LINE:COL: error:" retry 10 shows_re "$f:[0-9]+:[0-9]+: error: "
shot errors
check "  ...and the window stays open" kill -0 "$app"
module "Fixed again" >"$f"
check "the fix brings the slide back" soon 'Fixed again'
check "  ...on the same slide" shows 'The second slide'
check "  ...without the overlay" sh -c "! grep -q 'This module cannot be shown' '$t/screen.txt'"

# an image saved over the old one, in the images folder
xdotool key Right
check "Right goes to the picture" retry 20 shows 'A picture'
sleep 0.3
shot red
check "  ...drawn red" has_color red D02020
cp "$t/blue.png" "$t/mod/images/pic.png"
sleep 1
shot blue
check "an image saved over the old one shows within a second" has_color blue 2040D0
check "  ...and the old one is gone" lacks_color blue D02020

# F2 on the question: answered, explanation shown
xdotool key Right
check "Right goes to the question" retry 20 shows 'Which is right'
check "  ...open, explanation hidden" sh -c "! grep -q 'Alpha explained' '$t/screen.txt'"
xdotool key F2
check "F2 shows the question answered" retry 20 shows 'Alpha explained'
shot answered
xdotool key F1
sleep 0.3
xdotool key End # the keys are at the bottom of a long help
sleep 0.3
shot help
check "the help (F1) lists F2 for the preview" retry 20 shows 'Preview: show the question answered'
xdotool key Escape
check "  ...and Escape closes it" retry 20 sh -c "! grep -q 'Preview: show the question' '$t/screen.txt'"
# a reload keeps the question slide (by id) and opens it again
module "Once more" >"$f"
check "a reload keeps the question slide" retry 10 sh -c \
	"grep -q 'Which is right' '$t/screen.txt' && ! grep -q 'Alpha explained' '$t/screen.txt'"

xdotool key Escape
check "Escape ends the preview" retry 30 gone "$app"
wait "$app"
rc=$?
app=
check "  ...with status 0 (got $rc)" test "$rc" = 0
written=$(find "$XDG_DATA_HOME" "$HOME/.local" -type f 2>/dev/null)
check "nothing written to the learner data directory (got: $written)" test -z "$written"
check "nothing written beside the module" \
	test "$(cd "$t/mod" && find . -type f | sort | tr '\n' ' ')" = "./images/pic.png ./module.yaml "

# ---------------------------------------------------------------- errors at start
module "[unclosed" >"$f"
"$bin" preview --size 1024x700 "$f" >>"$t/app.log" 2>&1 &
app=$!
wid=$(timeout 10 xdotool search --sync --onlyvisible --name '^Lectern$' 2>/dev/null | head -n 1)
check "a module broken from the start opens on the errors" retry 30 shows_re "$f:[0-9]+:[0-9]+: error: "
module "Now it loads" >"$f"
check "  ...and shows the module once fixed" retry 10 shows 'Slide one'
# the module is linear, yet the author opens the last slide from the contents
xdotool key t
sleep 0.3
xdotool key Down Down Down Return
check "the contents (T) open any slide of a linear module" retry 20 shows 'Alpha'
xdotool key Escape
retry 30 gone "$app"
app=

check "no module: usage error" sh -c "'$bin' preview >/dev/null 2>&1; test \$? = 2"
# what the program said (a sanitizer build, LECTERN=..., reports here)
cp "$t/app.log" "$logs/preview-app.log"
check "no sanitizer report" sh -c "! grep -Eq 'Sanitizer|runtime error' '$t/app.log'"
