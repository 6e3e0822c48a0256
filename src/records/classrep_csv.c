/* classrep_csv.c: the class report's tables as CSV (see classrep.h), for
 * spreadsheets and other programs: the numbers of the HTML page, as plain
 * numbers (a share is 0.75, never "75 %"), one table per file. Column names
 * are an interface and never translated; text fields go through
 * rep_csv_field (quoted, formulas defused). An undefined statistic (no
 * answers, no spread) is an empty field. */
#include <math.h>
#include <string.h>

#include "classrep.h"

static void
num(FILE *fp, double v)
{
	if (!isnan(v))
		fprintf(fp, "%.4f", v);
}

static void
modules(FILE *fp, const crep_report *rep)
{
	int i;

	fputs("module_id,title,learners_started,finished,passed,failed,"
	      "median_time_s,min_time_s,max_time_s,attempts,graded_attempts", fp);
	for (i = 0; i < STAT_BINS; i++)
		fprintf(fp, ",scores_%d_%d", i * 10, i == STAT_BINS - 1 ? 100 : i * 10 + 9);
	fputs("\r\n", fp);
	for (i = 0; i < rep->nmods; i++) {
		const crep_module *cm = &rep->mods[i];
		int b;

		rep_csv_field(fp, cm->id);
		fputc(',', fp);
		rep_csv_field(fp, cm->m && cm->m->title ? cm->m->title : "");
		fprintf(fp, ",%d,%d,%d,%d,", cm->started, cm->finished, cm->passed, cm->failed);
		if (!isnan(cm->time_median))
			fprintf(fp, "%.0f", cm->time_median);
		if (cm->started)
			fprintf(fp, ",%ld,%ld", cm->time_min, cm->time_max);
		else
			fputs(",,", fp);
		fprintf(fp, ",%d,%d", cm->attempts, cm->graded_attempts);
		for (b = 0; b < STAT_BINS; b++)
			fprintf(fp, ",%d", cm->hist[b]);
		fputs("\r\n", fp);
	}
}

static void
learners(FILE *fp, const crep_report *rep)
{
	int i, k;

	fputs("module_id,learner,status,last_score_percent,best_score_percent,attempts,"
	      "time_spent_s,last_activity\r\n", fp);
	for (i = 0; i < rep->nmods; i++)
		for (k = 0; k < rep->mods[i].nlearners; k++) {
			const store_summary *s = &rep->mods[i].learners[k];

			rep_csv_field(fp, rep->mods[i].id);
			fputc(',', fp);
			rep_csv_field(fp, s->learner);
			fprintf(fp, ",%s,", store_status_name(s->status));
			if (s->score >= 0)
				fprintf(fp, "%d", s->score);
			fputc(',', fp);
			if (s->best_score >= 0)
				fprintf(fp, "%d", s->best_score);
			fprintf(fp, ",%d,%ld,%s\r\n", s->attempts, s->time_spent_s, s->updated_at);
		}
}

static void
questions(FILE *fp, const crep_report *rep)
{
	int i, q;

	fputs("module_id,question_id,number,type,answers,facility,discrimination,"
	      "too_easy,too_hard,negative_discrimination\r\n", fp);
	for (i = 0; i < rep->nmods; i++)
		for (q = 0; q < rep->mods[i].nq; q++) {
			const crep_question *cq = &rep->mods[i].qs[q];

			rep_csv_field(fp, rep->mods[i].id);
			fputc(',', fp);
			rep_csv_field(fp, cq->id);
			fputc(',', fp);
			if (cq->number)
				fprintf(fp, "%d", cq->number);
			fprintf(fp, ",%s,%d,", cq->q ? mod_qtype_name(cq->q->qtype) : "",
			        cq->answers);
			num(fp, cq->facility);
			fputc(',', fp);
			num(fp, cq->discrimination);
			fprintf(fp, ",%d,%d,%d\r\n", !!(cq->flags & CREP_EASY),
			        !!(cq->flags & CREP_HARD), !!(cq->flags & CREP_NEGATIVE));
		}
}

static void
options(FILE *fp, const crep_report *rep)
{
	int i, q, k;

	fputs("module_id,question_id,option,text,correct,chosen,share\r\n", fp);
	for (i = 0; i < rep->nmods; i++)
		for (q = 0; q < rep->mods[i].nq; q++) {
			const crep_question *cq = &rep->mods[i].qs[q];

			for (k = 0; k < cq->nopt; k++) {
				rep_csv_field(fp, rep->mods[i].id);
				fputc(',', fp);
				rep_csv_field(fp, cq->id);
				fprintf(fp, ",%d,", k + 1);
				rep_csv_field(fp, cq->opt[k].text);
				fprintf(fp, ",%d,%d,", cq->opt[k].correct, cq->opt[k].count);
				num(fp, cq->answers ? (double)cq->opt[k].count / cq->answers : NAN);
				fputs("\r\n", fp);
			}
		}
}

int
crep_write_csv(FILE *fp, const crep_report *rep, const char *which)
{
	if (strcmp(which, "modules") == 0)
		modules(fp, rep);
	else if (strcmp(which, "learners") == 0)
		learners(fp, rep);
	else if (strcmp(which, "questions") == 0)
		questions(fp, rep);
	else if (strcmp(which, "options") == 0)
		options(fp, rep);
	else
		return -1;
	return ferror(fp) ? -1 : 0;
}
