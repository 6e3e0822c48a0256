/* ui.c: the window, the event loop, sizes and remembered preferences.
 *
 * The loop blocks in SDL_WaitEvent, hands each event to the overlay or
 * the screen, and draws only when one of them set a->dirty (a key, a
 * click, a resize, an expose). Waiting costs no CPU; there is no frame
 * timer. A burst of events (a resize drag, fast wheel turns) is drained
 * with SDL_PollEvent before drawing once.
 *
 * Keys that work everywhere are handled here: Ctrl+Q, F11, Ctrl+Plus,
 * Ctrl+Minus and Ctrl+0. Font sizes follow the renderer's output size
 * (pixels, so HiDPI is crisp) and the text scale; every spacing follows
 * the body size a->em. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>

#include <SDL_image.h>
#include <SDL_ttf.h>

#include "ui.h"
#include "base/i18n.h"
#include "base/paths.h"
#include "base/safefile.h"
#include "base/util.h"

enum { MIN_W = 640, MIN_H = 480 };

void
ui_resize(ui_app *a)
{
	double base, body;
	static const double size[LAY_F_COUNT] = { 1.0, 0.86, 1.3, 1.65 };
	static const double lead[LAY_F_COUNT] = { 1.55, 1.45, 1.3, 1.22 };
	int i;

	if (a->win)
		SDL_GetRendererOutputSize(a->ren, &a->w, &a->h);
	/* a body size that gives about 20 lines of text in the window height
	 * and about 70 characters across a narrow window */
	base = a->h / 38.0;
	if (a->w / 48.0 < base)
		base = a->w / 48.0;
	body = base * a->text_scale;
	if (body < 12 * a->scale)
		body = 12 * a->scale;
	if (body > 80 * a->scale)
		body = 80 * a->scale;
	for (i = 0; i < LAY_F_COUNT; i++) {
		a->px[i] = (int)(body * size[i] + 0.5);
		a->line_h[i] = (int)(body * size[i] * lead[i] + 0.5);
	}
	a->em = a->px[LAY_F_BODY];
	a->gen++;
	a->dirty = 1;
}

static void
common_init(ui_app *a)
{
	if (!a->theme)
		a->theme = &ui_themes[0];
	if (a->text_scale <= 0)
		a->text_scale = 1.0;
	if (!TTF_WasInit())
		TTF_Init();
	IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
	/* a test hook with no cost when unset: see log_shown in text.c */
	a->shown_path = getenv("LECTERN_SCREEN_TEXT");
	if (a->shown_path && !*a->shown_path)
		a->shown_path = NULL;
}

int
ui_open(ui_app *a, int w, int h, const char *renderer)
{
	int soft = !renderer || strcmp(renderer, "software") == 0, ww, wh;
	const char *drv;

	if (renderer && !soft && strcmp(renderer, "accelerated") != 0) {
		fprintf(stderr, _("lectern: --renderer: use software or accelerated, not %s\n"),
		        renderer);
		return -1;
	}
	/* without a GPU, SDL's window framebuffer through OpenGL (Mesa llvmpipe)
	 * costs ~100 MB and a slow start for nothing: see docs/architecture.md */
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, soft ? "0" : "1");
	SDL_SetHint(SDL_HINT_RENDER_DRIVER, soft ? "software" : "");
	SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		fprintf(stderr, _("lectern: cannot open the display: %s\n"), SDL_GetError());
		return -1;
	}
	/* with no display SDL may fall back to a driver nobody can see: a
	 * learner would wait for a window that never comes */
	drv = SDL_GetCurrentVideoDriver();
	if (drv && (strcmp(drv, "offscreen") == 0 || strcmp(drv, "dummy") == 0 ||
	            strcmp(drv, "evdev") == 0) && !getenv("SDL_VIDEODRIVER")) {
		fprintf(stderr, _("lectern: no display to open a window on (is DISPLAY or "
		                  "WAYLAND_DISPLAY set?); `lectern render` works without one\n"));
		SDL_Quit();
		return -1;
	}
	a->win = SDL_CreateWindow("Lectern", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
	                          w > 0 ? w : 1280, h > 0 ? h : 720,
	                          SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
	if (!a->win) {
		fprintf(stderr, _("lectern: cannot open a window: %s\n"), SDL_GetError());
		return -1;
	}
	SDL_SetWindowMinimumSize(a->win, MIN_W, MIN_H);
	a->ren = SDL_CreateRenderer(a->win, -1, soft ? SDL_RENDERER_SOFTWARE
	                                             : SDL_RENDERER_ACCELERATED);
	if (!a->ren && !soft)
		a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
	if (!a->ren) {
		fprintf(stderr, _("lectern: cannot draw in the window: %s\n"), SDL_GetError());
		return -1;
	}
	SDL_GetWindowSize(a->win, &ww, &wh);
	SDL_GetRendererOutputSize(a->ren, &a->w, &a->h);
	a->scale = ww > 0 ? (float)a->w / (float)ww : 1.0f;
	if (a->scale < 1.0f)
		a->scale = 1.0f;
	/* text input stays on: "?" arrives as text whatever the keyboard
	 * layout, and short answers need it; screens ignore what they do not use */
	SDL_StartTextInput();
	common_init(a);
	ui_resize(a);
	return 0;
}

