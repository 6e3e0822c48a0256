#!/bin/sh
# i18n.sh: the translations are sound and every UI string is marked.
#
#  - each po/LL.po passes `msgfmt --check` (format strings, plural forms,
#    header) and is complete: no untranslated or fuzzy message, and every
#    message of po/lectern.pot is in it;
#  - po/lectern.pot is what `make pot` makes from the sources now;
#  - French typography: a no-break space, never a plain one, before : ; ? !
#    and inside « »;
#  - no UI string is left unmarked in src/*/*.c. xgettext
#    does the C lexing (comments, escapes, concatenated literals), in two
#    ways: (1) with the output functions as keywords (printf, die,
#    diag_add, the text drawing calls, ...) it finds literals passed to them
#    directly instead of through _(); a literal that has letters once its
#    % conversions are taken out is a UI string. (2) With --extract-all it
#    finds every literal; one not inside _() N_() C_() ngettext() that reads
#    like prose (two words, or one capitalised word) is a UI string too, so
#    labels kept in tables are caught. Literals that are not for people
#    (keys, SQL, file names) go in tests/sh/i18n-allow.txt.
#  The unmarked-string check first proves on a sample file that it catches
#  what it must and lets the rest through.
set -u
cd "$(dirname "$0")/../.." || exit 2

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1"; }

# functions whose string arguments are shown to a person, as xgettext
# keywords (NAME:ARG). Add the renderer's text-drawing calls here.
ui_keywords="printf:1 fprintf:2 dprintf:2 puts:1 fputs:1 perror:1 die:1
diag_add:6 SDL_ShowSimpleMessageBox:2 SDL_ShowSimpleMessageBox:3
SDL_SetWindowTitle:2 ui_draw_text:2 ui_ellipsize:2 ui_button:3
ui_button_width:2 ui_header:2 ui_header:3 ui_footer:2 ui_footer:3 ui_footer:5
kb_add:3 kf_draw:4 kiosk_text_center:2 kiosk_para:2 lay_text:2 lay_item:2 lay_item:4 clean_fprintf:2"
# L_() marks the kiosk's log lines, which stay in English on purpose
# (src/screens/kiosk_int.h): marked, but not for translation
mark_keywords="-k_ -kN_ -kC_:1c,2 -kngettext:1,2 -kL_"

# po entries as "FILE:LINE<TAB>STRING<TAB>KIND", one line per place, STRING
# in its escaped form; msgctxt and msgid_plural strings are listed too.
po_places() {
	awk '
	function flush() {
		if (kind != "")
			for (i = 1; i <= nloc; i++)
				print loc[i] "\t" str "\t" kind
		kind = ""
	}
	/^#: / { flush(); if (!inloc) nloc = 0; inloc = 1
		for (i = 2; i <= NF; i++) loc[++nloc] = $i; next }
	/^(msgctxt|msgid|msgid_plural) "/ { flush(); inloc = 0
		kind = $1; s = $0; sub(/^[a-z_]+ "/, "", s); sub(/"$/, "", s); str = s; next }
	/^"/ { if (kind != "") { s = $0; sub(/^"/, "", s); sub(/"$/, "", s); str = str s }; next }
	/^msgstr/ { flush(); nloc = 0; inloc = 0; next }
	{ flush() }
	END { flush() }' "$@"
}

