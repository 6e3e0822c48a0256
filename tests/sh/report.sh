#!/bin/sh
# report.sh: `lectern report` as a trainer runs it after a class: progress
# recorded through the store for a small class, then the HTML page opened
# in headless Chromium (no console error, no request leaves the file,
# every chart has a text equivalent; screenshots kept in build/test-logs),
# the CSV tables with plain numbers and safe names, the filters, and the
# refusals. The numbers themselves are held against their formulas in
# tests/unit/test_classrep.c.
cd "$(dirname "$0")/../.." || exit 2
. tests/sh/store_lib.inc

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
D=$T/data
M=modules
L=build/test-logs
mkdir -p "$L"
fill "$D" "$M/integrity-basics" ana pass >/dev/null || fail "fill ana"
fill "$D" "$M/integrity-basics" ben fail >/dev/null || fail "fill ben"
fill "$D" "$M/integrity-basics" '=cmd|calc' pass >/dev/null || fail "fill =cmd"
fill "$D" "$M/gifts-and-conflicts.yaml" ana pass >/dev/null || fail "fill gifts"
fill "$D" "$M/gifts-and-conflicts.yaml" 'Zoé <b>&' half

R="./build/lectern report --data-dir $D --modules $M"
check "report writes an HTML page" $R -o "$T/class.html"
check "the page names both modules" grep -q 'Integrity in Customs' "$T/class.html"
check "names are escaped in the page" grep -q 'Zoé &lt;b&gt;&amp;' "$T/class.html"
check_fails "no raw markup from a name" grep -q 'Zoé <b>' "$T/class.html"

if command -v chromium >/dev/null 2>&1 && [ -d tests/node/node_modules/playwright-core ]; then
	if node tests/node/check-report.js "$T/class.html" "$L/report" >"$T/page.json" 2>"$T/page.err"; then
		pass "Chromium opens the report with no console error and no request"
	else
		fail "Chromium opens the report with no console error and no request"
		cat "$T/page.err"
	fi
	check "every chart has a title, a description and a caption" node -e '
const i = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
if (i.charts < 2 || i.chartsWithoutText || i.scripts || i.links || i.modules !== 2) process.exit(1);' "$T/page.json"
	check "the screen and print screenshots were taken" test -s "$L/report-screen.png" -a -s "$L/report-print.png" -a -s "$L/report.pdf"
else
	echo "SKIP: Chromium or playwright-core missing (scripts/install-deps.sh test installs them)"
	fail "Chromium is there to open the report"
fi

LANGUAGE=fr LANG=fr_FR.UTF-8 $R -o "$T/fr.html" 2>/dev/null
check "the page is in the UI language" grep -q '<html lang="fr"' "$T/fr.html"

# ---- CSV
check "report --csv writes four tables" $R --csv -o "$T/class.csv"
for t in modules learners questions options; do
	check "$t table written" test -s "$T/class-$t.csv"
done
check "questions: header" sh -c "head -n 1 '$T/class-questions.csv' | grep -q '^module_id,question_id,number,type,answers,facility,discrimination,too_easy,too_hard,negative_discrimination'"
check_fails "no percent signs in numeric columns" grep -q '%' "$T/class-questions.csv" "$T/class-modules.csv"
check "facility is a number from 0 to 1" awk -F, 'NR > 1 && $6 != "" && ($6 < 0 || $6 > 1) { bad = 1 } END { exit bad }' "$T/class-questions.csv"
check "a formula-like name is defused" grep -q "\"'=cmd|calc\"" "$T/class-learners.csv"
check "learners: ana passed integrity-basics with 100" grep -q '^"\{0,1\}integrity-basics"\{0,1\},"\{0,1\}ana"\{0,1\},passed,100,100,1,' "$T/class-learners.csv"

# ---- filters and refusals
check "--module keeps one module" $R --module integrity-basics -o "$T/one.html"
check_fails "the other module is left out" grep -q 'Gifts' "$T/one.html"
check "--learner" $R --learner ben --csv -o "$T/ben"
check "only ben's rows" awk -F, 'NR > 1 && $2 != "\"ben\"" { bad = 1 } END { exit bad }' "$T/ben-learners.csv"
check_fails "--since that is no date is refused" $R --since 2024-02-30 -o "$T/x.html"
check_fails "an unknown module is refused" $R --module no-such -o "$T/x.html"
check_fails "an unknown learner is refused" $R --learner nobody -o "$T/x.html"
check "nothing is left by a refused report" test ! -e "$T/x.html"
check_fails "-o is required" $R
check_fails "--csv to standard output is refused" $R --csv -o -
check "report --help" ./build/lectern report --help