int
ui_open_surface(ui_app *a, SDL_Surface *surf)
{
	a->ren = SDL_CreateSoftwareRenderer(surf);
	if (!a->ren) {
		fprintf(stderr, _("lectern: cannot draw offscreen: %s\n"), SDL_GetError());
		return -1;
	}
	a->w = surf->w;
	a->h = surf->h;
	a->scale = 1.0f;
	common_init(a);
	ui_resize(a);
	return 0;
}

void
ui_close(ui_app *a)
{
	ui_set_overlay(a, NULL);
	if (a->screen && a->screen->destroy)
		a->screen->destroy(a->screen);
	a->screen = NULL;
	ui_images_free(a->images);
	a->images = NULL;
	ui_text_free(a->text);
	a->text = NULL;
	if (a->ren)
		SDL_DestroyRenderer(a->ren);
	if (a->win)
		SDL_DestroyWindow(a->win);
	a->ren = NULL;
	a->win = NULL;
}

void
ui_set_screen(ui_app *a, ui_screen *s)
{
	ui_screen *old = a->screen;

	a->screen = s;
	if (old && old != s && old->destroy)
		old->destroy(old);
	a->dirty = 1;
}

void
ui_set_overlay(ui_app *a, ui_screen *s)
{
	ui_screen *old = a->overlay;

	a->overlay = s;
	if (old && old != s && old->destroy)
		old->destroy(old);
	a->dirty = 1;
}

int
ui_set_theme(ui_app *a, const char *name)
{
	const ui_theme *t = ui_theme_find(name);

	if (!t)
		return -1;
	a->theme = t;
	a->gen++;
	a->dirty = 1;
	ui_prefs_save(a);
	return 0;
}

void
ui_set_text_scale(ui_app *a, double s)
{
	if (s < 0.6)
		s = 0.6;
	if (s > 2.5)
		s = 2.5;
	a->text_scale = s;
	ui_resize(a);
	ui_prefs_save(a);
}


int
ui_parse_size(const char *s, int *w, int *h)
{
	char *end;
	long a, b;

	a = strtol(s, &end, 10);
	if (end == s || (*end != 'x' && *end != 'X'))
		return -1;
	s = end + 1;
	b = strtol(s, &end, 10);
	if (end == s || *end || a < 64 || b < 64 || a > 16384 || b > 16384)
		return -1;
	*w = (int)a;
	*h = (int)b;
	return 0;
}

Uint64
ui_active_ms(const ui_app *a)
{
	Uint32 gap = SDL_GetTicks() - a->last_input;

	return a->active_ms + (gap < UI_AWAY_MS ? gap : UI_AWAY_MS);
}

/* ------------------------------------------------------------ prefs */
/* the file holds "theme NAME" and "text-scale X" lines */
void
ui_prefs_load(ui_app *a, char *theme, size_t size, double *scale)
{
	char *path, *buf, *line, *next, name[64], err[300];
	size_t n;
	double d;

	if (!a->prefs_dir)
		return;
	path = xasprintf("%s/ui-prefs", a->prefs_dir);
	/* a FIFO in its place must not hang start-up, nor a link lead the
	 * read elsewhere: sf_read reads regular files only, here not through
	 * a link */
	if (sf_read(path, SF_NOFOLLOW, 4096, &buf, &n, err, sizeof err) != 0) {
		free(path);
		return;
	}
	free(path);
	for (line = buf; line && *line; line = next) {
		if ((next = strchr(line, '\n')))
			*next++ = '\0';
		if (sscanf(line, "theme %63s", name) == 1 && ui_theme_find(name) && theme) {
			snprintf(theme, size, "%s", name);
		} else if (sscanf(line, "text-scale %lf", &d) == 1 && scale &&
		           d >= 0.6 && d <= 2.5) {
			*scale = d;
		}
	}
	free(buf);
}

