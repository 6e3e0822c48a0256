# Lectern: an offline e-learning player.
#
#   make            build build/lectern
#   make run        install missing dependencies, build, start the player
#   make test       install missing dependencies, build and run every test
#   make fuzz       build the libFuzzer harness for the module loader (clang)
#   make fuzz-long  run it for ten minutes (FUZZ_LONG_SECONDS)
#   make bench      measure Lectern against reference programs
#   make install    PREFIX=/usr/local DESTDIR=
#
# Sources are found by wildcard, one folder per layer (docs/architecture.md):
# the SDL-free layers (CORE_DIRS) make a static library the tests link
# against; ui/, screens/ and cli/ are the SDL front end and the commands.
# tests/sh/layers.sh checks every #include against the layer rules.

PREFIX  ?= /usr/local
DESTDIR ?=
VERSION := 0.1.0

CC      ?= cc
PKGS    := sdl2 SDL2_ttf SDL2_image yaml-0.1 sqlite3 libcurl libarchive libsodium
CORE_PKGS := yaml-0.1 sqlite3 libcurl libarchive libsodium

WARN    := -Wall -Wextra -Wpedantic
DEFS    := -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=700 -DLT_VERSION=\"$(VERSION)\" \
           -DLT_DATADIR=\"$(PREFIX)/share/lectern\" \
           -DLT_LOCALEDIR=\"$(PREFIX)/share/locale\"
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 $(WARN) $(DEFS) $(CFLAGS) -Isrc
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CORE_LIBS  = $(shell pkg-config --libs $(CORE_PKGS) 2>/dev/null) -lcrypt -lm

B := build
CORE_DIRS := base format text settings store sync package learn records
APP_DIRS  := ui screens cli
CORE_SRC := $(wildcard $(CORE_DIRS:%=src/%/*.c))
APP_SRC  := $(wildcard $(APP_DIRS:%=src/%/*.c))
CORE_HDR := $(wildcard $(CORE_DIRS:%=src/%/*.h))
APP_HDR  := $(wildcard $(APP_DIRS:%=src/%/*.h))
CORE_OBJ := $(CORE_SRC:src/%.c=$(B)/obj/%.o)
APP_OBJ  := $(APP_SRC:src/%.c=$(B)/obj/%.o)
TEST_SRC := $(wildcard tests/unit/test_*.c)
TESTS    := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
ASAN_TESTS := $(TEST_SRC:tests/unit/%.c=$(B)/asan/tests/%)

SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

.PHONY: all run test deps deps-test unit asan fuzz fuzz-long bench install uninstall clean pot update-po \
        icons FORCE

all: $(B)/lectern

deps:
	@sh scripts/install-deps.sh run

deps-test:
	@sh scripts/install-deps.sh test

$(CORE_OBJ): $(B)/obj/%.o: src/%.c $(CORE_HDR) $(B)/prefix
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags $(CORE_PKGS) 2>/dev/null) -c $< -o $@

$(APP_OBJ): $(B)/obj/%.o: src/%.c $(CORE_HDR) $(APP_HDR) $(B)/prefix
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -c $< -o $@

$(B)/liblectern-core.a: $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/lectern: $(APP_OBJ) $(B)/liblectern-core.a
	$(CC) $(CFLAGS) -o $@ $(APP_OBJ) $(B)/liblectern-core.a $(PKG_LIBS) $(CORE_LIBS)

# ---------------------------------------------------------------- translations
# po/LL.po becomes build/locale/LL/LC_MESSAGES/lectern.mo (found there when
# build/lectern runs from the source tree). `make pot` regenerates
# po/lectern.pot from the sources, `make update-po` merges it into po/*.po;
# tests/sh/i18n.sh checks both are current and complete.
PO_FILES := $(wildcard po/*.po)
MO_FILES := $(PO_FILES:po/%.po=$(B)/locale/%/LC_MESSAGES/lectern.mo)
XGETTEXT_FLAGS := --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
	--keyword=C_:1c,2 --keyword=ngettext:1,2 --add-comments=TRANSLATORS: \
	--add-location=file --package-name=lectern --package-version=$(VERSION)
POT_SRC = $(sort $(wildcard src/*/*.[ch]))
POT ?= po/lectern.pot

all: $(MO_FILES)

$(B)/locale/%/LC_MESSAGES/lectern.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

pot:
	xgettext $(XGETTEXT_FLAGS) -o $(POT) $(POT_SRC)

update-po: pot
	for p in $(PO_FILES); do msgmerge --quiet --no-wrap --update --backup=none $$p po/lectern.pot || exit 1; done

