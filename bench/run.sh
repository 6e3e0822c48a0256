#!/bin/sh
# run.sh: `make bench`. Measures Lectern the way learners feel it, against
# reference programs run in the same run, and prints one table of medians
# and ratios with the machine at the top (docs/performance.md explains each
# row and records the latest results).
#
# The references are built by `make bench` (see bench/*.c):
#   floor       the least SDL2 + SDL2_ttf program that shows one slide
#   yaml_scan   a bare libyaml event scan of a file
#   gen-module  large generated modules (100 / 1,000 / 10,000 slides, 10
#               and 300 image slides, and question-free ones to page through)
#   measure     runs one command and times its first frame, peak memory
#               and idle cost the same way for every program
# Windowed runs use a private Xvfb display at 1920x1080; Lectern runs with
# its own empty $HOME and XDG directories, so no learner data is touched.
#
# Lectern is asked to report its first frame through the environment:
#   LECTERN_EXIT_AFTER_FIRST_FRAME=1  print "first frame: ..." after the
#                                     first present and exit
#   LECTERN_FRAME_LOG=1               print "frame: W ms, cpu C ms" after
#                                     every present (wall and CPU time from
#                                     the event that woke the loop to the
#                                     end of the present)
# A row whose Lectern feature is missing prints "n/a" with the reason.
#
# BENCH_RUNS (default 9) sets the runs per median; BENCH_IDLE_S (default
# 10) the idle window; BENCH_ONLY="first images check change idle size
# sync browser" (any of them) runs only those parts; LECTERN=PATH measures
# another build of Lectern; BENCH_KEEP=1 keeps the raw measurements in the
# temporary directory. The table is also written to build/bench/results.txt.
set -u
cd "$(dirname "$0")/.." || exit 2

BB=build/bench
L=${LECTERN:-build/lectern}
RUNS=${BENCH_RUNS:-9}
IDLE_S=${BENCH_IDLE_S:-10}
M=$BB/modules
RES=$BB/results.txt
W=1280
H=720

tmp=$(mktemp -d /tmp/lectern-bench.XXXXXX) || exit 2
xpid=""
cleanup() {
	[ -n "$xpid" ] && kill "$xpid" 2>/dev/null
	if [ -n "${BENCH_KEEP:-}" ]; then echo "bench: raw data kept in $tmp" >&2; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Lectern and the references get a private home: progress, config, caches
export HOME="$tmp/home"
export XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config"
export XDG_CACHE_HOME="$tmp/home/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
unset LECTERN_EXIT_AFTER_FIRST_FRAME LECTERN_FRAME_LOG

for f in $L $BB/floor $BB/yaml_scan $BB/measure $BB/gen-module; do
	if [ ! -x "$f" ]; then
		echo "bench: $f is missing; run it through \`make bench\`" >&2
		exit 2
	fi
done

# ------------------------------------------------------------ helpers
: >"$RES"
want() { [ -z "${BENCH_ONLY:-}" ] || case " $BENCH_ONLY " in *" $1 "*) true ;; *) false ;; esac; }
out() { printf '%s\n' "$*" | tee -a "$RES"; }

# the median of the numbers on stdin (ignores -1 and empty lines)
median() {
	awk '$1 != "" && $1 >= 0' | sort -n | awk '{ a[NR] = $1 }
		END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2];
		      else printf "%.1f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# the value of key in a measure line
kv() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

# the median of key over the measure lines of a file
col() { # file key -> median
	[ -s "$1" ] || { echo -; return; }
	while read -r line; do kv "$line" "$2"; done <"$1" | median
}

# a / b with two decimals, "-" when either is missing
ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (a == "-" || b == "-" || b + 0 <= 0) print "-";
		else printf "%.2f\n", a / b }'
}

# verdict: value <= limit -> "met", else "MISSED"
verdict() {
	awk -v v="$1" -v l="$2" 'BEGIN { if (v == "-") print "n/a"; else if (v + 0 <= l + 0) print "met";
		else print "MISSED" }'
}

# one table row: what, lectern value, reference, ratio, target, verdict
row() {
	printf '%-46s %-12s %-24s %-7s %-9s %s\n' "$1" "$2" "$3" "$4" "$5" "$6" | tee -a "$RES"
}

kb2mb() { awk -v k="$1" 'BEGIN { if (k == "-") print "-"; else printf "%.1f MB\n", k / 1024 }'; }
ms() { [ "$1" = - ] && echo - || echo "$1 ms"; }

