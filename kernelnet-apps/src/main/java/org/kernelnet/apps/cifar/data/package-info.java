/**
 * CIFAR-10 as plain Java arrays.
 *
 * <p>Two readers produce the same {@link org.kernelnet.apps.cifar.data.CifarSet} (images {@code [N,
 * 3, 32, 32]} in {@code [0, 1]}, labels {@code [N]} in {@code 0..9}, class order of {@link
 * org.kernelnet.apps.cifar.data.Cifar10#CLASS_NAMES}): {@link
 * org.kernelnet.apps.cifar.data.CifarBinaryReader} for the official lossless binary batches and
 * {@link org.kernelnet.apps.cifar.data.CifarImageFolderReader} for {@code <root>/<split>/<class>/}
 * image folders. {@link org.kernelnet.apps.cifar.data.CifarData} finds the files in the data
 * directory; {@link org.kernelnet.apps.cifar.data.ChannelNormalization} is the per-channel input
 * normalisation of the pretrained ResNets (whose weights {@code
 * org.kernelnet.apps.cifar.resnet.PretrainedResNets} loads).
 */
package org.kernelnet.apps.cifar.data;
