#!/bin/sh
# check_modules.sh: `lectern check` as a trainer uses it. The bundled and
# the good test modules pass with no diagnostic at all; every bad test
# module fails (exit 1) with a FILE:LINE:COLUMN line at the place its
# "# expect:" comment names; usage errors exit 2. One PASS:/FAIL: per check.
cd "$(dirname "$0")/../.." || exit 2
lectern=build/lectern
[ -x "$lectern" ] || { echo "FAIL: check_modules: $lectern not built"; exit 1; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

pass() { echo "PASS: check_modules: $1"; }
fail() { echo "FAIL: check_modules: $1"; [ -f "$tmp/err" ] && head -n 20 "$tmp/err"; }

# the whole bundled set and the good suite, in one run each
for dir in modules tests/modules/good; do
	"$lectern" check "$dir" 2>"$tmp/err"
	rc=$?
	if [ "$rc" = 0 ] && ! grep -qE ': (error|warning): ' "$tmp/err"; then
		pass "$dir/ is valid with no warnings"
	else
		fail "$dir/ (exit $rc)"
	fi
done

# each bad module: exit 1 and the expected FILE:LINE:COL: severity: fragment
nbad=0
for m in tests/modules/bad/*.yaml tests/modules/bad/*/module.yaml; do
	[ -f "$m" ] || continue
	case $m in */module.yaml) path=${m%/module.yaml} ;; *) path=$m ;; esac
	first=$(head -n 1 "$m")
	kind=${first#\# }
	kind=${kind%%:*}
	rest=${first#*: }
	pos=${rest%%: *}
	frag=${rest#*: }
	"$lectern" check "$path" 2>"$tmp/err"
	rc=$?
	if [ "$kind" = expect ]; then want=1 sev=error; else want=0 sev=warning; fi
	if [ "$rc" = "$want" ] && grep -F -- "$m:$pos: $sev: " "$tmp/err" | grep -qF -- "$frag"; then
		nbad=$((nbad + 1))
	else
		fail "$path: wanted exit $want and \"$m:$pos: $sev: ...$frag\", got exit $rc"
	fi
done
if [ "$nbad" -ge 40 ]; then pass "$nbad bad modules rejected at the right place"; else fail "only $nbad bad modules passed"; fi

# a good and a bad module together: 1, and the good one says nothing
"$lectern" check tests/modules/good/minimal.yaml tests/modules/bad/pass-mark-word.yaml 2>"$tmp/err"
rc=$?
if [ "$rc" = 1 ] && grep -q '^tests/modules/bad/pass-mark-word.yaml:5:12: error: `pass_mark` must be a whole number from 0 to 100, got "eighty"$' "$tmp/err" &&
	! grep -q minimal "$tmp/err"; then
	pass "good and bad together: exit 1, one precise line"
else
	fail "good and bad together (exit $rc)"
fi

# every problem of a file in one run, in file order
cat >"$tmp/many.yaml" <<'EOF'
lectern: 1
id: Many Problems
title: Many
pass_mark: high
slides:
  - titel: first
  - question: Which?
    type: multi
    choices: [a, b]
  - next: nowhere
EOF
"$lectern" check "$tmp/many.yaml" 2>"$tmp/err"
rc=$?
n=$(grep -c ': error: ' "$tmp/err")
if [ "$rc" = 1 ] && [ "$n" -ge 5 ] && grep -q 'many.yaml:6:5: error: unknown key `titel` in a slide (did you mean `title`?)' "$tmp/err" &&
	grep -q 'many.yaml:8:11: error: `type` must be one of .* (did you mean `multiple`?)' "$tmp/err"; then
	pass "all problems of a file in one pass ($n errors)"
else
	fail "all problems in one pass (exit $rc, $n errors)"
fi

# recursion into directories, skipping what is not a module
mkdir -p "$tmp/tree/a/b" "$tmp/tree/c"
cp tests/modules/good/minimal.yaml "$tmp/tree/a/b/one.yaml"
cp -r tests/modules/good/with-image "$tmp/tree/c/"
echo "not yaml" >"$tmp/tree/a/readme.txt"
"$lectern" check "$tmp/tree" 2>"$tmp/err"
rc=$?
if [ "$rc" = 0 ] && grep -q '2 modules checked' "$tmp/err"; then
	pass "directories are searched recursively"
else
	fail "recursive search (exit $rc)"
fi

# usage: no path, unknown option -> 2; --help -> 0; missing path -> 1
"$lectern" check 2>"$tmp/err"; r1=$?
"$lectern" check --bogus modules 2>"$tmp/err"; r2=$?
"$lectern" check --help >"$tmp/out" 2>&1; r3=$?
"$lectern" check "$tmp/none.yaml" 2>"$tmp/err"; r4=$?
"$lectern" check "$tmp/tree/a/readme.txt" 2>"$tmp/err"; r5=$?
if [ "$r1" = 2 ] && [ "$r2" = 2 ] && [ "$r3" = 0 ] && grep -q 'usage: lectern check' "$tmp/out" &&
	[ "$r4" = 1 ] && [ "$r5" = 1 ]; then
	pass "exit status 2 for usage, 0 for --help, 1 for a missing or non-YAML file"
else
	fail "exit statuses: no path $r1, bad option $r2, help $r3, missing $r4, non-yaml $r5"
fi

# limits through the command: a 17 MiB file and an alias bomb, promptly
awk 'BEGIN { print "lectern: 1\nid: huge\ntitle: Huge\nslides:"
	for (i = 0; i < 340000; i++) print "  - title: a slide repeated until the file is large" }' >"$tmp/huge.yaml"
"$lectern" check "$tmp/huge.yaml" 2>"$tmp/err"
rc=$?
if [ "$rc" = 1 ] && grep -q 'huge.yaml:1:1: error: the file is too large' "$tmp/err"; then
	pass "a 17 MiB file is refused"
else
	fail "17 MiB file (exit $rc)"
fi
"$lectern" check tests/modules/bad/alias-bomb.yaml 2>"$tmp/err"
rc=$?
if [ "$rc" = 1 ] && grep -q 'alias-bomb.yaml:12:41: error: aliases expand to too many nodes' "$tmp/err"; then
	pass "an alias bomb is refused"
else
	fail "alias bomb (exit $rc)"
fi
exit 0