# run measure; the measured program's stderr is kept for the summary
meas() { $BB/measure "$@" 2>>"$tmp/stderr.log"; }

# ------------------------------------------------------------ machine
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)
os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME")
out "Lectern benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
out "machine: ${cpu:-unknown CPU}, $(nproc) cores, $mem; ${os:-unknown OS}, Linux $(uname -r)"
out "libraries: SDL $(pkg-config --modversion sdl2), SDL_ttf $(pkg-config --modversion SDL2_ttf), SDL_image $(pkg-config --modversion SDL2_image), libyaml $(pkg-config --modversion yaml-0.1)"
out "lectern: $(git describe --always --dirty 2>/dev/null || echo unknown), $(du -b $L | cut -f1) bytes unstripped; medians of $RUNS runs"

# ------------------------------------------------------------ display
d=90
while [ -e /tmp/.X11-unix/X$d ] || [ -e /tmp/.X$d-lock ]; do d=$((d + 1)); done
Xvfb :$d -screen 0 1920x1080x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
xpid=$!
export DISPLAY=:$d
i=0
# (xdotool comes with the test packages; xdpyinfo may not be installed)
until [ -e /tmp/.X11-unix/X$d ] && xdotool getdisplaygeometry >/dev/null 2>&1; do
	i=$((i + 1))
	if [ $i -gt 100 ]; then
		echo "bench: Xvfb did not start (see $tmp/xvfb.log)" >&2
		exit 1
	fi
	sleep 0.05
done
gl=$(glxinfo -B 2>/dev/null | sed -n 's/^OpenGL renderer string: //p')
[ -n "$gl" ] || gl=$($BB/floor --renderer accelerated --size 64x64 2>/dev/null | sed -n 's/.*renderer /SDL renderer /p')
out "display: Xvfb 1920x1080x24, no GPU; accelerated renderer: ${gl:-unavailable}"

# ------------------------------------------------------------ modules
mkdir -p $M
gen() { # kind n out
	if [ ! -e "$3" ] || [ $BB/gen-module -nt "$3" ]; then
		rm -rf "$3"
		$BB/gen-module "$1" "$2" "$3" || exit 1
	fi
}
gen slides 100 $M/slides-100.yaml
gen slides 1000 $M/slides-1000.yaml
gen slides 10000 $M/slides-10000.yaml
gen content 40 $M/content-40.yaml
gen images 10 $M/images-10
gen images 300 $M/images-300
bad=""
for m in $M/slides-100.yaml $M/slides-1000.yaml $M/slides-10000.yaml \
         $M/content-40.yaml $M/images-10 $M/images-300 bench/slide.yaml; do
	if ! $L check "$m" >"$tmp/check.log" 2>&1; then
		bad="$bad $m"
		head -n 3 "$tmp/check.log" | sed 's/^/  /' >&2
	fi
done
if [ -n "$bad" ]; then
	out "modules: lectern check REJECTS generated modules:$bad (rows using them are not comparable)"
else
	out "modules: all generated modules pass lectern check"
fi
out ""
row "measure" "lectern" "reference" "ratio" "target" "verdict"
row "-------" "-------" "---------" "-----" "------" "-------"

# ------------------------------------------------------------ 1, 2: first frame and peak memory
if want first; then
# interleave floor / catalog / slide runs so drift hits all three alike,
# rotating their order so none is always first after another
ff_one() { # renderer what
	case $2 in
	floor) meas --first-frame --timeout 30 -- $BB/floor --renderer "$1" --size ${W}x$H ;;
	catalog) meas --first-frame --timeout 30 -- env LECTERN_EXIT_AFTER_FIRST_FRAME=1 \
		$L --renderer "$1" --modules modules ;;
	slide) meas --first-frame --timeout 30 -- env LECTERN_EXIT_AFTER_FIRST_FRAME=1 \
		$L --renderer "$1" bench/slide.yaml ;;
	esac >>"$tmp/$2.$1"
}
ff_series() { # renderer
	for i in $(seq "$RUNS"); do
		case $((i % 3)) in
		0) order="floor catalog slide" ;;
		1) order="catalog slide floor" ;;
		*) order="slide floor catalog" ;;
		esac
		for what in $order; do ff_one "$1" $what; done
	done
}
# the median of the ratios of runs made side by side (line by line):
# steadier than a ratio of medians when the machine's load changes
pratio() { # file_a file_b key
	[ -s "$1" ] && [ -s "$2" ] || { echo -; return; }
	while read -r line; do kv "$line" "$3"; done <"$1" >"$tmp/pa"
	while read -r line; do kv "$line" "$3"; done <"$2" >"$tmp/pb"
	paste -d' ' "$tmp/pa" "$tmp/pb" | awk '$1 > 0 && $2 > 0 { printf "%.4f\n", $1 / $2 }' |
		median | awk '{ if ($1 == "-") print "-"; else printf "%.2f\n", $1 }'
}

