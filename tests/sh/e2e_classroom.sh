#!/bin/sh
# e2e_classroom.sh: a classroom as docs/classroom.md sets it up (1280x800,
# text_scale 1.2, language fr), in a real X server (Xvfb) with a window
# manager (openbox), driven by real input (xdotool) and real signals:
#  - language: the first frame is the French picker (it matches what
#    `lectern render --kiosk --language fr` draws, not the English one),
#    with another language in the environment, and again after a restart;
#    the kiosk log is English whatever the interface says;
#  - display choices: Hélène's larger text and high contrast are hers:
#    reset to the configuration's at logout, not shown to Ana, back when
#    Hélène logs in again, and gone from the picker after a restart;
#  - idle: a countdown shows before the idle logout, input cancels it, and
#    without input the learner is logged out with progress saved;
#  - learner PINs: a new learner chooses one (a trivial one is refused), a
#    wrong one does not log in, the right one does, the trainer resets it;
#  - touch: with touch_only, names are tapped on the screen's keyboard,
#    with the accents of French and in Arabic letters (the keys found
#    where `lectern render --kiosk --places` says they are);
#  - the trainer PIN: the lockout survives kill -9 and grows, weak hash
#    kinds are refused, a config file others can read is warned about.
# Screenshots go to build/test-logs/classroom-*.png.
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
bin=$top/build/lectern
logs=$top/build/test-logs
mkdir -p "$logs"
export LC_ALL=C
unset LANG

. tests/sh/xvfb_lib.inc
need_tools classroom Xvfb xdotool openbox import compare sqlite3

t=$(mktemp -d /tmp/lectern-classroom.XXXXXX)
app=
cleanup() {
	[ -n "$app" ] && kill -9 "$app" 2>/dev/null
	xvfb_stop
	rm -rf "$t"
}
trap cleanup EXIT

ok() { echo "PASS: classroom $1"; }
no() { echo "FAIL: classroom $1"; }
check() { # name, command...
	what=$1
	shift
	if "$@"; then ok "$what"; else no "$what"; fi
}
alive() { kill -0 "$app" 2>/dev/null; }
wait_log() { retry "${2:-50}" grep -q -- "$1" "$t/app.log"; }
no_log() { ! grep -q -- "$1" "$t/app.log"; }
count_log() { grep -c -- "$1" "$t/app.log"; }
shot() { import -window root "$logs/classroom-$1.png" 2>/dev/null; }
# how many pixels differ between two images (a little colour noise allowed)
differ() { compare -metric AE -fuzz 2% "$1" "$2" null: 2>&1 | sed 's/ .*//'; }
pixel() { convert "$1" -format "%[hex:p{$2}]" info: 2>/dev/null | cut -c1-6; }
stop() {
	[ -n "$app" ] && kill -9 "$app" 2>/dev/null
	wait "$app" 2>/dev/null
	app=
}
# start the kiosk with config $1 (LANGUAGE=es: the environment says Spanish)
start() {
	: >"$t/app.log"
	LANGUAGE=es "$bin" --config "$1" >>"$t/app.log" 2>&1 &
	app=$!
	wait_log "kiosk: started" 100 && timeout 10 xdotool search --sync --onlyvisible \
		--name '^Lectern$' >/dev/null 2>&1
	sleep 0.7
}
# a config for part $1: the PIN 2468, the classroom's settings, more lines
config() { # name, extra lines
	printf '2468\n2468\n' | "$bin" set-pin --config "$t/$1.yaml" >/dev/null 2>&1
	cat >>"$t/$1.yaml" <<EOF
kiosk: true
data_dir: $t/data-$1
modules_dir: $top/modules
text_scale: 1.2
language: fr
theme: light
$2
EOF
}
# type text; xdotool needs a UTF-8 locale for Hélène's accents
typ() { LC_ALL=C.UTF-8 xdotool type --delay 60 "$1"; }
new_learner() { # name: the picker's New learner, typed on the keyboard
	xdotool key Home Return
	sleep 0.6
	typ "$1"
	sleep 0.3
	xdotool key Return
	# on failure, say who did log in
	wait_log "$1 logged in" || grep "logged in" "$t/app.log" | tail -n 1 >&2
}

