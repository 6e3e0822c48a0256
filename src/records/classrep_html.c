/* classrep_html.c: the class report as one HTML page (see classrep.h).
 *
 * One file a trainer can email or carry on a USB stick: the styles are
 * inline, the charts are SVG written here, nothing is fetched and no
 * script runs. Every chart carries its numbers in text as well (a caption
 * or the table beside it) for screen readers and for paper. Printed, each
 * module starts a new A4 page and no question is cut across two pages.
 * Everything a person wrote (names, titles, questions, answers) is escaped. */
#include <math.h>
#include <string.h>

#include "base/i18n.h"
#include "base/util.h"
#include "classrep.h"

static const char css[] =
	"@page{size:A4;margin:14mm}"
	"body{font-family:'DejaVu Sans',Arial,sans-serif;color:#1a1a1a;background:#fff;"
	"margin:0 auto;max-width:60rem;padding:1.5rem;line-height:1.45}"
	"h1{font-size:1.8rem;margin:0 0 .3rem}h2{font-size:1.4rem;margin:2rem 0 .3rem;"
	"border-bottom:2px solid #1f4e79;padding-bottom:.2rem;color:#1f4e79}"
	"h3{font-size:1.1rem;margin:1.4rem 0 .4rem}h4{font-size:1rem;margin:0 0 .4rem}"
	".meta{color:#444;margin:.2rem 0}"
	"table{border-collapse:collapse;width:100%;margin:.4rem 0 1rem;font-size:.92rem}"
	"th,td{border:1px solid #8a8a8a;padding:.25rem .45rem;text-align:left;vertical-align:top}"
	"th{background:#e8eef5}td.n,th.n{text-align:right;white-space:nowrap}"
	"thead{display:table-header-group}tr{break-inside:avoid}"
	".kpi{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.6rem 0;padding:0}"
	".kpi div{min-width:8rem}.kpi dt{color:#444;font-size:.85rem}"
	".kpi dd{margin:0;font-size:1.25rem;font-weight:bold}"
	"figure{margin:.6rem 0 1rem;break-inside:avoid}figcaption{font-size:.88rem;color:#333}"
	".q{border:1px solid #b5b5b5;border-radius:4px;padding:.6rem .8rem;margin:.7rem 0;"
	"break-inside:avoid}"
	".flag{display:inline-block;border:1px solid #7a4b00;color:#5c3800;background:#fff4dc;"
	"border-radius:3px;padding:0 .3rem;margin:0 .2rem .1rem 0;font-size:.85rem}"
	".flag.neg{border-color:#8b0000;color:#8b0000;background:#fde8e8}"
	".right{font-weight:bold}.muted{color:#555}"
	"svg text{font-family:'DejaVu Sans',Arial,sans-serif}"
	"section.module{break-before:page}section.module:first-of-type{break-before:auto}"
	"@media print{body{padding:0;max-width:none}h2{margin-top:0}}";

/* ------------------------------------------------------------ text */

/* s with & < > " escaped; with markup, **bold** and *italic* (as in
 * modules) become strong and em */
static void
put_text(FILE *fp, const char *s, int markup)
{
	int bold = 0, ital = 0;

	for (; s && *s; s++) {
		if (markup && s[0] == '*' && s[1] == '*') {
			fputs(bold ? "</strong>" : "<strong>", fp);
			bold = !bold;
			s++;
			continue;
		}
		if (markup && s[0] == '*') {
			fputs(ital ? "</em>" : "<em>", fp);
			ital = !ital;
			continue;
		}
		switch (*s) {
		case '&': fputs("&amp;", fp); break;
		case '<': fputs("&lt;", fp); break;
		case '>': fputs("&gt;", fp); break;
		case '"': fputs("&quot;", fp); break;
		case '\n': fputs(markup ? "<br>" : " ", fp); break;
		default: fputc(*s, fp);
		}
	}
	if (ital)
		fputs("</em>", fp);
	if (bold)
		fputs("</strong>", fp);
}

static void
esc(FILE *fp, const char *s)
{
	put_text(fp, s, 0);
}

