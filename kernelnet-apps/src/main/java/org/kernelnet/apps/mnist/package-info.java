/**
 * {@code kernelnet mnist}: the MNIST experiments, each a picocli command, a validated configuration
 * record and an application, wired by the family's {@link org.kernelnet.apps.mnist.MnistModule}
 * (see {@link org.kernelnet.apps.inject}).
 *
 * <ul>
 *   <li>{@code grid-prior} (Table 1 of Mueller et al. 2018): parallel 2-D Gaussian-RBF kernelNet
 *       layers over the pixels, pixel locations fixed on the grid versus random and trained;
 *   <li>{@code dimensionality} (Figure 3): {@code 784 -> KernelLayer(kernel, d, H) -> relu ->
 *       Linear(10)} for the dot, polynomial and RBF kernels as d grows;
 *   <li>{@code predict-params} (Denil et al. 2013): a 784-500-500-10 MLP with most hidden weights
 *       predicted by kernel ridge regression over unit coordinates;
 *   <li>{@code benchmark}: training examples/second and GFLOP/s next to the machine's matmul rate.
 * </ul>
 *
 * <p>Every experiment carves a seeded validation split from the training set, uses the official
 * test set only for the final number, logs progress, and writes JSON (with provenance), CSV and PNG
 * results; {@code --quick} runs a small slice in about a minute.
 *
 * <p>This package holds the applications with their configuration and results records and the
 * family's module; the commands are in {@code cli}, the networks in {@code model}, their training
 * in {@code train}, what is computed from the runs in {@code analysis}, the images in {@code
 * data}, the reporters that print and write the results in {@code report}.
 */
package org.kernelnet.apps.mnist;
