#!/bin/sh
# store_export.sh: progress recorded through the store with real modules
# (tests/modules/good), then `lectern export` and `lectern progress` as a
# trainer would run them: the xAPI file is checked by the real validator
# (npm xapi-validation, with Node), the CSV has exactly the documented
# columns, the filters work, and bad options are refused.
cd "$(dirname "$0")/../.." || exit 2
. tests/sh/store_lib.inc

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
D=$T/data
Q=tests/modules/good/all-questions.yaml
fill "$D" "$Q" ana pass >/dev/null || fail "fill ana"
fill "$D" "$Q" 'Bo "q", =x' fail >/dev/null || fail "fill Bo"
fill "$D" tests/modules/good/minimal.yaml ana pass >/dev/null || fail "fill minimal"
fill "$D" tests/modules/good/minimal.yaml '=SUM(A1)' pass >/dev/null || fail "fill =SUM"
fill "$D" tests/modules/good/minimal.yaml "Ana;=cmd|' /C calc'!A0;" pass >/dev/null || fail "fill Ana;=cmd"
fill "$D" tests/modules/good/all-blocks.yaml ana half
fill "$D" tests/modules/good/all-blocks.yaml ana resume || fail "resume"

# ---- xAPI
check "export --xapi writes a file" ./build/lectern export --data-dir "$D" --xapi "$T/all.json"
if node tests/node/validate-xapi.js "$T/all.json" >"$T/v.out" 2>&1; then
	pass "xapi-validation accepts every statement"
	cat "$T/v.out"
else
	fail "xapi-validation rejects statements"
	head -n 20 "$T/v.out"
fi
for v in initialized experienced answered completed passed failed suspended resumed terminated; do
	check "verb $v present" grep -q "\"http://adlnet.gov/expapi/verbs/$v\"" "$T/all.json"
done
for t in choice true-false sequencing matching fill-in; do
	check "interactionType $t present" grep -q "\"interactionType\":\"$t\"" "$T/all.json"
done
# the validator is real: a statement we break on purpose is rejected
node -e '
const fs = require("fs");
const d = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
d[0].verb.id = "not an iri"; d[0].result = { score: { scaled: 2 } };
fs.writeFileSync(process.argv[2], JSON.stringify([d[0]]));' "$T/all.json" "$T/bad.json"
check_fails "the validator rejects a broken statement" node tests/node/validate-xapi.js "$T/bad.json"

./build/lectern export --data-dir "$D" --xapi - --learner 'Bo "q", =x' >"$T/bo.json" 2>"$T/err"
check "--learner keeps only that learner" node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (!d.length || d.some(s => s.actor.name !== "Bo \"q\", =x")) process.exit(1);' "$T/bo.json"
./build/lectern export --data-dir "$D" --xapi - --since 2999-01-01 >"$T/none.json"
check "--since in the future gives an empty array" node -e '
const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (!Array.isArray(d) || d.length) process.exit(1);' "$T/none.json"
./build/lectern export --data-dir "$D" --xapi - --since 2000-01-01T00:00:00Z >"$T/since.json"
check "--since in the past gives everything" cmp -s "$T/since.json" "$T/all.json"
check_fails "--since that is no date is refused" ./build/lectern export --data-dir "$D" --xapi "$T/x.json" --since "last tuesday"
check "no file is left by a refused export" test ! -e "$T/x.json"
check_fails "export without --xapi or --csv is a usage error" ./build/lectern export --data-dir "$D"
check "export --help" ./build/lectern export --help

# ---- CSV
check "export --csv" ./build/lectern export --data-dir "$D" --modules tests/modules/good --csv "$T/p.csv"
check "CSV header is exactly the documented columns" test "$(head -n 1 "$T/p.csv" | tr -d '\r')" = \
	"learner,module_id,module_version,status,score_percent,slides_seen,slides_total,questions_answered,questions_total,time_spent_s,started_at,completed_at,bookmark,best_status,best_score_percent,attempts"
check "CSV has one row per learner and module" test "$(wc -l <"$T/p.csv")" -eq 7
# the decision's other branch is not on ana's route: 10 of 10 slides, not 10 of 11
check "CSV row for a passed module" grep -q '^"ana","all-questions","",passed,100,10,10,7,7,70,20[0-9T:.-]*Z,20[0-9T:.-]*Z,"wrap-up",passed,100,1' "$T/p.csv"
check "CSV quotes a name with quotes and a comma" grep -q '^"Bo ""q"", =x","all-questions","",failed,0,' "$T/p.csv"
check "CSV defuses a name a spreadsheet would run" grep -q "^\"'=SUM(A1)\",\"minimal\"," "$T/p.csv"
check "CSV row for a module in progress" grep -q '^"ana","all-blocks","[^"]*",in-progress,,' "$T/p.csv"
check "CSV defuses a formula after a semicolon (French, German spreadsheets)" \
	grep -q "^\"Ana;'=cmd|' /C calc'!A0;\",\"minimal\"," "$T/p.csv"
