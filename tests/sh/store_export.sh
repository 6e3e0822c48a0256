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
check "CSV has one row per learner and module" test "$(wc -l <"$T/p.csv")" -eq 6
check "CSV row for a passed module" grep -q '^ana,all-questions,,passed,100,10,11,7,7,70,20[0-9T:.-]*Z,20[0-9T:.-]*Z,wrap-up,passed,100,1' "$T/p.csv"
check "CSV quotes a name with quotes and a comma" grep -q '^"Bo ""q"", =x",all-questions,,failed,0,' "$T/p.csv"
check "CSV defuses a name a spreadsheet would run" grep -q "^\"'=SUM(A1)\",minimal," "$T/p.csv"
check "CSV row for a module in progress" grep -q '^ana,all-blocks,[^,]*,in-progress,,' "$T/p.csv"
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
