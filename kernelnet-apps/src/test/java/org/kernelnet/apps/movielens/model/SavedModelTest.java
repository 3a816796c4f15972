package org.kernelnet.apps.movielens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.movielens.data.MovieLensDataset;
import org.kernelnet.apps.movielens.data.RatingsFormat;
import org.kernelnet.apps.movielens.data.RatingsInput;
import org.kernelnet.apps.report.ComponentOrigin;
import org.kernelnet.apps.report.DataFile;
import org.kernelnet.apps.report.Provenance;

/**
 * The saved MovieLens model format ({@link SavedModel}, format version 3, and the versions 1 and 2
 * it still reads), pinned by golden files; the write/read round trip; corrupted and malformed
 * files; non-finite parameters; the atomic write.
 *
 * <p>Each {@link Golden} case is a file in {@code src/test/resources/org/kernelnet/apps/movielens/}
 * holding {@link #goldenNet} (7 users, 1 hidden layer of 3 units, fixed parameter values) with
 * {@link Golden#header()} (a data set's model for Sparse FC, a model of a file of one's own with
 * text ids for I-AutoRec), written by {@link SavedModel#write}. The expected predictions on {@link
 * #RATINGS} are literals computed when the files were written. The version-1 and version-2 files
 * were written by the kernelnet of that format, with {@link #legacyHeader}, and are kept as they
 * are. Regenerate the current files only when the
 * format changes on purpose (bump {@link SavedModel#FORMAT_VERSION}, keep the old files for the
 * reading of old versions), then paste the printed predictions into {@link Golden}:
 *
 * <pre>
 * mvn -o -q -B -pl kernelnet-apps -am test -Dtest=SavedModelTest#writeGoldenFiles \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dkernelnet.golden.write=true
 * </pre>
 */
class SavedModelTest {
  private static final String RESOURCES = "src/test/resources/org/kernelnet/apps/movielens/model";
  private static final int USERS = 7;
  /** The network input {@code [2, USERS]}: two items' ratings, 0 where unrated. */
  private static final float[][] RATINGS = {{5, 0, 3, 0, 0, 1, 4}, {0, 2, 0, 0, 5, 0, 0}};
  private static final String SHA =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  /** The golden files (current, version 2 and 1) and the predictions their networks make. */
  enum Golden {
    SPARSE_FC(
        "sparse-fc-1", false,
        new AutoencoderSpec(ModelKind.SPARSE_FC, 1, 3, "hat-sq", 2, 0.5, 0.25),
        new float[] {
          0.415421247f, -0.606129289f, -0.781790257f, -0.127738535f,
          -0.568469763f, -0.346368790f, -0.436249673f, 0.419701099f,
          -0.610748768f, -0.786693096f, -0.188153982f, -0.612735868f,
          -0.366978735f, -0.472835243f}),
    AUTOREC(
        "autorec-1", true,
        new AutoencoderSpec(ModelKind.AUTOREC, 1, 3, null, 0, 0.5, 0),
        new float[] {
          -0.0172071606f, 0.230609298f, -0.382302374f, 0.528479874f,
          -0.157865047f, -0.515520155f, 0.631194592f, -0.333986521f,
          0.529602528f, 0.169502735f, 0.471673906f, 0.451124012f,
          -1.01204658f, 0.296662956f});

    final String file;
    final String version2File;
    final String version1File;
    final boolean ownFile;
    final AutoencoderSpec spec;
    final float[] predictions;

    Golden(String name, boolean ownFile, AutoencoderSpec spec, float[] predictions) {
      this.file = name + "-v" + SavedModel.FORMAT_VERSION + ".knml";
      this.version2File = name + "-v2.knml";
      this.version1File = name + "-v1.knml";
      this.ownFile = ownFile;
      this.spec = spec;
      this.predictions = predictions;
    }

    /** The header of the current golden file. */
    SavedModel.Header header() {
      return ownFile ? ownFileHeader(spec) : goldenHeader(spec);
    }
  }

  private static KernelnetRegistry registry;

  @TempDir Path dir;

  @BeforeAll
  static void registry() {
    registry = KernelnetRegistry.load(SavedModelTest.class.getClassLoader());
  }

