package org.kernelnet.apps.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each application's result files, real ones, give the table and headline worked out by hand. */
class ResultsViewsTest {
  private final ResultsViews views = new ResultsViews();
  @TempDir Path folder;

  private String table(String... names) {
    List<ResultFile> files = Fixtures.read(folder, names);
    return views.forCommand(files.get(0).command()).orElseThrow().table(files).markdown();
  }

  private String headline(String... names) {
    List<ResultFile> files = Fixtures.read(folder, names);
    return views.forCommand(files.get(0).command()).orElseThrow().headline(files);
  }

  @Test
  void movieLensRowsShowEverySplitAndTheSettingsThatDiffer() {
    // ML-100K: 5 splits, mean 0.89318 s.e. 0.00205, 53.7 s of training, 55.2 s wall; ML-10M
    // size: one split, the standard error NaN (written as the word NaN), so the RMSE alone.
    assertThat(table("movielens-ml-100k.json", "movielens-ml-10m-size.json")).isEqualTo("""
        | run | settings | data set | model | parameters | MACs | iterations | test RMSE by split \
        | mean ± s.e. | MAE | NDCG@10 | training | s per evaluation | wall | peak memory |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        | [movielens-ml-100k](movielens-ml-100k.json) | models.0.lambda2=30.0, evalEvery=50, \
        splits=5, testFraction=0.2 | ML-100K | Sparse FC (2) | 1,214,373 | 726,500 | 150 \
        | 0.8867 / 0.8988 / 0.8920 / 0.8922 / 0.8961 | 0.8932 ± 0.0020 | – | – | 54 s \
        | 0.06–0.07 s | 55 s | 0.79 GiB |
        | [movielens-ml-10m-size](movielens-ml-10m-size.json) | models.0.lambda2=60.0, \
        evalEvery=10, splits=1, testFraction=0.1 | ML-10M | Sparse FC (2) | 70,907,658 \
        | 35,193,000 | 20 | 1.0416 | 1.0416 | – | – \
        | 111 s | 4.61 s | 2.3 min | 14.56 GiB |
        """);
    assertThat(headline("movielens-ml-100k.json")).isEqualTo("0.8932 ± 0.0020");
  }

  @Test
  void movieLensRowsShowTheHeldOutMaeAndNdcgOfFilesThatRecordThem() {
    // ML-100K fold u1: heldOut.mae.mean 0.70615, heldOut.ndcg.mean 0.79718 in the file
    assertThat(table("movielens-u1.json").lines().skip(2).findFirst().orElseThrow())
        .contains("| 0.9005 | 0.9005 | 0.7061 | 0.7972 |");
  }

  @Test
  void movieLensBenchmarkShowsADashForWhatAnOlderFileDidNotTime() {
    assertThat(table("movielens-benchmark-before.json", "movielens-benchmark-now.json"))
        .isEqualTo("""
            | run | data set | evaluation | dense evaluation | prediction | L-BFGS iteration \
            | peak memory | matmul |
            | --- | --- | --- | --- | --- | --- | --- | --- |
            | [movielens-benchmark-before](movielens-benchmark-before.json) | ML-1M | 1.005 s \
            | 2.585 s | – | – | 3.49 GiB | 165.5 GFLOP/s |
            | [movielens-benchmark-now](movielens-benchmark-now.json) | ML-1M | 0.237 s \
            | 0.991 s | 0.136 s | 0.275 s | 2.95 GiB | 167.6 GFLOP/s |
            """);
    assertThat(headline("movielens-benchmark-now.json")).isEqualTo("0.237 s per evaluation");
  }

  @Test
  void gridPriorRunsThatDifferOnlyInTheSeedAreOneRowPerVariant() {
    // grid: 90.09 and 90.26 %, mean 90.175, s.e. 0.085 (0.08 in float); random: 88.78 and 89.67 %.
    assertThat(table("grid-prior-seed42.json", "grid-prior-seed43.json")).isEqualTo("""
        | run | locations | seeds | test accuracy | mean ± s.e. | validation | mean | paper \
        | parameters | MACs |
        | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
        | [grid-prior-seed42](grid-prior-seed42.json), [grid-prior-seed43](grid-prior-seed43.json) \
        | grid | 42 / 43 | 90.09 / 90.26 % | 90.18 ± 0.08 % | 89.70 / 89.75 % | 89.73 % | 99.03 % \
        | 66,698 | 1,378,611 |
        | [grid-prior-seed42](grid-prior-seed42.json), [grid-prior-seed43](grid-prior-seed43.json) \
        | random | 42 / 43 | 88.78 / 89.67 % | 89.23 ± 0.45 % | 88.20 / 88.90 % | 88.55 % \
        | 98.89 % | 116,874 | 1,473,020 |
        """);
    assertThat(headline("grid-prior-seed42.json", "grid-prior-seed43.json"))
        .isEqualTo("90.18 ± 0.08 %");
  }

