/**
 * The reporters of the MNIST experiments' results, bound in {@code MnistModule} in this order for
 * each results record: a table printed on standard output ({@code GridPriorTable}, {@code
 * DimensionalityTable}, {@code PredictParamsTable}, {@code BenchmarkTable}), then the files
 * written into the run folder, JSON with provenance, CSV and PNG, followed by the line naming
 * them ({@code GridPriorFiles}, {@code DimensionalityFiles}, {@code PredictParamsFiles}, {@code
 * BenchmarkFiles}).
 */
package org.kernelnet.apps.mnist.report;
