#!/bin/sh
# modules.sh: the bundled modules in modules/ are what a new user sees first,
# so each one must pass `lectern check` with no error and no warning (exit 0,
# no `FILE:LINE:COL: error|warning:` line), and each
# image must be a PNG clear at 1920x1080 (at least 1600 px wide) with its SVG
# source kept beside it. Prints one PASS:/FAIL: line per check.
cd "$(dirname "$0")/../.." || exit 2
lectern=build/lectern
[ -x "$lectern" ] || { echo "FAIL: modules: $lectern not built"; exit 1; }

n=0
for m in modules/*/module.yaml modules/*.yaml; do
	[ -f "$m" ] || continue
	n=$((n + 1))
	case $m in */module.yaml) path=$(dirname "$m") ;; *) path=$m ;; esac
	out=$("$lectern" check "$path" 2>&1)
	rc=$?
	if [ "$rc" = 0 ] && ! echo "$out" | grep -qE ': (error|warning): '; then
		echo "PASS: check $path"
	else
		echo "FAIL: check $path (exit $rc)"
		echo "$out" | head -n 20
	fi
done

# the catalog must offer the six bundled modules of issue 6 (at least)
if [ "$n" -ge 6 ]; then echo "PASS: modules: $n bundled modules"; else echo "FAIL: modules: only $n bundled modules"; fi

for png in $(find modules -name '*.png' | sort); do
	svg=${png%.png}.svg
	w=$(od -An -tu1 -j16 -N4 "$png" | awk '{ print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4 }')
	if [ ! -f "$svg" ]; then
		echo "FAIL: image $png has no SVG source beside it ($svg)"
	elif [ "${w:-0}" -lt 1600 ]; then
		echo "FAIL: image $png is $w px wide, needs at least 1600"
	else
		echo "PASS: image $png ($w px, source $(basename "$svg"))"
	fi
done
