/* floor.c: the least an SDL2 + SDL2_ttf program can do to show one slide.
 *
 * It is the reference Lectern's start-up time and memory are measured
 * against: create a window and a renderer, open the font, render a title and
 * one wrapped paragraph to textures, copy them, present once. Right after
 * the first SDL_RenderPresent it writes one line to stdout,
 *
 *     first frame: 41.7 ms after process start, peak RSS 38112 kB, renderer software
 *
 * and flushes it, so a benchmark reading the pipe can time the moment the
 * line arrives (bench/measure.c does that). The time since process start
 * comes from $BENCH_T0_NS (CLOCK_MONOTONIC nanoseconds taken by the launcher
 * just before fork) when set, else from the kernel's start time in
 * /proc/self/stat, which only has 10 ms resolution.
 *
 * The renderer is chosen as Lectern chooses it: `--renderer software` sets
 * SDL_HINT_FRAMEBUFFER_ACCELERATION to 0 so neither drawing nor presenting
 * touches OpenGL; `--renderer accelerated` asks SDL for its accelerated
 * renderer (OpenGL through Mesa on a machine without a GPU).
 *
 * usage: floor [--renderer software|accelerated] [--size WxH]
 *              [--fonts DIR] [--stay]
 * --stay keeps the window open after the first frame, blocking in
 * SDL_WaitEvent until it is closed: the reference for idle cost. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>

#include <SDL.h>
#include <SDL_ttf.h>

/* the same slide text as bench/slide.yaml and bench/slide.html */
static const char slide_title[] = "Gifts and hospitality";
static const char slide_body[] =
	"A trader you have cleared many times offers you two tickets to a "
	"football match as thanks for your help. Accepting even a small gift "
	"can look like payment for a decision you made, or one you will make. "
	"Politely refuse, record the offer in the gifts register the same day, "
	"and tell your line manager, so that the record protects you and the "
	"service if anyone asks later.";

static double
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* milliseconds since the process started: exact when the launcher gave its
 * fork time, else from /proc (10 ms steps). Returns -1 if unknown. */
static double
ms_since_start(void)
{
	const char *t0 = getenv("BENCH_T0_NS");
	char buf[1024], *p;
	unsigned long long start;
	struct timespec ts;
	FILE *f;
	int i;

	if (t0 && *t0)
		return (now_ns() - strtod(t0, NULL)) / 1e6;
	if (!(f = fopen("/proc/self/stat", "r")))
		return -1;
	p = fgets(buf, sizeof buf, f);
	fclose(f);
	if (!p || !(p = strrchr(buf, ')')))
		return -1;
	/* starttime is field 22; field 3 follows the ')' */
	for (i = 2; i < 22 && p; i++)
		p = strchr(p + 1, ' ');
	if (!p)
		return -1;
	start = strtoull(p + 1, NULL, 10);
	clock_gettime(CLOCK_BOOTTIME, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9) * 1e3 -
	       start * 1e3 / sysconf(_SC_CLK_TCK);
}

static SDL_Texture *
text_texture(SDL_Renderer *r, TTF_Font *font, const char *s, Uint32 wrap)
{
	SDL_Color ink = { 0x20, 0x24, 0x2a, 0xff };
	SDL_Surface *surf;
	SDL_Texture *t;

	surf = wrap ? TTF_RenderUTF8_Blended_Wrapped(font, s, ink, wrap)
	            : TTF_RenderUTF8_Blended(font, s, ink);
	if (!surf)
		return NULL;
	t = SDL_CreateTextureFromSurface(r, surf);
	SDL_FreeSurface(surf);
	return t;
}

