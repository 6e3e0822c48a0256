#!/bin/sh
# manpage.sh: docs/lectern.1 stays true to the program: every command and
# every option that `lectern [COMMAND] --help` shows is in the manual page,
# and the page renders without groff warnings.
cd "$(dirname "$0")/../.." || exit 2
bin=build/lectern
t=$(mktemp -d /tmp/lectern-man.XXXXXX)
trap 'rm -rf "$t"' EXIT
export LC_ALL=C

if ! groff -man -Tascii -P-c -P-b -P-u -ww docs/lectern.1 >"$t/man.txt" 2>"$t/warn"; then
	echo "FAIL: manpage groff failed"
	exit 1
fi
if [ -s "$t/warn" ]; then
	echo "FAIL: manpage renders without warnings"
	cat "$t/warn"
else
	echo "PASS: manpage renders without warnings"
fi
# join hyphenated line breaks so "--data-dir" split across lines is found
tr '\n' ' ' <"$t/man.txt" | sed 's/- \{1,\}//g; s/  */ /g' >"$t/flat.txt"
tr '\n' ' ' <"$t/man.txt" | sed 's/  */ /g' >"$t/plain.txt"

for cmd in "" check render export progress report sync set-pin keygen pack install remove publish update preview new; do
	# shellcheck disable=SC2086
	"$bin" $cmd --help >"$t/help" 2>&1
	label=${cmd:-player}
	if ! grep -q "usage: lectern" "$t/help"; then
		echo "FAIL: manpage lectern $cmd --help prints a usage"
		continue
	fi
	grep -q "lectern $cmd" "$t/plain.txt" && echo "PASS: manpage has lectern $label" ||
		echo "FAIL: manpage has lectern $label"
	for opt in $(grep -o -- '--[a-z][a-z-]*' "$t/help" | sort -u); do
		if grep -q -- "$opt" "$t/plain.txt" || grep -q -- "$opt" "$t/flat.txt"; then
			echo "PASS: manpage documents $label $opt"
		else
			echo "FAIL: manpage documents $label $opt"
		fi
	done
done
for opt in --version; do
	"$bin" $opt >/dev/null 2>&1 && grep -q -- "$opt" "$t/plain.txt" &&
		echo "PASS: manpage documents $opt" || echo "FAIL: manpage documents $opt"
done
