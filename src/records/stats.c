/* stats.c: see stats.h. Sums are kept in double; the correlation uses the
 * two-pass form (means first, then centred products), which stays exact
 * enough for a class of any size without the cancellation of the one-pass
 * formula. */
#include "stats.h"

#include <math.h>
#include <stdlib.h>

double
stat_mean(const double *x, int n)
{
	double s = 0;
	int i;

	if (n <= 0)
		return NAN;
	for (i = 0; i < n; i++)
		s += x[i];
	return s / n;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double
stat_median(double *x, int n)
{
	if (n <= 0)
		return NAN;
	qsort(x, (size_t)n, sizeof *x, cmp_double);
	return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

double
stat_correlation(const double *x, const double *y, int n)
{
	double mx, my, sxy = 0, sxx = 0, syy = 0;
	int i;

	if (n < 2)
		return NAN;
	mx = stat_mean(x, n);
	my = stat_mean(y, n);
	for (i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (y[i] - my);
		sxx += (x[i] - mx) * (x[i] - mx);
		syy += (y[i] - my) * (y[i] - my);
	}
	/* a question everyone got right (or wrong), or a rest that does not
	 * vary, says nothing about who knows more */
	if (sxx <= 0 || syy <= 0)
		return NAN;
	return sxy / sqrt(sxx * syy);
}

double
stat_discrimination(const double *item, const double *total, int n)
{
	double *rest, r;
	int i;

	if (n < 2)
		return NAN;
	rest = malloc((size_t)n * sizeof *rest);
	if (!rest)
		return NAN;
	for (i = 0; i < n; i++)
		rest[i] = total[i] - item[i];
	r = stat_correlation(item, rest, n);
	free(rest);
	return r;
}

void
stat_histogram(const int *percent, int n, int bins[STAT_BINS])
{
	int i, b;

	for (b = 0; b < STAT_BINS; b++)
		bins[b] = 0;
	for (i = 0; i < n; i++) {
		if (percent[i] < 0 || percent[i] > 100)
			continue;
		b = percent[i] / (100 / STAT_BINS);
		bins[b < STAT_BINS ? b : STAT_BINS - 1]++;
	}
}
