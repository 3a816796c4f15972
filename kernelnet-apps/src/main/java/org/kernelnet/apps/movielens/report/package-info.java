/**
 * What the MovieLens applications report: their results records ({@link
 * org.kernelnet.apps.movielens.report.MovieLensResults}, {@link
 * org.kernelnet.apps.movielens.report.MovieLensBenchmarkResults}) and the {@link
 * org.kernelnet.apps.report.Reporter}s the MovieLens module binds for them: the tables printed on
 * standard output ({@link org.kernelnet.apps.movielens.report.MovieLensTables}, {@link
 * org.kernelnet.apps.movielens.report.MovieLensBenchmarkTable}), then the files written into the
 * run folder ({@link org.kernelnet.apps.movielens.report.MovieLensFiles}, {@link
 * org.kernelnet.apps.movielens.report.MovieLensBenchmarkFile}).
 */
package org.kernelnet.apps.movielens.report;
