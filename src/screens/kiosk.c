/* kiosk.c: classroom kiosk mode.
 *
 * How it works. Before the window opens, kiosk_prepare sets SDL's hints for
 * a keyboard grab without Alt+Tab and without minimising on focus loss,
 * tells SDL to leave signals alone, and blocks SIGINT, SIGTERM, SIGHUP and
 * SIGQUIT in the main thread (so in every thread started after it). One
 * small thread waits for those signals with sigwait and turns each into an
 * SDL event, which wakes the event loop like any other event.
 *
 * After the window opens, kiosk_start makes it full screen (desktop size),
 * always on top and grabs the keyboard. The navigator (nav.c) then asks
 * the kiosk three things: kiosk_filter sees every event first, kiosk_policy
 * every request a screen makes, and kiosk_may_quit is asked before the loop
 * ends. The filter swallows every way out a learner might try (the
 * window's close button or Alt+F4 from the window manager, the session's
 * quit request, Ctrl+Q, F11, the signals), saving progress first and noting
 * it on stderr; it asks for the PIN prompt on Ctrl+Alt+T, and it notes the
 * time of every input for the idle logout. Leaving the catalog (Escape or
 * Log out) becomes a logout; only the trainer's Exit lets the loop end.
 *
 * The log on stderr ("lectern: kiosk: ...") is for the machine's
 * administrator and for scripts that grep it: it is always in English, with
 * the same words whatever the interface language (signals by name, not by
 * the locale's strsignal).
 *
 * The kiosk never changes screens itself: what it wants shown comes back
 * to the navigator as a request (request.h), so the flow stays one-way.
 *
 * The idle logout is one SDL timer, armed at login for the idle time less
 * the countdown (kr_idle_state). When it fires, the time since the last
 * input decides: arm again for what is left, show the countdown (then fire
 * each second so it counts down), or log out. Any input during the
 * countdown ends it, and is not passed on. No timer runs at the picker. */
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "base/i18n.h"
#include "kiosk_int.h"
#include "base/util.h"

static sigset_t kiosk_signals;

kiosk *
kiosk_of(ui_app *a)
{
	return a->kiosk;
}

