#!/bin/sh
# bench_tools.sh: the benchmark's own tools do what `make bench` relies on,
# checked without timing anything (make bench measures; make test does not).
#  - gen-module writes modules that `lectern check` accepts with no
#    diagnostic, with every question type and its images as real PNGs;
#  - measure reports a child's exit status, a "first frame" line it saw,
#    and wake-ups of a program that keeps waking.
# One PASS:/FAIL: line per check.
cd "$(dirname "$0")/../.." || exit 2
lectern=build/lectern
[ -x "$lectern" ] || { echo "FAIL: bench_tools: $lectern not built"; exit 1; }
if ! make -s build/bench/gen-module build/bench/measure >/dev/null 2>&1; then
	echo "FAIL: bench_tools: cannot build build/bench/gen-module and measure"
	exit 1
fi
gen=build/bench/gen-module
meas=build/bench/measure
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

pass() { echo "PASS: bench_tools: $1"; }
fail() { echo "FAIL: bench_tools: $1"; [ -f "$tmp/err" ] && head -n 10 "$tmp/err"; }

# a module of 300 slides with every kind of question, valid and warning-free
$gen slides 300 "$tmp/s300.yaml" 2>"$tmp/err"
if $lectern check "$tmp/s300.yaml" 2>"$tmp/err" && ! grep -q ': warning: ' "$tmp/err"; then
	pass "gen-module slides 300 passes lectern check with no warning"
else
	fail "gen-module slides 300 is rejected by lectern check"
fi
missing=""
for t in multiple true-false order match short decision; do
	grep -q "^    type: $t\$" "$tmp/s300.yaml" || missing="$missing $t"
done
# single is the default type: a choices list on a slide without type:
grep -q '^    choices:' "$tmp/s300.yaml" || missing="$missing choices"
n=$(grep -c '^  - id: ' "$tmp/s300.yaml")
if [ -z "$missing" ] && [ "$n" = 300 ]; then
	pass "gen-module slides 300 has exactly 300 slides and every question type"
else
	fail "gen-module: $n slides, missing:$missing"
fi

# the same generator is deterministic: the benchmark compares like with like
$gen slides 300 "$tmp/again.yaml"
if cmp -s "$tmp/s300.yaml" "$tmp/again.yaml"; then
	pass "gen-module output is the same on every run"
else
	fail "gen-module output differs between runs"
fi

# question-free modules for paging, and image modules with real PNGs
$gen content 20 "$tmp/c20.yaml"
if $lectern check "$tmp/c20.yaml" 2>"$tmp/err" && ! grep -q 'question:' "$tmp/c20.yaml"; then
	pass "gen-module content 20 is valid and has no question"
else
	fail "gen-module content 20"
fi
$gen images 3 "$tmp/img" 2>"$tmp/err"
pngs=0
for f in "$tmp"/img/images/img-000[123].png; do
	[ "$(head -c 8 "$f" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
		pngs=$((pngs + 1))
done
if $lectern check "$tmp/img" 2>"$tmp/err" && ! grep -q ': warning: ' "$tmp/err" && [ $pngs = 3 ]; then
	pass "gen-module images 3 is valid with 3 PNG images"
else
	fail "gen-module images 3 (PNGs: $pngs)"
fi
if $gen sideways 3 "$tmp/x" 2>/dev/null; then
	fail "gen-module accepted an unknown kind"
else
	pass "gen-module rejects an unknown kind"
fi

# measure: exit status, the first-frame line, wake-ups
out=$($meas -- sh -c 'exit 3')
case $out in *" exit=3"*) pass "measure reports the exit status" ;;
	*) fail "measure exit status: $out" ;; esac
out=$($meas --first-frame -- sh -c 'echo starting; echo "first frame: now"; sleep 0.2')
ff=$(printf '%s\n' "$out" | tr ' ' '\n' | sed -n 's/^first_frame_ms=//p')
case $ff in -*|"") fail "measure did not see the first-frame line: $out" ;;
	*) pass "measure sees the first-frame line" ;; esac
out=$($meas --settle 0.2 --idle 1 -- sh -c 'while :; do sleep 0.05; done')
w=$(printf '%s\n' "$out" | tr ' ' '\n' | sed -n 's/^idle_wakeups=//p')
if [ "${w:-0}" -ge 5 ] 2>/dev/null; then
	pass "measure counts wake-ups of a waking program"
else
	fail "measure saw ${w:-no} wake-ups of a program waking 20 times a second: $out"
fi
