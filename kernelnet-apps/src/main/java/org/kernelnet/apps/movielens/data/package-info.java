/**
 * The ratings data layer: the {@link org.kernelnet.apps.movielens.data.MovieLensDataset MovieLens
 * data sets} (ML-100K, ML-1M, ML-10M, ML-20M) and where their files live; a fast all-or-nothing
 * {@link org.kernelnet.apps.movielens.data.RatingsReader reader} of any delimited ratings file,
 * laid out as its {@link org.kernelnet.apps.movielens.data.RatingsFormat format} says (delimiter,
 * header row, columns, rating scale; each given or detected), MovieLens' files being formats of
 * their own; the immutable {@link org.kernelnet.apps.movielens.data.Ratings ratings} as a sparse
 * {@code [users, items]} matrix in coordinate form, whose ids of any text are mapped to dense
 * indices ({@link org.kernelnet.apps.movielens.data.IdMapping}); seeded {@link
 * org.kernelnet.apps.movielens.data.RatingSplit train/test splits}; and a {@link
 * org.kernelnet.apps.movielens.data.SyntheticRatings generator} of synthetic MovieLens-format files
 * with long-tailed popularity and low-rank values.
 */
package org.kernelnet.apps.movielens.data;