for r in software accelerated; do
	if ! $BB/floor --renderer $r --size 64x64 >"$tmp/probe" 2>&1; then
		row "first frame ($r renderer)" "-" "floor fails" "-" "" "skipped"
		out "  ($r renderer unavailable: $(head -c 200 "$tmp/probe"))"
		continue
	fi
	ff_series $r
	f=$(col "$tmp/floor.$r" first_frame_ms)
	for what in catalog slide; do
		v=$(col "$tmp/$what.$r" first_frame_ms)
		q=$(pratio "$tmp/$what.$r" "$tmp/floor.$r" first_frame_ms)
		row "first frame, $what ($r)" "$(ms "$v")" "floor $(ms "$f")" "$q" "<= 1.5x" "$(verdict "$q" 1.5)"
	done
	# the same runs' CPU time (user + system, start to exit): what the
	# program itself costs, less open to other processes than wall time
	f=$(col "$tmp/floor.$r" cpu_ms)
	for what in catalog slide; do
		v=$(col "$tmp/$what.$r" cpu_ms)
		[ "$(col "$tmp/$what.$r" first_frame_ms)" = - ] && v=-
		q=$(pratio "$tmp/$what.$r" "$tmp/floor.$r" cpu_ms)
		[ "$v" = - ] && q=-
		row "  same, $what, process CPU time" "$(ms "$v")" "floor $(ms "$f")" "$q" "(info)" ""
	done
	if [ "$(col "$tmp/slide.$r" first_frame_ms)" = - ]; then
		out "  (lectern printed no first-frame line; exit codes: $(col "$tmp/slide.$r" exit))"
	fi
	f=$(col "$tmp/floor.$r" maxrss_kb)
	for what in catalog slide; do
		v=$(col "$tmp/$what.$r" maxrss_kb)
		[ "$(col "$tmp/$what.$r" first_frame_ms)" = - ] && v=-
		q=$(pratio "$tmp/$what.$r" "$tmp/floor.$r" maxrss_kb)
		[ "$v" = - ] && q=-
		row "peak RSS, $what ($r)" "$(kb2mb "$v")" "floor $(kb2mb "$f")" "$q" "<= 2x" "$(verdict "$q" 2)"
	done
done
# the catalog reads every module before its first frame: with a 7 MB one
mkdir -p "$tmp/bigcat"
cp -R modules/. "$tmp/bigcat/"
cp $M/slides-10000.yaml "$tmp/bigcat/"
for i in 1 2 3 4 5; do
	ff_one software catalog
	meas --first-frame --timeout 30 -- env LECTERN_EXIT_AFTER_FIRST_FRAME=1 \
		$L --renderer software --modules "$tmp/bigcat" >>"$tmp/bigcat.software"
done
v=$(col "$tmp/bigcat.software" first_frame_ms)
c=$(col "$tmp/catalog.software" first_frame_ms)
row "first frame, catalog + 10,000-slide module" "$(ms "$v")" "catalog $(ms "$c")" "$(ratio "$v" "$c")" "(info)" ""
# the same first frames in instructions (callgrind): what the program
# itself does, whatever else the machine is doing
if command -v valgrind >/dev/null 2>&1; then
	# the main process: SDL's D-Bus set-up may fork a short-lived
	# dbus-launch child, which callgrind reports on its own line
	fir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 |
		sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' | sort -n | tail -n 1; }
	mi() { awk -v i="${1:--}" 'BEGIN { if (i == "-" || i == "") print "-"; else printf "%.0f M\n", i / 1e6 }'; }
	fi_floor=$(fir $BB/floor --size ${W}x$H)
	fi_cat=$(LECTERN_EXIT_AFTER_FIRST_FRAME=1 fir $L --renderer software --modules modules)
	fi_slide=$(LECTERN_EXIT_AFTER_FIRST_FRAME=1 fir $L --renderer software bench/slide.yaml)
	for what in cat slide; do
		eval "v=\${fi_$what:--}"
		q=$(ratio "${v:--}" "${fi_floor:--}")
		[ $what = cat ] && label=catalog || label=slide
		row "first frame, $label, instructions" "$(mi "$v")" "floor $(mi "$fi_floor")" "$q" "(info)" ""
	done
