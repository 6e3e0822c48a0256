#!/bin/sh
# e2e_harden.sh: a module's image changed under the running player (issue
# 13). `check` saw a good PNG; then, with the module open, the file becomes
# a FIFO, and in a second run a symbolic link to a file outside the module.
# The player must check again when it loads the image: say why on stderr,
# show the slide without it, and stay responsive (a FIFO read blocked the
# player for good). Real player, real keys (Xvfb + xdotool).
cd "$(dirname "$0")/../.." || exit 2
top=$PWD
bin=${LECTERN:-$top/build/lectern}
export LC_ALL=C LANGUAGE=
unset LANG

. tests/sh/xvfb_lib.inc
need_tools e2e_harden Xvfb xdotool

t=$(mktemp -d /tmp/lectern-e2eh.XXXXXX)
app=
cleanup() {
	[ -n "$app" ] && kill -9 "$app" 2>/dev/null
	xvfb_stop
	rm -rf "$t"
}
trap cleanup EXIT

check() { # name, command...
	what=$1
	shift
	if "$@"; then echo "PASS: $what"; else echo "FAIL: $what"; fi
}

if ! xvfb_start 1024x700 "$t"; then
	echo "FAIL: e2e_harden: Xvfb did not start"
	exit 1
fi

# run the player on the module, turn its image into what $1 makes, go to
# the image's slide, then quit with Ctrl+Q: the status (or "hung") in $rc
run_swapped() { # label, then a command that replaces images/pic.png
	label=$1
	shift
	rm -rf "$t/mod" "$t/data"
	mkdir -p "$t/mod/images" "$t/data"
	cp tests/modules/good/with-image/images/scale.png "$t/mod/images/pic.png"
	cat >"$t/mod/module.yaml" <<'YAML'
lectern: 1
id: swapped
title: An image swapped under the player
slides:
  - id: first
    title: First
    body: The image is on the next slide.
  - id: second
    title: Second
    body:
      - image: images/pic.png
        alt: A weighing scale at the counter
YAML
	"$bin" check "$t/mod" || echo "FAIL: $label: the module passes check first"
	"$bin" --data-dir "$t/data" --learner e2e --size 1024x700 "$t/mod" >"$t/app.log" 2>&1 &
	app=$!
	timeout 10 xdotool search --sync --onlyvisible --name '^Lectern$' >/dev/null 2>&1
	sleep 0.5
	"$@"
	xdotool key Right
	sleep 1
	xdotool key ctrl+q
	if retry 100 gone "$app"; then
		wait "$app"
		rc=$?
	else
		rc=hung
		kill -9 "$app" 2>/dev/null
	fi
	app=
}

to_fifo() { rm "$t/mod/images/pic.png" && mkfifo "$t/mod/images/pic.png"; }
run_swapped fifo to_fifo
check "an image turned into a FIFO does not hang the player (status $rc)" test "$rc" = 0
check "and the player says why" grep -q 'pic.png: it is a FIFO' "$t/app.log"

to_link() {
	printf 'not an image, and not the module'"'"'s\n' >"$t/outside.png"
	rm "$t/mod/images/pic.png" && ln -s "$t/outside.png" "$t/mod/images/pic.png"
}
run_swapped link to_link
check "an image turned into a link out of the module is refused (status $rc)" \
	sh -c "[ '$rc' = 0 ] && grep -q 'pic.png: it is missing or leads outside the module directory' '$t/app.log'"

to_bomb() { cp tests/modules/bad/image-bomb-png/images/bomb.png "$t/mod/images/pic.png"; }
run_swapped bomb to_bomb
check "an image turned into a 30000x30000 bomb is refused by its header (status $rc)" \
	sh -c "[ '$rc' = 0 ] && grep -q '30000 x 30000 pixels' '$t/app.log'"
