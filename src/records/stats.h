/* stats.h: the numbers of the class report, as plain functions of plain
 * arrays, so a test can hold each against its formula. Undefined values
 * (no data, no spread) are NAN, never a made-up 0. */
#ifndef LT_STATS_H
#define LT_STATS_H

enum { STAT_BINS = 10 }; /* score histogram: 0-9, 10-19, ..., 90-100 % */

/* arithmetic mean of x[0..n). */
double stat_mean(const double *x, int n);
/* median of x[0..n) (x is sorted in place). */
double stat_median(double *x, int n);
/* Pearson's correlation of x and y; NAN when n < 2 or either does not
 * vary. */
double stat_correlation(const double *x, const double *y, int n);
/* Moodle's discrimination index, as a fraction: the correlation of the
 * question's score with the score on the rest of the test (total - item),
 * over the attempts that answered it. */
double stat_discrimination(const double *item, const double *total, int n);
/* count the percents (0..100) into bins[STAT_BINS]; 100 goes to the last
 * bin, anything outside 0..100 nowhere. */
void stat_histogram(const int *percent, int n, int bins[STAT_BINS]);

#endif
