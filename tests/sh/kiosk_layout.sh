#!/bin/sh
# kiosk_layout.sh: every kiosk screen fits the room. `lectern render
# --kiosk` lays out and draws each kiosk screen (picker, New learner, the
# refused name, the PIN prompt, every part of the trainer menu and its
# confirmations) offscreen and reports every control or line of text that
# leaves the window, overlaps another, or has its label cut short. It runs
# here at the projector and laptop sizes classrooms use, at text scales 1.0
# to 1.5, in English, French, Spanish and Arabic, with learners whose names
# are long, accented or in Arabic script, with learner PINs on (so their
# prompts are laid out too, and the Learners list has its third button).
# The check must also fail where a
# screen cannot fit (a tiny window at huge text), or it proves nothing.
# Screens at 1280x800, text scale 1.2, in French and Arabic go to
# build/test-logs/kiosk-layout-LL/ to be looked at.
cd "$(dirname "$0")/../.." || exit 2
bin=build/lectern
logs=build/test-logs
. tests/sh/store_lib.inc

mkdir -p "$logs"
t=$(mktemp -d /tmp/lectern-layout.XXXXXX)
trap 'rm -rf "$t"' EXIT

for name in "Ana" "Hélène Núñez-Bernard" "Jean-Baptiste Kowalczyk-Oyelaran de la Fuente" \
	"محمد العلي" "فاطمة الزهراء بن عبد الله" "Zoë Ødegård"; do
	fill "$t/data" modules/integrity-basics "$name" half 2>/dev/null ||
		{ fail "kiosk layout: record learner $name"; exit 1; }
done
printf '2468\n2468\n' | "$bin" set-pin --config "$t/kiosk.yaml" >/dev/null 2>&1
cat >>"$t/kiosk.yaml" <<YAML
kiosk: true
learner_codes: true
data_dir: $t/data
modules_dir: $PWD/modules
YAML

for size in 1024x768 1280x800 1366x768 1920x1080; do
	for lang in en fr es ar; do
		: >"$t/out"
		for scale in 1.0 1.1 1.2 1.33 1.5; do
			"$bin" render --kiosk --config "$t/kiosk.yaml" --size "$size" \
				--text-scale "$scale" --language "$lang" >>"$t/out" 2>>"$t/log" ||
				echo "status $? at $scale" >>"$t/out"
		done
		screens=$(sed -n 's/.*: \([0-9]*\) screens, 0 problems$/\1/p' "$t/out" | sort -u)
		# the language the interface came out in (without a catalog for
		# the configured one, Lectern falls back to English)
		shown=$(sed -n 's/^[0-9x]* [0-9.]* \([^ :]*\): .*/\1/p' "$t/out" | sort -u | tr '\n' ' ')
		if grep -q 'problems$' "$t/out" && ! grep -v ' 0 problems$' "$t/out" | grep -q .; then
			pass "kiosk layout $size $lang (shown in ${shown% }), text scale 1.0 to 1.5: $screens screens fit, nothing overlaps"
		else
			fail "kiosk layout $size $lang, text scale 1.0 to 1.5"
			grep -v ' 0 problems$' "$t/out" | head -n 20 | sed 's/^/    /'
		fi
	done
done

# the check catches a screen that cannot fit
"$bin" render --kiosk --config "$t/kiosk.yaml" --size 640x480 --text-scale 2.5 \
	--language fr >"$t/tiny" 2>&1
st=$?
if [ $st = 1 ] && grep -q 'leaves the window' "$t/tiny"; then
	pass "kiosk layout: the check fails where nothing can fit ($(grep -c 'leaves\|overlaps\|cut short' "$t/tiny") problems at 640x480, scale 2.5)"
else
	fail "kiosk layout: the check fails where nothing can fit (status $st)"
	head -n 5 "$t/tiny" | sed 's/^/    /'
fi

# screens to look at: 1280x800, text scale 1.2, French and Arabic
for lang in fr ar; do
	rm -rf "$logs/kiosk-layout-$lang"
	if "$bin" render --kiosk --config "$t/kiosk.yaml" --size 1280x800 --text-scale 1.2 \
		--language "$lang" -o "$logs/kiosk-layout-$lang" >"$t/shots" 2>&1 &&
		[ "$(ls "$logs/kiosk-layout-$lang" | grep -c '\.png$')" -ge 10 ]; then
		pass "kiosk layout: screens at 1280x800, scale 1.2, $lang in $logs/kiosk-layout-$lang"
	else
		fail "kiosk layout: screens at 1280x800, scale 1.2, $lang"
		head -n 5 "$t/shots" | sed 's/^/    /'
	fi
done
