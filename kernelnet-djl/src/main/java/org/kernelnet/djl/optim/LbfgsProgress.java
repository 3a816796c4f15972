package org.kernelnet.djl.optim;

/**
 * The state after one accepted L-BFGS step {@code x_k = x_{k-1} + step d_{k-1}}.
 *
 * @param iteration {@code k}, counted from 1
 * @param value {@code f(x_k)}
 * @param gradientNorm the Euclidean norm {@code ||grad f(x_k)||_2}
 * @param step the accepted step length {@code alpha} along the direction {@code d_{k-1}}
 * @param evaluations the objective evaluations so far, the initial one included
 */
public record LbfgsProgress(
    int iteration, double value, double gradientNorm, double step, int evaluations) {}
