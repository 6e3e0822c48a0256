/* gen-module.c: writes large, valid format-v1 modules for the benchmark.
 *
 *   gen-module slides N OUT.yaml   a single-file module of exactly N slides
 *   gen-module content N OUT.yaml  the same without questions, so a learner
 *                                  (or xdotool) can page through it with Right
 *   gen-module images N OUTDIR     a directory module: OUTDIR/module.yaml
 *                                  with N image slides and OUTDIR/images/
 *                                  holding N generated 1200x800 PNGs
 *
 * The text is realistic: sentences about Customs integrity put together
 * from phrase tables by a fixed pseudo-random sequence, so the same N always
 * gives the same file and every slide differs from its neighbours. Slides
 * come in the mix a trainer writes: paragraphs with **bold** and *italic*,
 * headings, bullet and numbered lists, note/tip/warning callouts, quotes,
 * a new section every ten slides, and questions of every type (single,
 * multiple, true-false, order, match, short, and decisions whose two
 * consequence slides rejoin the path with `next:`). Every scalar is written
 * double-quoted, so no generated text can change the YAML structure.
 *
 * The images are drawn with SDL surfaces and saved with SDL_image (both are
 * already Lectern dependencies): soft colour bands with a few blocks, each
 * image different, so they compress like diagrams rather than photos but
 * decode to the full 1200x800x4 bytes like any picture. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <SDL.h>
#include <SDL_image.h>

/* ------------------------------------------------------------ phrases */
static const char *const subjects[] = {
	"A trader", "The broker", "A shipping agent", "Your supervisor",
	"A new colleague", "The driver of a lorry", "A passenger",
	"An importer you know well", "The warehouse manager",
	"A freight forwarder", "An officer on the night shift",
	"A relative of a colleague",
};
static const char *const actions[] = {
	"offers you a small envelope", "asks you to release a container early",
	"suggests a lower tariff line", "invites you to dinner after the shift",
	"presents an invoice that looks too low",
	"asks you to skip the physical examination",
	"hands over a certificate of origin with a different stamp",
	"offers to pay the duties in cash at the desk",
	"asks which trucks will be inspected tomorrow",
	"mentions that the previous officer was more flexible",
	"offers two tickets to a football match",
	"asks you to sign for goods you have not seen",
};
static const char *const places[] = {
	"at the border post", "in the clearance hall", "at the port gate",
	"in the airport arrivals hall", "at the inland depot",
	"during a post-clearance audit", "at the transit office",
	"on the phone, late in the evening",
};
static const char *const advice[] = {
	"Refuse politely and record the offer in the gifts register the same day.",
	"Tell your line manager before the end of the shift.",
	"Apply the rule exactly as it is written and explain the decision in the file.",
	"Ask a second officer to check the declaration with you.",
	"Let the risk system select the consignment, not the trader.",
	"Write down the date, the time and the words that were used.",
	"Declare the conflict of interest and step aside from the case.",
	"Use the confidential reporting line if you cannot speak to your manager.",
	"Check the invoice against the valuation database before you decide.",
	"Keep every payment electronic, so no cash changes hands at the desk.",
};
static const char *const reasons[] = {
	"even a small gift can look like payment for a decision",
	"a record protects you and the service if anyone asks later",
	"honest traders lose when others are allowed to pay their way",
	"the next trader will expect the same favour",
	"lost duties pay for schools, roads and hospitals",
	"public trust in Customs is built one decision at a time",
	"discretion without accountability is where corruption grows",
	"a clear rule is easier to defend than a kind exception",
};
static const char *const topics[] = {
	"Gifts and hospitality", "Conflicts of interest", "Valuation fraud",
	"Classification and tariffs", "Rules of origin", "Transit and suspense regimes",
	"Reporting concerns", "Rotation and supervision", "Cash at the border",
	"Working with brokers", "Risk management", "Post-clearance audit",
};
static const char *const factors[] = {
	"Leadership and Commitment", "Regulatory Framework", "Transparency",
	"Automation", "Reform and Modernization", "Audit and Investigation",
	"Code of Conduct", "Human Resource Management", "Morale and Culture",
	"Relationship with the Private Sector",
};
static const char *const practices[] = {
	"Managers set a visible example", "Simpler laws and few exemptions",
	"Decisions can be appealed", "Electronic declaration and payment",
	"Procedures are reviewed and simplified", "Internal audit checks samples",
	"Every employee receives the code", "Rotation out of vulnerable posts",
	"Honest work is recognised", "Memoranda of understanding with traders",
};
static const char *const steps[] = {
	"Note what was offered and by whom", "Refuse the offer politely",
	"Tell your line manager", "Record it in the gifts register",
	"Continue the clearance by the book",
};