/* a fraction 0..1 as a percent with one decimal, or an en dash */
static const char *
pct1(double f, char *buf, size_t size)
{
	char d[24];

	if (isnan(f)) {
		snprintf(buf, size, "\xe2\x80\x93");
		return buf;
	}
	i18n_format_decimal(f * 100, 1, d, sizeof d);
	snprintf(buf, size, "%.20s\xc2\xa0%%", d);
	return buf;
}

static const char *
type_words(const crep_question *cq)
{
	if (!cq->q)
		return "";
	switch (cq->q->qtype) {
	case Q_SINGLE: return _("single choice");
	case Q_MULTIPLE: return _("multiple choice");
	case Q_TRUE_FALSE: return _("true or false");
	case Q_ORDER: return _("ordering");
	case Q_MATCH: return _("matching");
	case Q_SHORT: return _("short answer");
	case Q_DECISION: return _("decision");
	default: return "";
	}
}

static const char *
title_of(const crep_module *cm)
{
	return cm->m && cm->m->title ? cm->m->title : cm->id;
}

/* what a question is called: its prompt, or for a decision (whose prompt
 * is often the same "What do you do?") the scenario's slide title */
static void
question_title(FILE *fp, const crep_question *cq)
{
	const char *t = cq->q ? (cq->q->question ? cq->q->question : cq->q->title) : NULL;

	if (cq->q && cq->q->qtype == Q_DECISION && cq->q->title)
		t = cq->q->title;

	if (t)
		put_text(fp, t, 1);
	else
		esc(fp, cq->id);
}

static void
flags(FILE *fp, const crep_question *cq)
{
	int f = cq->flags;

	if (cq->q && !mod_is_graded(cq->q))
		fprintf(fp, "<span class=\"flag\">%s</span>", _("not scored"));
	if (f & CREP_EASY)
		fprintf(fp, "<span class=\"flag\">%s</span>", _("too easy"));
	if (f & CREP_HARD)
		fprintf(fp, "<span class=\"flag\">%s</span>", _("too hard"));
	if (f & CREP_NEGATIVE)
		fprintf(fp, "<span class=\"flag neg\">%s</span>", _("negative discrimination"));
}

/* ------------------------------------------------------------ charts */

/* the score histogram: one bar per STAT_BINS range, with its count above */
static void
histogram(FILE *fp, const crep_module *cm, int k)
{
	const int W = 560, H = 190, left = 36, bottom = 28, top = 18;
	int max = 1, b, bw = (W - left - 8) / STAT_BINS;
	char t[64];

	for (b = 0; b < STAT_BINS; b++)
		if (cm->hist[b] > max)
			max = cm->hist[b];
	fprintf(fp, "<figure><svg role=\"img\" aria-labelledby=\"h%d-t h%d-d\" "
	            "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\">"
	            "<title id=\"h%d-t\">%s</title><desc id=\"h%d-d\">",
	        k, k, W, H, W, H, k, _("Score distribution"), k);
	for (b = 0; b < STAT_BINS; b++)
		fprintf(fp, "%s%d\xe2\x80\x93%d %%: %d", b ? "; " : "", b * 10,
		        b == STAT_BINS - 1 ? 100 : b * 10 + 9, cm->hist[b]);
	fputs("</desc>", fp);
	fprintf(fp, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\"/>", left,
	        H - bottom, W - 4, H - bottom);
	for (b = 0; b < STAT_BINS; b++) {
		int h = (H - bottom - top) * cm->hist[b] / max, x = left + b * bw + 3;

		if (h > 0)
			fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
			            "fill=\"#1f4e79\"/>", x, H - bottom - h, bw - 6, h);
		fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">%d"
		            "</text>", x + (bw - 6) / 2, H - bottom - h - 4, cm->hist[b]);
		fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" "
		            "fill=\"#333\">%d</text>", x + (bw - 6) / 2, H - bottom + 14, b * 10);
	}
	fprintf(fp, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" "
	            "fill=\"#333\">%%</text>", W - 4, H - 4);
	fputs("</svg><figcaption>", fp);
	snprintf(t, sizeof t, "%d", cm->scored);
	fprintf(fp, ngettext("Latest score of the %s learner who finished, in steps of "
	                     "10 %%: ", "Latest score of each of the %s learners who finished, "
	                     "in steps of 10 %%: ", (unsigned long)cm->scored), t);
	for (b = 0; b < STAT_BINS; b++)
		fprintf(fp, "%s%d\xe2\x80\x93%d\xc2\xa0%%: %d", b ? ", " : "", b * 10,
		        b == STAT_BINS - 1 ? 100 : b * 10 + 9, cm->hist[b]);
	fputs(".</figcaption></figure>\n", fp);
}

