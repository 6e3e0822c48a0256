#!/bin/sh
# layers.sh: the rules of docs/architecture.md, read off every #include.
#
#  - each folder of src/ includes only the folders below it (the table
#    below; each folder's README says the same in words);
#  - SDL headers only in the front end (ui, screens, cli); <yaml.h> only in
#    src/format/yamltree.c; <sqlite3.h> only in src/store/; <archive.h>,
#    <archive_entry.h> and <sodium.h> only in src/package/ (one place
#    reads untrusted archives and checks signatures); <curl/...> only
#    in src/sync/ (the player never opens a socket: sync runs as a process);
#  - no include circle between units (a unit is x.c + x.h, with the files
#    of one folder named x_*.[ch] when x.h exists there);
#  - screens never build each other: a *_screen_new or *_overlay_new is
#    called only in the file that defines it and in the navigator (nav.c),
#    and only the navigator changes the screen or overlay shown
#    (ui_set_screen, ui_set_overlay; ui/ defines them).
#
# LAYERS_SRC=dir checks another tree (the test checks that a broken rule
# fails by copying src/ and breaking it on purpose).
cd "$(dirname "$0")/../.." || exit 2

# folder: the folders it may include (besides itself)
RULES='base:
format:base
text:base format
settings:base format
store:base format
sync:base format settings store
package:base format
learn:base format store
records:base format settings store learn
ui:base format text settings
screens:base format text settings store sync package learn records ui
cli:base format text settings store sync package learn records ui screens'