static unsigned long rng_state = 12345;

static unsigned
rnd(unsigned n)
{
	rng_state = rng_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng_state >> 33) % n);
}

#define PICK(a) (a[rnd(sizeof a / sizeof a[0])])
#define COUNT(a) (sizeof a / sizeof a[0])

/* ------------------------------------------------------------ output */
/* a double-quoted YAML scalar */
static void
yq(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void
key(FILE *f, int indent, const char *k, const char *v)
{
	fprintf(f, "%*s%s: ", indent, "", k);
	yq(f, v);
	fputc('\n', f);
}

static void
item(FILE *f, int indent, const char *v)
{
	fprintf(f, "%*s- ", indent, "");
	yq(f, v);
	fputc('\n', f);
}

/* one realistic sentence or short paragraph */
static void
sentence(char *buf, size_t n, int sentences)
{
	size_t len = 0;
	int i;

	buf[0] = 0;
	for (i = 0; i < sentences && len < n; i++) {
		const char *emph = rnd(4) == 0 ? "**" : rnd(5) == 0 ? "*" : "";
		len += snprintf(buf + len, n - len,
		                "%s%s %s %s%s%s, and %s%s. %s",
		                i ? " " : "", PICK(subjects), PICK(actions),
		                emph, PICK(places), emph,
		                rnd(2) ? "you should remember that " : "the rule is there because ",
		                PICK(reasons), PICK(advice));
	}
}

static void
header(FILE *f, const char *id, const char *title, int minutes)
{
	fprintf(f, "lectern: 1\n");
	key(f, 0, "id", id);
	key(f, 0, "title", title);
	key(f, 0, "language", "en");
	key(f, 0, "version", "1.0");
	key(f, 0, "author", "Lectern benchmark generator");
	fprintf(f, "minutes: %d\n", minutes);
	fprintf(f, "pass_mark: 80\n");
	key(f, 0, "description",
	    "A generated module for measuring Lectern: realistic Customs integrity "
	    "text and every kind of slide and question.");
	fprintf(f, "slides:\n");
}

/* the id, section and title lines every slide starts with */
static void
slide_start(FILE *f, int n, const char *title)
{
	char id[32], sec[128];

	snprintf(id, sizeof id, "s%05d", n);
	fprintf(f, "  - id: %s\n", id);
	if (n % 10 == 1) {
		snprintf(sec, sizeof sec, "Part %d: %s", n / 10 + 1,
		         topics[(n / 10) % COUNT(topics)]);
		key(f, 4, "section", sec);
	}
	key(f, 4, "title", title);
}

static void
feedback(FILE *f)
{
	fprintf(f, "    feedback:\n");
	key(f, 6, "correct", "Right. That is what the code of conduct asks of you.");
	key(f, 6, "incorrect", "Not quite. Look again at the advice on the previous slides.");
}

static void
choices_single(FILE *f, int multiple)
{
	unsigned i, right = rnd(4), base = rnd(COUNT(advice));

	fprintf(f, "    choices:\n");
	for (i = 0; i < 4; i++) { /* four different pieces of advice */
		fprintf(f, "      - text: ");
		yq(f, advice[(base + i) % COUNT(advice)]);
		fputc('\n', f);
		if (i == right || (multiple && i == (right + 2) % 4))
			fprintf(f, "        correct: true\n");
		key(f, 8, "feedback", PICK(reasons));
	}
}

/* writes slide n (1-based) of the kind picked for it (content slides only
 * when plain); returns slides used */
static int
slide(FILE *f, int n, int left, int plain)
{
	char text[2048], title[160];
	unsigned i, base = rnd(COUNT(advice));
	unsigned kind = plain ? rnd(7) : rnd(left >= 3 ? 14 : 13);

	snprintf(title, sizeof title, "%s %d", topics[rnd(COUNT(topics))], n);
	switch (kind) {
	case 0: case 1: case 2: /* paragraphs */
		slide_start(f, n, title);
		fprintf(f, "    body:\n");
		sentence(text, sizeof text, 3);
		item(f, 6, text);
		sentence(text, sizeof text, 2);
		item(f, 6, text);
		break;
	case 3: case 4: /* heading and bullets */
		slide_start(f, n, title);
		fprintf(f, "    body:\n");
		sentence(text, sizeof text, 1);
		item(f, 6, text);
		key(f, 6, "- heading", "What to do");
		fprintf(f, "      - bullets:\n");
		for (i = 0; i < 3 + base % 3; i++)
			item(f, 10, advice[(base + i) % COUNT(advice)]);
		break;
	case 5: /* numbered list and a tip */
		slide_start(f, n, title);
		fprintf(f, "    body:\n");
		fprintf(f, "      - numbered:\n");
		for (i = 0; i < COUNT(steps); i++)
			item(f, 10, steps[i]);
		key(f, 6, "- tip", PICK(advice));
		break;
	case 6: /* callouts and a quote */
		slide_start(f, n, title);
		fprintf(f, "    body:\n");
		sentence(text, sizeof text, 2);
		item(f, 6, text);
		key(f, 6, rnd(2) ? "- warning" : "- note", PICK(advice));
		fprintf(f, "      - quote: ");
		yq(f, "Integrity is doing the right thing when nobody is watching.");
		fputc('\n', f);
		key(f, 8, "source", "A Customs officer, at a training day");
		key(f, 4, "notes", "Ask the group for an example from their own post.");
		break;
	case 7: /* single choice */
		slide_start(f, n, title);
		sentence(text, sizeof text, 1);
		key(f, 4, "body", text);
		key(f, 4, "question", "What should you do first?");
		if (rnd(2))
			fprintf(f, "    shuffle: true\n");
		choices_single(f, 0);
		feedback(f);
		key(f, 4, "explanation", PICK(reasons));
		break;
	case 8: /* multiple choice */
		slide_start(f, n, title);
		key(f, 4, "question", "Which of these are good practice? Choose all that apply.");
		fprintf(f, "    type: multiple\n    attempts: 2\n");
		choices_single(f, 1);
		feedback(f);
		break;
	case 9: /* true-false */
		slide_start(f, n, title);
		snprintf(text, sizeof text, "True or false? %s %s, and you may accept it "
		         "if the papers are in order.", PICK(subjects), PICK(actions));
		key(f, 4, "question", text);
		fprintf(f, "    type: true-false\n    answer: false\n");
		feedback(f);
		key(f, 4, "explanation", PICK(reasons));
		break;
	case 10: /* order */
		slide_start(f, n, title);
		key(f, 4, "question", "Put the steps in the order you should take them.");
		fprintf(f, "    type: order\n    attempts: 2\n    items:\n");
		for (i = 0; i < COUNT(steps); i++)
			item(f, 6, steps[i]);
		feedback(f);
		break;
	case 11: /* match */
		slide_start(f, n, title);
		key(f, 4, "question", "Match each practice to the factor it belongs to.");
		fprintf(f, "    type: match\n    pairs:\n");
		for (i = 0; i < 4; i++) {
			unsigned k = (n + i * 3) % COUNT(factors);
			fprintf(f, "      - [");
			yq(f, practices[k]);
			fprintf(f, ", ");
			yq(f, factors[k]);
			fprintf(f, "]\n");
		}
		feedback(f);
		break;
	case 12: /* short answer */
		slide_start(f, n, title);
		key(f, 4, "question", "In the formula C = M + D - A, what does **A** stand for? Type one word.");
		fprintf(f, "    type: short\n    attempts: 2\n    points: 2\n");
		fprintf(f, "    accept: [\"accountability\", \"an accountability\"]\n");
		feedback(f);
		break;
	default: { /* decision with two consequences that rejoin */
		char a[32], b[32], rejoin[32];
		snprintf(a, sizeof a, "s%05d", n + 1);
		snprintf(b, sizeof b, "s%05d", n + 2);
		if (left > 3)
			snprintf(rejoin, sizeof rejoin, "s%05d", n + 3);
		else
			snprintf(rejoin, sizeof rejoin, "end");
		slide_start(f, n, title);
		sentence(text, sizeof text, 1);
		key(f, 4, "body", text);
		key(f, 4, "question", "What do you do?");
		fprintf(f, "    type: decision\n    choices:\n");
		fprintf(f, "      - text: \"Refuse, record it and tell your manager\"\n"
		        "        correct: true\n        goto: %s\n", a);
		fprintf(f, "      - text: \"Accept, just this once\"\n        goto: %s\n", b);
		slide_start(f, n + 1, "You refused");
		sentence(text, sizeof text, 1);
		key(f, 4, "body", text);
		fprintf(f, "    next: %s\n", rejoin);
		slide_start(f, n + 2, "You accepted");
		fprintf(f, "    body:\n");
		item(f, 6, "Two weeks later the same trader asks for a much bigger favour, "
		     "and reminds you of the tickets.");
		key(f, 6, "- warning", "A first favour is how most corruption cases begin.");
		fprintf(f, "    next: %s\n", rejoin);
		return 3;
	}
	}
	return 1;
}

static int
gen_slides(int count, const char *out, int plain)
{
	char id[64], title[128];
	FILE *f;
	int n = 1;

	if (!(f = fopen(out, "w"))) {
		fprintf(stderr, "gen-module: %s: %s\n", out, strerror(errno));
		return 1;
	}
	snprintf(id, sizeof id, "bench-%d-%s", count, plain ? "content" : "slides");
	snprintf(title, sizeof title, "Integrity at the border (%d slides)", count);
	header(f, id, title, count / 2 + 1);
	while (n <= count)
		n += slide(f, n, count - n + 1, plain);
	if (fclose(f) != 0) {
		fprintf(stderr, "gen-module: %s: %s\n", out, strerror(errno));
		return 1;
	}
	return 0;
}

/* ------------------------------------------------------------ images */
static int
write_image(const char *path, int n)
{
	enum { W = 1200, H = 800 };
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, W, H, 24, SDL_PIXELFORMAT_RGB24);
	SDL_Rect r;
	int y, i, rc;

	if (!s)
		return -1;
	for (y = 0; y < H; y += 8) { /* soft bands, a different hue per image */
		r.x = 0; r.y = y; r.w = W; r.h = 8;
		SDL_FillRect(s, &r, SDL_MapRGB(s->format, (Uint8)(40 + y * 180 / H),
		             (Uint8)(n * 37), (Uint8)(220 - y * 150 / H)));
	}
	for (i = 0; i < 6; i++) { /* a few blocks, placed by the image number */
		r.w = 120 + rnd(300); r.h = 80 + rnd(200);
		r.x = rnd(W - r.w); r.y = rnd(H - r.h);
		SDL_FillRect(s, &r, SDL_MapRGB(s->format, (Uint8)rnd(256),
		             (Uint8)rnd(256), (Uint8)rnd(256)));
	}
	rc = IMG_SavePNG(s, path);
	SDL_FreeSurface(s);
	return rc;
}

