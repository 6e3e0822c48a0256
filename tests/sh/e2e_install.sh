#!/bin/sh
# e2e_install.sh: done as a training unit would. A trainer packs and signs
# a module; a kiosk that trusts the unit's key installs it from a USB
# stick through the trainer menu (real key presses under Xvfb), refuses a
# copy with one answer changed, a learner then sees the module in the
# catalog (a folder copied by hand as unavailable, with the reason), and
# later `lectern update` brings the next version from the unit's feed.
# Screenshots go to build/e2e-shots/.
set -u
cd "$(dirname "$0")/../.." || exit 2
export LC_ALL=C LANGUAGE=
unset LANG
top=$PWD
bin=$PWD/build/lectern
shots=$PWD/build/e2e-shots
. tests/sh/store_lib.inc
. tests/sh/xvfb_lib.inc
need_tools install Xvfb xdotool openbox import python3
mkdir -p "$shots"

t=$(mktemp -d /tmp/lectern-install.XXXXXX)
app=
cleanup() {
	[ -n "$app" ] && kill -9 "$app" 2>/dev/null
	xvfb_stop
	[ -n "${KEEP:-}" ] || rm -rf "$t"
}
trap cleanup EXIT INT TERM
wait_log() { retry "${2:-50}" grep -q -- "$1" "$t/app.log"; }
shot() { import -window root "$shots/install-$1.png" 2>/dev/null; }

# ---------------------------------------------------------------- the trainer
"$bin" keygen -o "$t/unit" >/dev/null 2>&1
mkdir -p "$t/usb/modules" "$t/modules"
"$bin" pack --sign "$t/unit.key" -o "$t/usb/modules/arabic-sample.lectern" \
	"$top/modules/arabic-sample" >/dev/null 2>&1
# a copy of format-tour whose true-false answer somebody changed after signing
"$bin" pack --sign "$t/unit.key" -o "$t/good-tour.lectern" "$top/modules/format-tour" >/dev/null 2>&1
python3 - "$t/good-tour.lectern" "$t/usb/format-tour.lectern" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as zi, zipfile.ZipFile(sys.argv[2], "w") as zo:
    for i in zi.infolist():
        b = zi.read(i)
        if i.filename == "module/module.yaml":
            b = b.replace(b"    answer: true", b"    answer: false", 1)
        zo.writestr(i.filename, b)
PY
check "the changed copy differs from the signed one" sh -c "! cmp -s '$t/good-tour.lectern' '$t/usb/format-tour.lectern'"

# ---------------------------------------------------------------- the kiosk
printf '2468\n2468\n' | "$bin" set-pin --config "$t/kiosk.yaml" >/dev/null 2>&1
cat >>"$t/kiosk.yaml" <<EOF
kiosk: true
data_dir: $t/data
modules_dir: $t/modules
trusted_keys:
  - $(sed -n 2p "$t/unit.pub")
EOF
# a module copied by hand: the kiosk must not show it
cp -r "$top/modules/uncac-essentials" "$t/modules/"
xvfb_start 1024x768 "$t" || { fail "install: Xvfb did not start"; exit 1; }
wm_start
: >"$t/app.log"
SDL_AUDIODRIVER=dummy "$bin" --config "$t/kiosk.yaml" >>"$t/app.log" 2>&1 &
app=$!
wait_log "kiosk: started" 100 && timeout 10 xdotool search --sync --onlyvisible \
	--name '^Lectern$' >/dev/null 2>&1
sleep 0.5
xdotool key ctrl+alt+t
sleep 0.5
xdotool type --delay 40 "2468"
xdotool key Return
check "the trainer menu opens" wait_log "trainer menu opened"
sleep 0.3
shot menu
xdotool key i
sleep 0.5
shot install
# the stick's folder, typed as a trainer would when it is not mounted
# where Lectern looks
xdotool key ctrl+BackSpace
xdotool type --delay 10 "$t/usb"
xdotool key Return
check "the signed module is installed from the stick" wait_log "installed arabic-sample from $t/usb/modules/arabic-sample.lectern"
check "the copy with one answer changed is refused" wait_log "refused $t/usb/format-tour.lectern"
check "... naming the changed file" grep -q "refused $t/usb/format-tour.lectern: .*module/module.yaml: refused: its SHA-256 does not match" "$t/app.log"
sleep 0.3
shot result
check "the installed files are the signed ones" diff -r -x .lectern "$top/modules/arabic-sample" "$t/modules/arabic-sample"
check "the changed copy was not installed" test ! -e "$t/modules/format-tour"
xdotool key Escape
sleep 0.2
xdotool key Escape
sleep 0.3
# a learner logs in and sees the catalog
xdotool key Return
sleep 0.3
xdotool type --delay 40 "Ana"
xdotool key Return
check "a learner logs in" wait_log "Ana logged in"
sleep 1
shot catalog
check "the kiosk still runs" kill -0 "$app"

# ---------------------------------------------------------------- later, the feed
# the trainer publishes version 1.1; when the network returns, the timer's
# `lectern update` (a process of its own) installs it on the running kiosk
cp -r "$top/modules/arabic-sample" "$t/src"
sed -i 's/^version: "1.0"/version: "1.1"/' "$t/src/module.yaml"
"$bin" publish --sign "$t/unit.key" -o "$t/site" "$t/src" >/dev/null 2>&1
(cd "$t/site" && exec python3 -u -m http.server 0 --bind 127.0.0.1) >"$t/py.log" 2>&1 &
srv=$!
retry 50 grep -q 'port [0-9]' "$t/py.log"
port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$t/py.log" | head -n 1)
echo "feed: http://127.0.0.1:$port/feed.txt" >>"$t/kiosk.yaml"
"$bin" update --auto --config "$t/kiosk.yaml" >"$t/update.out" 2>&1
kill "$srv" 2>/dev/null
wait "$srv" 2>/dev/null
check "later, lectern update installs 1.1 from the unit's feed" grep -q "updated arabic-sample to 1.1" "$t/update.out"
check "... the kiosk's copy is the published one" diff -r -x .lectern "$t/src" "$t/modules/arabic-sample"
