#!/bin/sh
# no_network.sh: Lectern never opens a network socket. Every command runs
# under strace (socket and connect calls, child processes included); the
# only sockets allowed are local (AF_UNIX: the X display, the name
# service). A control run shows the trace does see an AF_INET socket.
cd "$(dirname "$0")/../.." || exit 2
. tests/sh/store_lib.inc
. tests/sh/xvfb_lib.inc

if ! command -v strace >/dev/null 2>&1; then
	echo "FAIL: strace is not installed (scripts/install-deps.sh test)"
	exit 1
fi
T=$(mktemp -d)
trap 'xvfb_stop; rm -rf "$T"' EXIT
D=$T/data
Q=tests/modules/good/all-questions.yaml
fill "$D" "$Q" ana pass >/dev/null

# traced NAME COMMAND...: run it under strace, then judge the trace
traced() {
	name=$1
	shift
	# openat too: a trace that shows the program opening files proves
	# strace really followed it
	strace -f -qq -e trace=socket,connect,openat -o "$T/$name.trace" "$@" >/dev/null 2>&1
	if ! grep -q 'openat(' "$T/$name.trace" 2>/dev/null; then
		fail "$name: strace could not trace it"
	elif grep -E 'AF_INET|AF_INET6|AF_PACKET|AF_NETLINK' "$T/$name.trace" >/dev/null; then
		fail "$name: opens a network socket"
		grep -E 'AF_INET|AF_INET6|AF_PACKET|AF_NETLINK' "$T/$name.trace" | head -n 5
	else
		pass "$name: no network socket"
	fi
}

# the control: a program that does open one is caught
strace -f -qq -e trace=socket -o "$T/control.trace" \
	node -e 'require("net").createServer().listen(0, "127.0.0.1", function () { this.close(); })' \
	>/dev/null 2>&1
check "control: the trace sees an AF_INET socket" grep -q AF_INET "$T/control.trace"

traced progress ./build/lectern progress --data-dir "$D"
traced progress-csv ./build/lectern progress --data-dir "$D" --format csv
traced export-xapi ./build/lectern export --data-dir "$D" --xapi "$T/x.json"
traced export-csv ./build/lectern export --data-dir "$D" --csv "$T/x.csv" --modules tests/modules/good
traced check ./build/lectern check tests/modules/good
traced fill "$FILL" "$D" "$Q" bo fail
# packages travel by USB stick: packing and installing never touch the
# network (only `lectern update` does, in a process of its own)
./build/lectern keygen -o "$T/k" >/dev/null 2>&1
traced pack ./build/lectern pack --sign "$T/k.key" -o "$T/p.lectern" modules/arabic-sample
mkdir -p "$T/mods"
traced install ./build/lectern install --modules "$T/mods" "$T/p.lectern"

# the player, on a virtual display, for a few seconds
if command -v Xvfb >/dev/null 2>&1; then
	xvfb_start 1280x800 "$T" || fail "player: Xvfb did not start"
	SDL_AUDIODRIVER=dummy timeout -s TERM 4 \
		strace -f -qq -e trace=socket,connect -o "$T/player.trace" \
		./build/lectern --data-dir "$D" "$Q" >/dev/null 2>&1
	if grep -E 'AF_INET|AF_INET6|AF_PACKET' "$T/player.trace" >/dev/null; then
		fail "player: opens a network socket"
		grep -E 'AF_INET|AF_INET6|AF_PACKET' "$T/player.trace" | head -n 5
	else
		pass "player: no network socket"
	fi
	check "player: it did reach the display (AF_UNIX X socket)" grep -q 'X11-unix' "$T/player.trace"
	xvfb_stop
else
	fail "player: Xvfb is not installed"
fi
