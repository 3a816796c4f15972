package org.kernelnet.apps.movielens.model;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.movielens.data.GivenTestFile;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.movielens.data.RatingsFormat;
import org.kernelnet.apps.movielens.data.RatingsInput;
import org.kernelnet.apps.report.AtomicFile;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * A trained item-based autoencoder in one file (format version {@value #FORMAT_VERSION}): the magic
 * {@code KNML}, the format version (int), the length (int) and UTF-8 bytes of the JSON {@link
 * Header} (architecture; the ratings trained on, their format and the mapping of user and item ids
 * to the network's inputs and rows; split provenance, test RMSE, {@link Provenance}), the DJL
 * parameters of the block (each kernel layer records its kernel specification), and last the 32
 * bytes of the SHA-256 of everything before them. Written to a temporary sibling and moved into
 * place.
 *
 * <p>{@link #read} checks the SHA-256 before it interprets a byte after the version, so a changed
 * byte anywhere (in the header, a length, the parameters or the checksum itself) is reported as
 * corruption, not as whatever the changed byte happens to parse as. SHA-256, not a CRC: it is the
 * digest the data files already carry, a random change goes unnoticed with probability
 * {@code 2^-256} instead of {@code 2^-32}, and at about 700 MB/s here it adds well under a second
 * even to an ML-20M model of 560 MB.
 *
 * <p>Version 3 added to the header what maps ids: the ratings file, its format, and the user and
 * item ids in index order, since ratings of one's own have ids of any text (a MovieLens data set's
 * integer ids could always be mapped by reading it again). The binary layout is that of version
 * 2, but a version-2 reader would take a version-3 header of a file of one's own for a data set's,
 * hence the new version. Version-2 files (MovieLens data sets only, no ids recorded) are still
 * read, as are version-1 files (the layout without the checksum), with a warning that their
 * integrity cannot be checked. Version-3 headers written since may name a Monti et al. data set
 * ({@code DOUBAN}) or, in the split, a test file given with the ratings file; a reader from before
 * refuses such a model (unknown data set, or the ratings' SHA-256 differs) rather than misreading
 * it. Their spec also records its added regularisers ({@code --regularizer}), and their provenance
 * the plugin, jar, version and SHA-256 of each kernel and regulariser; a reader from before ignores
 * both, which change no prediction. Parameters that are NaN or infinite are refused on both {@link
 * #write} and {@link #read}.
 */
public final class SavedModel {
  private static final byte[] MAGIC = "KNML".getBytes(StandardCharsets.US_ASCII);
  /** The format version written by this class. */
  public static final int FORMAT_VERSION = 3;
  /** The format version with a checksum but no ids in its header, still read. */
  static final int UNMAPPED_VERSION = 2;
  /** The format version without a checksum, still read. */
  static final int UNCHECKED_VERSION = 1;
  private static final String DIGEST = "SHA-256";
  private static final int DIGEST_BYTES = 32;
  /** The longest header read: its id lists grow with users and items (about 2 MB for ML-20M). */
  private static final int MAX_HEADER_BYTES = 1 << 30;
  /** Magic and version. */
  private static final int PREFIX_BYTES = MAGIC.length + Integer.BYTES;

  private SavedModel() {}

  /**
   * What a saved model records besides its parameters.
   *
   * @param spec the architecture
   * @param dataset the data set's enum name, e.g. {@code ML_100K} or {@code DOUBAN}, whose file is
   *     found in the data directory; null for a ratings file of one's own
   * @param users the input/output width (users of the data set)
   * @param items the item rows the model was trained on (the first {@code items} item indices)
   * @param ratingsSha256 the SHA-256 of the ratings file trained on
   * @param split the training split's provenance ({@code RatingSplit.provenance()})
   * @param testRmse the test RMSE of the split
   * @param provenance versions, configuration, seeds, data
   * @param ratingsFile the ratings file trained on, absolute; null in files of versions 1 and 2
   * @param ratingsFormat its format, everything resolved; null in files of versions 1 and 2
   * @param userIds the user ids in index order ({@code users} of them), as the file writes them;
   *     null in files of versions 1 and 2
   * @param itemIds the ids of the {@code items} item rows in index order; null in files of
   *     versions 1 and 2
   */
  public record Header(
      AutoencoderSpec spec,
      String dataset,
      int users,
      int items,
      String ratingsSha256,
      Map<String, String> split,
      double testRmse,
      Provenance provenance,
      String ratingsFile,
      RatingsFormat.Settings ratingsFormat,
      List<String> userIds,
      List<String> itemIds) {
    /**
     * Checks the record: a data set or a file with its format is named, the data set and format
     * are valid, and the ids, if recorded, are as many as the users and items.
     */
    public Header {
      requireNonNull(spec, "spec is null");
      requireNonNull(ratingsSha256, "ratingsSha256 is null");
      split = Collections.unmodifiableMap(new LinkedHashMap<>(split));
      if (dataset != null) {
        RatingsInput.dataSet(dataset);
      } else if (ratingsFile == null || ratingsFormat == null) {
        throw new IllegalArgumentException("a model names the MovieLens data set it was trained"
            + " on, or the ratings file and its format; this one names neither");
      } else {
        RatingsFormat.of(ratingsFormat);
      }
      if ((userIds == null) != (itemIds == null)) {
        throw new IllegalArgumentException("user and item ids are recorded together");
      }
      if (userIds != null && (userIds.size() != users || itemIds.size() != items)) {
        throw new IllegalArgumentException("the model has " + users + " users and " + items
            + " items but records " + userIds.size() + " user ids and " + itemIds.size()
            + " item ids");
      }
      userIds = userIds == null ? null : List.copyOf(userIds);
      itemIds = itemIds == null ? null : List.copyOf(itemIds);
    }

    /**
     * The header of a model trained on {@code train} (a selection of the ratings read from {@code
     * data}) with the first {@code items} item rows: the data set or file, its format, its ids.
     */
    public static Header of(AutoencoderSpec spec, RatingsInput data, Ratings train, int items,
        Map<String, String> split, double testRmse, Provenance provenance) {
      return new Header(spec,
          data.dataSetName().orElse(null),
          train.numUsers(), items, train.sourceSha256(), split, testRmse, provenance,
          Path.of(train.source()).toAbsolutePath().toString(), train.format().settings(),
          train.userIds().ids(), train.itemIds().ids().subList(0, items));
    }

    /**
     * The ratings the model was trained on: the data set in the data directory, or the file in
     * its format (the file as recorded, or {@code movedTo} if given) with the test file its split
     * names ({@link GivenTestFile#TEST_FILE}), if any.
     *
     * @throws IllegalArgumentException if {@code movedTo} is given for a data set's model
     */
    public RatingsInput trainedOn(Path movedTo) {
      if (dataset != null) {
        RatingsInput dataSet = RatingsInput.dataSet(dataset);
        if (movedTo != null) {
          throw new IllegalArgumentException("the model was trained on " + dataSet.label()
              + " from the data directory; a ratings file applies to models trained on a file of"
              + " one's own");
        }
        return dataSet;
      }
      String testFile = split.get(GivenTestFile.TEST_FILE);
      return new RatingsInput.OwnFile(movedTo != null ? movedTo : Path.of(ratingsFile),
          RatingsFormat.of(ratingsFormat), testFile == null ? null : Path.of(testFile));
    }
  }

  /** A loaded model: its header and the network. */
  public record Loaded(Header header, RatingModel net) implements AutoCloseable {
    @Override
    public void close() {
      net.close();
    }
  }

  /**
   * Writes {@code net} with {@code header} to {@code file} atomically.
   *
   * @throws IllegalArgumentException naming the parameters and how many of their values are NaN or
   *     infinite, if any is; {@code file} is then left as it was
   */
  public static void write(Path file, Header header, RatingModel net) throws IOException {
    requireNonNull(file, "file is null");
    AtomicFile.write(file, content(header, net, "not saving the model to " + file));
  }

  /**
   * What {@link #write} writes, for a writer that places the file itself (a run folder's).
   *
   * @throws IllegalArgumentException naming the parameters and how many of their values are NaN or
   *     infinite, if any is
   */
  public static AtomicFile.Content content(Header header, RatingModel net) {
    return content(header, net, "not saving the model");
  }

  private static AtomicFile.Content content(Header header, RatingModel net, String refusal) {
    requireNonNull(header, "header is null");
    requireNonNull(net, "net is null");
    List<String> nonFinite = FiniteParameters.problems(net.blocks());
    if (!nonFinite.isEmpty()) {
      throw new IllegalArgumentException(refusal + ": its parameters are not all finite (training"
          + " diverged?): " + String.join("; ", nonFinite));
    }
    return stream -> {
      DigestOutputStream digested = new DigestOutputStream(stream, digest());
      DataOutputStream out = new DataOutputStream(digested);
      byte[] json = ResultsWriter.gson().toJson(header).getBytes(StandardCharsets.UTF_8);
      out.write(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeInt(json.length);
      out.write(json);
      net.saveParameters(out);
      out.flush();
      stream.write(digested.getMessageDigest().digest());
    };
  }

  /**
   * Reads a model written by {@link #write}, or by a kernelnet that wrote format version 1 or 2.
   *
   * @param warnings told, in one line naming the file, that a version-1 file has no checksum
   * @throws MalformedModelException naming the file if it is not a saved model of a known version,
   *     is corrupted (its checksum does not match), is truncated, has an unreadable header, its
   *     parameters do not fit its header, or some are NaN or infinite
   */
  public static Loaded read(Path file, KernelnetRegistry registry, Device device,
      Consumer<String> warnings) throws IOException, MalformedModelException {
    requireNonNull(file, "file is null");
    requireNonNull(warnings, "warnings is null");
    int version = readVersion(file);
    int trailer;
    if (version == FORMAT_VERSION || version == UNMAPPED_VERSION) {
      verifyChecksum(file, version);
      trailer = DIGEST_BYTES;
    } else if (version == UNCHECKED_VERSION) {
      warnings.accept(file + " is a version-" + UNCHECKED_VERSION + " model file without a"
          + " checksum, so corruption cannot be detected; train and --save it again to add one");
      trailer = 0;
    } else {
      throw new MalformedModelException(file + " has model format version " + version
          + ", which this kernelnet does not read (it reads versions " + UNCHECKED_VERSION + " to "
          + FORMAT_VERSION + "): the file is corrupted or was written by a newer kernelnet");
    }
    Loaded loaded = parse(file, version, trailer, registry, device);
    List<String> nonFinite = FiniteParameters.problems(loaded.net().blocks());
    if (!nonFinite.isEmpty()) {
      loaded.close();
      throw new MalformedModelException(file + " holds a model whose parameters are not all"
          + " finite, so every prediction would be NaN: " + String.join("; ", nonFinite));
    }
    return loaded;
  }

  /** The format version after checking the magic. */
  private static int readVersion(Path file) throws IOException, MalformedModelException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new MalformedModelException(file + " is not a kernelnet MovieLens model, or it is"
            + " corrupted: it does not start with the magic KNML");
      }
      return in.readInt();
    } catch (EOFException e) {
      throw new MalformedModelException(file + " ends early (truncated): it has no format version",
          e);
    }
  }

  /** Checks the trailing SHA-256 against the SHA-256 of every byte before it. */
  private static void verifyChecksum(Path file, int version)
      throws IOException, MalformedModelException {
    long size = Files.size(file);
    if (size < PREFIX_BYTES + Integer.BYTES + DIGEST_BYTES) {
      throw new MalformedModelException(file + " is corrupted or truncated: " + size
          + " bytes are too few for a version-" + version + " model");
    }
    MessageDigest digest = digest();
    byte[] recorded;
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      byte[] buffer = new byte[1 << 16];
      for (long left = size - DIGEST_BYTES; left > 0; ) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new EOFException(file + " became shorter while it was read");
        }
        digest.update(buffer, 0, n);
        left -= n;
      }
      recorded = in.readNBytes(DIGEST_BYTES);
    }
    byte[] actual = digest.digest();
    if (!MessageDigest.isEqual(actual, recorded)) {
      HexFormat hex = HexFormat.of();
      throw new MalformedModelException(file + " is corrupted or truncated: the SHA-256 of its"
          + " contents is "
          + hex.formatHex(actual) + " but the file records " + hex.formatHex(recorded)
          + "; it cannot be trusted, train and save the model again");
    }
  }

  /** Reads header and parameters, which must be followed by exactly {@code trailer} bytes. */
  private static Loaded parse(Path file, int version, int trailer, KernelnetRegistry registry,
      Device device) throws IOException, MalformedModelException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      in.skipNBytes(PREFIX_BYTES);
      int length = in.readInt();
      if (length < 2 || length > MAX_HEADER_BYTES) {
        throw new MalformedModelException(file + " has a header length of " + length + " bytes");
      }
      byte[] json = in.readNBytes(length);
      if (json.length < length) {
        throw new EOFException("header of " + length + " bytes has only " + json.length);
      }
      Header header;
      try {
        header = ResultsWriter.gson()
            .fromJson(new String(json, StandardCharsets.UTF_8), Header.class);
      } catch (RuntimeException e) { // Gson wraps a failing record constructor
        throw new MalformedModelException(file + " has an unreadable header: " + rootMessage(e), e);
      }
      if (header == null) {
        throw new MalformedModelException(file + " has an unreadable header: it is null");
      }
      RatingModel net;
      try {
        net = header.spec().kind() == ModelKind.GLOCAL_K
            ? GlocalK.load(header.spec(), header.users(), header.items(), registry, device, in)
            : ItemAutoencoder.load(header.spec(), header.users(), registry, device, in);
      } catch (EOFException e) {
        throw new MalformedModelException(
            "cannot load the parameters in " + file + ": it ends early (truncated)", e);
      } catch (MalformedModelException | RuntimeException e) {
        String hint = e instanceof IllegalArgumentException
            && String.valueOf(e.getMessage()).startsWith("Unknown kernel")
            ? " (it was trained with a plugin's kernel: give the plugin's folder with --plugins"
                + " or KERNELNET_PLUGINS)" : "";
        throw new MalformedModelException("cannot load the parameters in " + file + ": "
            + e.getMessage() + hint, e);
      }
      long rest = in.transferTo(OutputStream.nullOutputStream());
      if (rest != trailer) {
        net.close();
        throw new MalformedModelException(file + " is corrupted: " + rest + " bytes follow its"
            + " parameters where a version-" + version + " model has " + trailer);
      }
      boolean mapped = header.userIds() != null;
      if (mapped != (version == FORMAT_VERSION)) {
        net.close();
        throw new MalformedModelException(file + " is corrupted: its header "
            + (mapped ? "records" : "lacks") + " the user and item ids, which a version-" + version
            + " model " + (mapped ? "does not record" : "records"));
      }
      return new Loaded(header, net);
    } catch (EOFException e) {
      throw new MalformedModelException(file + " ends early (truncated)"
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance(DIGEST);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform lacks the required " + DIGEST, e);
    }
  }

  /** The message of the innermost cause of {@code e} that has one, e.g. a record constructor's. */
  private static String rootMessage(Throwable e) {
    String message = e.getMessage();
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
    }
    return message;
  }
}
