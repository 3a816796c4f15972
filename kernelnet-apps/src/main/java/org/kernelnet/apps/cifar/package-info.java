/**
 * The CIFAR-10 part of kernelnet: {@link org.kernelnet.apps.cifar.CifarCommand} ({@code kernelnet
 * cifar}) groups the CIFAR-10 applications, e.g. {@code kernelnet cifar probe} in {@link
 * org.kernelnet.apps.cifar.probe}; {@link org.kernelnet.apps.cifar.data} reads the images and {@link
 * org.kernelnet.apps.cifar.resnet} holds the pretrained ResNets.
 */
package org.kernelnet.apps.cifar;
