#!/bin/sh
# run.sh: run every test and end with one line "N passed, N failed".
#
#  - cmocka unit tests, built normally (build/tests) and under ASan + UBSan
#    (build/asan/tests); each test case counts once per build.
#  - shell tests tests/sh/*.sh: each prints "PASS: name" or "FAIL: name"
#    lines ("SKIP: name" when a tool it needs is missing: counted and shown,
#    never as a pass); a script that exits non-zero without a FAIL line
#    counts as one failure.
#  - the loader fuzzer for $FUZZ_SECONDS (default 30; `make fuzz-long`
#    runs it for 600): one test.
#
# LECTERN_TEST_FILTER=pattern runs only the tests whose name matches.
set -u
cd "$(dirname "$0")/.." || exit 2

passed=0
failed=0
skipped=0
failures=""
filter=${LECTERN_TEST_FILTER:-}
log=build/test-logs
mkdir -p "$log"

note_fail() {
	failed=$((failed + $2))
	failures="$failures
  $1"
}

run_cmocka() { # binary label
	name=$2
	out="$log/$name.log"
	"$1" >"$out" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$out" | tail -n 1)
	p=${p:-0}
	f=${f:-0}
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1 # crashed or a sanitizer stopped it
	fi
	passed=$((passed + p))
	if [ "$f" != 0 ]; then
		note_fail "$name ($f failed, see $out)" "$f"
		grep -E '^\[  (FAILED|  ERROR) \]|ERROR: |runtime error' "$out" | head -n 20 | sed 's/^/    /'
	fi
	echo "$name: $p passed, $f failed"
}

for t in build/tests/test_* build/asan/tests/test_*; do
	[ -x "$t" ] || continue
	case $t in build/asan/*) label="asan/$(basename "$t")" ;; *) label=$(basename "$t") ;; esac
	[ -n "$filter" ] && ! echo "$label" | grep -q -- "$filter" && continue
	run_cmocka "$t" "$(echo "$label" | tr / _)"
done

for s in tests/sh/*.sh; do
	[ -f "$s" ] || continue
	name=$(basename "$s" .sh)
	[ -n "$filter" ] && ! echo "$name" | grep -q -- "$filter" && continue
	out="$log/sh_$name.log"
	sh "$s" >"$out" 2>&1
	rc=$?
	p=$(grep -c '^PASS: ' "$out")
	f=$(grep -c '^FAIL: ' "$out")
	s=$(grep -c '^SKIP: ' "$out")
	skipped=$((skipped + s))
	grep '^SKIP: ' "$out" | sed 's/^/    /'
	if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
		f=1
		echo "FAIL: $name exited with status $rc" >>"$out"
	fi
	passed=$((passed + p))
	if [ "$f" != 0 ]; then
		note_fail "$name ($f failed, see $out)" "$f"
		grep '^FAIL: ' "$out" | head -n 20 | sed 's/^/    /'
		tail -n 15 "$out" | sed 's/^/    | /'
	fi
	if [ "$s" != 0 ]; then echo "$name: $p passed, $f failed, $s skipped"
	else echo "$name: $p passed, $f failed"; fi
done

if [ -x build/fuzz/fuzz_loader ] && { [ -z "$filter" ] || echo fuzz | grep -q -- "$filter"; }; then
	secs=${FUZZ_SECONDS:-30}
	corpus=build/fuzz/corpus
	mkdir -p "$corpus"
	out="$log/fuzz.log"
	# seed corpus: every test module and bundled module, their images (the
	# harness reads image headers too), and tests/fuzz/corpus: hostile
	# inputs (control escapes, long words, alias text, image bombs)
	{
		find tests/modules modules \( -name '*.yaml' -o -name '*.png' -o -name '*.jpg' \) \
			-type f 2>/dev/null
		find tests/fuzz/corpus -type f 2>/dev/null
	} | while read -r f; do
		cp "$f" "$corpus/$(echo "$f" | tr / _)"
	done
	if build/fuzz/fuzz_loader -max_total_time="$secs" -max_len=65536 -timeout=10 \
		-rss_limit_mb=2048 "$corpus" >"$out" 2>&1; then
		passed=$((passed + 1))
		echo "fuzz_loader: 1 passed, 0 failed ($secs s)"
	else
		note_fail "fuzz_loader (see $out)" 1
		grep -E 'ERROR|SUMMARY|runtime error' "$out" | head -n 10 | sed 's/^/    /'
		echo "fuzz_loader: 0 passed, 1 failed"
	fi
fi

if [ "$failed" != 0 ]; then
	echo "failures:$failures"
fi
if [ "$skipped" != 0 ]; then
	echo "$passed passed, $failed failed, $skipped skipped"
else
	echo "$passed passed, $failed failed"
fi
[ "$failed" = 0 ]