# check_tree SRC: prints one line per broken rule; exit status 1 if any.
check_tree() {
	src=$1
	find "$src" -name '*.[ch]' | LC_ALL=C sort | while read -r f; do
		echo "$f - - 0"
		awk -v f="$f" '/^[ \t]*#[ \t]*include[ \t]*[<"]/ {
			s = $0; sub(/^[ \t]*#[ \t]*include[ \t]*/, "", s)
			q = substr(s, 1, 1); s = substr(s, 2)
			if (q == "<") sub(/>.*/, "", s); else sub(/".*/, "", s)
			print f, q, s, NR }' "$f"
	done | awk -v src="$src" -v rules="$RULES" '
	BEGIN {
		n = split(rules, lines, "\n")
		for (i = 1; i <= n; i++) {
			split(lines[i], kv, ":"); layer[kv[1]] = 1
			m = split(kv[2], deps, " ")
			for (j = 1; j <= m; j++) may[kv[1] "/" deps[j]] = 1
			may[kv[1] "/" kv[1]] = 1
		}
		bad = 0
	}
	function folder(p,   a) { sub("^" src "/", "", p); split(p, a, "/"); return a[1] }
	function base(p) { sub(/.*\//, "", p); return p }
	function unit(p,   d, b, stem, cut) {
		d = folder(p); b = base(p); stem = b; sub(/\.[ch]$/, "", stem)
		cut = stem
		while (cut ~ /_/) {
			sub(/_[^_]*$/, "", cut)
			if ((src "/" d "/" cut ".h") in exists) return d "/" cut
		}
		return d "/" stem
	}
	{ file[NR] = $1; kind[NR] = $2; inc[NR] = $3; line[NR] = $4; exists[$1] = 1 }
	END {
		for (i = 1; i <= NR; i++) exists[file[i]] = 1
		for (i = 1; i <= NR; i++) {
			if (kind[i] == "-") continue
			f = file[i]; d = folder(f); h = inc[i]; at = f ":" line[i] ": "
			if (!(d in layer)) { print at "folder " d "/ is not in the layer table"; bad = 1; continue }
			if (kind[i] == "<") {
				if (h ~ /^SDL2?\// || h ~ /^SDL[_.a-z]*/) {
					if (d != "ui" && d != "screens" && d != "cli") {
						print at "includes <" h ">: SDL belongs to the front end (ui, screens, cli)"; bad = 1 }
				} else if (h == "yaml.h" && f != src "/format/yamltree.c") {
					print at "includes <yaml.h>: only format/yamltree.c reads YAML"; bad = 1
				} else if (h == "sqlite3.h" && d != "store") {
					print at "includes <sqlite3.h>: only store/ talks to SQLite"; bad = 1
				} else if ((h ~ /^archive(_entry)?\.h$/ || h == "sodium.h" || h ~ /^sodium\//) && d != "package") {
					print at "includes <" h ">: only package/ reads archives and checks signatures"; bad = 1
				} else if (h ~ /^curl\// && d != "sync") {
					print at "includes <" h ">: only sync/ talks to the network"; bad = 1
				}
				continue
			}
			# "x.h" is the same folder, "dir/x.h" another folder
			if (h ~ /\//) { t = src "/" h; td = folder(t) } else { t = src "/" d "/" h; td = d }
			if (!(t in exists)) { print at "includes \"" h "\", which is not a file of src/"; bad = 1; continue }
			if (h ~ /\// && td == d) { print at "names its own folder in \"" h "\": write \"" base(h) "\""; bad = 1 }
			if (!((d "/" td) in may)) { print at d "/ may not include " td "/ (\"" h "\")"; bad = 1 }
			uf = unit(f); ut = unit(t)
			if (uf != ut && !((uf SUBSEP ut) in edge)) { edge[uf, ut] = 1; from[++ne] = uf; to[ne] = ut }
		}
		# include circles between units: depth-first search over the edges
		for (e = 1; e <= ne; e++) out[from[e]] = out[from[e]] " " to[e]
		for (u in out) {
			if (state[u] == 2) continue
			sp = 1; stack[1] = u; pos[1] = 0; state[u] = 1
			while (sp > 0) {
				v = stack[sp]; k = split(out[v], nb, " ")
				pos[sp]++
				if (pos[sp] > k) { state[v] = 2; sp--; continue }
				w = nb[pos[sp]]
				if (state[w] == 1) {
					path = w; for (j = sp; j >= 1 && stack[j] != w; j--) path = stack[j] " -> " path
					print src ": include circle: " w " -> " path; bad = 1
				} else if (state[w] == 0) { state[w] = 1; sp++; stack[sp] = w; pos[sp] = 0 }
			}
		}
		exit bad
	}'
	st=$?
	# constructors of screens and overlays: defined once, called by their
	# own file and by the navigator only
	grep -n '^[a-z_]*_\(screen\|overlay\)_new(' "$src"/screens/*.c 2>/dev/null |
		sed 's/^\([^:]*\):[0-9]*:\([a-z_]*\)(.*/\1 \2/' >"$tmpd/defs"
	while read -r def name; do
		grep -n "\\b$name(" "$src"/*/*.c | grep -v "^$def:" | grep -v "^$src/screens/nav.c:" |
			sed "s/\$/: calls $name, a screen constructor outside its file and the navigator/"
	done <"$tmpd/defs" >"$tmpd/calls"
	grep -n '\bui_set_\(screen\|overlay\)(' "$src"/*/*.c | grep -v "^$src/ui/" |
		grep -v "^$src/screens/nav.c:" |
		sed 's/$/: changes the screen shown; only the navigator (nav.c) does/' >>"$tmpd/calls"
	if [ -s "$tmpd/calls" ]; then cat "$tmpd/calls"; st=1; fi
	return $st
}

tmpd=$(mktemp -d /tmp/lectern-layers.XXXXXX)
trap 'rm -rf "$tmpd"' EXIT

if [ -n "${LAYERS_SRC:-}" ]; then
	check_tree "$LAYERS_SRC"
	exit $?
fi

if out=$(check_tree src); then
	echo "PASS: layers: every #include in src/ follows the layer rules"
else
	echo "FAIL: layers: every #include in src/ follows the layer rules"
	echo "$out"
fi

# the check must fail when a rule is broken on purpose
broken() { # label, what the report must say, a shell snippet run in a copy of src/
	label=$1
	want=$2
	shift
	rm -rf "$tmpd/src" && cp -r src "$tmpd/src"
	(cd "$tmpd/src" && eval "$2")
	if LAYERS_SRC="$tmpd/src" sh "$0" >"$tmpd/out" 2>&1 || ! grep -q -- "$want" "$tmpd/out"; then
		echo "FAIL: layers: the check catches $label"
		cat "$tmpd/out"
	else
		echo "PASS: layers: the check catches $label ($(grep -- "$want" "$tmpd/out" | head -n 1))"
	fi
}
broken "SDL in the model" "SDL belongs to the front end" 'sed -i "1i #include <SDL.h>" format/model.h'
broken "SQLite in the session" "only store/ talks to SQLite" 'sed -i "1i #include <sqlite3.h>" learn/session.c'
broken "libarchive in the catalog" "only package/ reads archives" 'sed -i "1i #include <archive.h>" format/catalog.c'
broken "libsodium in the config" "only package/ reads archives" 'sed -i "1i #include <sodium.h>" settings/config.c'
broken "the package layer including the store" "package/ may not include store/" 'sed -i "1i #include \"store/store.h\"" package/trust.c'
broken "curl in the session" "only sync/ talks to the network" 'sed -i "1i #include <curl/curl.h>" learn/session.c'
broken "curl in the package layer" "only sync/ talks to the network" 'sed -i "1i #include <curl/curl.h>" package/install.c'
broken "yaml.h in the loader" "only format/yamltree.c reads YAML" 'sed -i "1i #include <yaml.h>" format/loader.c'
broken "a lower folder including a higher one" "store/ may not include learn/" 'sed -i "1i #include \"learn/grade.h\"" store/store.h'
broken "an include circle" "include circle: learn/" 'sed -i "1i #include \"score.h\"" learn/grade.h'
broken "a screen building another" "calls catalog_screen_new" 'printf "void f(ui_app *a) { catalog_screen_new(a); }\n" >>screens/scr_results.c'
broken "a screen switching screens itself" "only the navigator" 'printf "void f(ui_app *a) { ui_set_screen(a, 0); }\n" >>screens/scr_slide.c'
