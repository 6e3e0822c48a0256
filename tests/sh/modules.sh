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
	# the PNG is the SVG as it is now: re-export and compare (a small
	# difference is allowed for another librsvg or font version)
	if command -v rsvg-convert >/dev/null 2>&1 && command -v compare >/dev/null 2>&1 && [ -f "$svg" ]; then
		tmp_png=$(mktemp --suffix=.png)
		rsvg-convert -w "$w" "$svg" -o "$tmp_png" 2>/dev/null
		rmse=$(compare -metric RMSE "$png" "$tmp_png" null: 2>&1 | sed -n 's/.*(\([0-9.e-]*\)).*/\1/p')
		rm -f "$tmp_png"
		if [ -n "$rmse" ] && awk "BEGIN { exit !($rmse < 0.02) }"; then
			echo "PASS: image $png matches its SVG"
		else
			echo "FAIL: image $png differs from $svg (RMSE ${rmse:-?}): re-export with rsvg-convert -w 1600"
		fi
	fi
done

# the quality bar of the six bundled training modules (issue 6), read with
# js-yaml: metadata set, sources on the last slide, and for the five course
# modules 10-20 minutes, 12-30 slides, sections, a pass mark, feedback on
# every choice and an explanation on every question; across the set every
# question type, shuffle, a second attempt and a practice question appear.
if ! command -v node >/dev/null 2>&1 || [ ! -d tests/node/node_modules/js-yaml ]; then
	echo "FAIL: modules: node and tests/node/node_modules/js-yaml are needed (make deps-test)"
	exit 0
fi
NODE_PATH=tests/node/node_modules node - <<'JS'
const fs = require('fs'), yaml = require('js-yaml');
const course = ['integrity-basics/module.yaml', 'gifts-and-conflicts.yaml',
	'uncac-essentials/module.yaml', 'reporting-misconduct/module.yaml',
	'integrite-douane-fr/module.yaml'];
const all = course.concat(['format-tour/module.yaml']);
const seen = { types: new Set(), shuffle: 0, attempts: 0, practice: 0 };
const report = (ok, what) => console.log((ok ? 'PASS: ' : 'FAIL: ') + what);
for (const f of all) {
	const path = 'modules/' + f;
	let m;
	try { m = yaml.load(fs.readFileSync(path, 'utf8')); }
	catch (e) { report(false, `${path}: ${e.message}`); continue; }
	const slides = m.slides || [], bad = [];
	for (const k of ['version', 'author', 'description', 'minutes'])
		if (m[k] === undefined) bad.push(`no ${k}`);
	const last = slides[slides.length - 1] || {};
	const lastText = JSON.stringify([last.title, last.body]);
	if (!/Sources/.test(lastText)) bad.push('last slide does not name its sources');
	if (course.includes(f)) {
		if (!(m.minutes >= 10 && m.minutes <= 20)) bad.push(`minutes ${m.minutes} not 10-20`);
		if (slides.length < 12 || slides.length > 30) bad.push(`${slides.length} slides, not 12-30`);
		if (!slides.some(s => s.section)) bad.push('no sections');
		if (m.pass_mark === undefined) bad.push('no pass_mark');
	}
	for (const s of slides) {
		if (s.question === undefined) continue;
		const t = s.type || 'single';
		seen.types.add(t);
		if (s.shuffle) seen.shuffle++;
		if ((s.attempts || 1) > 1) seen.attempts++;
		if (s.points === 0) seen.practice++;
		if (!s.explanation) bad.push(`question ${s.id}: no explanation`);
		for (const c of s.choices || [])
			if (typeof c !== 'object' || !c.feedback) bad.push(`question ${s.id}: a choice without feedback`);
		if (!s.choices && !(s.feedback && s.feedback.correct && s.feedback.incorrect))
			bad.push(`question ${s.id}: needs feedback.correct and feedback.incorrect`);
	}
	report(bad.length === 0, `quality ${path}` + (bad.length ? ': ' + bad.join('; ') : ''));
}
const types = ['single', 'multiple', 'true-false', 'order', 'match', 'short', 'decision'];
const missing = types.filter(t => !seen.types.has(t));
report(missing.length === 0, 'modules: every question type is used' + (missing.length ? ` (missing ${missing})` : ''));
report(seen.shuffle > 0 && seen.attempts > 0 && seen.practice > 0,
	`modules: shuffle (${seen.shuffle}), attempts > 1 (${seen.attempts}) and practice questions (${seen.practice}) are used`);
JS
