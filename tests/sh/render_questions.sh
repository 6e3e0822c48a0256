#!/bin/sh
# render_questions.sh: every question type of the format tour rendered
# headless, open and with --state answered, and checked on the pixels: an
# open question shows no right/wrong colours and its Check button is not
# yet the accent colour where nothing is chosen; an answered one shows the
# right-answer fill of the theme (light, dark, high-contrast) on its cards
# and feedback panel, and nothing in the wrong-answer colour. A long left
# item of a match wraps before the chip that shows its pair.
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

# theme right-fill wrong-fill (from src/ui/theme.c)
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
# a long left item of a match wraps short of its "→ B" chip instead of
# running under it (tests/modules/good/all-questions.yaml, item 2)
# the smallest gap in pixels, on any row of the left half of the image,
# between the end of dark body text and the first pixel of the chip colour
# (the "→ B" pairing chip, #1C7440 when answered right) after it; -1 if none
chip_gap() { # png
	w=$(identify -format %w "$1") h=$(identify -format %h "$1")
	convert "$1" -alpha off -crop "$((w / 2))x$h+0+0" +repage -depth 8 txt:- |
	awk -F'[,:() ]+' '
	/^#/ { next }
	{
		x = $1 + 0; y = $2; r = $3 + 0; g = $4 + 0; b = $5 + 0
		if (r < 80 && g < 80 && b < 80) {
			if (!(y in first) || x < first[y]) first[y] = x
			if (!(y in last) || x > last[y]) last[y] = x
		}
		if (r == 28 && g == 116 && b == 64) green[y] = green[y] " " x
	}
	END {
		best = -1
		for (y in last) {
			n = split(green[y], xs, " ")
			chip = -1
			for (i = 1; i <= n; i++)
				if (xs[i] + 0 > first[y] && (chip < 0 || xs[i] + 0 < chip))
					chip = xs[i] + 0
			if (chip < 0)
				continue
			if (best < 0 || chip - last[y] < best)
				best = chip - last[y]
		}
		print best
	}'
}
for size in 800x600 1280x720 1920x1080; do
	png="$tmp/match-$size.png"
	if ! "$bin" render tests/modules/good/all-questions.yaml --slide q-match \
	        --state answered --size "$size" -o "$png" 2>"$tmp/err"; then
		fail "match $size: render failed: $(head -n 1 "$tmp/err")"
		continue
	fi
	gap=$(chip_gap "$png")
	if [ "${gap:--1}" -ge 5 ]; then
		pass "match $size: left items end ${gap}px before their pairing chip"
	else
		fail "match $size: left item text reaches its pairing chip (gap ${gap}px)"
	fi
done
exit 0