/* a share as a small horizontal bar (its number is in the next cell) */
static void
share_bar(FILE *fp, double share, int right)
{
	int w = isnan(share) ? 0 : (int)lround(share * 160);

	fprintf(fp, "<svg width=\"164\" height=\"14\" viewBox=\"0 0 164 14\" aria-hidden=\"true\">"
	            "<rect x=\"0\" y=\"1\" width=\"162\" height=\"12\" fill=\"none\" "
	            "stroke=\"#8a8a8a\"/><rect x=\"1\" y=\"2\" width=\"%d\" height=\"10\" "
	            "fill=\"%s\"/></svg>", w, right ? "#1d6b2f" : "#6a6a6a");
}

/* ------------------------------------------------------------ sections */

static void
module_overview(FILE *fp, const crep_report *rep)
{
	char t[64];
	int i;

	fprintf(fp, "<table><thead><tr><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s"
	            "</th><th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
	            "<th class=\"n\">%s</th></tr></thead><tbody>\n",
	        _("Module"), _("Learners"), _("Finished"), _("Passed"), _("Failed"),
	        _("Median time"), _("Attempts"));
	for (i = 0; i < rep->nmods; i++) {
		const crep_module *cm = &rep->mods[i];

		fputs("<tr><td>", fp);
		esc(fp, title_of(cm));
		fprintf(fp, "</td><td class=\"n\">%d</td><td class=\"n\">%d</td><td class=\"n\">%d"
		            "</td><td class=\"n\">%d</td><td class=\"n\">%s</td><td class=\"n\">%d"
		            "</td></tr>\n",
		        cm->started, cm->finished, cm->passed, cm->failed,
		        isnan(cm->time_median) ? "\xe2\x80\x93"
		                               : rep_duration((long)cm->time_median, t, sizeof t),
		        cm->attempts);
	}
	fputs("</tbody></table>\n", fp);
}

static void
module_numbers(FILE *fp, const crep_module *cm)
{
	char a[64], b[64];

	fputs("<dl class=\"kpi\">", fp);
	fprintf(fp, "<div><dt>%s</dt><dd>%d</dd></div>", _("Learners who started"), cm->started);
	fprintf(fp, "<div><dt>%s</dt><dd>%d</dd></div>", _("Finished"), cm->finished);
	fprintf(fp, "<div><dt>%s</dt><dd>%d</dd></div>", _("Passed"), cm->passed);
	fprintf(fp, "<div><dt>%s</dt><dd>%d</dd></div>", _("Failed"), cm->failed);
	fprintf(fp, "<div><dt>%s</dt><dd>%s</dd></div>", _("Median time"),
	        isnan(cm->time_median) ? "\xe2\x80\x93"
	                               : rep_duration((long)cm->time_median, a, sizeof a));
	if (cm->started)
		fprintf(fp, "<div><dt>%s</dt><dd>%s \xe2\x80\x93 %s</dd></div>", _("Time range"),
		        rep_duration(cm->time_min, a, sizeof a), rep_duration(cm->time_max, b, sizeof b));
	fprintf(fp, "<div><dt>%s</dt><dd>%d</dd></div>", _("Attempts"), cm->attempts);
	if (cm->m)
		fprintf(fp, "<div><dt>%s</dt><dd>%d\xc2\xa0%%</dd></div>", _("Pass mark"),
		        cm->m->pass_mark);
	fputs("</dl>\n", fp);
}