# unmarked UI strings in the given C files, one "FILE:LINE: "STRING"" each.
unmarked() {
	kw=""
	for k in $ui_keywords; do kw="$kw -k$k"; done
	# (1) literals given straight to an output function
	# shellcheck disable=SC2086
	xgettext --omit-header --no-wrap --from-code=UTF-8 -k $kw \
		--add-location=full -o "$tmp/direct.po" "$@" 2>"$tmp/xg.err" || cat "$tmp/xg.err" >&2
	: >"$tmp/direct.tsv"
	[ -f "$tmp/direct.po" ] && po_places "$tmp/direct.po" >"$tmp/direct.tsv"
	# (2) every literal, less the marked ones
	xgettext --omit-header --no-wrap --from-code=UTF-8 -a -k -klt_no_such_keyword_ \
		--add-location=full -o "$tmp/all.po" "$@" 2>"$tmp/xg.err" || cat "$tmp/xg.err" >&2
	# shellcheck disable=SC2086
	xgettext --omit-header --no-wrap --from-code=UTF-8 -k $mark_keywords \
		--add-location=full -o "$tmp/marked.po" "$@" 2>"$tmp/xg.err" || cat "$tmp/xg.err" >&2
	: >"$tmp/all.tsv"
	: >"$tmp/marked.tsv"
	[ -f "$tmp/all.po" ] && po_places "$tmp/all.po" >"$tmp/all.tsv"
	[ -f "$tmp/marked.po" ] && po_places "$tmp/marked.po" >"$tmp/marked.tsv"
	# a literal is marked when xgettext found it at that place; a plural
	# or a context may sit on a later line than the place of its message,
	# so those count as marked anywhere in their file.
	awk -F '\t' '
	NR == FNR {
		marked[$1 "\t" $2] = 1
		if ($3 != "msgid") { f = $1; sub(/:[0-9]+$/, "", f); loose[f "\t" $2] = 1 }
		next
	}
	{
		f = $1; sub(/:[0-9]+$/, "", f)
		if (!((($1 "\t" $2) in marked) || ((f "\t" $2) in loose)))
			print $1 "\t" $2
	}' "$tmp/marked.tsv" "$tmp/all.tsv" | sort -u >"$tmp/free.tsv"
	{
		sed 's/^/direct	/' "$tmp/direct.tsv"
		sed 's/^/free	/' "$tmp/free.tsv"
	} | awk -F '\t' '
	# the text of an escaped literal without escapes, % conversions and
	# the program and command names
	function bare(s) {
		gsub(/\\[ntr"\\]/, " ", s)
		gsub(/%[-+ #0-9.*]*[hlLqjzt]*[a-zA-Z%]/, " ", s)
		gsub(/lectern( (check|render|export|progress|set-pin))?/, "", s)
		return s
	}
	BEGIN {
		sql = "(^|[^A-Za-z_])(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|WHERE|FROM|VALUES|ORDER BY|GROUP BY|JOIN|CASE WHEN)([^A-Za-z_]|$)"
	}
	{
		b = bare($3)
		if ($1 == "direct") {
			# rule 1: letters left once the conversions are out
			if (b ~ /[A-Za-z]/) print $2 "\t" $3
		} else if (b ~ /[A-Za-z][A-Za-z][ ]+[A-Za-z][A-Za-z]/ && b ~ /[a-z]/ && $3 !~ sql) {
			# rule 2: reads like prose (two words; not SQL)
			print $2 "\t" $3
		} else if (b ~ /^[A-Z][a-z]+[.!?:]*$/) {
			# or a capitalised word, such as a button label
			print $2 "\t" $3
		}
	}' | sort -u | allowed
}

# drop the lines tests/sh/i18n-allow.txt allows: "FILE REGEX", FILE a base
# name or *, REGEX an extended regular expression matched against the
# whole escaped string.
allowed() {
	awk -F '\t' -v allow=tests/sh/i18n-allow.txt '
	BEGIN {
		while ((getline line < allow) > 0) {
			if (line ~ /^#/ || line ~ /^[ \t]*$/) continue
			n++; f[n] = line; sub(/ .*/, "", f[n])
			r[n] = line; sub(/^[^ ]+ /, "", r[n])
		}
	}
	{
		file = $1; sub(/:[0-9]+$/, "", file); sub(/.*\//, "", file)
		for (i = 1; i <= n; i++)
			if ((f[i] == "*" || f[i] == file) && $2 ~ ("^" r[i] "$")) next
		print $1 ": \"" $2 "\""
	}'
}

# ------------------------------------------------------------ catalogs
for po in po/*.po; do
	[ -f "$po" ] || continue
	ll=$(basename "$po" .po)
	if msgfmt --check -o /dev/null "$po" 2>"$tmp/check.err"; then
		pass "msgfmt --check $po"
	else
		fail "msgfmt --check $po"
		sed 's/^/    /' "$tmp/check.err"
	fi
	stats=$(LC_ALL=C msgfmt --statistics -o /dev/null "$po" 2>&1)
	if echo "$stats" | grep -Eq 'fuzzy|untranslated'; then
		fail "$po complete ($stats)"
		msgattrib --only-fuzzy --no-wrap "$po" | grep "^msgid" | sed 1d | head -n 10 | sed 's/^/    fuzzy: /'
		msgattrib --untranslated --no-wrap "$po" | grep '^msgid' | sed 1d | head -n 10 | sed 's/^/    untranslated: /'
	elif ! msgcmp "$po" po/lectern.pot >"$tmp/cmp.err" 2>&1; then
		fail "$po has every message of po/lectern.pot (run make update-po and translate)"
		head -n 10 "$tmp/cmp.err" | sed 's/^/    /'
	else
		pass "$po complete ($stats)"
	fi
	if grep -q '^"Plural-Forms: nplurals=[0-9]; plural=' "$po"; then
		pass "$po has plural forms"
	else
		fail "$po has plural forms"
	fi
	case $ll in fr*)
		# translations only; code in backticks and the diagnostic format
		# the program prints are left alone
		msgattrib --no-obsolete --no-wrap "$po" | awk '
			/^msgstr/ { on = !(prev ~ /^msgid ""$/); sub(/^msgstr(\[[0-9]\])? /, "") }
			{ prev = $0 }
			/^(#|msgid|msgctxt)/ { on = 0 }
			on && /^"/ { s = $0; sub(/^"/, "", s); sub(/"$/, "", s); print s }' |
			sed -e 's/`[^`]*`//g' -e 's/FICHIER:LIGNE:COLONNE: erreur: MESSAGE//' >"$tmp/fr.txt"
		bad=$(grep -nE ' [:;?!]|« | »|[[:alnum:]»)][;?!]|[[:alnum:]][:] |[0-9d]%%' "$tmp/fr.txt")
		if [ -z "$bad" ]; then
			pass "$po French typography"
		else
			fail "$po French typography (no-break space before : ; ? ! %, inside « »)"
			echo "$bad" | head -n 10 | sed 's/^/    /'
		fi
	esac
done

# ------------------------------------------------------------ template
if make --no-print-directory -s pot POT="$tmp/new.pot" >"$tmp/xg.err" 2>&1; then
	norm() { msgcat --no-location --sort-output --no-wrap "$1" | grep -v '^"POT-Creation-Date:'; }
	if [ -f po/lectern.pot ] && norm po/lectern.pot >"$tmp/a" && norm "$tmp/new.pot" >"$tmp/b" &&
		diff -u "$tmp/a" "$tmp/b" >"$tmp/pot.diff"; then
		pass "po/lectern.pot is up to date"
	else
		fail "po/lectern.pot is up to date (run make update-po and translate)"
		grep '^[-+]msg' "$tmp/pot.diff" | head -n 15 | sed 's/^/    /'
	fi
else
	fail "po/lectern.pot is up to date (xgettext failed)"
	cat "$tmp/xg.err"
fi

# ------------------------------------------------------------ marking
# self-test on a sample: what must be caught, and what must not be
cat >"$tmp/sample.c" <<'EOF'
static const char *labels[] = { "Next", N_("Back"), "title" };
static const char *prose = "Your answer is saved";
void f(void)
{
	printf("Score: %d\n", 3);
	printf(_("Marked %d\n"), 3);
	fprintf(stderr, "%s:%d: %s\n", file, 1, msg);
	fprintf(stderr, "lectern: %s\n", msg);
	die("cannot open %s", path);
	diag_add(dl, DIAG_ERROR, f, 1, 2, "unknown key '%s'", k);
	diag_add(dl, DIAG_ERROR, f, 1, 2, _("unknown key '%s'"), k);
	fputs(ok ? "yes" : _("no"), stdout);
	snprintf(p, n, "%s/%s/LC_MESSAGES/%s.mo", a, b, c);
	q = "SELECT id FROM attempt WHERE module = ?";
	m = C_("month", "May");
	/* printf("in a comment") */
}
EOF
got=$(unmarked "$tmp/sample.c" | sed 's/^[^:]*:\([0-9]*\): /\1 /' | sort -n)
want='1 "Next"
2 "Your answer is saved"
5 "Score: %d\n"
9 "cannot open %s"
10 "unknown key '"'"'%s'"'"'"
12 "yes"'
if [ "$got" = "$want" ]; then
	pass "unmarked-string check catches a sample's unmarked strings and only them"
else
	fail "unmarked-string check catches a sample's unmarked strings and only them"
	echo "    got:"
	printf "%s\n" "$got" | sed 's/^/      /'
	echo "    want:"
	printf "%s\n" "$want" | sed 's/^/      /'
fi

# the real sources
# shellcheck disable=SC2046
unmarked $(ls src/*/*.c | LC_ALL=C sort) >"$tmp/unmarked.txt"
if [ -s "$tmp/unmarked.txt" ]; then
	fail "every UI string in src/ is marked with _() ($(wc -l <"$tmp/unmarked.txt") not: mark them, or list non-UI literals in tests/sh/i18n-allow.txt)"
	head -n 40 "$tmp/unmarked.txt" | sed 's/^/    /'
else
	pass "every UI string in src/ is marked with _()"
fi

# ------------------------------------------------------------ the program
# the CLI speaks the locale's language even on a machine that lacks that
# locale (CI often has only C.UTF-8), and plain English in the C locale.
cat >"$tmp/untitled.yaml" <<'EOF2'
lectern: 1
id: untitled
slides:
  - title: One
    body: Text.
EOF2
lang_run() { # expected-pattern env-assignments...
	want=$1
	shift
	out=$(env -u LC_ALL -u LC_MESSAGES -u LANGUAGE "$@" build/lectern check "$tmp/untitled.yaml" 2>&1)
	if printf '%s\n' "$out" | grep -q "$want"; then
		pass "lectern check in $* says \"$want\""
	else
		fail "lectern check in $* says \"$want\""
		printf '%s\n' "$out" | sed 's/^/    /'
	fi
}
if [ -x build/lectern ]; then
	lang_run ': erreur: .* chaque module a besoin d’un titre' LANG=fr_FR.UTF-8
	lang_run ': error: .* cada módulo necesita un título' LANG=es_ES.UTF-8
	lang_run ': error: .* every module needs a title' LANG=C
	lang_run ': error: .* every module needs a title' LANG=C LANGUAGE=fr
	lang_run ': error: .* every module needs a title' LANG=de_DE.UTF-8
	lang_run ': erreur: ' LANG=en_US.UTF-8 LANGUAGE=fr
	lang_run ': erreur: ' LANG=de_DE.UTF-8 LANGUAGE=de:fr
	# gettext's rule: LANGUAGE counts in C.UTF-8, only C and POSIX ignore it
	lang_run ': erreur: ' LANG=C.UTF-8 LANGUAGE=fr
	lang_run ': error: .* every module needs a title' LANG= LANGUAGE=fr
else
	fail "build/lectern exists (run make)"
fi