fi
fi

if want images; then
# 300 image slides against 10: opened directly, then paged through
for n in 10 300; do
	for i in 1 2 3; do
		meas --first-frame --timeout 60 -- env LECTERN_EXIT_AFTER_FIRST_FRAME=1 \
			$L --renderer software $M/images-$n >>"$tmp/img-open.$n"
	done
done
a=$(col "$tmp/img-open.300" maxrss_kb)
b=$(col "$tmp/img-open.10" maxrss_kb)
[ "$(col "$tmp/img-open.300" first_frame_ms)" = - ] && a=-
[ "$(col "$tmp/img-open.10" first_frame_ms)" = - ] && b=-
q=$(ratio "$a" "$b")
row "peak RSS opening 300 vs 10 image slides" "$(kb2mb "$a")" "10 images $(kb2mb "$b")" "$q" "<= 1.5x" "$(verdict "$q" 1.5)"

# paging through every slide in the window: key presses through xdotool
walk() { # module slides -> peak RSS kB of the player after visiting all
	echo 0 >"$tmp/walk.frames"
	# a new learner each time: a module paged before would resume at its end
	LECTERN_FRAME_LOG=1 $L --renderer software --data-dir "$(mktemp -d "$tmp/data.XXXXXX")" \
		"$1" >"$tmp/walk.log" 2>>"$tmp/stderr.log" &
	wp=$!
	i=0
	until grep -q '^first frame' "$tmp/walk.log" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 200 ] || ! kill -0 $wp 2>/dev/null; then
			kill $wp 2>/dev/null; wait $wp 2>/dev/null; echo -; return
		fi
		sleep 0.05
	done
	xdotool mousemove 960 540 >/dev/null 2>&1
	xdotool key --delay 40 --repeat $(($2 - 1)) --repeat-delay 40 Right >/dev/null 2>&1
	sleep 1.5
	awk '/^VmHWM/ { print $2 }' /proc/$wp/status
	frames=$(grep -c '^frame' "$tmp/walk.log")
	kill $wp 2>/dev/null
	wait $wp 2>/dev/null
	echo "$frames" >"$tmp/walk.frames"
}
a=$(walk $M/images-300 300); fa=$(cat "$tmp/walk.frames" 2>/dev/null || echo 0)
b=$(walk $M/images-10 10); fb=$(cat "$tmp/walk.frames" 2>/dev/null || echo 0)
q=$(ratio "$a" "$b")
row "peak RSS paging all 300 vs 10 image slides" "$(kb2mb "$a")" "10 images $(kb2mb "$b")" "$q" "<= 1.5x" "$(verdict "$q" 1.5)"
out "  (frames drawn while paging: $fa for 299 key presses, $fb for 9)"
fi

# ------------------------------------------------------------ 3: module load
if want check; then
for n in 100 1000 10000; do
	for i in $(seq "$RUNS"); do
		meas --timeout 60 -- $BB/yaml_scan $M/slides-$n.yaml >>"$tmp/scan.$n"
		meas --timeout 60 -- $L check $M/slides-$n.yaml >>"$tmp/check.$n"
	done
done
s=$(col "$tmp/scan.10000" wall_ms)
c=$(col "$tmp/check.10000" wall_ms)
[ "$(col "$tmp/check.10000" exit)" = 0 ] || c=-
q=$(ratio "$c" "$s")
row "lectern check, 10,000 slides ($(du -k $M/slides-10000.yaml | cut -f1) kB)" "$(ms "$c")" "yaml_scan $(ms "$s")" "$q" "<= 2x" "$(verdict "$q" 2)"
c1=$(col "$tmp/check.100" wall_ms)
c2=$(col "$tmp/check.1000" wall_ms)
row "check wall time, 100 / 1k / 10k slides" "$c1/$c2/$c ms" "" "" "" ""

