/**
 * MNIST as plain Java arrays: the IDX reader ({@link org.kernelnet.apps.mnist.data.IdxReader}), the
 * four official files and their checksums ({@link org.kernelnet.apps.mnist.data.MnistFile}), loading
 * from the data directory ({@link org.kernelnet.apps.mnist.data.MnistData}) and the in-memory set
 * with its seeded validation split and DJL {@code ArrayDataset} view ({@link
 * org.kernelnet.apps.mnist.data.MnistSet}); where the applications get the images ({@link
 * org.kernelnet.apps.mnist.data.MnistSource}) and one experiment's seeded split ({@link
 * org.kernelnet.apps.mnist.data.ExperimentData}).
 *
 * <p>Images are {@code float} pixels {@code x = byte / 255} in {@code [0, 1]}, flat {@code [N, 784]}
 * row-major; labels are bytes {@code 0..9}.
 */
package org.kernelnet.apps.mnist.data;
