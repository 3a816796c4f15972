/**
 * The command line of the MNIST family: {@code kernelnet mnist} and its experiments ({@code
 * grid-prior}, {@code dimensionality}, {@code predict-params}, {@code benchmark}), each its options
 * and the {@code toConfig()} that builds the configuration record; the options every experiment
 * shares are the {@link org.kernelnet.apps.mnist.cli.RunOptions} mixin.
 */
package org.kernelnet.apps.mnist.cli;
