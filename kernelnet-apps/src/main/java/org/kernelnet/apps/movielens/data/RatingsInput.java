package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSerializationContext;
import com.google.gson.JsonSerializer;
import com.google.gson.annotations.JsonAdapter;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The ratings a run reads: one of the {@link MovieLensDataset MovieLens data sets} or of the
 * {@link MontiDataset Monti et al. data sets} from the data directory, or a ratings file of one's
 * own in a {@link RatingsFormat}. A {@link RatingsSource} reads any ({@link
 * RatingsSource#ratings(RatingsInput)}).
 *
 * <p>In result files and run settings a data set is written as its name ({@code "ML_1M"}, {@code
 * "DOUBAN"}), as before files of one's own could be read, and a file as {@code {"file": ...,
 * "delimiter": ..., "header": ..., "columns": ..., "scale": ...}} (and {@code "testFile"} if one
 * is given).
 */
@JsonAdapter(RatingsInput.Json.class)
public sealed interface RatingsInput {
  /** How tables and logs name it: the data set's label, e.g. {@code ML-1M}, or the file's name. */
  String label();

  /**
   * The fraction of ratings held out for testing unless {@code --test-fraction} is given: the data
   * set's ({@link MovieLensDataset#defaultTestFraction()}), {@value OwnFile#TEST_FRACTION} for a
   * Monti et al. data set (when split at random) and a file of one's own.
   */
  double defaultTestFraction();

  /** Whether this is the MovieLens data set {@code dataset}. */
  default boolean is(MovieLensDataset dataset) {
    return this instanceof MovieLens m && m.dataset() == dataset;
  }

  /** Whether the data come with a train/test split of their own ({@link PublishedSplit}). */
  default boolean hasPublishedSplit() {
    return this instanceof Monti || this instanceof OwnFile own && own.testFile() != null;
  }

  /** The data set's enum name ({@code ML_1M}, {@code DOUBAN}); empty for a file of one's own. */
  default Optional<String> dataSetName() {
    if (this instanceof MovieLens m) {
      return Optional.of(m.dataset().name());
    }
    return this instanceof Monti m ? Optional.of(m.dataset().name()) : Optional.empty();
  }

  /**
   * The data set whose enum name is {@code name} ({@link #dataSetName()}).
   *
   * @throws IllegalArgumentException if no data set has that name
   */
  static RatingsInput dataSet(String name) {
    requireNonNull(name, "name is null");
    for (MovieLensDataset d : MovieLensDataset.values()) {
      if (d.name().equals(name)) {
        return new MovieLens(d);
      }
    }
    for (MontiDataset d : MontiDataset.values()) {
      if (d.name().equals(name)) {
        return new Monti(d);
      }
    }
    throw new IllegalArgumentException("no data set is named " + name);
  }

  /**
   * A MovieLens data set.
   *
   * @param dataset the data set
   */
  record MovieLens(MovieLensDataset dataset) implements RatingsInput {
    /** Validates the record. */
    public MovieLens {
      requireNonNull(dataset, "dataset is null");
    }

    @Override
    public String label() {
      return dataset.label();
    }

    @Override
    public double defaultTestFraction() {
      return dataset.defaultTestFraction();
    }
  }

  /**
   * A Monti et al. data set with its published split.
   *
   * @param dataset the data set
   */
  record Monti(MontiDataset dataset) implements RatingsInput {
    /** Validates the record. */
    public Monti {
      requireNonNull(dataset, "dataset is null");
    }

    @Override
    public String label() {
      return dataset.label();
    }

    @Override
    public double defaultTestFraction() {
      return OwnFile.TEST_FRACTION; // the share of each data set's test mask
    }
  }

  /**
   * A ratings file of one's own, and optionally its test file ({@link GivenTestFile}).
   *
   * @param file the file, made absolute
   * @param format its layout; what it leaves open is detected when the file is read
   * @param testFile the test file, made absolute, read with the training file's layout and scale;
   *     null if the ratings are split by a protocol
   */
  record OwnFile(Path file, RatingsFormat format, Path testFile) implements RatingsInput {
    /** The test fraction of a file of one's own, as of the larger MovieLens data sets. */
    public static final double TEST_FRACTION = 0.1;

    /** Validates the record and makes the paths absolute. */
    public OwnFile {
      file = requireNonNull(file, "file is null").toAbsolutePath().normalize();
      requireNonNull(format, "format is null");
      testFile = testFile == null ? null : testFile.toAbsolutePath().normalize();
    }

    /** A file without a test file. */
    public OwnFile(Path file, RatingsFormat format) {
      this(file, format, null);
    }

    @Override
    public String label() {
      return String.valueOf(file.getFileName());
    }

    @Override
    public double defaultTestFraction() {
      return TEST_FRACTION;
    }
  }

  /** Writes a data set as its enum name, a file as its path and format settings. */
  final class Json implements JsonSerializer<RatingsInput> {
    @Override
    public JsonElement serialize(RatingsInput input, Type type, JsonSerializationContext context) {
      if (input.dataSetName().isPresent()) {
        return new JsonPrimitive(input.dataSetName().get());
      }
      OwnFile own = (OwnFile) input;
      RatingsFormat.Settings settings = own.format().settings();
      JsonObject json = new JsonObject();
      json.addProperty("file", own.file().toString());
      json.addProperty("delimiter", settings.delimiter());
      json.addProperty("header", settings.header());
      json.addProperty("columns", settings.columns());
      json.addProperty("scale", settings.scale());
      if (own.testFile() != null) {
        json.addProperty("testFile", own.testFile().toString());
      }
      return json;
    }
  }
}
