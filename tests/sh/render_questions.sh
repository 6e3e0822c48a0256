#!/bin/sh
# render_questions.sh: every question type of the format tour rendered
# headless, open and with --state answered, and checked on the pixels: an
# open question shows no right/wrong colours and its Check button is not
# yet the accent colour where nothing is chosen; an answered one shows the
# right-answer fill of the theme (light, dark, high-contrast) on its cards
# and feedback panel, and nothing in the wrong-answer colour.
set -u
cd "$(dirname "$0")/../.." || exit 2

bin=build/lectern
mod=modules/format-tour
tmp=$(mktemp -d /tmp/lectern-rq.XXXXXX)
trap 'rm -rf "$tmp"' EXIT INT TERM

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; }

[ -x "$bin" ] || { fail "render_questions: build/lectern missing (make)"; exit 1; }
command -v convert >/dev/null 2>&1 || { fail "render_questions needs ImageMagick"; exit 1; }

# pixels of exactly this colour in an image
count() { # png hex
	convert "$1" -alpha off -fill black +opaque "#$2" -fill white -opaque "#$2" \
		-format '%[fx:round(mean*w*h)]' info: 2>/dev/null
}

# theme right-fill wrong-fill (from src/app/theme.c)
for spec in "light E7F4EA FCE9E7" "dark 1C2F25 3B201F" "high-contrast 002200 220000"; do
	set -- $spec
	theme=$1 right=$2 wrong=$3
	for q in q-single q-multiple q-true-false q-order q-match q-short q-decision; do
		open="$tmp/$theme-$q-open.png"
		ans="$tmp/$theme-$q-ans.png"
		if ! "$bin" render "$mod" --slide "$q" --theme "$theme" -o "$open" 2>"$tmp/err" ||
		   ! "$bin" render "$mod" --slide "$q" --theme "$theme" --state answered \
		        -o "$ans" 2>>"$tmp/err"; then
			fail "$theme $q: render failed: $(head -n 1 "$tmp/err")"
			continue
		fi
		ro=$(count "$open" "$right")
		wo=$(count "$open" "$wrong")
		ra=$(count "$ans" "$right")
		wa=$(count "$ans" "$wrong")
		if [ "${ro:-1}" -eq 0 ] && [ "${wo:-1}" -eq 0 ]; then
			pass "$theme $q: open, no right or wrong colours"
		else
			fail "$theme $q: open shows marks (right $ro, wrong $wo pixels)"
		fi
		# a card and the feedback panel: well over 10000 pixels at 1280x720
		if [ "${ra:-0}" -gt 10000 ] && [ "${wa:-1}" -eq 0 ]; then
			pass "$theme $q: answered, right colour on cards and panel"
		else
			fail "$theme $q: answered shows right $ra, wrong $wa pixels"
		fi
	done
done
exit 0