static int
gen_images(int count, const char *dir)
{
	char path[4096], id[64], title[128], img[64], text[2048];
	FILE *f;
	int n;

	snprintf(path, sizeof path, "%s/images", dir);
	if ((mkdir(dir, 0755) != 0 && errno != EEXIST) ||
	    (mkdir(path, 0755) != 0 && errno != EEXIST)) {
		fprintf(stderr, "gen-module: %s: %s\n", path, strerror(errno));
		return 1;
	}
	snprintf(path, sizeof path, "%s/module.yaml", dir);
	if (!(f = fopen(path, "w"))) {
		fprintf(stderr, "gen-module: %s: %s\n", path, strerror(errno));
		return 1;
	}
	snprintf(id, sizeof id, "bench-%d-images", count);
	snprintf(title, sizeof title, "Pictures from the border (%d images)", count);
	header(f, id, title, count / 2 + 1);
	for (n = 1; n <= count; n++) {
		snprintf(img, sizeof img, "images/img-%04d.png", n);
		snprintf(title, sizeof title, "%s, picture %d", topics[n % COUNT(topics)], n);
		slide_start(f, n, title);
		fprintf(f, "    body:\n");
		sentence(text, sizeof text, 1);
		item(f, 6, text);
		key(f, 6, "- image", img);
		snprintf(text, sizeof text, "Diagram %d: coloured bands with six "
		         "blocks standing for the steps of a clearance.", n);
		key(f, 8, "alt", text);
		key(f, 8, "caption", PICK(reasons));
		fprintf(f, "        width: 80\n");
		snprintf(path, sizeof path, "%s/%s", dir, img);
		if (write_image(path, n) != 0) {
			fprintf(stderr, "gen-module: %s: %s\n", path, SDL_GetError());
			fclose(f);
			return 1;
		}
	}
	if (fclose(f) != 0) {
		fprintf(stderr, "gen-module: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	int n;

	if (argc != 4 || (n = atoi(argv[2])) < 1 || n > 1000000) {
		fprintf(stderr, "usage: gen-module slides|content|images N OUT\n");
		return 2;
	}
	rng_state = 12345 + (unsigned long)n;
	if (!strcmp(argv[1], "slides"))
		return gen_slides(n, argv[3], 0);
	if (!strcmp(argv[1], "content"))
		return gen_slides(n, argv[3], 1);
	if (!strcmp(argv[1], "images"))
		return gen_images(n, argv[3]);
	fprintf(stderr, "usage: gen-module slides|content|images N OUT\n");
	return 2;
}