void
ui_prefs_save(ui_app *a)
{
	char *path, err[300];
	sf_out o;

	if (a->prefs_changed) {
		a->prefs_changed(a);
		return;
	}
	if (!a->prefs_dir || !a->win)
		return; /* offscreen renders never change what the learner chose */
	if (mkdir(a->prefs_dir, 0700) != 0 && errno != EEXIST)
		return;
	path = xasprintf("%s/ui-prefs", a->prefs_dir);
	/* whole or not at all, never through a link planted as the temporary */
	if (sf_out_open(&o, path, 0600, err, sizeof err) == 0) {
		fprintf(o.fp, "theme %s\ntext-scale %.2f\n", a->theme->name, a->text_scale);
		sf_out_close(&o, 1, err, sizeof err);
	}
	free(path);
}

/* ------------------------------------------------------------ loop */
void
ui_draw_frame(ui_app *a)
{
	SDL_Color bg = ui_color(a, UI_BG);

	if (a->shown_path) {
		char tmp[4096];

		snprintf(tmp, sizeof tmp, "%s.tmp", a->shown_path);
		a->shown = fopen(tmp, "w");
		if (a->shown)
			fprintf(a->shown, "size %d %d\n", a->w, a->h);
	}
	SDL_RenderSetClipRect(a->ren, NULL);
	SDL_SetRenderDrawBlendMode(a->ren, SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(a->ren, bg.r, bg.g, bg.b, 255);
	SDL_RenderClear(a->ren);
	if (a->screen && a->screen->draw)
		a->screen->draw(a, a->screen);
	if (a->overlay && a->overlay->draw) {
		SDL_RenderSetClipRect(a->ren, NULL);
		if (a->places)
			a->places->n = 0;
		a->overlay->draw(a, a->overlay);
	}
	SDL_RenderSetClipRect(a->ren, NULL);
	ui_images_drawn(a->images);
	if (a->shown) {
		char tmp[4096];

		/* whole frames only: a reader never sees half of one */
		fclose(a->shown);
		a->shown = NULL;
		snprintf(tmp, sizeof tmp, "%s.tmp", a->shown_path);
		rename(tmp, a->shown_path);
	}
}

/* keys that mean the same on every screen; returns 1 when used. */
static int
global_key(ui_app *a, const SDL_KeyboardEvent *k)
{
	int ctrl = (k->keysym.mod & KMOD_CTRL) != 0;

	switch (k->keysym.sym) {
	case SDLK_q:
		if (!ctrl)
			return 0;
		a->quit = 1;
		return 1;
	case SDLK_F11:
		a->fullscreen = !a->fullscreen;
		if (a->win)
			SDL_SetWindowFullscreen(a->win,
			                        a->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
		return 1;
	case SDLK_PLUS:
	case SDLK_EQUALS:
	case SDLK_KP_PLUS:
		if (!ctrl)
			return 0;
		ui_set_text_scale(a, a->text_scale * 1.1);
		return 1;
	case SDLK_MINUS:
	case SDLK_KP_MINUS:
		if (!ctrl)
			return 0;
		ui_set_text_scale(a, a->text_scale / 1.1);
		return 1;
	case SDLK_0:
	case SDLK_KP_0:
		if (!ctrl)
			return 0;
		ui_set_text_scale(a, 1.0);
		return 1;
	default:
		return 0;
	}
}

/* 1 for the keys that press the footer's button: a second one soon
 * after is a repeat. Another key (Right, a digit) is a new decision. */
static int
press_key(SDL_Keycode k)
{
	return k == SDLK_RETURN || k == SDLK_KP_ENTER;
}

void
ui_guard(ui_app *a)
{
	a->guard_until = SDL_GetTicks() + UI_GUARD_MS;
	if (a->guard_until == 0)
		a->guard_until = 1; /* 0 means none */
	ui_mouse_now(a, &a->guard_x, &a->guard_y);
}

int
ui_guarded(const ui_app *a, const SDL_Event *e)
{
	SDL_Keycode k;
	int in = a->guard_until && !SDL_TICKS_PASSED(SDL_GetTicks(), a->guard_until);
	int x, y, near = a->em / 2 > 4 ? a->em / 2 : 4;

	switch (e->type) {
	case SDL_KEYDOWN:
		k = e->key.keysym.sym;
		if (!press_key(k))
			return 0;
		return e->key.repeat || in; /* a held Enter never presses again */
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		if (!in || !ui_mouse(a, e, &x, &y))
			return 0;
		return abs(x - a->guard_x) <= near && abs(y - a->guard_y) <= near;
	default:
		return 0;
	}
}

void
ui_handle(ui_app *a, const SDL_Event *e)
{
	ui_screen *to;

	if (e->type == SDL_KEYDOWN && !press_key(e->key.keysym.sym))
		a->guard_until = 0; /* the learner did something else */

	if (e->type == SDL_KEYDOWN || e->type == SDL_MOUSEBUTTONDOWN ||
	    e->type == SDL_MOUSEWHEEL || e->type == SDL_TEXTINPUT) {
		a->active_ms = ui_active_ms(a);
		a->last_input = SDL_GetTicks();
	}
	if (a->filter && a->filter(a, e))
		return;
	switch (e->type) {
	case SDL_QUIT:
		a->quit = 1;
		return;
	case SDL_WINDOWEVENT:
		if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
			int ww, wh;
			SDL_GetWindowSize(a->win, &ww, &wh);
			SDL_GetRendererOutputSize(a->ren, &a->w, &a->h);
			a->scale = ww > 0 ? (float)a->w / (float)ww : 1.0f;
			if (a->scale < 1.0f)
				a->scale = 1.0f;
			ui_resize(a);
		} else if (e->window.event == SDL_WINDOWEVENT_EXPOSED) {
			a->dirty = 1;
		}
		break;
	case SDL_KEYDOWN:
		if (global_key(a, &e->key))
			return;
		break;
	default:
		break;
	}
	to = a->overlay ? a->overlay : a->screen;
	if (to && to->event)
		to->event(a, to, e);
}

/* benchmark hook for bench/run.sh (docs/performance.md): a line on stdout
 * after each present, timed from the wake-up that led to it, in wall time
 * and in this thread's CPU time (which other processes cannot inflate).
 * Returns 1 when LECTERN_EXIT_AFTER_FIRST_FRAME asks the loop to stop. */
static double
bench_cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
bench_frame(Uint64 woke, double woke_cpu, int n)
{
	double ms = (double)(SDL_GetPerformanceCounter() - woke) * 1000.0 /
	            (double)SDL_GetPerformanceFrequency();

	if (n == 0)
		printf("first frame: %u ms after SDL_Init\n", (unsigned)SDL_GetTicks());
	else
		printf("frame: %.2f ms, cpu %.2f ms\n", ms, bench_cpu_ms() - woke_cpu);
	fflush(stdout);
	return getenv("LECTERN_EXIT_AFTER_FIRST_FRAME") != NULL;
}

void
ui_run(ui_app *a)
{
	SDL_Event e;
	int bench = getenv("LECTERN_EXIT_AFTER_FIRST_FRAME") || getenv("LECTERN_FRAME_LOG");
	int frames = 0;
	Uint64 woke = SDL_GetPerformanceCounter();
	double woke_cpu = bench ? bench_cpu_ms() : 0;

	a->dirty = 1;
	if (!a->wake_event)
		a->wake_event = SDL_RegisterEvents(1);
	while (!a->quit) {
		int got;
		if (a->dirty) {
			a->dirty = 0;
			ui_draw_frame(a);
			SDL_RenderPresent(a->ren);
			if (bench && bench_frame(woke, woke_cpu, frames++))
				break;
		}
		got = a->wake_ms ? SDL_WaitEventTimeout(&e, (int)a->wake_ms) : SDL_WaitEvent(&e);
		woke = SDL_GetPerformanceCounter();
		if (bench)
			woke_cpu = bench_cpu_ms();
		if (!got) {
			/* a screen asked to be woken: give it the wake event */
			memset(&e, 0, sizeof e);
			e.type = a->wake_event;
		}
		do
			ui_handle(a, &e);
		while (!a->quit && SDL_PollEvent(&e));
		if (a->quit && a->may_quit && !a->may_quit(a)) {
			a->quit = 0;
			a->dirty = 1;
		}
	}
}

int
ui_start(ui_app *a, int w, int h, const char *renderer)
{
	char *fonts;
	int rc;

	if (ui_open(a, w, h, renderer) != 0)
		return -1;
	fonts = paths_fonts_dir();
	rc = ui_fonts_load(a, fonts);
	free(fonts);
	return rc;
}
