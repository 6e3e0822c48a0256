/* fill_progress.c: records a learner going through a real module with the
 * progress store, for the shell tests (xAPI validation, export, corruption).
 * Built by those tests against build/liblectern-core.a.
 *
 *   fill_progress DATA_DIR MODULE LEARNER MODE
 *
 * MODE: pass  every question answered right (decisions as marked right),
 *             finished, left;
 *       fail  every question answered wrong, finished, left;
 *       half  the first half of the path, questions wrong, then the process
 *             ends without closing the store (as a crash would: the -wal
 *             and -shm stay);
 *       resume  opened again, one more slide, left.
 * The path follows next: and decisions like the player does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format/diag.h"
#include "learn/grade.h"
#include "learn/session.h"
#include "format/loader.h"
#include "store/store.h"
#include "format/response.h"

/* a response that is wrong for q, in the grade.h format */
static void
wrong_response(const mod_slide *q, char *buf, size_t size)
{
	int i, n;

	switch (q->qtype) {
	case Q_SINGLE:
	case Q_DECISION:
		for (i = 0; i < q->nchoices && q->choices[i].correct; i++)
			;
		snprintf(buf, size, "%d", i < q->nchoices ? i : 0);
		break;
	case Q_MULTIPLE:
		for (i = 0; i < q->nchoices && q->choices[i].correct; i++)
			;
		snprintf(buf, size, "%d", i < q->nchoices ? i : 0);
		break;
	case Q_TRUE_FALSE:
		snprintf(buf, size, "%s", q->answer ? "false" : "true");
		break;
	case Q_ORDER: {
		int idx[64];

		for (n = q->nitems < 64 ? q->nitems : 64, i = 0; i < n; i++)
			idx[i] = n - 1 - i;
		resp_format_indices(idx, n, buf, size);
		break;
	}
	case Q_MATCH: {
		int l[64], r[64];

		for (n = q->npairs < 64 ? q->npairs : 64, i = 0; i < n; i++) {
			l[i] = i;
			r[i] = (i + 1) % n;
		}
		resp_format_pairs(l, r, n, buf, size);
		break;
	}
	default:
		snprintf(buf, size, "certainly not \"this\", \\ \xce\xb1");
		break;
	}
}

int
main(int argc, char **argv)
{
	diag_list dl = { 0 };
	mod_module *m;
	store *st;
	store_progress p;
	char resp[1024];
	const char *mode;
	long who;
	int i, steps = 0, right, c;

	if (argc != 5) {
		fprintf(stderr, "usage: fill_progress DATA_DIR MODULE LEARNER pass|fail|half|resume\n");
		return 2;
	}
	mode = argv[4];
	if (!(m = loader_load(argv[2], &dl))) {
		diag_print(&dl, stderr);
		return 1;
	}
	st = store_open(argv[1], NULL);
	if (store_warning(st))
		fprintf(stderr, "fill_progress: %s\n", store_warning(st));
	if ((who = store_learner(st, argv[3])) < 0 || store_begin(st, who, m, grade_judge, &p) != 0) {
		fprintf(stderr, "fill_progress: cannot start\n");
		return 1;
	}
	if (strcmp(mode, "resume") == 0) {
		i = mod_next_index(m, p.bookmark);
		if (store_visit(st, who, m, &p, i >= 0 ? i : p.bookmark) != 0)
			return 1;
		store_add_time(st, who, m, &p, 30);
		store_leave(st, who, m, &p);
		store_progress_free(&p);
		store_close(st);
		mod_free(m);
		return 0;
	}
	right = strcmp(mode, "pass") == 0;
	for (i = 0; i >= 0 && i < m->nslides; steps++) {
		const mod_slide *s = &m->slides[i];
		int next = mod_next_index(m, i);

		if (strcmp(mode, "half") == 0 && steps >= m->nslides / 2)
			_exit(0); /* no close: the -wal and -shm stay, as after a crash */
		if (store_visit(st, who, m, &p, i) != 0)
			return 1;
		if (s->qtype != Q_NONE) {
			if (right)
				resp_correct(s, resp, sizeof resp);
			else
				wrong_response(s, resp, sizeof resp);
			c = grade_judge(s, resp);
			if (c < 0) {
				fprintf(stderr, "fill_progress: %s: made a malformed response %s\n",
				        s->id, resp);
				return 1;
			}
			if (store_answer(st, who, m, &p, i, resp, c, c ? s->points : 0) != 0)
				return 1;
			if (s->qtype == Q_DECISION) {
				int k = atoi(resp);

				if (k < s->nchoices && s->choices[k].go_to)
					next = s->choices[k].go_to_index;
			}
		}
		store_add_time(st, who, m, &p, 7);
		i = next;
	}
	if (ses_record_finish(st, who, m, &p) != 0 || store_leave(st, who, m, &p) != 0)
		return 1;
	printf("%s %s %d%%\n", argv[3], store_status_name(p.status), p.score);
	store_progress_free(&p);
	store_close(st);
	mod_free(m);
	diag_free(&dl);
	return 0;
}