  @Test
  void dimensionalityIsAKernelByDimensionGridOfValidationAccuracies() {
    assertThat(table("dimensionality.json")).isEqualTo("""
        | run | kernel | d = 1 | d = 2 | d = 10 |
        | --- | --- | --- | --- | --- |
        | [dimensionality](dimensionality.json) | dot | 16.28 ± 2.27 % | 35.35 ± 5.05 % \
        | 85.13 ± 0.67 % |
        | [dimensionality](dimensionality.json) | poly:degree=2 | 17.38 ± 0.92 % \
        | 29.85 ± 1.10 % | 68.58 ± 0.82 % |
        | [dimensionality](dimensionality.json) | rbf:gamma=4 | 42.35 ± 2.15 % | 61.63 ± 3.88 % \
        | 82.73 ± 1.23 % |
        """);
    assertThat(headline("dimensionality.json"))
        .isEqualTo("d = 1: rbf:gamma=4 42.35 %; d = 10: dot 85.13 %");
  }

  @Test
  void predictParamsHasARowPerPredictedFraction() {
    assertThat(table("predict-params.json")).isEqualTo("""
        | run | predicted | test accuracy | validation | parameters | training |
        | --- | --- | --- | --- | --- | --- |
        | [predict-params](predict-params.json) | 0 % | 91.75 % | 90.90 % | 648,010 | 1 s |
        | [predict-params](predict-params.json) | 90 % | 86.74 % | 86.40 % | 70,010 | 0 s |
        """);
    assertThat(headline("predict-params.json")).isEqualTo("91.75 / 86.74 %");
  }

  @Test
  void embedShowsTheMapsNeighbourAccuracyTrainedAndUntrained() {
    assertThat(table("embed.json")).isEqualTo("""
        | run | objective | test accuracy | test loss | k-NN map accuracy, trained | untrained \
        | parameters | training |
        | --- | --- | --- | --- | --- | --- | --- | --- |
        | [embed](embed.json) | classifier | 90.00 % | 0.334 | 80.85 % | 17.70 % | 504,730 | 5 s |
        """);
    assertThat(headline("embed.json")).isEqualTo("80.85 %");
  }

  @Test
  void probeHasAColumnPerTestSet() {
    assertThat(table("probe.json")).isEqualTo("""
        | run | network | layers kept | added layers \
        | test accuracy, JPEG copy test set, first 100 per class (1,000) \
        | test accuracy, lossless first 1,000 official test images | paper (official test set) |
        | --- | --- | --- | --- | --- | --- | --- |
        | [probe](probe.json) | ResNet-32 | 32 | 0 | 84.00 % | 92.80 % | 92.30 % |
        | [probe](probe.json) | ResNet-32 + kernel head | 31 | 3 | 82.70 % | 90.00 % | 92.60 % |
        """);
    assertThat(headline("probe.json")).isEqualTo("82.70 %");
  }

  @Test
  void mnistBenchmarkReadsFilesOfOneFormAndOfSeveral() {
    assertThat(table("mnist-benchmark-one-form.json", "mnist-benchmark.json")).isEqualTo("""
        | run | form | examples/s | GFLOP/s | matmul GFLOP/s | % of matmul |
        | --- | --- | --- | --- | --- | --- |
        | [mnist-benchmark-one-form](mnist-benchmark-one-form.json) \
        | 32 x KernelLayer(rbf:gamma=0.5, d=2, h=100, grid locations) -> concat -> relu \
        -> Linear(10), batch 256 | 1,525 | 15.6 \
        | 168.6 | 9.25 % |
        | [mnist-benchmark](mnist-benchmark.json) | kernel | 8,088 | 82.7 | 170.2 | 48.61 % |
        | [mnist-benchmark](mnist-benchmark.json) | masked | 6,095 | 62.3 | 170.2 | 36.64 % |
        """);
    assertThat(headline("mnist-benchmark.json")).isEqualTo("48.61 % of matmul");
  }

  @Test
  void everyApplicationThatWritesResultsHasAView() {
    assertThat(views.commands()).containsExactlyInAnyOrder("movielens", "movielens benchmark",
        "mnist grid-prior", "mnist dimensionality", "mnist predict-params", "mnist benchmark",
        "embed mnist", "cifar probe");
  }
}