# instructions counted by callgrind: stable on a noisy machine. Linear
# means each slide beyond 1,000 costs no more than each between 100 and
# 1,000 (process start-up cancels out in the differences).
if command -v valgrind >/dev/null 2>&1; then
	ir() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 |
		sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' | sort -n | tail -n 1; }
	si=$(ir $BB/yaml_scan $M/slides-10000.yaml)
	for n in 100 1000 10000; do
		eval "ci$n=\$(ir $L check $M/slides-$n.yaml)"
	done
	mi() { awk -v i="${1:--}" 'BEGIN { if (i == "-" || i == "") print "-"; else printf "%.0f M\n", i / 1e6 }'; }
	q=$(ratio "${ci10000:--}" "${si:--}")
	row "check, 10,000 slides, instructions" "$(mi "$ci10000")" "yaml_scan $(mi "$si")" "$q" "<= 2x" "$(verdict "$q" 2)"
	lin=$(awk -v a="${ci100:--}" -v b="${ci1000:--}" -v c="${ci10000:--}" 'BEGIN {
		if (a == "-" || b == "-" || c == "-" || a == "" || b == "" || c == "" || b <= a) print "-";
		else printf "%.2f\n", ((c - b) / 9000) / ((b - a) / 900) }')
	row "check instructions per slide, 1k-10k vs 100-1k" "$lin" "$(mi "$ci100")/$(mi "$ci1000")/$(mi "$ci10000")" "" "<= 1.5x" "$(verdict "$lin" 1.5)"
else
	out "  (valgrind is not installed: no instruction counts)"
fi
fi

# ------------------------------------------------------------ 4: slide change at 1920x1080
if want change; then
# page forward through a question-free module (every slide new: cold), then
# back (every slide seen: warm); the player logs each frame's time
change() { # module slides
	rm -f "$tmp/change.mark"
	LECTERN_FRAME_LOG=1 $L --renderer software --size 1920x1080 \
		--data-dir "$(mktemp -d "$tmp/data.XXXXXX")" "$1" \
		>"$tmp/change.log" 2>>"$tmp/stderr.log" &
	cp=$!
	i=0
	until grep -q '^first frame' "$tmp/change.log" 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 200 ] || ! kill -0 $cp 2>/dev/null; then
			kill $cp 2>/dev/null; wait $cp 2>/dev/null; return
		fi
		sleep 0.05
	done
	xdotool mousemove 960 540 >/dev/null 2>&1
	sleep 0.3
	geo=$(xdotool search --pid $cp --onlyvisible 2>/dev/null | head -n 1 |
		xargs -r xdotool getwindowgeometry 2>/dev/null | sed -n 's/.*Geometry: //p')
	echo "${geo:-unknown size}" >"$tmp/change.geo"
	m0=$(grep -c '^frame' "$tmp/change.log")
	for k in $(seq $(($2 - 1))); do xdotool key Right; sleep 0.12; done
	sleep 0.3
	m1=$(grep -c '^frame' "$tmp/change.log")
	for k in $(seq $(($2 - 1))); do xdotool key Left; sleep 0.12; done
	sleep 0.3
	kill $cp 2>/dev/null
	wait $cp 2>/dev/null
	echo "$m0 $m1" >"$tmp/change.mark"
}
change_rows() { # label target(1 = judge warm against a frame)
	if [ ! -s "$tmp/change.mark" ]; then
		row "slide change, $1" "-" "" "" "< 16.7 ms" "n/a (no LECTERN_FRAME_LOG)"
		return
	fi
	read -r m0 m1 <"$tmp/change.mark"
	grep '^frame' "$tmp/change.log" | sed 's/^frame: *\([0-9.]*\) ms, cpu \([0-9.]*\).*/\1 \2/' >"$tmp/frames"
	sed -n "$((m0 + 1)),${m1}p" "$tmp/frames" >"$tmp/cold"
	tail -n +"$((m1 + 1))" "$tmp/frames" >"$tmp/warm"
	for k in cold warm; do
		eval "${k}_w=\$(cut -d' ' -f1 <\"\$tmp/\$k\" | median)"
		eval "${k}_c=\$(cut -d' ' -f2 <\"\$tmp/\$k\" | median)"
		eval "${k}_n=\$(wc -l <\"\$tmp/\$k\")"
		eval "${k}_max=\$(cut -d' ' -f1 <\"\$tmp/\$k\" | sort -n | tail -n 1)"
	done
	q=$(ratio "$warm_w" 16.7)
	if [ "$2" = 1 ]; then tg="< 1x"; vd=$(verdict "$q" 0.999); else tg=""; vd=""; fi
	row "slide change, $1, warm ($(cat "$tmp/change.geo"))" "$(ms "$warm_w")" "60 Hz frame 16.7 ms" "$q" "$tg" "$vd"
	row "  same, CPU time of the frame" "$(ms "$warm_c")" "60 Hz frame 16.7 ms" "$(ratio "$warm_c" 16.7)" "" ""
	row "  same, slowest of $warm_n" "$(ms "${warm_max:--}")" "60 Hz frame 16.7 ms" "$(ratio "${warm_max:--}" 16.7)" "" ""
	row "slide change, $1, cold (first visit)" "$(ms "$cold_w")" "60 Hz frame 16.7 ms" "$(ratio "$cold_w" 16.7)" "" ""
	row "  same, CPU time of the frame" "$(ms "$cold_c")" "60 Hz frame 16.7 ms" "$(ratio "$cold_c" 16.7)" "" ""
	row "  same, slowest of $cold_n" "$(ms "${cold_max:--}")" "60 Hz frame 16.7 ms" "$(ratio "${cold_max:--}" 16.7)" "" ""
}
change $M/content-40.yaml 40
change_rows "text" 1
# the same with a 1200x800 image on every slide: a cold change decodes it
change $M/images-10 10
change_rows "image" 0
fi