xvfb_start 1280x800 "$t" || { echo "FAIL: classroom could not start Xvfb"; exit 1; }
wm_start

# ---------------------------------------------------------------- language
config lang "idle_logout_minutes: 5"
"$bin" render --kiosk --config "$t/lang.yaml" -o "$t/fr" >/dev/null 2>&1
"$bin" render --kiosk --config "$t/lang.yaml" --language en -o "$t/en" >/dev/null 2>&1
start "$t/lang.yaml"
check "language: starts" alive
check "language: the log says French is in use" wait_log "kiosk: started; language fr;"
shot first-frame
d_fr=$(differ "$logs/classroom-first-frame.png" "$t/fr/kiosk-01-picker.png")
d_en=$(differ "$logs/classroom-first-frame.png" "$t/en/kiosk-01-picker.png")
check "language: the first frame is the French picker ($d_fr pixels differ from it, $d_en from the English one)" \
	[ "${d_fr:-999999}" -lt 500 ] && [ "${d_en:-0}" -gt 5000 ]
kill -TERM "$app"
check "language: a signal is logged in English" wait_log "kiosk: ignored SIGTERM"
check "language: the log has no French" sh -c "! grep -Eq 'ignoré|Complété|connecté|progression' '$t/app.log'"
stop
start "$t/lang.yaml"
shot first-frame-again
d_fr=$(differ "$logs/classroom-first-frame-again.png" "$t/fr/kiosk-01-picker.png")
check "language: French again from the first frame after a restart ($d_fr pixels differ)" \
	[ "${d_fr:-999999}" -lt 500 ]
stop

# ---------------------------------------------------------------- display
config display "idle_logout_minutes: 5"
start "$t/display.yaml"
shot display-picker
bg=$(pixel "$logs/classroom-display-picker.png" 5,400)
new_learner "Hélène Núñez"
check "display: Hélène logs in with the classroom's display" \
	wait_log "Hélène Núñez logged in (theme light, text scale 1.20)"
sleep 0.5
xdotool key ctrl+plus
sleep 0.2
xdotool key ctrl+plus
check "display: Hélène's larger text is kept for her" \
	wait_log "display of Hélène Núñez: theme light, text scale 1.45"
xdotool key F1
sleep 0.4
xdotool key h
check "display: Hélène's high contrast is kept for her" \
	wait_log "display of Hélène Núñez: theme high-contrast, text scale 1.45"
sleep 0.3
shot display-helene
xdotool key Escape
sleep 0.3
xdotool key Escape
check "display: logout resets the display" wait_log "display reset to theme light, text scale 1.20"
sleep 0.5
shot display-after-helene
check "display: the picker after Hélène has the classroom's theme again (pixel $(pixel "$logs/classroom-display-after-helene.png" 5,400))" \
	[ "$(pixel "$logs/classroom-display-after-helene.png" 5,400)" = "$bg" ]
new_learner "Ana Test"
check "display: Ana starts with the classroom's display, not Hélène's" \
	wait_log "Ana Test logged in (theme light, text scale 1.20)"
sleep 0.5
shot display-ana
check "display: Ana's screen is light (pixel $(pixel "$logs/classroom-display-ana.png" 5,400), picker $bg)" \
	[ "$(pixel "$logs/classroom-display-ana.png" 5,400)" = "$bg" ]
xdotool key Escape
wait_log "Ana Test logged out"
sleep 0.4
xdotool key h Return
check "display: Hélène gets her own display back" \
	wait_log "Hélène Núñez logged in (theme high-contrast, text scale 1.45)"
sleep 0.5
shot display-helene-again
check "display: Hélène's screen is high contrast again (pixel $(pixel "$logs/classroom-display-helene-again.png" 5,400))" \
	[ "$(pixel "$logs/classroom-display-helene-again.png" 5,400)" = 000000 ]
stop
"$bin" render --kiosk --config "$t/display.yaml" -o "$t/display" >/dev/null 2>&1
start "$t/display.yaml"
shot display-restart
d=$(differ "$logs/classroom-display-restart.png" "$t/display/kiosk-01-picker.png")
check "display: after kill -9 and a restart the picker has the classroom's theme and text size ($d pixels differ)" \
	[ "${d:-999999}" -lt 500 ]
