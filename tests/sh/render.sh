#!/bin/sh
# render.sh: `lectern render` draws slides as the window would; check real
# properties of the pixels with ImageMagick: the text column is centred
# and readable, nothing touches the window edges, a long slide gets a
# scroll bar and a short one does not, right-to-left text is right
# aligned, the high-contrast theme's colours are the ones on screen, and
# `--all` names its files NNN-ID.png. Bad options fail with a message.
set -u
cd "$(dirname "$0")/../.." || exit 2
L=${LECTERN:-build/lectern}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; }
check() { # name, then a command that must succeed
	what=$1
	shift
	if "$@"; then pass "$what"; else fail "$what"; fi
}

BG_LIGHT='#FBFAF7'
THUMB_LIGHT='6E7781'

# ink box of the area WxH+X+Y against background colour: "x y w h"
ink() { # file geometry bg; empty when there is none
	convert "$1" -crop "$2" +repage -bordercolor "$3" -border 1 -fuzz 1% -trim \
		-format '%X %Y %w %h' info: 2>/dev/null | tr -d '+' | grep -v '^-1 -1'
}
# pixel colour as RRGGBB
px() { convert "$1" -format "%[hex:p{$2,$3}]" info: | cut -c1-6; }
# 1 when colour RRGGBB occurs in the area
has_color() { # file geometry RRGGBB
	count=$(convert "$1" -crop "$2" +repage -fill black +opaque "#$3" -fill white \
		-opaque "#$3" -format '%[fx:mean*w*h]' info: 2>/dev/null)
	[ "${count%%.*}" -gt 0 ] 2>/dev/null
}

if ! [ -x "$L" ]; then
	fail "build/lectern exists (run make)"
	exit 1
fi

# ------------------------------------------------------------ the column
# a text slide at 1280x720: left edge of the text at the column's left,
# the column centred, about 60-80 characters wide (not the whole window)
$L render modules/integrity-basics --slide harms -o "$tmp/harms.png" 2>"$tmp/err"
check "render a slide to PNG" test -s "$tmp/harms.png"
check "PNG is 1280x720" test "$(identify -format '%wx%h' "$tmp/harms.png")" = 1280x720
set -- $(ink "$tmp/harms.png" 1250x540+0+90 "$BG_LIGHT")
x=$(( $1 - 1 )); w=$3
check "text column starts a readable margin in (x=$x)" \
	test "$x" -gt 200 -a "$x" -lt 330
check "text column no wider than ~80 characters (w=$w)" test "$w" -gt 600 -a "$w" -lt 800
check "text column centred (left $x, right margin $((1280 - x - w)))" \
	test $((1280 - x - w)) -ge $((x - 20))

# the same slide at 1920x1080: the column grows with the text, stays centred
$L render modules/integrity-basics --slide harms --size 1920x1080 -o "$tmp/big.png"
set -- $(ink "$tmp/big.png" 1880x820+0+130 "$BG_LIGHT")
x=$(( $1 - 1 )); w=$3
check "1920x1080: column centred and readable (x=$x w=$w)" \
	test "$x" -gt 300 -a "$w" -lt 1300 -a $((1920 - x - w)) -ge $((x - 30))

# ------------------------------------------------------------ edges
# at 800x600 nothing reaches the left and right edges of the body area
# (header and footer are about 62 pixels high there)
for s in harms klitgaard what-it-looks-like sources; do
	$L render modules/integrity-basics --slide $s --size 800x600 -o "$tmp/s-$s.png"
	check "800x600 $s: left edge strip empty" \
		test "$(ink "$tmp/s-$s.png" 3x460+0+66 "$BG_LIGHT")" = ""
	check "800x600 $s: right edge strip empty" \
		test "$(ink "$tmp/s-$s.png" 2x460+798+66 "$BG_LIGHT")" = ""
done

# ------------------------------------------------------------ scrolling
# a long slide at 800x600 has a scroll bar (the thumb colour at the right);
# a short slide at 1920x1080 has none
{
	printf 'lectern: 1\nid: long\ntitle: A long slide\nslides:\n  - title: Long\n    body:\n'
	i=0
	while [ $i -lt 12 ]; do
		printf '      - Paragraph %d of a slide that is far taller than the window, so it scrolls.\n' $i
		i=$((i + 1))
	done
} >"$tmp/long.yaml"
$L render "$tmp/long.yaml" --slide 1 --size 800x600 -o "$tmp/long.png"
check "long slide has a scroll bar" has_color "$tmp/long.png" 24x400+776+80 "$THUMB_LIGHT"
set -- $(ink "$tmp/long.png" 760x480+0+60 "$BG_LIGHT")
check "long slide: text runs to the footer, cut by the view, not squeezed" \
	test $(($2 + 60 + $4)) -gt 520
$L render modules/integrity-basics --slide welcome --size 1920x1080 -o "$tmp/short.png"
if has_color "$tmp/short.png" 40x800+1880+100 "$THUMB_LIGHT"; then
	fail "short slide has no scroll bar"
else
	pass "short slide has no scroll bar"
fi

# ------------------------------------------------------------ themes
$L render modules/integrity-basics --slide harms --theme high-contrast -o "$tmp/hc.png"
check "high-contrast: black page" test "$(px "$tmp/hc.png" 100 400)" = 000000
check "high-contrast: white body text" has_color "$tmp/hc.png" 800x400+240+200 FFFFFF
check "high-contrast: yellow headings" has_color "$tmp/hc.png" 800x80+240+80 FFFF00
if has_color "$tmp/hc.png" 1280x720+0+0 1F2328; then
	fail "high-contrast: no light-theme text colour"
else
	pass "high-contrast: no light-theme text colour"
fi
$L render modules/integrity-basics --slide harms --theme dark -o "$tmp/dark.png"
check "dark: dark page" test "$(px "$tmp/dark.png" 100 400)" = 1B1E23

# ------------------------------------------------------------ right to left
$L render modules/arabic-sample --slide 2 -o "$tmp/ar.png"
set -- $(ink "$tmp/ar.png" 1200x540+40+90 "$BG_LIGHT")
x=$(( $1 + 40 - 1 )); w=$3
check "Arabic: text right-aligned in the centred column (right edge $((x + w)))" \
	test $((x + w)) -gt 990 -a $((x + w)) -lt 1030

# ------------------------------------------------------------ --all and errors
$L render tests/modules/good/minimal.yaml --all -o "$tmp/all" 2>"$tmp/err"
n=$(ls "$tmp/all" | grep -c '^[0-9][0-9][0-9]-.*\.png$')
check "--all writes NNN-ID.png for every slide ($n)" test "$n" -ge 1
check "--all files are in slide order" test "$(ls "$tmp/all" | head -n 1 | cut -c1-4)" = 001-
if $L render modules/integrity-basics --slide no-such-slide -o "$tmp/x.png" 2>"$tmp/err"; then
	fail "unknown slide is an error"
else
	check "unknown slide is an error naming it" grep -q 'no-such-slide' "$tmp/err"
fi
if $L render modules/integrity-basics --slide 1 --size 12by3 -o "$tmp/x.png" 2>"$tmp/err"; then
	fail "bad --size is an error"
else
	check "bad --size is an error" grep -q -- '--size' "$tmp/err"
fi
if $L render modules/integrity-basics --slide 1 --theme pink -o "$tmp/x.png" 2>"$tmp/err"; then
	fail "unknown theme is an error"
else
	check "unknown theme is an error" grep -q 'pink' "$tmp/err"
fi
exit 0
