#!/bin/sh
# e2e_kiosk.sh: kiosk mode in a real X server (Xvfb) with a window manager
# (openbox, so that close requests mean what they mean on a desktop), driven
# by real input events (xdotool, wmctrl) and real signals:
#  - without a PIN, kiosk mode refuses to start and says how to set one;
#  - a learner is added on the picker and opens a module;
#  - Alt+F4, a window close request, Ctrl+Q, SIGTERM, SIGINT and Escape
#    leave the program running, each after saving progress;
#  - a wrong PIN is refused; three lock the prompt, even for the right one;
#  - the right PIN opens the trainer menu, which exports progress (and
#    writes the class report) into a
#    folder and renames a learner, and whose Exit ends the program;
#  - with a short idle_logout_minutes the learner is logged out.
# Screenshots go to build/test-logs/kiosk-*.png.
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
bin=$top/build/lectern
logs=$top/build/test-logs
mkdir -p "$logs"
export LC_ALL=C LANGUAGE=
unset LANG

. tests/sh/xvfb_lib.inc
need_tools kiosk Xvfb xdotool openbox wmctrl import

t=$(mktemp -d /tmp/lectern-kiosk.XXXXXX)
app=
cleanup() {
	[ -n "$app" ] && kill -9 "$app" 2>/dev/null
	xvfb_stop
	rm -rf "$t"
}
trap cleanup EXIT

ok() { echo "PASS: kiosk $1"; }
no() { echo "FAIL: kiosk $1"; }
check() { # name, command...
	what=$1
	shift
	if "$@"; then ok "$what"; else no "$what"; fi
}
alive() { kill -0 "$app" 2>/dev/null; }
# wait until the log has a line matching $1 (at most $2 tenths of a second)
wait_log() { retry "${2:-50}" grep -q -- "$1" "$t/app.log"; }
count_log() { grep -c -- "$1" "$t/app.log"; }
shot() { import -window root "$logs/kiosk-$1.png" 2>/dev/null; }
# does the store, read by `lectern progress` as a trainer would, have
# learner $1 in progress? A reader can meet the writer mid-commit, so it
# asks a few times; the last answer is kept in $t/progress.out.
in_progress() {
	n=0
	while [ $n -lt 5 ]; do
		"$bin" progress --config "$t/kiosk.yaml" --format csv >"$t/progress.out" 2>&1
		grep -q "^\"$1\",.*,in-progress," "$t/progress.out" && return 0
		sleep 0.3
		n=$((n + 1))
	done
	cat "$t/progress.out"
	return 1
}

# ---------------------------------------------------------------- display
xvfb_start 1024x768 "$t" || { echo "FAIL: kiosk could not start Xvfb"; exit 1; }
wm_start

# ---------------------------------------------------------------- no PIN
cat >"$t/nopin.yaml" <<EOF
kiosk: true
data_dir: $t/data
modules_dir: $top/modules
EOF
timeout 10 "$bin" --config "$t/nopin.yaml" >"$t/nopin.out" 2>&1
check "refuses to start without a PIN (status 1)" [ $? = 1 ]
check "says how to set a PIN" grep -q "lectern set-pin" "$t/nopin.out"

# ---------------------------------------------------------------- start
printf '2468\n2468\n' | "$bin" set-pin --config "$t/kiosk.yaml" >/dev/null 2>&1
cat >>"$t/kiosk.yaml" <<EOF
kiosk: true
data_dir: $t/data
modules_dir: $top/modules
idle_logout_minutes: 5
EOF
start() {
	: >"$t/app.log"
	"$bin" --config "$1" >>"$t/app.log" 2>&1 &
	app=$!
	wait_log "kiosk: started" 100 && timeout 10 xdotool search --sync --onlyvisible \
		--name '^Lectern$' >/dev/null 2>&1
	sleep 0.5
}
start "$t/kiosk.yaml"
check "starts" alive
shot picker-empty
w=$(xdotool getactivewindow getwindowgeometry 2>/dev/null | sed -n 's/.*Geometry: //p')
check "fills the screen ($w)" [ "$w" = 1024x768 ]

# a new learner, then the first module, then the next slide
xdotool key Return
sleep 0.3
xdotool type --delay 40 "Ada Test"
shot new-learner
xdotool key Return
check "a new learner logs in" wait_log "Ada Test logged in"
sleep 0.5
xdotool key Return
sleep 1
xdotool key space
sleep 0.5
shot module
check "progress recorded" in_progress "Ada Test"

# ---------------------------------------------------------------- no way out
saved_since() { [ "$(count_log "progress of Ada Test saved")" -gt "$1" ]; }
try() { # name, then the action
	name=$1
	shift
	before=$(count_log "progress of Ada Test saved")
	"$@"
	# wait for the note (a busy machine may take a while), then a moment
	# more in case the program were on its way out
	retry 50 saved_since "$before"
	sleep 0.5
	check "$name: still running" alive
	after=$(count_log "progress of Ada Test saved")
	check "$name: progress saved first" [ "$after" -gt "$before" ]
}
try "Alt+F4" xdotool key alt+F4
try "window close request" wmctrl -c Lectern
try "Ctrl+Q" xdotool key ctrl+q
# time spent is the one thing kept in memory: SIGTERM must write it
spent() { "$bin" progress --config "$t/kiosk.yaml" --format csv 2>/dev/null |
	awk -F, '$1 == "\"Ada Test\"" { print $10; exit }'; }
