package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.kernelnet.api.KernelnetRegistry;
import org.kernelnet.apps.report.AtomicFile;
import org.kernelnet.apps.report.Provenance;
import org.kernelnet.apps.report.ResultsWriter;

/**
 * A trained item-based autoencoder in one file: the magic {@code KNML}, a format version (int), the
 * length (int) and UTF-8 bytes of the JSON {@link Header} (architecture, data set and split
 * provenance, test RMSE, {@link Provenance}), then the DJL parameters of the block (each kernel
 * layer records its kernel specification). Written to a temporary sibling and moved into place.
 */
public final class SavedModel {
  private static final byte[] MAGIC = "KNML".getBytes(StandardCharsets.US_ASCII);
  /** The format version written by this class. */
  public static final int FORMAT_VERSION = 1;

  private SavedModel() {}

  /**
   * What a saved model records besides its parameters.
   *
   * @param spec the architecture
   * @param dataset the data set's enum name, e.g. {@code ML_100K}
   * @param users the input/output width (users of the data set)
   * @param items the item rows the model was trained on (the first {@code items} item indices)
   * @param ratingsSha256 the SHA-256 of the ratings file trained on
   * @param split the training split's provenance ({@code RatingSplit.provenance()})
   * @param testRmse the test RMSE of the split
   * @param provenance versions, configuration, seeds, data
   */
  public record Header(
      AutoencoderSpec spec,
      String dataset,
      int users,
      int items,
      String ratingsSha256,
      Map<String, String> split,
      double testRmse,
      Provenance provenance) {
    public Header {
      requireNonNull(spec, "spec is null");
      requireNonNull(dataset, "dataset is null");
      requireNonNull(ratingsSha256, "ratingsSha256 is null");
      split = Map.copyOf(split);
    }
  }

  /** A loaded model: its header and the network. */
  public record Loaded(Header header, ItemAutoencoder net) implements AutoCloseable {
    @Override
    public void close() {
      net.close();
    }
  }

  /** Writes {@code net} with {@code header} to {@code file} atomically. */
  public static void write(Path file, Header header, ItemAutoencoder net) throws IOException {
    requireNonNull(file, "file is null");
    AtomicFile.write(file, content(header, net));
  }

  /** What {@link #write} writes, for a writer that places the file itself (a run folder's). */
  public static AtomicFile.Content content(Header header, ItemAutoencoder net) {
    requireNonNull(header, "header is null");
    requireNonNull(net, "net is null");
    return stream -> {
      DataOutputStream out = new DataOutputStream(stream);
      byte[] json = ResultsWriter.gson().toJson(header).getBytes(StandardCharsets.UTF_8);
      out.write(MAGIC);
      out.writeInt(FORMAT_VERSION);
      out.writeInt(json.length);
      out.write(json);
      net.saveParameters(out);
      out.flush();
    };
  }

  /**
   * Reads a model written by {@link #write}.
   *
   * @throws MalformedModelException naming the file if it is not a saved model of a known version,
   *     is truncated, has an unreadable header, or its parameters do not fit its header
   */
  public static Loaded read(Path file, KernelnetRegistry registry, Device device)
      throws IOException, MalformedModelException {
    requireNonNull(file, "file is null");
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new MalformedModelException(file + " is not a kernelnet MovieLens model (no KNML magic)");
      }
      int version = in.readInt();
      if (version != FORMAT_VERSION) {
        throw new MalformedModelException(file + " has model format version " + version
            + "; this kernelnet reads version " + FORMAT_VERSION);
      }
      int length = in.readInt();
      if (length < 2 || length > (1 << 24)) {
        throw new MalformedModelException(file + " has a header length of " + length + " bytes");
      }
      byte[] json = in.readNBytes(length);
      if (json.length < length) {
        throw new EOFException("header of " + length + " bytes has only " + json.length);
      }
      Header header;
      try {
        header = ResultsWriter.gson().fromJson(new String(json, StandardCharsets.UTF_8), Header.class);
      } catch (RuntimeException e) { // Gson wraps a failing record constructor in a RuntimeException
        throw new MalformedModelException(file + " has an unreadable header: " + rootMessage(e), e);
      }
      if (header == null) {
        throw new MalformedModelException(file + " has an unreadable header: it is null");
      }
      ItemAutoencoder net;
      try {
        net = ItemAutoencoder.load(header.spec(), header.users(), registry, device, in);
      } catch (EOFException e) {
        throw new MalformedModelException(
            "cannot load the parameters in " + file + ": it ends early (truncated)", e);
      } catch (MalformedModelException | RuntimeException e) {
        throw new MalformedModelException("cannot load the parameters in " + file + ": "
            + e.getMessage(), e);
      }
      return new Loaded(header, net);
    } catch (EOFException e) {
      throw new MalformedModelException(file + " ends early (truncated)"
          + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
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