  /** The header of a data set's model: every field a fixed literal, integer ids. */
  static SavedModel.Header goldenHeader(AutoencoderSpec spec) {
    SavedModel.Header legacy = legacyHeader(spec);
    return new SavedModel.Header(spec, "ML_100K", USERS, 2, SHA, legacy.split(), 0.875,
        withKernelOrigin(legacy.provenance()), "/data/ml-100k/u.data",
        MovieLensDataset.ML_100K.format().settings(),
        List.of("1", "2", "3", "4", "5", "6", "7"), List.of("1", "2"));
  }

  /** The header of a model of a file of one's own: text ids, a detected format. */
  static SavedModel.Header ownFileHeader(AutoencoderSpec spec) {
    SavedModel.Header legacy = legacyHeader(spec);
    return new SavedModel.Header(spec, null, USERS, 2, SHA, legacy.split(), 0.875,
        withKernelOrigin(legacy.provenance()), "/data/my ratings.csv",
        new RatingsFormat.Settings("comma", "present", "user,film,stars", "0.5:5:0.5"),
        List.of("alice", "bob", "carol", "dave", "eve", "frank", "Zoë"),
        List.of("Brazil", "Heat (1995)"));
  }

  /** {@code p} recording where the kernel came from, as version-3 files written since do. */
  private static Provenance withKernelOrigin(Provenance p) {
    return new Provenance(p.kernelnet(), p.pluginApi(), p.djl(), p.engine(), p.java(), p.os(),
        p.device(), p.command(), p.configuration(), p.seeds(), p.data(), p.startedAt(),
        List.of(new ComponentOrigin("kernel", "hat-sq", "kernelnet-builtin",
            "org.kernelnet.kernels.BuiltinPlugin", "/lib/kernelnet-kernels-0.1.0-SNAPSHOT.jar",
            "0.1.0-SNAPSHOT", SHA)));
  }

  /** The header of the golden files of versions 1 and 2, which record no ids. */
  static SavedModel.Header legacyHeader(AutoencoderSpec spec) {
    Map<String, String> split = new LinkedHashMap<>();
    split.put("source", "/data/ml-100k/u.data");
    split.put("sourceSha256", SHA);
    split.put("splitSeed", "7");
    split.put("testFraction", "0.1");
    split.put("trainRatings", "11");
    split.put("testRatings", "2");
    Provenance provenance = new Provenance("0.1.0-SNAPSHOT", "1.0", "0.35.1", "PyTorch 2.7.1",
        "17.0.12+7", "Linux amd64", "cpu()", "movielens",
        Map.of("dataset", "ML_100K", "optimizer", "lbfgs"), Map.of("split", 7L, "init", 42L),
        List.of(new DataFile("ratings", "/data/ml-100k/u.data", SHA)), "2025-01-02T03:04:05Z",
        List.of());
    return new SavedModel.Header(spec, "ML_100K", USERS, 2, SHA, split, 0.875, provenance, null,
        null, null, null);
  }

  /**
   * A network of {@code spec} whose parameters, in {@link ai.djl.nn.Block#getParameters()} order,
   * are drawn from {@code k / 16}, {@code k} in {@code -10..10}, with {@code new Random(2018)}:
   * exact in float32 and independent of the engine's random generator.
   */
  static ItemAutoencoder goldenNet(AutoencoderSpec spec) {
    ItemAutoencoder net = ItemAutoencoder.create(spec, USERS, registry, Device.cpu());
    Random random = new Random(2018);
    List<float[]> values = parameterValues(net);
    for (float[] v : values) {
      for (int i = 0; i < v.length; i++) {
        v[i] = (random.nextInt(21) - 10) / 16f;
      }
    }
    int k = 0;
    for (Pair<String, Parameter> p : net.block().getParameters()) {
      p.getValue().getArray().set(values.get(k++));
    }
    return net;
  }

  private static List<float[]> parameterValues(RatingModel net) {
    List<float[]> values = new ArrayList<>();
    for (Block block : net.blocks()) {
      for (Pair<String, Parameter> p : block.getParameters()) {
        values.add(p.getValue().getArray().toFloatArray());
      }
    }
    return values;
  }

  private static float[] predict(RatingModel net) {
    NDManager manager = net.model().getNDManager();
    try (NDArray ratings = manager.create(RATINGS)) {
      return net.predict(ratings);
    }
  }

