/**
 * The command line of the MovieLens family: {@code kernelnet movielens} (with its subcommands
 * {@code benchmark} and {@code generate}) and {@code kernelnet recommend}, each its options and the
 * {@code toConfig()} that builds the configuration record; the options the training and the
 * benchmark share are the {@link org.kernelnet.apps.movielens.cli.AutoencoderOptions} mixin.
 */
package org.kernelnet.apps.movielens.cli;
