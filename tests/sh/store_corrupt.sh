#!/bin/sh
# store_corrupt.sh: a damaged progress database, as a learner would meet
# it. Progress is recorded, the process dies without closing (its -wal and
# -shm stay), bytes of the database are overwritten, and the program is
# started (`lectern progress`): it must say in plain words what happened,
# keep the damaged file aside WITH its -wal and -shm, start a fresh
# database that works, and never crash. Also: a newer database is refused
# and left byte for byte as it was.
cd "$(dirname "$0")/../.." || exit 2
. tests/sh/store_lib.inc

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
Q=tests/modules/good/all-questions.yaml

# flip bytes: COUNT bytes at OFFSET of FILE, each XORed with 0xff
flip() {
	python3 - "$1" "$2" "$3" <<'PY'
import sys
path, off, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "r+b") as f:
    f.seek(off)
    b = bytearray(f.read(n))
    f.seek(off)
    f.write(bytes(x ^ 0xFF for x in b))
PY
}

one_case() { # name offset count crashed
	D=$T/$1
	fill "$D" "$Q" ana pass >/dev/null || fail "$1: fill"
	if [ "$4" = crashed ]; then
		# a second learner's process dies without closing: its work is in
		# the -wal, which must be kept with the damaged file
		fill "$D" "$Q" bo half
		check "$1: the crashed process left its -wal" test -s "$D/progress.db-wal"
		check "$1: the crashed process left its -shm" test -e "$D/progress.db-shm"
	fi
	flip "$D/progress.db" "$2" "$3"
	sum_damaged=$(cksum <"$D/progress.db")
	./build/lectern progress --data-dir "$D" >"$T/out" 2>"$T/err"
	rc=$?
	check "$1: the program runs and exits 0" test "$rc" = 0
	check "$1: it says the file was damaged and kept" grep -q 'damaged.*kept as .*progress.db.corrupt-' "$T/err"
	cat "$T/err"
	aside=$(ls "$D" | grep '^progress\.db\.corrupt-[0-9TZ]*$' | head -n 1)
	check "$1: the damaged file is kept aside" test -n "$aside"
	check "$1: ... unchanged" test "$(cksum <"$D/$aside")" = "$sum_damaged"
	if [ "$4" = crashed ]; then
		check "$1: ... with its -wal" test -s "$D/$aside-wal"
		check "$1: ... and its -shm" test -e "$D/$aside-shm"
	fi
	check "$1: the fresh database is sound" test "$(sqlite3 "$D/progress.db" 'PRAGMA integrity_check')" = ok
	check "$1: the fresh database is empty" grep -q 'No progress recorded yet' "$T/out"
	check "$1: the fresh database is 0600" test "$(stat -c %a "$D/progress.db")" = 600
	fill "$D" "$Q" ana pass >/dev/null
	./build/lectern progress --data-dir "$D" >"$T/out" 2>"$T/err"
	check "$1: it records again, with no warning" sh -c "grep -q passed '$T/out' && ! test -s '$T/err'"
}

one_case header 0 100 clean        # the file header: not a database any more
one_case pages 1024 3072 clean     # inside page 1: the schema b-tree is broken
one_case crashed 0 1000000 crashed # everything, with a -wal and -shm beside it

# a newer Lectern's database: refused, never modified
D=$T/newer
fill "$D" "$Q" ana pass >/dev/null
sqlite3 "$D/progress.db" "PRAGMA journal_mode=DELETE; PRAGMA user_version=99;" >/dev/null
sum=$(cksum <"$D/progress.db")
./build/lectern progress --data-dir "$D" >"$T/out" 2>"$T/err"
rc=$?
check "newer: progress refuses it (exit 1)" test "$rc" = 1
check "newer: says it is from a newer Lectern" grep -q 'newer version of Lectern' "$T/err"
check "newer: the file is unchanged" test "$(cksum <"$D/progress.db")" = "$sum"
check "newer: nothing was moved aside" sh -c "! ls '$D' | grep -q corrupt"
cat "$T/err"