# ---------------------------------------------------------------- tests
$(B)/tests/%: tests/unit/%.c $(B)/liblectern-core.a tests/unit/testutil.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit $(shell pkg-config --cflags $(CORE_PKGS) cmocka) \
		-DLT_SRCDIR=\"$(CURDIR)\" $< -o $@ $(B)/liblectern-core.a \
		$(shell pkg-config --libs cmocka) $(CORE_LIBS)

# the same unit tests, core included, under ASan + UBSan
$(B)/asan/obj/%.o: src/%.c $(CORE_HDR) $(B)/prefix
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN) $(shell pkg-config --cflags $(CORE_PKGS) 2>/dev/null) -c $< -o $@

$(B)/asan/liblectern-core.a: $(CORE_SRC:src/%.c=$(B)/asan/obj/%.o)
	@rm -f $@
	ar rcs $@ $^

$(B)/asan/tests/%: tests/unit/%.c $(B)/asan/liblectern-core.a tests/unit/testutil.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(SAN) -Itests/unit $(shell pkg-config --cflags $(CORE_PKGS) cmocka) \
		-DLT_SRCDIR=\"$(CURDIR)\" $< -o $@ $(B)/asan/liblectern-core.a \
		$(shell pkg-config --libs cmocka) $(CORE_LIBS)

unit: $(TESTS)
asan: $(ASAN_TESTS)

# libFuzzer harness for the loader (needs clang)
$(B)/fuzz/fuzz_loader: tests/fuzz/fuzz_loader.c $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(@D)
	clang -std=c11 -g -O1 $(DEFS) -Isrc -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all $(shell pkg-config --cflags $(CORE_PKGS)) \
		tests/fuzz/fuzz_loader.c $(CORE_SRC) -o $@ $(CORE_LIBS)

# libFuzzer harness for package parsing and unpacking (what arrives on a
# stick or from the network); run by hand, see tests/fuzz/fuzz_package.c
$(B)/fuzz/fuzz_package: tests/fuzz/fuzz_package.c $(CORE_SRC) $(CORE_HDR)
	@mkdir -p $(@D)
	clang -std=c11 -g -O1 $(DEFS) -Isrc -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=all $(shell pkg-config --cflags $(CORE_PKGS)) \
		tests/fuzz/fuzz_package.c $(CORE_SRC) -o $@ $(CORE_LIBS)

fuzz: deps-test $(B)/fuzz/fuzz_loader $(B)/fuzz/fuzz_package

# the nightly run: the same harness and corpus for ten minutes
FUZZ_LONG_SECONDS ?= 600
fuzz-long: deps-test $(B)/fuzz/fuzz_loader
	@FUZZ_SECONDS=$(FUZZ_LONG_SECONDS) LECTERN_TEST_FILTER=fuzz sh tests/run.sh

# ---------------------------------------------------------------- bench
# the reference programs and generators bench/run.sh measures Lectern
# against (see docs/performance.md); `make test` times nothing.
BENCH_BIN := $(B)/bench/floor $(B)/bench/yaml_scan $(B)/bench/measure \
             $(B)/bench/gen-module

$(B)/bench/floor: bench/floor.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags sdl2 SDL2_ttf) $< -o $@ \
		$(shell pkg-config --libs sdl2 SDL2_ttf)

$(B)/bench/yaml_scan: bench/yaml_scan.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags yaml-0.1) $< -o $@ \
		$(shell pkg-config --libs yaml-0.1)

$(B)/bench/measure: bench/measure.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $< -o $@

$(B)/bench/gen-module: bench/gen-module.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags sdl2 SDL2_image) $< -o $@ \
		$(shell pkg-config --libs sdl2 SDL2_image)

bench: deps-test
	@$(MAKE) --no-print-directory all $(BENCH_BIN)
	@sh bench/run.sh

test: deps-test
	@$(MAKE) --no-print-directory all unit asan $(B)/fuzz/fuzz_loader
	@sh tests/run.sh

run: deps
	@$(MAKE) --no-print-directory all
	./$(B)/lectern --modules modules