static void
learner_table(FILE *fp, const crep_module *cm)
{
	char t[64];
	int i;

	fprintf(fp, "<h3>%s</h3>\n<table><thead><tr><th>%s</th><th>%s</th><th class=\"n\">%s"
	            "</th><th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
	            "<th>%s</th></tr></thead><tbody>\n",
	        _("Learners"), _("Learner"), _("Status"), _("Last score"), _("Best score"),
	        _("Attempts"), _("Time"), _("Last activity"));
	for (i = 0; i < cm->nlearners; i++) {
		const store_summary *s = &cm->learners[i];

		fputs("<tr><td>", fp);
		esc(fp, s->learner);
		fprintf(fp, "</td><td>%s</td><td class=\"n\">", rep_status_words(s->status));
		if (s->score >= 0)
			fprintf(fp, "%d\xc2\xa0%%", s->score);
		else
			fputs("\xe2\x80\x93", fp);
		fputs("</td><td class=\"n\">", fp);
		if (s->best_score >= 0)
			fprintf(fp, "%d\xc2\xa0%%", s->best_score);
		else
			fputs("\xe2\x80\x93", fp);
		fprintf(fp, "</td><td class=\"n\">%d</td><td class=\"n\">%s</td><td>", s->attempts,
		        rep_duration(s->time_spent_s, t, sizeof t));
		/* 2026-12-04T10:11:12.345Z -> 2026-12-04 10:11 UTC */
		if (strlen(s->updated_at) >= 16)
			fprintf(fp, "%.10s %.5s UTC", s->updated_at, s->updated_at + 11);
		fputs("</td></tr>\n", fp);
	}
	if (cm->nlearners == 0)
		fprintf(fp, "<tr><td colspan=\"7\">%s</td></tr>\n",
		        _("No learner has started this module."));
	fputs("</tbody></table>\n", fp);
}

