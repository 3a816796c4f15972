/**
 * The CIFAR-10 ResNets of He et al. 2016 (section 4.2: 6n+2 layers, option-A shortcuts) as DJL blocks,
 * the pretrained weights of {@code akamaster/pytorch_resnet_cifar10} loaded from NumPy {@code .npz}
 * files, and the truncated frozen trunk used as a feature extractor.
 *
 * <p>Input images are {@code [N, 3, 32, 32]} (NCHW, RGB); {@link
 * org.kernelnet.apps.cifar.data.ChannelNormalization#IMAGENET} maps {@code [0, 1]} pixels to the network's
 * input scale; {@link org.kernelnet.apps.cifar.resnet.CifarResNet} is the network (full, giving
 * {@code [N, 10]} logits, or cut after {@code L} layers, giving pooled {@code [N, C]} features);
 * {@link org.kernelnet.apps.cifar.resnet.PretrainedResNets} fills it from a file; {@link
 * org.kernelnet.apps.cifar.resnet.ResNetFeatureExtractor} runs it in batches without gradients.
 */
package org.kernelnet.apps.cifar.resnet;
