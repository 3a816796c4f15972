package org.kernelnet.apps.mnist;

import jakarta.inject.Singleton;
import java.time.Duration;
import org.kernelnet.apps.inject.FamilyModule;
import org.kernelnet.apps.mnist.data.DataDirectoryMnist;
import org.kernelnet.apps.mnist.data.MnistSource;
import org.kernelnet.apps.mnist.report.BenchmarkFiles;
import org.kernelnet.apps.mnist.report.BenchmarkTable;
import org.kernelnet.apps.mnist.report.DimensionalityFiles;
import org.kernelnet.apps.mnist.report.DimensionalityTable;
import org.kernelnet.apps.mnist.report.GridPriorFiles;
import org.kernelnet.apps.mnist.report.GridPriorTable;
import org.kernelnet.apps.mnist.report.PredictParamsFiles;
import org.kernelnet.apps.mnist.report.PredictParamsTable;
import org.kernelnet.apps.mnist.train.AdamClassifierTrainer;
import org.kernelnet.apps.mnist.train.ClassifierTrainer;

/**
 * The module of the MNIST family ({@code mnist grid-prior}, {@code dimensionality}, {@code
 * predict-params}, {@code benchmark}): the collaborators its applications share, each of which a
 * test or an extension may replace ({@code Modules.override}):
 *
 * <ul>
 *   <li>{@link MnistSource}: the images, from the data directory; a missing file is downloaded
 *       and its published checksums verified;
 *   <li>{@link ClassifierTrainer}: trains and measures the classifiers ({@link
 *       AdamClassifierTrainer}); each application passes its run's settings with every call;
 *   <li>the reporters of each application's results ({@link GridPriorResults}, {@link
 *       DimensionalityResults}, {@link PredictParamsResults}, {@link BenchmarkResults}): first
 *       the table printed on standard output, then the files written into the run folder (JSON
 *       with provenance, CSV, PNG) and the line naming them (see {@code mnist.report}); another
 *       module adds its own with {@code Multibinder.newSetBinder(binder,
 *       FamilyModule.reporterType(...))};
 *   <li>the progress log ({@link FamilyModule}): throttled lines at most every 10 s.
 * </ul>
 *
 * The registry, terminal and device come from {@link org.kernelnet.apps.inject.CoreModule}, the run
 * folder's {@code ResultsWriter} from {@link org.kernelnet.apps.inject.ApplicationRunner}.
 */
public final class MnistModule extends FamilyModule {
  /** Progress lines at most every 10 s. */
  public MnistModule() {
    super(Duration.ofSeconds(10));
  }

  @Override
  protected void bindCollaborators() {
    bind(MnistSource.class).to(DataDirectoryMnist.class).in(Singleton.class);
    bind(ClassifierTrainer.class).to(AdamClassifierTrainer.class).in(Singleton.class);
    reporters(GridPriorResults.class).addBinding().to(GridPriorTable.class);
    reporters(GridPriorResults.class).addBinding().to(GridPriorFiles.class);
    reporters(DimensionalityResults.class).addBinding().to(DimensionalityTable.class);
    reporters(DimensionalityResults.class).addBinding().to(DimensionalityFiles.class);
    reporters(PredictParamsResults.class).addBinding().to(PredictParamsTable.class);
    reporters(PredictParamsResults.class).addBinding().to(PredictParamsFiles.class);
    reporters(BenchmarkResults.class).addBinding().to(BenchmarkTable.class);
    reporters(BenchmarkResults.class).addBinding().to(BenchmarkFiles.class);
  }
}
