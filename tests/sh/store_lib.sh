# store_lib.sh: helpers for the progress store's shell tests (sourced).
# fill DATA_DIR MODULE LEARNER MODE records progress (see fill_progress.c).

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; }
check() { # name command...
	name=$1
	shift
	if "$@" >/dev/null 2>&1; then pass "$name"; else fail "$name"; fi
}
check_fails() { # name command...: the command must fail
	name=$1
	shift
	if "$@" >/dev/null 2>&1; then fail "$name"; else pass "$name"; fi
}

FILL=build/fill_progress
if [ ! -x "$FILL" ] || [ tests/sh/fill_progress.c -nt "$FILL" ] ||
	[ build/liblectern-core.a -nt "$FILL" ]; then
	${CC:-cc} -std=c11 -Wall -Wextra -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -Isrc/core \
		tests/sh/fill_progress.c build/liblectern-core.a \
		$(pkg-config --libs yaml-0.1 sqlite3) -lcrypt -lm -o "$FILL" || {
		echo "FAIL: build fill_progress"
		exit 1
	}
fi
fill() { "$FILL" "$@"; }
