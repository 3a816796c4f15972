package org.kernelnet.apps.cifar.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCacheTest {
  private static final FeatureCache.Key KEY =
      new FeatureCache.Key(32, 31, 1, "ab12", "jpeg-train", "cd34:3");

  private static final float[] VALUES = {1f, -2.5f, 3f, 4f, Float.MIN_VALUE, -0f};

  private final AtomicInteger computations = new AtomicInteger();

  private Supplier<FeatureCache.Features> computing(float[] values) {
    return () -> {
      computations.incrementAndGet();
      return FeatureCache.Features.ofFloats(values.clone(), 3, 2);
    };
  }

  @Test
  void withoutAFolderEveryLookupComputes() {
    FeatureCache cache = new FeatureCache(Optional.empty());

    FeatureCache.Lookup first = cache.get(KEY, computing(VALUES));
    FeatureCache.Lookup second = cache.get(KEY, computing(new float[6]));

    assertThat(first.outcome()).isEqualTo(FeatureCache.Outcome.COMPUTED);
    assertThat(first.features().toFloatArray()).containsExactly(VALUES);
    assertThat(second.outcome()).isEqualTo(FeatureCache.Outcome.COMPUTED);
    assertThat(second.features().toFloatArray()).containsExactly(new float[6]);
    assertThat(computations).hasValue(2);
    assertThat(cache.file(KEY)).isEmpty();
  }

  @Test
  void halfPrecisionFeaturesAreStoredAtTwoBytesAndReadBitForBit(@TempDir Path dir) throws IOException {
    short[] bits = {HalfFloat.fromFloat(1f), HalfFloat.fromFloat(-2.5f), HalfFloat.fromFloat(65504f),
        HalfFloat.fromFloat(0.1f), (short) 0x0001, (short) 0x8000};
    new FeatureCache(Optional.of(dir)).get(KEY, () -> FeatureCache.Features.ofHalves(bits.clone(), 2, 3));
    long floatFile = Files.size(dir.resolve(KEY.fileName()));

    FeatureCache.Lookup reread = new FeatureCache(Optional.of(dir)).get(KEY, computing(VALUES));

    assertThat(reread.outcome()).isEqualTo(FeatureCache.Outcome.DISK);
    assertThat(reread.features().precisionBits()).isEqualTo(16);
    assertThat(reread.features().rows()).isEqualTo(2);
    assertThat(reread.features().row(0)).containsExactly(1f, -2.5f, 65504f);
    assertThat(reread.features().row(1))
        .containsExactly(HalfFloat.toFloat(bits[3]), (float) Math.pow(2, -24), -0f);
    assertThat(reread.features().get(1, 0)).isEqualTo(0.0999755859375f);
    // The same key written as floats takes 6 x 2 bytes more.
    Path other = dir.resolve("floats");
    new FeatureCache(Optional.of(other)).get(KEY, computing(VALUES));
    assertThat(Files.size(other.resolve(KEY.fileName())) - floatFile).isEqualTo(12);
  }

  @Test
  void aNewRunReadsTheFileBitForBit(@TempDir Path dir) {
    new FeatureCache(Optional.of(dir)).get(KEY, computing(VALUES));

    FeatureCache.Lookup reread = new FeatureCache(Optional.of(dir)).get(KEY, computing(new float[6]));

    assertThat(reread.outcome()).isEqualTo(FeatureCache.Outcome.DISK);
    assertThat(reread.features().rows()).isEqualTo(3);
    assertThat(reread.features().width()).isEqualTo(2);
    assertThat(reread.features().toFloatArray()).containsExactly(VALUES);
    assertThat(reread.features().row(1)).containsExactly(3f, 4f);
    assertThat(computations).hasValue(1);
  }

  @Test
  void anotherDepthCutPoolingOrDataIsAMiss(@TempDir Path dir) {
    new FeatureCache(Optional.of(dir)).get(KEY, computing(VALUES));
    FeatureCache cache = new FeatureCache(Optional.of(dir));

    FeatureCache.Key[] others = {
        new FeatureCache.Key(20, 31, 1, "ab12", "jpeg-train", "cd34:3"),
        new FeatureCache.Key(32, 21, 1, "ab12", "jpeg-train", "cd34:3"),
        new FeatureCache.Key(32, 31, 2, "ab12", "jpeg-train", "cd34:3"),
        new FeatureCache.Key(32, 31, 1, "ffff", "jpeg-train", "cd34:3"),
        new FeatureCache.Key(32, 31, 1, "ab12", "jpeg-train", "cd34:4")};
    for (FeatureCache.Key other : others) {
      assertThat(cache.get(other, computing(VALUES)).outcome()).as(other.text())
          .isEqualTo(FeatureCache.Outcome.COMPUTED);
      assertThat(other.fileName()).isNotEqualTo(KEY.fileName());
    }
    assertThat(computations).hasValue(1 + others.length);
    assertThat(KEY.fileName()).startsWith("resnet32-L31-p1-jpeg-train-").endsWith(".features");
  }

  @Test
  void aFileWrittenForAnotherKeyIsInvalidatedAndReplaced(@TempDir Path dir) throws IOException {
    FeatureCache.Key other = new FeatureCache.Key(32, 21, 1, "ab12", "jpeg-train", "cd34:3");
    new FeatureCache(Optional.of(dir)).get(other, computing(new float[] {9, 9, 9, 9, 9, 9}));
    // Put the other key's file under this key's name: the header no longer matches.
    Files.move(dir.resolve(other.fileName()), dir.resolve(KEY.fileName()));

    FeatureCache.Lookup lookup = new FeatureCache(Optional.of(dir)).get(KEY, computing(VALUES));
    FeatureCache.Lookup again = new FeatureCache(Optional.of(dir)).get(KEY, computing(new float[6]));

    assertThat(lookup.outcome()).isEqualTo(FeatureCache.Outcome.COMPUTED);
    assertThat(lookup.features().toFloatArray()).containsExactly(VALUES);
    assertThat(again.outcome()).isEqualTo(FeatureCache.Outcome.DISK);
    assertThat(again.features().toFloatArray()).containsExactly(VALUES);
  }

  @Test
  void aTruncatedFileIsAMiss(@TempDir Path dir) throws IOException {
    new FeatureCache(Optional.of(dir)).get(KEY, computing(VALUES));
    Path file = dir.resolve(KEY.fileName());
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 3));

    assertThat(FeatureCache.read(file, KEY)).isEmpty();
    assertThat(new FeatureCache(Optional.of(dir)).get(KEY, computing(VALUES)).outcome())
        .isEqualTo(FeatureCache.Outcome.COMPUTED);
    assertThat(FeatureCache.read(file, KEY)).isPresent();
  }
}