stop

# ---------------------------------------------------------------- idle
# 12 s: the countdown is the last 6 s (half the idle time when that is
# shorter than 30 s)
config idle "idle_logout_minutes: 0.2"
start "$t/idle.yaml"
new_learner "Idle Learner"
wait_log "Idle Learner logged in"
sleep 0.5
xdotool key Return
sleep 1
xdotool key space
check "idle: a countdown shows before the logout" wait_log "Idle Learner idle: countdown shown, logout in [4-6] s" 150
sleep 0.3
shot idle-countdown
check "idle: not logged out yet" no_log "Idle Learner logged out"
xdotool key shift
check "idle: a key cancels the countdown" wait_log "Idle Learner idle: countdown cancelled by input"
sleep 0.5
shot idle-cancelled
check "idle: still logged in after the cancel" no_log "Idle Learner logged out"
check "idle: the countdown comes again" \
	retry 150 sh -c "[ \$(grep -c 'countdown shown' '$t/app.log') -ge 2 ]"
check "idle: then the learner is logged out, progress saved" \
	wait_log "Idle Learner logged out (idle), progress saved" 100
"$bin" progress --config "$t/idle.yaml" --format csv >"$t/idle.csv" 2>&1
check "idle: the store has the learner's progress" grep -q '^"Idle Learner",.*,in-progress,' "$t/idle.csv"
check "idle: still running" alive
stop

# ---------------------------------------------------------------- learner PINs
config codes "idle_logout_minutes: 5
learner_codes: true"
start "$t/codes.yaml"
new_learner "Bruno Code"
sleep 0.5
shot codes-choose
typ "1234"
xdotool key Return
sleep 0.3
shot codes-refused
typ "5820"
xdotool key Return
sleep 0.3
typ "5820"
xdotool key Return
check "codes: a trivial PIN is refused, a good one chosen" wait_log "Bruno Code chose a PIN"
check "codes: ... once" [ "$(count_log 'chose a PIN')" = 1 ]
check "codes: then the new learner is logged in" wait_log "Bruno Code logged in"
hash=$(sqlite3 "$t/data-codes/progress.db" "SELECT code_hash FROM learner WHERE name = 'Bruno Code'")
check "codes: the store keeps a crypt hash, not the PIN" \
	sh -c "echo '$hash' | grep -Eq '^\\\$(y|6)\\\$' && ! echo '$hash' | grep -q 5820"
xdotool key Escape
wait_log "Bruno Code logged out"
sleep 0.4
xdotool key b Return
sleep 0.4
shot codes-check
typ "0000"
xdotool key Return
check "codes: a wrong PIN is refused" wait_log "wrong PIN of Bruno Code (1 in a row)"
check "codes: ... and does not log in" [ "$(count_log 'Bruno Code logged in')" = 1 ]
typ "5820"
xdotool key Return
check "codes: the right PIN logs in" retry 50 sh -c "[ \$(grep -c 'Bruno Code logged in' '$t/app.log') = 2 ]"
xdotool key Escape
wait_log "Bruno Code logged out (left"
sleep 0.3
xdotool key ctrl+alt+t
sleep 0.4
typ "2468"
xdotool key Return
wait_log "trainer menu opened"
xdotool key l
sleep 0.3
xdotool key Tab Tab Return
check "codes: the trainer resets a learner's PIN" wait_log "PIN of learner Bruno Code reset by the trainer"
sleep 0.3
shot codes-reset
xdotool key Escape
sleep 0.2
xdotool key Escape
sleep 0.3
xdotool key b Return
sleep 0.4
typ "7391"
xdotool key Return
sleep 0.3
typ "7391"
xdotool key Return
check "codes: after a reset the learner chooses a new PIN" \
	retry 50 sh -c "[ \$(grep -c 'Bruno Code chose a PIN' '$t/app.log') = 2 ] && [ \$(grep -c 'Bruno Code logged in' '$t/app.log') = 3 ]"
stop

