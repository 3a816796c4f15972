/**
 * {@code kernelnet cifar probe} (section 3.4 of Mueller et al. 2018: Table 2 and Figure 7), following
 * the application pattern of {@link org.kernelnet.apps.inject}: {@link
 * org.kernelnet.apps.cifar.probe.ProbeCommand} (options), {@link
 * org.kernelnet.apps.cifar.probe.ProbeConfig} (the configuration record), {@link
 * org.kernelnet.apps.cifar.probe.CifarModule} (the CIFAR family's Guice module) and {@code
 * ProbeApp} (the work).
 *
 * <p>A pretrained CIFAR-10 ResNet is cut after {@code L} layers and frozen; its features {@code [N,
 * D]} (the last feature map, average-pooled to 8 x 8 cells by default) are computed once per image
 * and once per other view of the training images ({@code TrainingView}: mirror images, random
 * crops) by {@code TrunkExtractor}, stored as binary16 ({@code HalfFloat}) and cached on disk
 * ({@code FeatureCache}); a head {@code FC-500 -> K900 (2-D RBF kernelNet layer, 30 x 30 fixed grid)
 * -> Eq. 9 -> Linear 10} ({@code KernelHead}) is trained on them with cross-entropy and Adam by the
 * family's {@code HeadTrainer} ({@code AdamHeadTrainer}); the results ({@code ProbeResults}) go to
 * the family's reporters: the test accuracies into a Table-2-style table ({@code Table2}, printed
 * by {@code ProbeTable}) and, with the test images drawn at their Eq. 10 centre of mass on the grid
 * ({@code EmbeddingMap}), into the run folder ({@code ProbeFiles}).
 */
package org.kernelnet.apps.cifar.probe;
