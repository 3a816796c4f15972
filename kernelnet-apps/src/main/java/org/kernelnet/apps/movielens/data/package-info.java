/**
 * The MovieLens data layer: the {@link org.kernelnet.apps.movielens.data.MovieLensDataset data
 * sets} (ML-100K, ML-1M, ML-10M, ML-20M) and where their files live, a fast all-or-nothing {@link
 * org.kernelnet.apps.movielens.data.RatingsReader reader} for their rating files, the immutable
 * {@link org.kernelnet.apps.movielens.data.Ratings ratings} as a sparse {@code [users, items]}
 * matrix in coordinate form, seeded {@link org.kernelnet.apps.movielens.data.RatingSplit train/test
 * splits}, and a {@link org.kernelnet.apps.movielens.data.SyntheticRatings generator} of synthetic
 * MovieLens-format files with long-tailed popularity and low-rank values.
 */
package org.kernelnet.apps.movielens.data;