# ------------------------------------------------------------ 5: idle
if want idle; then
x=$(meas --first-frame --idle "$IDLE_S" --settle 1 --timeout $((IDLE_S + 30)) -- $BB/floor --stay)
fc=$(kv "$x" idle_cpu_ms); fw=$(kv "$x" idle_wakeups)
x=$(meas --settle 3 --idle "$IDLE_S" --timeout $((IDLE_S + 30)) -- $L --renderer software bench/slide.yaml)
lc=$(kv "$x" idle_cpu_ms); lw=$(kv "$x" idle_wakeups)
[ "$lc" = -1 ] && lc=-
[ "$lw" = -1 ] && lw=-
row "idle ${IDLE_S} s on a slide, CPU time" "$(ms "$lc")" "floor $(ms "$fc")" "" "~0" "$(verdict "$lc" 20)"
row "idle ${IDLE_S} s on a slide, wake-ups" "$lw" "floor $fw" "" "0" "$(verdict "$lw" 0)"
x=$(meas --settle 3 --idle "$IDLE_S" --timeout $((IDLE_S + 30)) -- $L --renderer software --modules modules)
lc=$(kv "$x" idle_cpu_ms); lw=$(kv "$x" idle_wakeups)
[ "$lc" = -1 ] && lc=-
[ "$lw" = -1 ] && lw=-
row "idle ${IDLE_S} s on the catalog, CPU time" "$(ms "$lc")" "floor $(ms "$fc")" "" "~0" "$(verdict "$lc" 20)"
row "idle ${IDLE_S} s on the catalog, wake-ups" "$lw" "floor $fw" "" "0" "$(verdict "$lw" 0)"
# kiosk mode (a classroom PC between learners): the learner picker, with
# the trainer PIN set as `lectern set-pin` does it
lw=-; lc=-
if printf '482913\n482913\n' | $L set-pin --config "$tmp/kiosk.yaml" >/dev/null 2>&1 &&
   echo "kiosk: true" >>"$tmp/kiosk.yaml"; then
	x=$(meas --settle 3 --idle "$IDLE_S" --timeout $((IDLE_S + 30)) -- \
		$L --renderer software --config "$tmp/kiosk.yaml" --modules modules)
	lc=$(kv "$x" idle_cpu_ms); lw=$(kv "$x" idle_wakeups)
	[ "$lc" = -1 ] && lc=-
	[ "$lw" = -1 ] && lw=-
fi
row "idle ${IDLE_S} s in kiosk mode (picker), CPU" "$(ms "$lc")" "floor $(ms "$fc")" "" "~0" "$(verdict "$lc" 20)"
row "idle ${IDLE_S} s in kiosk mode, wake-ups" "$lw" "floor $fw" "" "0" "$(verdict "$lw" 0)"
fi

# ------------------------------------------------------------ 6: size
if want size; then
inst="$tmp/inst"
if make -s install DESTDIR="$inst" PREFIX=/usr/local >"$tmp/install.log" 2>&1 && [ -x "$inst/usr/local/bin/lectern" ]; then
	bin=$inst/usr/local/bin/lectern
	where="installed"
else
	mkdir -p "$inst"
	cp $L "$inst/lectern"
	bin=$inst/lectern
	where="build/lectern (no make install yet)"