static void
question_table(FILE *fp, const crep_module *cm)
{
	char f[32], d[32];
	int q;

	fprintf(fp, "<h3>%s</h3>\n<p class=\"muted\">%s</p>\n", _("Questions"),
	        _("Facility: the share of attempts that got the question right. "
	          "Discrimination: how well the question separates learners who did well "
	          "on the rest of the test from those who did not (the correlation of "
	          "the two, as Moodle computes it); below 0 the weaker learners did "
	          "better on it. Both count the last answer of each attempt."));
	fprintf(fp, "<table><thead><tr><th class=\"n\">#</th><th>%s</th><th>%s</th>"
	            "<th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
	            "<th>%s</th></tr></thead><tbody>\n",
	        _("Question"), _("Type"), _("Answers"), _("Facility"), _("Discrimination"),
	        _("Flags"));
	for (q = 0; q < cm->nq; q++) {
		const crep_question *cq = &cm->qs[q];

		fputs("<tr><td class=\"n\">", fp);
		if (cq->number)
			fprintf(fp, "%d", cq->number);
		fputs("</td><td>", fp);
		question_title(fp, cq);
		fprintf(fp, "</td><td>%s</td><td class=\"n\">%d</td><td class=\"n\">%s</td>"
		            "<td class=\"n\">%s</td><td>",
		        type_words(cq), cq->answers, pct1(cq->facility, f, sizeof f),
		        pct1(cq->discrimination, d, sizeof d));
		flags(fp, cq);
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}

/* each question with the share of every choice (or of the most frequent
 * responses), the right one marked in words, not by colour alone */
static void
question_details(FILE *fp, const crep_module *cm)
{
	char s[32];
	int q, k;

	for (q = 0; q < cm->nq; q++) {
		const crep_question *cq = &cm->qs[q];

		fputs("<div class=\"q\"><h4>", fp);
		if (cq->number)
			fprintf(fp, _("Question %d: "), cq->number);
		question_title(fp, cq);
		fputs("</h4>", fp);
		fprintf(fp, "<p class=\"meta\">%s \xc2\xb7 ", type_words(cq));
		fprintf(fp, ngettext("%d answer", "%d answers", cq->answers), cq->answers);
		if (!isnan(cq->facility))
			fprintf(fp, " \xc2\xb7 %s %s", _("facility"), pct1(cq->facility, s, sizeof s));
		if (!isnan(cq->discrimination))
			fprintf(fp, " \xc2\xb7 %s %s", _("discrimination"),
			        pct1(cq->discrimination, s, sizeof s));
		fputs(" ", fp);
		flags(fp, cq);
		fputs("</p>", fp);
		if (cq->nopt == 0 || cq->answers == 0) {
			fprintf(fp, "<p class=\"muted\">%s</p></div>\n", _("Nobody has answered it yet."));
			continue;
		}
		fprintf(fp, "<table><thead><tr><th>%s</th><th class=\"n\">%s</th><th "
		            "class=\"n\">%s</th><th><span class=\"muted\">%s</span></th></tr>"
		            "</thead><tbody>\n",
		        cq->q && cq->q->qtype != Q_ORDER && cq->q->qtype != Q_MATCH &&
		                cq->q->qtype != Q_SHORT ? _("Choice") : _("Most frequent answers"),
		        _("Chosen"), _("Share"), _("Share (chart)"));
		for (k = 0; k < cq->nopt; k++) {
			const crep_option *o = &cq->opt[k];
			double share = (double)o->count / cq->answers;

			fprintf(fp, "<tr><td%s>", o->correct ? " class=\"right\"" : "");
			put_text(fp, o->text, 1);
			if (o->correct)
				fprintf(fp, " (%s)", cq->q && cq->q->qtype == Q_DECISION
				                         ? _("the best choice") : _("correct"));
			fprintf(fp, "</td><td class=\"n\">%d</td><td class=\"n\">%s</td><td>", o->count,
			        pct1(share, s, sizeof s));
			share_bar(fp, share, o->correct);
			fputs("</td></tr>\n", fp);
		}
		fputs("</tbody></table></div>\n", fp);
	}
}

int
crep_write_html(FILE *fp, const crep_report *rep)
{
	const char *lang = i18n_language();
	int i;

	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">"
	            "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
	            "<title>%s</title><style>%s</style></head><body>\n",
	        lang && *lang ? lang : "en", _("Class report"), css);
	fprintf(fp, "<header><h1>%s</h1><p class=\"meta\">", _("Class report"));
	fprintf(fp, _("Made by Lectern on %.10s at %.5s UTC."), rep->generated,
	        rep->generated + 11);
	if (rep->module) {
		fputs(" ", fp);
		fprintf(fp, "%s ", _("Module:"));
		esc(fp, rep->module);
		fputs(".", fp);
	}
	if (rep->learner) {
		fputs(" ", fp);
		fprintf(fp, "%s ", _("Learner:"));
		esc(fp, rep->learner);
		fputs(".", fp);
	}
	if (rep->since) {
		fputs(" ", fp);
		fprintf(fp, "%s ", _("Activity since:"));
		esc(fp, rep->since);
		fputs(".", fp);
	}
	fputs("</p></header>\n<main>\n", fp);
	if (rep->nmods == 0) {
		fprintf(fp, "<p>%s</p>\n", _("No progress has been recorded yet."));
	} else {
		module_overview(fp, rep);
		for (i = 0; i < rep->nmods; i++) {
			const crep_module *cm = &rep->mods[i];

			fputs("<section class=\"module\"><h2>", fp);
			esc(fp, title_of(cm));
			fputs("</h2><p class=\"meta\">", fp);
			esc(fp, cm->id);
			if (cm->m && cm->m->version) {
				fputs(" \xc2\xb7 ", fp);
				fprintf(fp, "%s ", _("version"));
				esc(fp, cm->m->version);
			}
			if (!cm->m)
				fprintf(fp, " \xc2\xb7 %s", _("not installed here: questions are shown "
				                              "by id"));
			fputs("</p>\n", fp);
			module_numbers(fp, cm);
			histogram(fp, cm, i);
			learner_table(fp, cm);
			if (cm->nq) {
				question_table(fp, cm);
				question_details(fp, cm);
			}
			fputs("</section>\n", fp);
		}
	}
	fputs("</main>\n</body></html>\n", fp);
	return ferror(fp) ? -1 : 0;
}