check_fails "CSV quotes every text field (no row starts unquoted)" sh -c "tail -n +2 '$T/p.csv' | grep -q '^[^\"]'"
./build/lectern progress --data-dir "$D" --modules tests/modules/good --format csv >"$T/p2.csv"
check "progress --format csv is the export CSV" cmp -s "$T/p.csv" "$T/p2.csv"
./build/lectern progress --data-dir "$D" --modules tests/modules/good >"$T/table"
check "progress table lists every learner" sh -c "grep -q '^ana ' '$T/table' && grep -q '^Bo \"q\", =x ' '$T/table'"
check "progress table shows scores and status" grep -q 'passed *100%' "$T/table"
cat "$T/table"
./build/lectern progress --data-dir "$D" --learner nobody >"$T/none"
check "progress for an unknown learner says there is none" grep -q 'No progress recorded for nobody' "$T/none"
check_fails "progress --format xml is refused" ./build/lectern progress --data-dir "$D" --format xml
check "progress --help" ./build/lectern progress --help

# ---- where an export goes: written through to devices and pipes, renamed
# over regular files only, from a 0600 temporary file beside the target
./build/lectern export --data-dir "$D" --modules tests/modules/good --csv /dev/stdout >"$T/stdout.csv" 2>"$T/err"
check "export --csv /dev/stdout writes through" cmp -s "$T/stdout.csv" "$T/p.csv"
./build/lectern export --data-dir "$D" --modules tests/modules/good --csv /dev/stdout 2>/dev/null | cat >"$T/pipe.csv"
check "export --csv /dev/stdout into a pipe" cmp -s "$T/pipe.csv" "$T/p.csv"
mkfifo "$T/fifo"
cat "$T/fifo" >"$T/fifo.csv" &
reader=$!
timeout 20 ./build/lectern export --data-dir "$D" --modules tests/modules/good --csv "$T/fifo" 2>/dev/null
rc=$?
wait $reader
check "export --csv to a FIFO writes through it" sh -c "[ $rc = 0 ] && cmp -s '$T/fifo.csv' '$T/p.csv' && [ -p '$T/fifo' ]"
check "export --xapi /dev/null succeeds" ./build/lectern export --data-dir "$D" --xapi /dev/null
check "/dev/null is still a character device" test -c /dev/null
check "export -o /dev/full fails" sh -c "! ./build/lectern export --data-dir '$D' --csv /dev/full"
./build/lectern export --data-dir "$D" --modules tests/modules/good --csv "$T/new.csv" 2>/dev/null
check "a new export file is private (0600)" test "$(stat -c %a "$T/new.csv")" = 600
ln -s "$T/new.csv" "$T/link.csv"
./build/lectern export --data-dir "$D" --modules tests/modules/good --csv "$T/link.csv" 2>/dev/null
check "export through a link replaces the file it names and keeps the link" \
	sh -c "[ -L '$T/link.csv' ] && cmp -s '$T/new.csv' '$T/p.csv'"
check "no temporary file is left beside an export" sh -c "! ls -a '$T' | grep -q '^\.[a-z].*\.csv\.'"
check_fails "export --csv x --xapi x is refused" ./build/lectern export --data-dir "$D" --csv "$T/same" --xapi "$T/same"
check "a refused export writes nothing" test ! -e "$T/same"
check_fails "export --learner nobody is an error" ./build/lectern export --data-dir "$D" --csv "$T/n.csv" --learner nobody
./build/lectern export --data-dir "$D" --csv "$T/n.csv" --learner nobody 2>"$T/err"
check "export --learner nobody says so" grep -q 'nobody' "$T/err"
mkdir "$T/empty"
check_fails "export from a data directory with no database is an error" ./build/lectern export --data-dir "$T/empty" --csv -

# ---- messages say what was found and what was expected
./build/lectern export --data-dir "$D" --xapi - --since 2024-02-30 >/dev/null 2>"$T/err"
check "--since with a date that does not exist is refused" grep -q "'2024-02-30' is not a date" "$T/err"
check "--since 2024-02-29 (a leap day) is a date" ./build/lectern export --data-dir "$D" --xapi /dev/null --since 2024-02-29
./build/lectern progress --format --data-dir "$D" >/dev/null 2>"$T/err"
check "an option in place of a value says the value is missing" grep -q -- '--format needs a value' "$T/err"