fi
bs=$(du -b "$bin" | cut -f1)
cp "$bin" "$tmp/stripped" && strip "$tmp/stripped" 2>/dev/null
ss=$(du -b "$tmp/stripped" | cut -f1)
row "binary, $where" "$(awk -v b="$bs" 'BEGIN { printf "%.0f kB", b / 1024 }')" "stripped $(awk -v b="$ss" 'BEGIN { printf "%.0f kB", b / 1024 }')" "" "" ""
if [ -d "$inst/usr/local/share/lectern" ]; then
	row "installed share/ (modules, fonts, ...)" "$(du -sk "$inst/usr/local/share/lectern" | cut -f1) kB" "" "" "" ""
fi
mods=$(du -sk modules | cut -f1)
gz=$(tar -czf - modules 2>/dev/null | wc -c)
row "bundled modules ($(ls modules | wc -l))" "$mods kB" "tar.gz $((gz / 1024)) kB" "" "" ""
row "bundled fonts" "$(du -sk assets/fonts | cut -f1) kB" "" "" "" ""
fi

# ------------------------------------------------------------ sync
# lectern sync sending 10,000 statements to Learning Locker's statement
# service on 127.0.0.1 (tests/node/lrs.js), against curl posting the same
# batches (the same bytes, 100 a request, one connection) to a fresh copy
# of the same LRS in the same run; and the peak memory of lectern sync over
# 10,000 and 1,000 statements, which must not grow with the outbox.
if want sync; then
if command -v node >/dev/null 2>&1 && command -v curl >/dev/null 2>&1 &&
	[ -d tests/node/node_modules/xapi-statements ]; then
	S=$tmp/sync
	mkdir -p "$S"
	lrs_pid=""
	lrs_start() { # sets LRS_PORT
		mkdir -p "$S/lrs$1"
		node tests/node/lrs.js 0 "$S/lrs$1" >"$S/lrs$1.out" 2>/dev/null &
		lrs_pid=$!
		i=0
		until grep -q '^ready ' "$S/lrs$1.out" 2>/dev/null; do
			i=$((i + 1)); [ $i -gt 300 ] && break; sleep 0.1
		done
		LRS_PORT=$(sed -n 's/^ready //p' "$S/lrs$1.out")
	}
	lrs_stop() { kill "$lrs_pid" 2>/dev/null; wait "$lrs_pid" 2>/dev/null; lrs_pid=""; }
	# an outbox of N statements: one learner's real statements, copied
	# with fresh ids (a UUID v4 each, made by SQLite)
	outbox() { # N dir
		$L progress --data-dir "$2" >/dev/null 2>&1
		[ -x build/fill_progress ] && build/fill_progress "$2" tests/modules/good/all-questions.yaml ana pass >/dev/null 2>&1
		sqlite3 "$2/progress.db" "
			CREATE TEMP TABLE base AS SELECT row_number() OVER (ORDER BY seq) - 1 AS r,
			       statement FROM outbox;
			DELETE FROM outbox;
			-- a table, not a view: each id is drawn once and used twice
			CREATE TEMP TABLE u AS WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < $1)
			SELECT n, lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
			        substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) ||
			        substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))) AS id FROM k;
			INSERT INTO outbox (id, learner, module_id, verb, created_at, statement)
			SELECT id, 'ana', 'all-questions', 'experienced', strftime('%Y-%m-%dT%H:%M:%fZ'),
			       json_set(base.statement, '\$.id', id)
			FROM u JOIN base ON base.r = u.n % (SELECT count(*) FROM base) ORDER BY u.n;" || return 1
	}
	if [ ! -x build/fill_progress ]; then
		out "sync: build/fill_progress is missing (it is built by the store tests); skipped"
	else
	outbox 10000 "$S/big" && outbox 1000 "$S/small"
	cp "$S/big/progress.db" "$S/big.db"
	# the batches exactly as lectern sync sends them
	sqlite3 "$S/big/progress.db" "SELECT (seq - (SELECT min(seq) FROM outbox)) / 100, statement FROM outbox ORDER BY seq" |
		awk -F'|' -v d="$S" 'BEGIN { last = -1 } { b = $1; sub(/^[^|]*\|/, ""); f = d "/batch" b ".json"
			if (b != last) { if (last >= 0) { printf "]" >>lf; close(lf) } printf "[" >f; first = 1; last = b; lf = f }
			printf "%s%s", (first ? "" : ","), $0 >>f; first = 0 }
			END { printf "]" >>lf; close(lf) }'
	for r in 1 2 3; do
		lrs_start "l$r"
		cp "$S/big.db" "$S/big/progress.db"; rm -f "$S/big/progress.db-wal" "$S/big/progress.db-shm"
		printf 'lrs:\n  endpoint: http://127.0.0.1:%s/xAPI/\n  username: bench\n  password: bench\n  batch: 100\n' \
			"$LRS_PORT" >"$S/c.yaml"
		chmod 600 "$S/c.yaml"
		meas --timeout 600 -- $L sync --quiet --config "$S/c.yaml" --data-dir "$S/big" >>"$S/lectern"
		lrs_stop
		lrs_start "c$r"
		set --
		for f in $(ls "$S"/batch*.json | sort -V); do
			[ $# -gt 0 ] && set -- "$@" --next
			set -- "$@" -s -o /dev/null -f -u bench:bench -H 'X-Experience-API-Version: 1.0.3' \
				-H 'Content-Type: application/json' --data-binary "@$f" \
				"http://127.0.0.1:$LRS_PORT/xAPI/statements"
		done
		meas --timeout 600 -- curl "$@" >>"$S/curl"
		lrs_stop
	done
	lrs_start small
	printf 'lrs:\n  endpoint: http://127.0.0.1:%s/xAPI/\n  batch: 100\n' "$LRS_PORT" >"$S/c.yaml"
	meas --timeout 600 -- $L sync --quiet --config "$S/c.yaml" --data-dir "$S/small" >>"$S/small.m"
	lrs_stop
	lw=$(col "$S/lectern" wall_ms); cw=$(col "$S/curl" wall_ms)
	[ "$(col "$S/lectern" exit)" = 0 ] || lw=-
	[ "$(col "$S/curl" exit)" = 0 ] || cw=-
	q=$(ratio "$lw" "$cw")
	row "lectern sync, 10,000 statements to a local LRS" "$(ms "$lw")" "curl $(ms "$cw")" "$q" "<= 1.2x" "$(verdict "$q" 1.2)"
	a=$(col "$S/lectern" maxrss_kb); b=$(col "$S/small.m" maxrss_kb)
	q=$(ratio "$a" "$b")
	row "peak RSS of lectern sync, 10,000 vs 1,000" "$(kb2mb "$a")" "1,000 $(kb2mb "$b")" "$q" "<= 1.1x" "$(verdict "$q" 1.1)"
	fi
else
	out "sync: node, curl or tests/node/node_modules is missing (make deps-test); skipped"
fi
fi

# ------------------------------------------------------------ browser
if want browser; then
if command -v chromium >/dev/null 2>&1; then
	mkdir -p "$tmp/html"
	cp bench/slide.html "$tmp/html/"
	ln -s "$(pwd)/assets/fonts" "$tmp/html/fonts"
	for i in 1 2 3; do
		$BB/measure --pss --timeout 60 -- chromium --headless --no-sandbox --disable-gpu \
			--disable-quic --no-first-run --disable-background-networking \
			--disable-component-update --disable-sync \
			--user-data-dir="$tmp/chrome$i" --window-size=${W},$H \
			--screenshot="$tmp/html/shot.png" "file://$tmp/html/slide.html" \
			>>"$tmp/chrome" 2>"$tmp/chrome.err"
		meas --pss --timeout 60 -- $L render bench/slide.yaml --slide 1 --size ${W}x$H \
			-o "$tmp/render.png" >>"$tmp/render"
	done
	cw=$(col "$tmp/chrome" wall_ms); cp=$(col "$tmp/chrome" peak_pss_kb)
	[ -s "$tmp/html/shot.png" ] || cw=-
	rw=$(col "$tmp/render" wall_ms); rp=$(col "$tmp/render" peak_pss_kb)
	[ "$(col "$tmp/render" exit)" = 0 ] && [ -s "$tmp/render.png" ] || { rw=-; rp=-; }
	row "slide to PNG: lectern render vs chromium" "$(ms "$rw")" "chromium $(ms "$cw")" "$(ratio "$rw" "$cw")" "" ""
	row "slide to PNG: peak memory (PSS, all processes)" "$(kb2mb "$rp")" "chromium $(kb2mb "$cp")" "$(ratio "$rp" "$cp")" "" ""
else
	out "browser: chromium is not installed; skipped (apt-get install chromium to compare)"
fi
fi

out ""
out "first-frame and RSS ratios are medians of the ratios of runs made side by side;"
out "absolute times drift on shared machines, ratios hold."
if [ -s "$tmp/stderr.log" ]; then
	out "stderr of the measured programs (first lines):"
	sort "$tmp/stderr.log" | uniq -c | sort -rn | head -n 8 | sed 's/^/  /' | tee -a "$RES"
fi