static void
usage(void)
{
	fprintf(stderr, "usage: floor [--renderer software|accelerated] "
	        "[--size WxH] [--fonts DIR] [--stay]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *renderer = "software", *fonts = "assets/fonts";
	int w = 1280, h = 720, stay = 0, i, tw, th, pw, ph;
	char path[4096];
	SDL_Window *win;
	SDL_Renderer *r;
	TTF_Font *title_font, *body_font;
	SDL_Texture *title, *body;
	SDL_Rect dst;
	SDL_Event ev;
	struct rusage ru;
	SDL_RendererInfo info;
	Uint32 flags;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--renderer") && i + 1 < argc)
			renderer = argv[++i];
		else if (!strcmp(argv[i], "--size") && i + 1 < argc) {
			if (sscanf(argv[++i], "%dx%d", &w, &h) != 2 || w < 1 || h < 1)
				usage();
		} else if (!strcmp(argv[i], "--fonts") && i + 1 < argc)
			fonts = argv[++i];
		else if (!strcmp(argv[i], "--stay"))
			stay = 1;
		else
			usage();
	}
	if (!strcmp(renderer, "software")) {
		SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
		flags = SDL_RENDERER_SOFTWARE;
	} else if (!strcmp(renderer, "accelerated")) {
		flags = SDL_RENDERER_ACCELERATED;
	} else {
		usage();
	}

	if (SDL_Init(SDL_INIT_VIDEO) != 0 || TTF_Init() != 0) {
		fprintf(stderr, "floor: %s\n", SDL_GetError());
		return 1;
	}
	win = SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED,
	                       SDL_WINDOWPOS_CENTERED, w, h, SDL_WINDOW_SHOWN);
	if (!win || !(r = SDL_CreateRenderer(win, -1, flags))) {
		fprintf(stderr, "floor: %s\n", SDL_GetError());
		return 1;
	}
	SDL_GetRendererOutputSize(r, &pw, &ph);

	/* sizes follow the window height, as a slide's would */
	snprintf(path, sizeof path, "%s/DejaVuSans-Bold.ttf", fonts);
	title_font = TTF_OpenFont(path, ph / 18);
	snprintf(path, sizeof path, "%s/DejaVuSans.ttf", fonts);
	body_font = TTF_OpenFont(path, ph / 32);
	if (!title_font || !body_font) {
		fprintf(stderr, "floor: %s\n", TTF_GetError());
		return 1;
	}

	SDL_SetRenderDrawColor(r, 0xfa, 0xfa, 0xf7, 0xff);
	SDL_RenderClear(r);
	/* a readable column: about 65 characters, centred */
	tw = pw * 6 / 10;
	title = text_texture(r, title_font, slide_title, 0);
	body = text_texture(r, body_font, slide_body, (Uint32)tw);
	if (!title || !body) {
		fprintf(stderr, "floor: %s\n", SDL_GetError());
		return 1;
	}
	SDL_QueryTexture(title, NULL, NULL, &dst.w, &dst.h);
	dst.x = (pw - tw) / 2;
	dst.y = ph / 10;
	SDL_RenderCopy(r, title, NULL, &dst);
	th = dst.h;
	SDL_QueryTexture(body, NULL, NULL, &dst.w, &dst.h);
	dst.y += th + ph / 30;
	SDL_RenderCopy(r, body, NULL, &dst);
	SDL_RenderPresent(r);

	getrusage(RUSAGE_SELF, &ru);
	if (SDL_GetRendererInfo(r, &info) != 0)
		info.name = "unknown";
	printf("first frame: %.1f ms after process start, peak RSS %ld kB, "
	       "renderer %s\n", ms_since_start(), ru.ru_maxrss, info.name);
	fflush(stdout);

	while (stay && SDL_WaitEvent(&ev)) {
		if (ev.type == SDL_QUIT)
			break;
		if (ev.type == SDL_WINDOWEVENT &&
		    ev.window.event == SDL_WINDOWEVENT_EXPOSED) {
			SDL_RenderClear(r);
			SDL_QueryTexture(title, NULL, NULL, &dst.w, &dst.h);
			dst.y = ph / 10;
			SDL_RenderCopy(r, title, NULL, &dst);
			SDL_QueryTexture(body, NULL, NULL, &dst.w, &dst.h);
			dst.y += th + ph / 30;
			SDL_RenderCopy(r, body, NULL, &dst);
			SDL_RenderPresent(r);
		}
	}
	SDL_DestroyTexture(title);
	SDL_DestroyTexture(body);
	TTF_CloseFont(title_font);
	TTF_CloseFont(body_font);
	SDL_DestroyRenderer(r);
	SDL_DestroyWindow(win);
	TTF_Quit();
	SDL_Quit();
	return 0;
}