t0=$(spent)
sleep 2.2
try "SIGTERM" kill -TERM "$app"
t1=$(spent)
check "SIGTERM: time spent saved ($t0 s, then $t1 s)" [ "${t1:-0}" -ge $((${t0:-0} + 2)) ]
try "SIGINT" kill -INT "$app"
try "SIGHUP" kill -HUP "$app"
# the other keys a learner knows: nothing happens, the window stays full
for k in alt+Tab super alt+space ctrl+w F11 ctrl+Escape alt+F2 ctrl+alt+Delete; do
	xdotool key "$k"
	sleep 0.2
done
sleep 0.5
check "other shortcuts: still running" alive
w=$(xdotool search --onlyvisible --name '^Lectern$' getwindowgeometry 2>/dev/null |
	sed -n 's/.*Geometry: //p' | head -n 1)
check "other shortcuts: still full screen ($w)" [ "$w" = 1024x768 ]
check "progress still there" in_progress "Ada Test"
# Escape leaves the module, then the catalog: that logs the learner out
xdotool key Escape
sleep 0.5
xdotool key Escape
check "Escape at the catalog logs out" wait_log "Ada Test logged out"
check "Escape: still running" alive
shot picker
check "after logout, progress saved" in_progress "Ada Test"
# close requests at the picker too
xdotool key alt+F4
wmctrl -c Lectern
xdotool key ctrl+q
kill -TERM "$app"
sleep 0.7
check "picker: close, Alt+F4, Ctrl+Q, SIGTERM ignored" alive

# ---------------------------------------------------------------- PIN
xdotool key ctrl+alt+t
sleep 0.5
xdotool type --delay 40 "1357"
xdotool key Return
check "a wrong PIN is refused" wait_log "wrong trainer PIN"
shot pin-wrong
check "wrong PIN: still running" alive
check "wrong PIN: menu not opened" sh -c "! grep -q 'trainer menu opened' '$t/app.log'"
xdotool type --delay 40 "2468"
xdotool key Return
check "the right PIN opens the trainer menu" wait_log "trainer menu opened"
sleep 0.5
shot trainer
# the trainer exports into a folder (as onto a USB stick)
mkdir -p "$t/usb"
xdotool key e
sleep 0.4
xdotool key ctrl+BackSpace
xdotool type --delay 10 "$t/usb"
xdotool key Return
check "export to a folder" wait_log "progress exported to $t/usb"
check "export: CSV has the learner" sh -c "grep -q '^\"Ada Test\",' '$t'/usb/lectern-progress-*.csv"
check "export: xAPI is a JSON array" sh -c "head -c 1 '$t'/usb/lectern-progress-*.json | grep -q '\\['"
# and writes the class report beside it (Class report, key C)
sleep 0.3
xdotool key c
sleep 0.4
xdotool key ctrl+BackSpace
xdotool type --delay 10 "$t/usb"
xdotool key Return
check "class report from the trainer menu" wait_log "class report written to $t/usb/"
check "class report: a page naming the learner and the module" \
	sh -c "grep -q 'Class report' '$t'/usb/lectern-progress-*-report.html &&
	       grep -q 'Ada Test' '$t'/usb/lectern-progress-*-report.html"
# rename the learner (Learners, Rename of the first one)
xdotool key l
sleep 0.3
xdotool key Return
sleep 0.3
xdotool key ctrl+BackSpace
xdotool type --delay 20 "Ada Renamed"
xdotool key Return
check "rename a learner" wait_log "learner Ada Test renamed to Ada Renamed"
check "rename: the progress follows" in_progress "Ada Renamed"
xdotool key Escape
sleep 0.3
xdotool key x
sleep 0.4
shot exit-confirm
xdotool key Return
retry 50 gone "$app"
check "Exit in the trainer menu ends the program" sh -c "! kill -0 $app 2>/dev/null"
wait "$app"
check "exit status 0" [ $? = 0 ]
app=

# ---------------------------------------------------------------- lockout
start "$t/kiosk.yaml"
for pin in 1111 2222 3333; do
	xdotool key ctrl+alt+t
	sleep 0.3
	xdotool type --delay 30 "$pin"
	xdotool key Return
	sleep 0.3
done
check "three wrong PINs counted" [ "$(count_log 'wrong trainer PIN')" = 3 ]
xdotool type --delay 30 "2468"
xdotool key Return
sleep 0.5
shot pin-locked
check "locked: the right PIN does not open the menu" sh -c "! grep -q 'trainer menu opened' '$t/app.log'"
kill -9 "$app"
wait "$app" 2>/dev/null
app=

# ---------------------------------------------------------------- idle
sed 's/^idle_logout_minutes: .*/idle_logout_minutes: 0.05/' "$t/kiosk.yaml" >"$t/idle.yaml"
start "$t/idle.yaml"
# Ada is on the picker now, focused: Enter logs her in
xdotool key Return
check "idle: logged in" wait_log "Ada Renamed logged in"
check "idle: not logged out while active" sh -c "! grep -q 'logged out (idle)' '$t/app.log'"
check "idle: logged out after 3 s without input" wait_log "Ada Renamed logged out (idle)" 80
check "idle: still running" alive
shot idle-picker
kill -9 "$app"
wait "$app" 2>/dev/null
app=
cp "$t/app.log" "$logs/kiosk-app.log" 2>/dev/null