# ---------------------------------------------------------------- install
# The program finds its fonts, assets and modules in $(PREFIX)/share/lectern
# (LT_DATADIR, compiled in), so the objects are rebuilt whenever PREFIX
# differs from the last build: $(B)/prefix changes only then.
BINDIR    := $(PREFIX)/bin
DATADIR   := $(PREFIX)/share/lectern
LOCALEDIR := $(PREFIX)/share/locale
MANDIR    := $(PREFIX)/share/man
APPSDIR   := $(PREFIX)/share/applications
ICONDIR   := $(PREFIX)/share/icons/hicolor
DOCDIR    := $(PREFIX)/share/doc/lectern
# systemd's user units (lectern sync on a timer): searched there for
# PREFIX /usr and /usr/local alike
UNITDIR   := $(PREFIX)/lib/systemd/user
ICON_SIZES := 16 22 24 32 48 64 128 256
DOCS      := $(wildcard README.md LICENSE docs/classroom.md docs/module-format.md docs/packages.md)
DOC_IMAGES := $(wildcard docs/img/kiosk-*.png)

$(B)/prefix: FORCE
	@mkdir -p $(@D)
	@echo '$(PREFIX)' | cmp -s - $@ || echo '$(PREFIX)' >$@

FORCE:

# the PNG icons are made from data/lectern.svg and kept in the tree, so
# installing needs no SVG renderer.
icons:
	for s in $(ICON_SIZES); do mkdir -p data/icons/$${s}x$${s} && \
		rsvg-convert -w $$s -h $$s data/lectern.svg -o data/icons/$${s}x$${s}/lectern.png || exit 1; done

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/modules
	install -m 755 $(B)/lectern $(DESTDIR)$(BINDIR)/lectern
	find assets -type f | while read -r f; do \
		install -D -m 644 "$$f" "$(DESTDIR)$(DATADIR)/$${f#assets/}" || exit 1; done
	find modules -type f | while read -r f; do \
		install -D -m 644 "$$f" "$(DESTDIR)$(DATADIR)/$$f" || exit 1; done
	for mo in $(B)/locale/*/LC_MESSAGES/lectern.mo; do [ -f "$$mo" ] || continue; \
		l=$${mo#$(B)/locale/}; l=$${l%%/*}; \
		install -D -m 644 "$$mo" "$(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/lectern.mo" || exit 1; done
	install -D -m 644 docs/module.schema.json $(DESTDIR)$(DATADIR)/module.schema.json
	install -D -m 644 docs/lectern.1 $(DESTDIR)$(MANDIR)/man1/lectern.1
	install -D -m 644 data/lectern.desktop $(DESTDIR)$(APPSDIR)/lectern.desktop
	install -D -m 644 data/lectern.svg $(DESTDIR)$(ICONDIR)/scalable/apps/lectern.svg
	for s in $(ICON_SIZES); do install -D -m 644 data/icons/$${s}x$${s}/lectern.png \
		$(DESTDIR)$(ICONDIR)/$${s}x$${s}/apps/lectern.png || exit 1; done
	for d in $(DOCS); do install -D -m 644 $$d $(DESTDIR)$(DOCDIR)/$$(basename $$d) || exit 1; done
	for f in $(DOC_IMAGES); do install -D -m 644 $$f $(DESTDIR)$(DOCDIR)/img/$$(basename $$f) || exit 1; done
	install -d $(DESTDIR)$(UNITDIR)
	sed 's|@BINDIR@|$(BINDIR)|g' data/lectern-sync.service.in >$(DESTDIR)$(UNITDIR)/lectern-sync.service
	chmod 644 $(DESTDIR)$(UNITDIR)/lectern-sync.service
	install -m 644 data/lectern-sync.timer $(DESTDIR)$(UNITDIR)/lectern-sync.timer
	$(ICON_CACHE)

# refresh the icon theme's cache where the theme has one (a system
# hicolor with index.theme), never in a staging DESTDIR
ICON_CACHE = [ -n "$(DESTDIR)" ] || [ ! -f $(ICONDIR)/index.theme ] || \
	! command -v gtk-update-icon-cache >/dev/null || gtk-update-icon-cache -q $(ICONDIR) || true

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/lectern $(DESTDIR)$(MANDIR)/man1/lectern.1 \
		$(DESTDIR)$(APPSDIR)/lectern.desktop $(DESTDIR)$(ICONDIR)/scalable/apps/lectern.svg \
		$(DESTDIR)$(UNITDIR)/lectern-sync.service $(DESTDIR)$(UNITDIR)/lectern-sync.timer
	for s in $(ICON_SIZES); do rm -f $(DESTDIR)$(ICONDIR)/$${s}x$${s}/apps/lectern.png; done
	rm -f $(DESTDIR)$(LOCALEDIR)/*/LC_MESSAGES/lectern.mo
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(DOCDIR)
	$(ICON_CACHE)

clean:
	rm -rf $(B)