void
kiosk_log(const char *fmt, ...)
{
	va_list ap;

	fputs("lectern: kiosk: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
}

/* ------------------------------------------------------------ signals */

/* the signal's name for the log: strsignal() speaks the locale's language,
 * and the log must read the same on every machine */
static const char *
signal_name(int sig)
{
	switch (sig) {
	case SIGINT:
		return "SIGINT";
	case SIGTERM:
		return "SIGTERM";
	case SIGHUP:
		return "SIGHUP";
	case SIGQUIT:
		return "SIGQUIT";
	default:
		return "a signal";
	}
}

int
kiosk_prepare(const cfg_config *cfg)
{
	struct stat sb;

	if (!cfg->trainer_pin_hash) {
		fprintf(stderr, "%s", _("lectern: kiosk mode needs a trainer PIN, so that a "
		                        "trainer can open the trainer menu and leave it.\n"
		                        "Set one with:  lectern set-pin\n"
		                        "(as the user the kiosk runs as, or with --config FILE "
		                        "for the config file the kiosk reads)\n"));
		return -1;
	}
	if (pin_verify(cfg->trainer_pin_hash, "") < 0) {
		fprintf(stderr, _("lectern: %s: this system's crypt(3) cannot check the "
		                  "trainer PIN's hash; set the PIN again with lectern set-pin\n"),
		        cfg->path ? cfg->path : "config");
		return -1;
	}
	if (!pin_hash_strong(cfg->trainer_pin_hash)) {
		/* MD5 or SHA-256 crypt: a 4-digit PIN falls to a laptop in
		 * seconds once someone has read the file */
		fprintf(stderr, _("lectern: %s: the trainer PIN's hash is of a weak kind "
		                  "(weaker than SHA-512 crypt); set the PIN again with lectern "
		                  "set-pin\n"),
		        cfg->path ? cfg->path : "config");
		return -1;
	}
	if (cfg->path && stat(cfg->path, &sb) == 0 && kr_config_exposed((unsigned)sb.st_mode))
		fprintf(stderr, _("lectern: warning: %s can be read or written by other accounts "
		                  "(mode %03o): they could try every short PIN against its hash, or "
		                  "put in their own. Make it the kiosk account's alone: chmod 600 "
		                  "%s\n"),
		        cfg->path, (unsigned)sb.st_mode & 0777, cfg->path);
	SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
	SDL_SetHint(SDL_HINT_ALLOW_ALT_TAB_WHILE_GRABBED, "0");
	SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
	SDL_SetHint(SDL_HINT_QUIT_ON_LAST_WINDOW_CLOSE, "0");
	SDL_SetHint(SDL_HINT_WINDOWS_NO_CLOSE_ON_ALT_F4, "1");
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	/* blocked here, in the main thread, before SDL starts any thread, so
	 * that no thread is left where the default action (exit) would run */
	sigemptyset(&kiosk_signals);
	sigaddset(&kiosk_signals, SIGINT);
	sigaddset(&kiosk_signals, SIGTERM);
	sigaddset(&kiosk_signals, SIGHUP);
	sigaddset(&kiosk_signals, SIGQUIT);
	pthread_sigmask(SIG_BLOCK, &kiosk_signals, NULL);
	return 0;
}

/* the signal thread: each signal becomes an event for the loop */
static int
signal_thread(void *data)
{
	Uint32 type = (Uint32)(uintptr_t)data;
	SDL_Event e;
	int sig;

	for (;;) {
		if (sigwait(&kiosk_signals, &sig) != 0)
			continue;
		SDL_zero(e);
		e.type = type;
		e.user.code = sig;
		SDL_PushEvent(&e);
	}
	return 0;
}

/* ------------------------------------------------------------ idle */

/* the idle timer's events carry this code: the loop's own wake-up for a
 * screen's timeout (ui_run) is a plain SDL_USEREVENT, which may be the same
 * type as ours and must reach the screen (the PIN lock's countdown) */
enum { IDLE_CODE = 0x1D1E };

static Uint32
idle_fired(Uint32 interval, void *data)
{
	SDL_Event e;

	(void)interval;
	SDL_zero(e);
	e.type = (Uint32)(uintptr_t)data;
	e.user.code = IDLE_CODE;
	SDL_PushEvent(&e);
	return 0; /* one shot: the loop arms the next one */
}

static void
idle_arm(kiosk *k, long ms)
{
	if (k->idle_timer)
		SDL_RemoveTimer(k->idle_timer);
	k->idle_timer = 0;
	if (ms < 0)
		return;
	k->idle_timer = SDL_AddTimer((Uint32)(ms > 0 ? ms : 1), idle_fired,
	                             (void *)(uintptr_t)k->ev_idle);
}

static int
is_input(const SDL_Event *e)
{
	switch (e->type) {
	case SDL_KEYDOWN:
	case SDL_TEXTINPUT:
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEWHEEL:
	case SDL_MOUSEMOTION:
	case SDL_FINGERDOWN:
		return 1;
	default:
		return 0;
	}
}

/* arm the timer for the next moment something may happen: the start of
 * the countdown, or (during it) the next second; none when there is no
 * idle logout */
static void
idle_arm_next(kiosk *k)
{
	long ms;
	int st = kr_idle_state(k->p->cfg->idle_logout_minutes, k->last_input, SDL_GetTicks(),
	                       &ms);

	idle_arm(k, st == KR_IDLE_NEVER ? -1 : st == KR_IDLE_WARN && ms > 1000 ? 1000 : ms);
}

/* the idle timer fired: arm it again for what is left, or say what must
 * happen now in *r: show the countdown (a learner, no trainer menu open),
 * close the trainer menu, log the learner out. During the countdown the
 * timer fires every second so that the seconds shown go down. */
static void
idle_check(kiosk *k, nav_req *r)
{
	long ms;
	int st = kr_idle_state(k->p->cfg->idle_logout_minutes, k->last_input, SDL_GetTicks(),
	                       &ms);

	k->idle_timer = 0;
	if (!k->learner[0] && !k->trainer_open)
		return;
	switch (st) {
	case KR_IDLE_NEVER:
		return;
	case KR_IDLE_ACTIVE:
		idle_arm(k, ms);
		return;
	case KR_IDLE_WARN:
		/* the trainer is at the machine: no countdown over their menu,
		 * which closes at the end as before */
		if (k->learner[0] && !k->trainer_open) {
			if (!k->warning) {
				k->warning = 1;
				kiosk_log(L_("%s idle: countdown shown, logout in %ld s unless there "
				             "is input"), k->learner, (ms + 999) / 1000);
				r->to = NAV_IDLE_WARN;
			}
			k->a->dirty = 1;
		}
		idle_arm(k, ms % 1000 ? ms % 1000 : 1000);
		return;
	default:
		break;
	}
	k->warning = 0;
	if (k->trainer_open)
		kiosk_log(L_("trainer menu closed after the idle time"));
	if (k->learner[0])
		*r = (nav_req){ .to = NAV_LOGOUT, .arg = L_("idle") };
	else
		r->to = NAV_TRAINER_CLOSE;
}

int
kiosk_idle_seconds(const kiosk *k)
{
	long left = kr_idle_left(k->p->cfg->idle_logout_minutes, k->last_input, SDL_GetTicks());
	long warn = kr_idle_warn_ms(k->p->cfg->idle_logout_minutes);

	if (left < 0)
		return -1;
	return (int)(((left < warn ? left : warn) + 999) / 1000);
}

/* input during the countdown: it ends, and the input that ended it does
 * nothing else (a tap meant "I am here", not a press on what is under
 * the countdown). Returns 1 when e is swallowed. */
static int
idle_input(kiosk *k, const SDL_Event *e, nav_req *r)
{
	/* the rest of the key press or tap that ended the countdown */
	if (k->eat_until) {
		int last = e->type == k->eat_until;

		if (last || e->type == SDL_TEXTINPUT || e->type == SDL_TEXTEDITING ||
		    e->type == SDL_KEYUP || e->type == SDL_MOUSEBUTTONUP || e->type == SDL_FINGERUP) {
			if (last)
				k->eat_until = 0;
			return 1;
		}
	}
	if (!k->warning || !is_input(e))
		return 0;
	k->warning = 0;
	kiosk_log(L_("%s idle: countdown cancelled by input"), k->learner);
	r->to = NAV_IDLE_CANCEL;
	idle_arm_next(k);
	switch (e->type) {
	case SDL_KEYDOWN:
		k->eat_until = SDL_KEYUP;
		return 1;
	case SDL_MOUSEBUTTONDOWN:
		k->eat_until = SDL_MOUSEBUTTONUP;
		return 1;
	case SDL_FINGERDOWN:
		k->eat_until = SDL_FINGERUP;
		return 1;
	case SDL_TEXTINPUT:
	case SDL_MOUSEWHEEL:
		return 1;
	default:
		return 0; /* the mouse moved: it ends the countdown and goes on */
	}
}

/* ------------------------------------------------------------ learners */

void
kiosk_save(kiosk *k, const char *why)
{
	if (!k->learner[0])
		return;
	/* answers, visits and bookmarks are committed as they happen; what
	 * is still in memory is the time spent */
	if (k->p->ses)
		pl_save(k->a);
	if (store_is_saving(k->p->st))
		kiosk_log(L_("ignored %s; progress of %s saved"), why, k->learner);
	else
		kiosk_log(L_("ignored %s; progress of %s NOT saved: %s"), why, k->learner,
		          store_warning(k->p->st) ? store_warning(k->p->st) : "");
}

/* ------------------------------------------------------------ display */

/* show theme and text scale (NULL, 0: the configuration's defaults) */
static void
display(kiosk *k, const char *theme, double scale)
{
	ui_app *a = k->a;
	const ui_theme *t = theme && *theme ? ui_theme_find(theme) : NULL;

	if (!t)
		t = ui_theme_find(k->p->cfg->theme ? k->p->cfg->theme : "light");
	if (scale <= 0)
		scale = k->p->cfg->text_scale > 0 ? k->p->cfg->text_scale : 1.0;
	a->theme = t ? t : a->theme;
	a->text_scale = scale;
	ui_resize(a); /* new sizes, a->gen grows: every screen lays out again */
}

/* the learner changed the theme or text size (ui_set_theme,
 * ui_set_text_scale): theirs from now on, and nobody else's */
static void
prefs_changed(ui_app *a)
{
	kiosk *k = a->kiosk;

	if (!k || !k->learner[0])
		return; /* at the picker: until the next login only */
	if (store_prefs_set(k->p->st, k->p->learner, a->theme->name, a->text_scale) != 0)
		kiosk_log(L_("display choices of %s NOT saved"), k->learner);
	kiosk_log(L_("display of %s: theme %s, text scale %.2f"), k->learner, a->theme->name,
	          a->text_scale);
}

void
kiosk_login(kiosk *k, const char *name)
{
	long id = store_learner(k->p->st, name);
	char theme[32];
	double scale;

	if (id < 0)
		kiosk_log(L_("%s could not be recorded: %s"), name,
		          store_warning(k->p->st) ? store_warning(k->p->st) : "");
	k->p->learner = id;
	snprintf(k->learner, sizeof k->learner, "%s", name);
	/* what this learner chose last time, else the classroom's defaults */
	store_prefs_get(k->p->st, id, theme, sizeof theme, &scale);
	display(k, theme, scale);
	k->p->learner_label = k->learner;
	k->last_input = SDL_GetTicks();
	idle_arm_next(k);
	kiosk_log(L_("%s logged in (theme %s, text scale %.2f)"), name, k->a->theme->name,
	          k->a->text_scale);
}

void
kiosk_logout(kiosk *k, const char *why)
{
	k->warning = 0;
	if (k->trainer_open)
		kiosk_trainer_closed(k);
	if (k->learner[0]) {
		/* records the time spent and the leave */
		pl_leave(k->a);
		if (store_is_saving(k->p->st))
			kiosk_log(L_("%s logged out (%s), progress saved"), k->learner, why);
		else
			kiosk_log(L_("%s logged out (%s), progress NOT saved"), k->learner, why);
	}
	k->learner[0] = '\0';
	k->p->learner = -1;
	k->p->learner_label = NULL;
	idle_arm(k, -1);
	/* the next learner starts from the classroom's display, not this
	 * one's */
	display(k, NULL, 0);
	kiosk_log(L_("display reset to theme %s, text scale %.2f"), k->a->theme->name,
	          k->a->text_scale);
}

void
kiosk_guard_load(kiosk *k, const char *name)
{
	store_guard_get(k->p->st, name, &k->guard.failures, &k->guard.last_failure);
}

int
kiosk_pin_try(kiosk *k, const char *name, const char *what, const char *hash,
              const char *pin)
{
	double now = pin_now();
	int r;

	/* the store's count, not this process's: another start since, or a
	 * restart to get round the lock, must not matter */
	kiosk_guard_load(k, name);
	r = pin_try(&k->guard, hash, pin, now);
	if (r == PIN_OK || r == PIN_WRONG)
		if (store_guard_set(k->p->st, name, k->guard.failures, k->guard.last_failure) != 0)
			kiosk_log(L_("the count of wrong %s entries could not be saved"), what);
	if (r == PIN_WRONG) {
		double lock = pin_wait(&k->guard, now);

		if (lock > 0)
			kiosk_log(L_("wrong %s (%d in a row), locked for %.0f s"), what,
			          k->guard.failures, lock);
		else
			kiosk_log(L_("wrong %s (%d in a row)"), what, k->guard.failures);
	} else if (r == PIN_LOCKED) {
		kiosk_log(L_("%s refused unchecked: locked for %.0f s more"), what,
		          pin_wait(&k->guard, now));
	}
	return r;
}

/* ------------------------------------------------------------ codes */

void
kiosk_code_opening(kiosk *k, const char *name)
{
	free(k->code_hash);
	snprintf(k->code_for, sizeof k->code_for, "%s", name);
	k->code_hash = store_code_hash(k->p->st, name);
	k->code_guard[0] = '\0';
	memset(&k->guard, 0, sizeof k->guard);
	if (k->code_hash) {
		/* the learner exists (they have a code): their own lockout */
		snprintf(k->code_guard, sizeof k->code_guard, "learner:%ld",
		         store_learner(k->p->st, name));
		kiosk_guard_load(k, k->code_guard);
	}
}

int
kiosk_code_check(kiosk *k, const char *code)
{
	char what[KR_NAME_MAX + 16];
	int r;

	if (!k->code_hash)
		return PIN_ERROR;
	snprintf(what, sizeof what, L_("PIN of %s"), k->code_for);
	r = kiosk_pin_try(k, k->code_guard, what, k->code_hash, code);
	if (r == PIN_OK)
		snprintf(k->code_passed, sizeof k->code_passed, "%s", k->code_for);
	return r;
}

int
kiosk_code_choose(kiosk *k, const char *code)
{
	char *h = pin_hash(code);

	if (!h || store_learner(k->p->st, k->code_for) < 0 ||
	    store_code_set(k->p->st, k->code_for, h) != 0) {
		kiosk_log(L_("the PIN %s chose could not be saved"), k->code_for);
		free(h);
		return -1;
	}
	free(h);
	kiosk_log(L_("%s chose a PIN"), k->code_for);
	snprintf(k->code_passed, sizeof k->code_passed, "%s", k->code_for);
	return 0;
}

int
kiosk_trainer_opening(kiosk *k)
{
	if (k->trainer_open)
		return -1;
	k->trainer_open = 1;
	k->text_was_on = SDL_IsTextInputActive();
	kiosk_guard_load(k, "trainer");
	if (!k->idle_timer)
		idle_arm_next(k);
	return 0;
}

void
kiosk_trainer_closed(kiosk *k)
{
	k->trainer_open = 0;
	k->a->wake_ms = 0; /* the PIN lock's countdown, if it was running */
	/* give a short answer being typed its text input back */
	if (k->text_was_on)
		SDL_StartTextInput();
	else
		SDL_StopTextInput();
	if (!k->learner[0])
		idle_arm(k, -1);
}

void
kiosk_exiting(kiosk *k)
{
	kiosk_log(L_("the trainer ended kiosk mode"));
	if (k->trainer_open)
		kiosk_trainer_closed(k);
	if (k->learner[0])
		kiosk_logout(k, L_("kiosk mode ended"));
	k->exiting = 1;
}

/* ------------------------------------------------------------ hooks */

int
kiosk_filter(ui_app *a, const SDL_Event *e, nav_req *r)
{
	kiosk *k = a->kiosk;
	SDL_Keycode sym;
	Uint16 mod;

	if (is_input(e))
		k->last_input = SDL_GetTicks();
	if (e->type == SDL_KEYDOWN && !k->key_seen) {
		/* someone has a keyboard: no need to draw one on the screen */
		k->key_seen = 1;
		a->dirty = 1;
	}
	if (e->type == k->ev_idle && e->user.code == IDLE_CODE) {
		idle_check(k, r);
		return 1;
	}
	if (idle_input(k, e, r))
		return 1;
	if (e->type == k->ev_signal) {
		kiosk_save(k, signal_name(e->user.code));
		if (!k->learner[0])
			kiosk_log(L_("ignored %s"), signal_name(e->user.code));
		return 1;
	}
	switch (e->type) {
	case SDL_QUIT:
		kiosk_save(k, L_("a request to quit"));
		if (!k->learner[0])
			kiosk_log(L_("ignored a request to quit"));
		return 1;
	case SDL_WINDOWEVENT:
		switch (e->window.event) {
		case SDL_WINDOWEVENT_CLOSE:
			kiosk_save(k, L_("a request to close the window"));
			if (!k->learner[0])
				kiosk_log(L_("ignored a request to close the window"));
			return 1;
		case SDL_WINDOWEVENT_MINIMIZED:
			SDL_RestoreWindow(a->win);
			return 0;
		case SDL_WINDOWEVENT_FOCUS_LOST:
			/* another window popped up: come back on top */
			SDL_RaiseWindow(a->win);
			return 0;
		default:
			return 0;
		}
	case SDL_KEYDOWN:
		sym = e->key.keysym.sym;
		mod = e->key.keysym.mod;
		if ((mod & KMOD_CTRL) && (mod & KMOD_ALT) && sym == SDLK_t) {
			if (!k->trainer_open)
				r->to = NAV_TRAINER_PIN;
			return 1;
		}
		if ((mod & KMOD_CTRL) && sym == SDLK_q) {
			kiosk_save(k, L_("Ctrl+Q"));
			return 1;
		}
		if ((mod & KMOD_ALT) && sym == SDLK_F4) {
			kiosk_save(k, L_("Alt+F4"));
			return 1;
		}
		/* F11 would leave full screen; Ctrl+W closes windows elsewhere */
		if (sym == SDLK_F11 || ((mod & KMOD_CTRL) && sym == SDLK_w))
			return 1;
		return 0;
	default:
		return 0;
	}
}

int
kiosk_may_quit(ui_app *a, nav_req *r)
{
	kiosk *k = a->kiosk;

	if (k->exiting)
		return 1;
	if (k->learner[0])
		*r = (nav_req){ .to = NAV_LOGOUT, .arg = L_("left the catalog") };
	return 0;
}

nav_req
kiosk_policy(ui_app *a, nav_req r)
{
	kiosk *k = a->kiosk;

	switch (r.to) {
	case NAV_QUIT:
		/* leaving the catalog logs out; at the picker it does nothing */
		if (!k->learner[0])
			return (nav_req){ .to = NAV_NONE };
		return (nav_req){ .to = NAV_LOGOUT, .arg = L_("left the catalog") };
	case NAV_LOGIN:
		/* one learner at a time; with learner codes, only the one whose
		 * code was just right (or chosen) */
		if (k->learner[0] || !r.arg)
			return (nav_req){ .to = NAV_NONE };
		if (k->p->cfg->learner_codes && strcmp(k->code_passed, r.arg) != 0)
			return (nav_req){ .to = NAV_NONE };
		k->code_passed[0] = '\0';
		return r;
	case NAV_CODE:
		/* at the picker: learner codes ask first, else straight in */
		if (k->learner[0] || k->trainer_open || !r.arg)
			return (nav_req){ .to = NAV_NONE };
		if (!k->p->cfg->learner_codes)
			r.to = NAV_LOGIN;
		return r;
	case NAV_CATALOG:
	case NAV_OPEN:
		/* nobody studies without a name */
		return k->learner[0] ? r : (nav_req){ .to = NAV_NONE };
	case NAV_TRAINER_PIN:
		return k->trainer_open ? (nav_req){ .to = NAV_NONE } : r;
	case NAV_TRAINER:
	case NAV_TRAINER_CLOSE:
		return k->trainer_open ? r : (nav_req){ .to = NAV_NONE };
	case NAV_IDLE_WARN:
		/* only over a learner's screen, never over the trainer's */
		return k->learner[0] && !k->trainer_open ? r : (nav_req){ .to = NAV_NONE };
	default:
		return r;
	}
}
void
kiosk_start(ui_app *a)
{
	kiosk *k = xcalloc(1, sizeof *k);
	Uint32 base = SDL_RegisterEvents(2);
	SDL_Thread *t;

	k->a = a;
	k->p = a->player;
	k->p->learner = -1;
	k->ev_idle = base;
	k->ev_signal = base + 1;
	a->kiosk = k;
	/* the classroom's display from the first frame: a learner's choices
	 * live in the store and come back at their login only */
	a->prefs_changed = prefs_changed;
	display(k, NULL, 0);
	SDL_InitSubSystem(SDL_INIT_TIMER);
	if (!a->win)
		return; /* drawn offscreen (lectern render --kiosk): no signals, no window */
	t = SDL_CreateThread(signal_thread, "lectern-signals",
	                     (void *)(uintptr_t)k->ev_signal);
	if (t)
		SDL_DetachThread(t);
	else
		kiosk_log(L_("cannot watch signals: %s"), SDL_GetError());
	{
		SDL_SetWindowFullscreen(a->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
		a->fullscreen = 1;
		SDL_SetWindowAlwaysOnTop(a->win, SDL_TRUE);
		SDL_SetWindowKeyboardGrab(a->win, SDL_TRUE);
		SDL_RaiseWindow(a->win);
	}
	kiosk_log(L_("started; language %s; the trainer menu opens with Ctrl+Alt+T"),
	          i18n_language());
	/* a lock from before a restart still holds */
	kiosk_guard_load(k, "trainer");
	if (pin_wait(&k->guard, pin_now()) > 0)
		kiosk_log(L_("trainer PIN locked for %.0f s more (%d wrong in a row)"),
		          pin_wait(&k->guard, pin_now()), k->guard.failures);
}

void
kiosk_end(ui_app *a)
{
	kiosk *k = a->kiosk;

	if (!k)
		return;
	idle_arm(k, -1);
	free(k->code_hash);
	a->prefs_changed = NULL;
	a->kiosk = NULL;
	free(k);
}