  private static byte[] golden(Golden golden) throws IOException {
    return resource(golden.file);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = SavedModelTest.class.getResourceAsStream(name)) {
      assertThat(in).as("resource %s", name).isNotNull();
      return in.readAllBytes();
    }
  }

  /** Reads {@code file}, failing the test on any warning. */
  private static SavedModel.Loaded read(Path file) throws Exception {
    return SavedModel.read(file, registry, Device.cpu(), warning -> {
      throw new AssertionError("unexpected warning: " + warning);
    });
  }

  @Test
  @EnabledIfSystemProperty(named = "kernelnet.golden.write", matches = "true")
  void writeGoldenFiles() throws IOException {
    for (Golden golden : Golden.values()) {
      try (ItemAutoencoder net = goldenNet(golden.spec)) {
        SavedModel.write(Paths.get(RESOURCES, golden.file), golden.header(), net);
        StringBuilder literal = new StringBuilder(golden.name() + " predictions:");
        for (float value : predict(net)) {
          literal.append(String.format(Locale.ROOT, " %.9gf,", value));
        }
        System.out.println(literal);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Golden.class)
  void goldenFileLoadsWithItsHeaderParametersAndPredictions(Golden golden) throws Exception {
    Path file = Files.write(dir.resolve(golden.file), golden(golden));

    try (SavedModel.Loaded loaded = read(file)) {
      assertIsGolden(loaded, golden, golden.header());
    }
  }

  @ParameterizedTest
  @EnumSource(Golden.class)
  void version2FileLoadsTheSameWithoutIds(Golden golden) throws Exception {
    Path file = Files.write(dir.resolve(golden.version2File), resource(golden.version2File));

    try (SavedModel.Loaded loaded = read(file)) {
      assertIsGolden(loaded, golden, legacyHeader(golden.spec));
      assertThat(loaded.header().userIds()).isNull();
      assertThat(loaded.header().trainedOn(null))
          .isEqualTo(new RatingsInput.MovieLens(MovieLensDataset.ML_100K));
    }
  }

  @ParameterizedTest
  @EnumSource(Golden.class)
  void version1FileLoadsTheSameWithAWarningThatItHasNoChecksum(Golden golden) throws Exception {
    Path file = Files.write(dir.resolve(golden.version1File), resource(golden.version1File));
    List<String> warnings = new ArrayList<>();

    try (SavedModel.Loaded loaded =
        SavedModel.read(file, registry, Device.cpu(), warnings::add)) {
      assertIsGolden(loaded, golden, legacyHeader(golden.spec));
    }
    assertThat(warnings).singleElement().asString()
        .startsWith(file + " is a version-1 model file without a checksum")
        .contains("corruption cannot be detected");
  }

  private static void assertIsGolden(SavedModel.Loaded loaded, Golden golden,
      SavedModel.Header expected) {
    SavedModel.Header header = loaded.header();
    assertThat(header.spec()).isEqualTo(golden.spec);
    assertThat(header.dataset()).isEqualTo(expected.dataset());
    assertThat(header.users()).isEqualTo(7);
    assertThat(header.items()).isEqualTo(2);
    assertThat(header.ratingsSha256()).isEqualTo(SHA);
    assertThat(header.split()).containsOnly(
        Map.entry("source", "/data/ml-100k/u.data"), Map.entry("sourceSha256", SHA),
        Map.entry("splitSeed", "7"), Map.entry("testFraction", "0.1"),
        Map.entry("trainRatings", "11"), Map.entry("testRatings", "2"));
    assertThat(header.testRmse()).isEqualTo(0.875);
    Provenance provenance = header.provenance();
    assertThat(provenance.kernelnet()).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(provenance.pluginApi()).isEqualTo("1.0");
    assertThat(provenance.djl()).isEqualTo("0.35.1");
    assertThat(provenance.engine()).isEqualTo("PyTorch 2.7.1");
    assertThat(provenance.java()).isEqualTo("17.0.12+7");
    assertThat(provenance.os()).isEqualTo("Linux amd64");
    assertThat(provenance.device()).isEqualTo("cpu()");
    assertThat(provenance.command()).isEqualTo("movielens");
    assertThat(provenance.configuration())
        .isEqualTo(Map.of("dataset", "ML_100K", "optimizer", "lbfgs"));
    assertThat(provenance.seeds()).isEqualTo(Map.of("split", 7L, "init", 42L));
    assertThat(provenance.data())
        .containsExactly(new DataFile("ratings", "/data/ml-100k/u.data", SHA));
    assertThat(provenance.startedAt()).isEqualTo("2025-01-02T03:04:05Z");
    assertThat(header).isEqualTo(expected);

    assertThat(loaded.net().spec()).isEqualTo(golden.spec);
    assertThat(loaded.net().users()).isEqualTo(7);
    try (ItemAutoencoder net = goldenNet(golden.spec)) {
      assertSameParameters(loaded.net(), net);
    }
    float[] predictions = predict(loaded.net());
    assertThat(predictions).hasSize(2 * USERS);
    for (int j = 0; j < predictions.length; j++) {
      assertThat((double) predictions[j]).as("prediction %d", j)
          .isCloseTo(golden.predictions[j], within(1e-6));
    }
  }

  private static void assertSameParameters(RatingModel actual, RatingModel expected) {
    List<float[]> want = parameterValues(expected);
    List<float[]> got = parameterValues(actual);
    assertThat(got).hasSameSizeAs(want);
    for (int k = 0; k < want.size(); k++) {
      assertThat(got.get(k)).as("parameter %d", k).containsExactly(want.get(k));
    }
  }

  @ParameterizedTest
  @EnumSource(Golden.class)
  void writingTheGoldenNetReproducesTheGoldenFile(Golden golden) throws Exception {
    Path file = dir.resolve("again.knml");
    try (ItemAutoencoder net = goldenNet(golden.spec)) {
      SavedModel.write(file, golden.header(), net);
    }
    Parts written = Parts.of(Files.readAllBytes(file));
    Parts expected = Parts.of(golden(golden));

    assertThat(written.prefix).containsExactly(expected.prefix);
    // the header's maps may be serialised in another order: compare the JSON trees
    assertThat(JsonParser.parseString(written.json))
        .isEqualTo(JsonParser.parseString(expected.json));
    assertThat(written.parameters).containsExactly(expected.parameters);
    assertThat(written.checksum).containsExactly(sha256(written.withoutChecksum()));
  }

  /**
   * Every kind, GLocal-K with its global kernel (its weight and dot scale) after the autoencoder's
   * parameters.
   */
  @ParameterizedTest
  @EnumSource(ModelKind.class)
  void roundTripGivesIdenticalParametersAndPredictions(ModelKind kind) throws Exception {
    Engine.getInstance().setRandomSeed(11);
    AutoencoderSpec spec = new AutoencoderSpec(kind, 2, 4, kind.defaultKernel().orElse(null),
        kind.usesKernel() ? 3 : 0, 0.1, kind.usesKernel() ? 0.2 : 0);
    Path file = dir.resolve("models").resolve(kind.id() + ".knml");
    float[] before;
    ItemAutoencoder local = ItemAutoencoder.create(spec, USERS, registry, Device.cpu());
    try (RatingModel net = kind == ModelKind.GLOCAL_K
        ? GlocalK.create(local, RATINGS.length, 0.5) : local) {
      before = predict(net);
      SavedModel.write(file, goldenHeader(spec), net);
      try (SavedModel.Loaded loaded = read(file)) {
        assertThat(loaded.header()).isEqualTo(goldenHeader(spec));
        assertThat(loaded.net().getClass()).isEqualTo(net.getClass());
        assertSameParameters(loaded.net(), net);
        assertThat(predict(loaded.net())).containsExactly(before);
      }
    }
    try (Stream<Path> files = Files.list(dir.resolve("models"))) {
      assertThat(files).containsExactly(file);
    }
  }

  /**
   * A model file's bytes cut into magic and version, header JSON, parameters and the trailing
   * checksum (empty for version 1).
   */
  private record Parts(byte[] prefix, String json, byte[] parameters, byte[] checksum) {
    static Parts of(byte[] file) {
      ByteBuffer buffer = ByteBuffer.wrap(file);
      int version = buffer.getInt(4);
      int length = buffer.getInt(8);
      int end = version == 1 ? file.length : file.length - 32;
      return new Parts(Arrays.copyOf(file, 8),
          new String(file, 12, length, StandardCharsets.UTF_8),
          Arrays.copyOfRange(file, 12 + length, end), Arrays.copyOfRange(file, end, file.length));
    }

    byte[] withoutChecksum() {
      return withJson(json);
    }

    /** The file with {@code replacement} as its header and a checksum that matches. */
    byte[] sealedWithJson(String replacement) {
      return sealed(withJson(replacement));
    }

    /** The file with {@code replacement} as its parameters and a checksum that matches. */
    byte[] sealedWithParameters(byte[] replacement) {
      return sealed(new Parts(prefix, json, replacement, checksum).withoutChecksum());
    }

    private byte[] withJson(String replacement) {
      byte[] bytes = replacement.getBytes(StandardCharsets.UTF_8);
      return ByteBuffer.allocate(12 + bytes.length + parameters.length)
          .put(prefix).putInt(bytes.length).put(bytes).put(parameters).array();
    }
  }

  /** {@code content} followed by its SHA-256, as version 2 seals a file. */
  private static byte[] sealed(byte[] content) {
    return ByteBuffer.allocate(content.length + 32).put(content).put(sha256(content)).array();
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  /** Reads {@code file}, ignoring the warning of a version-1 file. */
  private static void readIgnoringWarnings(Path file) throws Exception {
    SavedModel.read(file, registry, Device.cpu(), warning -> {}).close();
  }

  private void assertMalformed(byte[] bytes, String... messageParts) throws IOException {
    Path file = Files.write(dir.resolve("bad.knml"), bytes);
    assertThatThrownBy(() -> readIgnoringWarnings(file))
        .isInstanceOf(MalformedModelException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContainingAll(messageParts);
  }

  @Test
  void everyChangedByteIsRefusedAsCorruption() throws IOException {
    byte[] good = golden(Golden.SPARSE_FC);
    int length = ByteBuffer.wrap(good).getInt(8);
    // magic, version, header length, header, parameters, checksum: every byte, two ways
    assertThat(good.length).isGreaterThan(12 + length + 32);
    for (int position = 0; position < good.length; position++) {
      for (int flip : new int[] {0xff, 0x01}) {
        byte[] bytes = good.clone();
        bytes[position] ^= (byte) flip;
        Path file = Files.write(dir.resolve("flipped.knml"), bytes);
        assertThatThrownBy(() -> readIgnoringWarnings(file))
            .as("byte %d xor %x", position, flip)
            .isInstanceOf(MalformedModelException.class)
            .hasMessageContaining(file.toString())
            .hasMessageContaining("corrupted");
      }
    }
  }

  @Test
  void aChangedParameterByteNamesBothChecksums() throws IOException {
    byte[] bytes = golden(Golden.SPARSE_FC);
    bytes[bytes.length - 40] ^= 0x10;
    Parts parts = Parts.of(bytes);

    assertMalformed(bytes, " is corrupted or truncated: the SHA-256 of its contents is "
        + HexFormat.of().formatHex(sha256(parts.withoutChecksum())) + " but the file records "
        + HexFormat.of().formatHex(parts.checksum));
  }

  @Test
  void aVersionChangedToOneIsRefusedForTheBytesAfterTheParameters() throws IOException {
    byte[] bytes = golden(Golden.SPARSE_FC);
    bytes[7] = 1;

    assertMalformed(bytes, " is corrupted: 32 bytes follow its parameters where a version-1 model"
        + " has 0");
  }

  @Test
  void wrongMagicIsRejected() throws IOException {
    byte[] bytes = golden(Golden.SPARSE_FC);
    bytes[3] = 'X';
    String message = "is not a kernelnet MovieLens model, or it is corrupted: it does not start"
        + " with the magic KNML";
    assertMalformed(bytes, message);
    assertMalformed(new byte[0], message);
    assertMalformed("{\"spec\": 1}".getBytes(StandardCharsets.UTF_8), message);
  }

  /** The Sparse FC golden file with the int at byte {@code offset} replaced by {@code value}. */
  private static byte[] goldenWithInt(int offset, int value) throws IOException {
    byte[] bytes = golden(Golden.SPARSE_FC);
    ByteBuffer.wrap(bytes).putInt(offset, value);
    return bytes;
  }

  @Test
  void unknownVersionIsRejectedWithTheVersionsRead() throws IOException {
    assertMalformed(goldenWithInt(4, 4), "has model format version 4, which this kernelnet does"
        + " not read (it reads versions 1 to 3): the file is corrupted or was written by a newer"
        + " kernelnet");
    assertMalformed(goldenWithInt(4, 0), "has model format version 0");
  }

  @Test
  void absurdHeaderLengthsAreRejected() throws IOException {
    for (int length : new int[] {Integer.MAX_VALUE, -5, 0}) {
      byte[] bytes = golden(Golden.SPARSE_FC);
      ByteBuffer.wrap(bytes).putInt(8, length);
      assertMalformed(sealed(Arrays.copyOf(bytes, bytes.length - 32)),
          "has a header length of " + length + " bytes");
    }
  }

  @Test
  void truncatedFilesAreRejectedWherever() throws IOException {
    byte[] bytes = golden(Golden.SPARSE_FC);
    int length = ByteBuffer.wrap(bytes).getInt(8);
    for (int cut : new int[] {bytes.length - 1, bytes.length - 32, 12 + length + 40, 12 + length,
        12 + length / 2, 50, 12}) {
      assertMalformed(Arrays.copyOf(bytes, cut), " is corrupted or truncated");
    }
    assertMalformed(Arrays.copyOf(bytes, 6), " ends early (truncated): it has no format version");
  }

  @Test
  void truncatedVersion1FilesAreRejectedWherever() throws IOException {
    byte[] bytes = resource(Golden.SPARSE_FC.version1File);
    int length = ByteBuffer.wrap(bytes).getInt(8);
    for (int cut : new int[] {bytes.length - 1, 12 + length + 40, 12 + length}) {
      assertMalformed(Arrays.copyOf(bytes, cut),
          "cannot load the parameters in", ": it ends early (truncated)");
    }
    assertMalformed(Arrays.copyOf(bytes, 12 + length / 2), " ends early (truncated): header of "
        + length + " bytes has only " + length / 2);
    assertMalformed(Arrays.copyOf(bytes, 10), " ends early (truncated)");
  }

  @Test
  void unreadableOrInvalidHeadersAreRejected() throws IOException {
    Parts golden = Parts.of(golden(Golden.SPARSE_FC));
    assertMalformed(golden.sealedWithJson("#".repeat(golden.json.length())),
        "has an unreadable header");
    assertMalformed(golden.sealedWithJson("{\"spec\": [1, 2]}"), "has an unreadable header");
    assertMalformed(golden.sealedWithJson("{}"), "has an unreadable header");
    assertMalformed(golden.sealedWithJson("null"), "has an unreadable header");
    assertMalformed(golden.sealedWithJson(golden.json.replace("\"hidden\": 3", "\"hidden\": 0")),
        "has an unreadable header", "layers and hidden must be >= 1, got 1 and 0");
  }

  @Test
  void parametersThatDoNotFitTheHeaderAreRejected() throws IOException {
    Parts golden = Parts.of(golden(Golden.SPARSE_FC));
    Parts version2 = Parts.of(resource(Golden.SPARSE_FC.version2File));
    assertMalformed(version2.sealedWithJson(version2.json.replace("\"users\": 7", "\"users\": 8")),
        "cannot load the parameters in");
    assertMalformed(golden.sealedWithJson(golden.json.replace("\"hidden\": 3", "\"hidden\": 4")),
        "cannot load the parameters in");
    assertMalformed(golden.sealedWithJson(golden.json.replace("\"hat-sq\"", "\"rbf\"")),
        "cannot load the parameters in", "kernel does not match");
    assertMalformed(Parts.of(golden(Golden.AUTOREC)).sealedWithJson(golden.json),
        "cannot load the parameters in");
  }

  /** The golden Sparse FC net with {@code nan} NaN and one infinity in its first parameter. */
  private static ItemAutoencoder nonFiniteNet(int nan) {
    ItemAutoencoder net = goldenNet(Golden.SPARSE_FC.spec);
    Parameter first = net.block().getParameters().get(0).getValue();
    float[] values = first.getArray().toFloatArray();
    Arrays.fill(values, 0, nan, Float.NaN);
    values[nan] = Float.NEGATIVE_INFINITY;
    first.getArray().set(values);
    return net;
  }

  private static String firstParameterName(ItemAutoencoder net) {
    return net.block().getParameters().get(0).getKey();
  }

  @Test
  void nonFiniteParametersAreRefusedOnSaveAndNothingIsWritten() throws IOException {
    Path file = dir.resolve("diverged.knml");
    try (ItemAutoencoder net = nonFiniteNet(3)) {
      int size = net.block().getParameters().get(0).getValue().getArray().toFloatArray().length;
      assertThatThrownBy(() -> SavedModel.write(file, goldenHeader(net.spec()), net))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("not saving the model to " + file)
          .hasMessageContaining("parameter '" + firstParameterName(net) + "' holds 3 NaN and 1"
              + " infinite of its " + size + " values");
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void nonFiniteParametersAreRefusedOnLoadWhateverTheVersion() throws IOException {
    Parts golden = Parts.of(golden(Golden.SPARSE_FC));
    byte[] parameters;
    String message;
    try (ItemAutoencoder net = nonFiniteNet(2)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      net.saveParameters(new DataOutputStream(bytes));
      parameters = bytes.toByteArray();
      message = "parameter '" + firstParameterName(net) + "' holds 2 NaN and 1 infinite";
    }
    String refusal = "holds a model whose parameters are not all finite";

    assertMalformed(golden.sealedWithParameters(parameters), refusal, message);
    Parts version1 = Parts.of(resource(Golden.SPARSE_FC.version1File));
    assertMalformed(new Parts(version1.prefix, version1.json, parameters, new byte[0])
        .withoutChecksum(), refusal, message);
  }

  @Test
  void failedWriteLeavesTheExistingFileIntactAndNoTemporaryFile() throws IOException {
    byte[] bytes = golden(Golden.SPARSE_FC);
    Path file = Files.write(dir.resolve("model.knml"), bytes);
    ItemAutoencoder closed = goldenNet(Golden.SPARSE_FC.spec);
    closed.close();

    // reading the closed parameters fails inside the atomic write
    assertThatThrownBy(() -> SavedModel.write(file, goldenHeader(closed.spec()), closed))
        .isInstanceOf(IllegalStateException.class);

    assertThat(file).hasBinaryContent(bytes);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void headersOfFormat3RecordTheIdsAndWhatTheModelWasTrainedOn() throws Exception {
    Path file = Files.write(dir.resolve(Golden.AUTOREC.file), golden(Golden.AUTOREC));

    try (SavedModel.Loaded loaded = read(file)) {
      SavedModel.Header header = loaded.header();
      assertThat(header.dataset()).isNull();
      assertThat(header.userIds()).containsExactly("alice", "bob", "carol", "dave", "eve",
          "frank", "Zoë");
      assertThat(header.itemIds()).containsExactly("Brazil", "Heat (1995)");
      assertThat(header.trainedOn(null)).isEqualTo(new RatingsInput.OwnFile(
          Path.of("/data/my ratings.csv"), RatingsFormat.of(header.ratingsFormat())));
      assertThat(header.trainedOn(Path.of("/moved/r.csv")).label()).isEqualTo("r.csv");
    }
    assertThatThrownBy(() -> goldenHeader(Golden.SPARSE_FC.spec).trainedOn(Path.of("/x.csv")))
        .hasMessageContaining("the model was trained on ML-100K from the data directory");
  }

  @Test
  void headersWhoseIdsOrDataDoNotAddUpAreRefused() throws IOException {
    Parts golden = Parts.of(golden(Golden.AUTOREC));
    assertMalformed(golden.sealedWithJson(golden.json.replace("\"users\": 7", "\"users\": 8")),
        "has an unreadable header", "the model has 8 users and 2 items but records 7 user ids and"
            + " 2 item ids");
    assertMalformed(golden.sealedWithJson(golden.json.replace(
        "\"ratingsFile\": \"/data/my ratings.csv\"", "\"ratingsFile\": null")),
        "has an unreadable header", "names neither");
    assertMalformed(golden.sealedWithJson(golden.json.replace("\"comma\"", "\"pipe\"")),
        "has an unreadable header", "unknown delimiter 'pipe'");
    Parts version2 = Parts.of(resource(Golden.SPARSE_FC.version2File));
    Parts version3 = Parts.of(golden(Golden.SPARSE_FC));
    assertMalformed(new Parts(version2.prefix, version3.json, version3.parameters, new byte[0])
        .sealedWithJson(version3.json), "is corrupted: its header records the user and item ids,"
            + " which a version-2 model does not record");
    assertMalformed(new Parts(version3.prefix, version2.json, version2.parameters, new byte[0])
        .sealedWithJson(version2.json), "is corrupted: its header lacks the user and item ids,"
            + " which a version-3 model records");
  }
}
