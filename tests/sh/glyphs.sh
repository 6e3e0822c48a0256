#!/bin/sh
# glyphs.sh: the shipped fonts, through the player's fallback (the style's
# DejaVu face, then Noto Sans Arabic of the same weight), draw every
# character of Latin with diacritics, Greek, Cyrillic and Arabic text, of
# the translations and of the bundled modules: no missing-glyph boxes.
# The face list is read from src/ui/text.c, so the check follows the
# renderer; tests/glyph/glyphcheck.c asks SDL2_ttf about each character.
set -u
cd "$(dirname "$0")/../.." || exit 2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; }

fonts=assets/fonts
# shellcheck disable=SC2046
if ! ${CC:-cc} -std=c11 -Wall -Wextra -Wpedantic -O1 tests/glyph/glyphcheck.c \
	-o "$tmp/glyphcheck" $(pkg-config --cflags --libs sdl2 SDL2_ttf) 2>"$tmp/cc.err"; then
	fail "glyphcheck builds"
	cat "$tmp/cc.err"
	exit 1
fi

# the faces in the order of text.c's face enum: R, B, I, BI, AR, AR_B
faces=$(sed -n '/face_file\[NFACES\] = {/,/};/p' src/ui/text.c |
	grep -o '"[^"]*\.[ot]tf"' | tr -d '"' | tr '\n' ' ')
set -- $faces
if [ $# -ne 6 ]; then
	fail "font list found in src/ui/text.c (got: $faces)"
	exit 1
fi
pass "font list found in src/ui/text.c ($faces)"

check() { # name file
	if "$tmp/glyphcheck" "$fonts" $faces "$2" >"$tmp/out" 2>&1; then
		pass "no missing glyphs: $1"
	else
		fail "no missing glyphs: $1"
		head -n 20 "$tmp/out" | sed 's/^/    /'
	fi
}

cat >"$tmp/latin.txt" <<'EOF'
Français : « Où est l’œuvre ? » Ça a été déjà l’été à Noël ; Œ Æ æ ÿ Ÿ ï î û ù.
Español: ¿Dónde está el niño? ¡Sí! Año, pingüino, acción, Ñ Á É Í Ó Ú Ü.
Português: ação, informação, pão, você, avô, à, Ã Õ Ç.
Deutsch: Zollbeamte prüfen Gebühren, ẞ ß Ä Ö Ü. Türkçe: gümrük, ışık, İ Ğ Ş.
Polski: łapówka, źródło, żółć, Ą Ć Ę Ł Ń Ś Ź Ż. Čeština: úřad, Ř Š Ž Ů Ť Ď Ě Ň.
Română: vamă, țară, șef, Ă Â Î Ș Ț. Magyar: vám, Ő Ű ő ű. Latviešu: ā ē ī ū ķ ļ ņ ģ.
Tiếng Việt: hải quan, liêm chính, đường, Đ Ơ Ư ợ ữ ạ ế ộ.
EOF
cat >"$tmp/greek.txt" <<'EOF'
Ελληνικά: Τελωνείο και ακεραιότητα. Η δωροδοκία είναι έγκλημα; ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ άέήίόύώϊϋΐΰς.
EOF
cat >"$tmp/cyrillic.txt" <<'EOF'
Русский: Таможня и честность. Взятка — это преступление! Ёлка, съезд, «кавычки».
Українська: митниця, доброчесність, ґ є ї і. Беларуская: ў. Српски: ђ ј љ њ ћ џ. Қазақша: ә ғ қ ң ө ұ ү һ.
EOF
cat >"$tmp/arabic.txt" <<'EOF'
العربية: النزاهة في الجمارك، والرشوة جريمة؛ هل تقبل هدية؟ لا. ٠١٢٣٤٥٦٧٨٩ ٪ «اقتباس»
ـ ة ى ئ ؤ إ أ آ ء لا لأ لإ لآ. فارسی: پ چ ژ گ ک ی ۰۱۲۳۴۵۶۷۸۹. اردو: ٹ ڈ ڑ ں ے ھ.
EOF
cat >"$tmp/typography.txt" <<'EOF'
Quotes ‘’ “” « » ‹ › „ — – - … • · ° € £ $ % ‰ № × ÷ ± ≤ ≥ → ← ↑ ↓ ✓ ✗ © ® ™ ½ ¼ ¾ ² ³
EOF
# no-break, narrow no-break and thin spaces (French typography)
printf 'Spaces: [\302\240] [\342\200\257] [\342\200\211]\n' >>"$tmp/typography.txt"
check "Latin with diacritics" "$tmp/latin.txt"
check "Greek" "$tmp/greek.txt"
check "Cyrillic" "$tmp/cyrillic.txt"
check "Arabic (and Persian, Urdu letters)" "$tmp/arabic.txt"
check "punctuation, symbols and spaces" "$tmp/typography.txt"

for po in po/*.po; do
	[ -f "$po" ] && check "$po" "$po"
done
for m in $(find modules -name '*.yaml' -type f | LC_ALL=C sort); do
	check "$m" "$m"
done

# the check itself: a character no shipped font has (a CJK ideograph) must
# be reported, or the passes above mean nothing.
printf 'ok \344\270\255\n' >"$tmp/cjk.txt"
if "$tmp/glyphcheck" "$fonts" $faces "$tmp/cjk.txt" >"$tmp/out" 2>&1; then
	fail "glyphcheck reports a character no font has (U+4E2D)"
elif grep -q 'U+4E2D' "$tmp/out" && [ "$(grep -c . "$tmp/out")" = 4 ]; then
	pass "glyphcheck reports a character no font has (U+4E2D)"
else
	fail "glyphcheck reports a character no font has (U+4E2D)"
	cat "$tmp/out"
fi