# ---------------------------------------------------------------- touch
# the centre of the control labelled $3 on screen $2, from the places of
# `lectern render --kiosk` for config $1
at() {
	awk -F '\t' -v s="$2" -v l="$3" '$1 == "place" && $2 == s && $3 == l {
		split($4, r, " "); print r[1] + int(r[3] / 2), r[2] + int(r[4] / 2); exit }' "$t/$1.places"
}
tap() { # config, screen, label
	xy=$(at "$@")
	[ -n "$xy" ] || { echo "    no \"$3\" on $2" >&2; return 1; }
	# shellcheck disable=SC2086
	xdotool mousemove $xy click 1
	sleep 0.2
}
for lang in fr ar; do
	config "touch-$lang" "idle_logout_minutes: 5
touch_only: true"
	sed -i "s/^language: fr/language: $lang/" "$t/touch-$lang.yaml"
	"$bin" render --kiosk --places --config "$t/touch-$lang.yaml" >"$t/touch-$lang.places" 2>/dev/null
done
start "$t/touch-fr.yaml"
shot touch-picker
tap touch-fr picker "+ Nouvel apprenant"
sleep 0.5
shot touch-keyboard
for k in H É L È N E; do tap touch-fr new-learner "$k"; done
shot touch-typed
tap touch-fr new-learner Commencer
check "touch: Hélène typed with accents on the screen's keyboard (French)" wait_log "kiosk: Hélène logged in"
stop
start "$t/touch-ar.yaml"
tap touch-ar picker "+ New learner"
sleep 0.5
for k in م ح م د Space ع ل ي; do tap touch-ar new-learner "$k"; done
shot touch-arabic
tap touch-ar new-learner Start
check "touch: a name in Arabic letters on the Arabic keyboard" wait_log "kiosk: محمد علي logged in"
stop

# ---------------------------------------------------------------- trainer lockout
config lock "idle_logout_minutes: 5"
start "$t/lock.yaml"
xdotool key ctrl+alt+t
sleep 0.4
for pin in 1357 9753 8642; do
	typ "$pin"
	xdotool key Return
	sleep 0.4
done
check "lockout: three wrong PINs lock the prompt" \
	wait_log "wrong trainer PIN (3 in a row), locked for 30 s"
stop
start "$t/lock.yaml"
check "lockout: after kill -9 the lock is still there at start" \
	wait_log "trainer PIN locked for [0-9]* s more (3 wrong in a row)"
xdotool key ctrl+alt+t
sleep 0.5
shot lockout-after-restart
typ "2468"
xdotool key Return
check "lockout: the right PIN is not even checked" wait_log "trainer PIN refused unchecked"
check "lockout: the menu stays closed" no_log "trainer menu opened"
stop
# the lock ran out (as 31 s later): the next wrong PIN locks for twice as long
sqlite3 "$t/data-lock/progress.db" \
	"UPDATE guard SET last_failure = last_failure - 31 WHERE name = 'trainer'"
start "$t/lock.yaml"
check "lockout: no lock at start once it ran out" no_log "trainer PIN locked"
xdotool key ctrl+alt+t
sleep 0.4
typ "1111"
xdotool key Return
check "lockout: grows across restarts (4th wrong PIN: 60 s)" \
	wait_log "wrong trainer PIN (4 in a row), locked for 60 s"
stop

# a weak hash kind is refused; a config others can read is warned about
sed "s/^trainer_pin_hash: .*/trainer_pin_hash: '\$1\$abcdefgh\$0123456789abcdefghijkl'/" \
	"$t/lock.yaml" >"$t/weak.yaml"
chmod 600 "$t/weak.yaml"
timeout 10 "$bin" --config "$t/weak.yaml" >"$t/weak.out" 2>&1
st=$?
check "hash: an MD5 crypt hash is refused (status $st)" \
	sh -c "[ $st = 2 ] && grep -q 'weaker than SHA-512' '$t/weak.out'"
chmod 644 "$t/lock.yaml"
start "$t/lock.yaml"
check "permissions: a config file others can read is warned about" \
	grep -q "can be read or written by other accounts (mode 644)" "$t/app.log"
stop
chmod 600 "$t/lock.yaml"
start "$t/lock.yaml"
check "permissions: no warning for mode 600" no_log "other accounts"
stop
cp "$t/app.log" "$logs/classroom-app.log" 2>/dev/null
