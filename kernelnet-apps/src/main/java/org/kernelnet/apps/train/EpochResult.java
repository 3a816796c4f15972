package org.kernelnet.apps.train;

/**
 * One completed epoch.
 *
 * @param epoch 1-based
 * @param loss the epoch's training loss, as its {@link EpochLoss} defines it
 * @param steps optimiser steps taken
 * @param examples training examples seen
 * @param trainingSeconds the wall time of the epoch's steps, the evaluation excluded
 * @param seconds the wall time of the whole epoch, its evaluation included
 * @param evaluation what the {@link EpochEvaluation} measured after the epoch
 * @param <E> the type of the evaluation
 */
public record EpochResult<E>(int epoch, double loss, int steps, long examples,
    double trainingSeconds, double seconds, E evaluation) {}
