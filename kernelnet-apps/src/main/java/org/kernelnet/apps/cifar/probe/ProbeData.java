package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.kernelnet.apps.cifar.data.Cifar10;
import org.kernelnet.apps.cifar.data.CifarData;
import org.kernelnet.apps.cifar.data.CifarImageFolderReader;
import org.kernelnet.apps.cifar.data.CifarImageFolderReader.ImageFile;
import org.kernelnet.apps.cifar.data.CifarSet;
import org.kernelnet.apps.cifar.data.CifarSplit;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.report.DataFile;

/**
 * Loads the image sets of the probe, each with a label for tables and a fingerprint of exactly the
 * data used (for the feature cache and the provenance).
 *
 * <ul>
 *   <li>{@link ProbeConfig.DataFormat#BINARY}: the official lossless batches; the fingerprint is the
 *       SHA-256 of each file read plus the number of records used (the first {@code limit}).
 *   <li>{@link ProbeConfig.DataFormat#FOLDER}: the JPEG image folders; with a limit, the first
 *       {@code limit / 10} files of each class. The fingerprint is a <em>manifest hash</em>: the
 *       SHA-256 of the text {@code sha256sum} prints for the files used, one line {@code "<hex>
 *       <path>\n"} per file, paths relative to the data directory and sorted, i.e. {@code find
 *       cifar10-jpeg/test -type f | sort | xargs sha256sum | sha256sum} for a whole split. Each file
 *       is hashed once; no per-file list is stored in the results.
 *   <li>The lossless first 1,000 official test images are loaded in both formats when present, as
 *       the like-for-like comparison with the published accuracy of the pretrained networks.
 * </ul>
 */
final class ProbeData {
  private ProbeData() {}

  /**
   * One labelled image set.
   *
   * @param id a short identifier used in file names and JSON keys, e.g. {@code jpeg-test}
   * @param label what the set is, for tables, e.g. {@code JPEG copy test set (10,000)}
   * @param images the images and labels
   * @param source the file or manifest the images came from, with its checksum
   */
  record ImageSet(String id, String label, CifarSet images, DataFile source) {
    ImageSet {
      requireNonNull(id, "id is null");
      requireNonNull(label, "label is null");
      requireNonNull(images, "images is null");
      requireNonNull(source, "source is null");
    }

    /** The fingerprint of exactly these images: the source checksum and the count. */
    String fingerprint() {
      return source.sha256() + ":" + images.size();
    }
  }

  /** The training set, the main test set and, if present, the lossless first 1,000 test images. */
  record Sets(ProbeConfig.DataFormat format, ImageSet train, ImageSet test, Optional<ImageSet> lossless) {}

  /** Whether every official binary batch (training and test) is in the data directory. */
  static boolean hasOfficialBinary(DataDirectory dir) {
    List<String> names = new ArrayList<>(CifarData.TRAIN_FILES);
    names.add(CifarData.TEST_FILE);
    for (String name : names) {
      try {
        CifarData.locateBinary(dir, name);
      } catch (FileNotFoundException e) {
        return false;
      }
    }
    return true;
  }

  /** Resolves {@code AUTO} to {@code BINARY} when the official batches exist, else {@code FOLDER}. */
  static ProbeConfig.DataFormat resolve(ProbeConfig.DataFormat format, DataDirectory dir) {
    if (format != ProbeConfig.DataFormat.AUTO) {
      return format;
    }
    return hasOfficialBinary(dir) ? ProbeConfig.DataFormat.BINARY : ProbeConfig.DataFormat.FOLDER;
  }

  /** Loads the sets the configuration asks for. */
  static Sets load(DataDirectory dir, ProbeConfig config) throws IOException {
    ProbeConfig.DataFormat format = resolve(config.format(), dir);
    ImageSet train;
    ImageSet test;
    if (format == ProbeConfig.DataFormat.BINARY) {
      train = binary(dir, CifarSplit.TRAIN, config.trainLimit());
      test = binary(dir, CifarSplit.TEST, config.testLimit());
    } else {
      train = folder(dir, CifarSplit.TRAIN, config.trainLimit());
      test = folder(dir, CifarSplit.TEST, config.testLimit());
    }
    Optional<ImageSet> lossless = Optional.empty();
    Path first1000 = dir.path(CifarData.TEST_FIRST_1000);
    if (Files.isRegularFile(first1000)) {
      lossless = Optional.of(new ImageSet("lossless-test-first1000",
          "lossless first 1,000 official test images", CifarData.testFirst1000(dir),
          DataFile.of("test-images-lossless-first1000", first1000)));
    }
    return new Sets(format, train, test, lossless);
  }

  private static ImageSet binary(DataDirectory dir, CifarSplit split, OptionalInt limit)
      throws IOException {
    CifarSet all = CifarData.officialBinary(dir, split);
    List<String> names = split == CifarSplit.TRAIN ? CifarData.TRAIN_FILES : List.of(CifarData.TEST_FILE);
    MessageDigest digest = sha256();
    StringBuilder paths = new StringBuilder();
    for (String name : names) {
      Path file = CifarData.locateBinary(dir, name);
      digest.update((DataFile.sha256(file) + "  " + name + "\n").getBytes(StandardCharsets.UTF_8));
      paths.append(paths.length() == 0 ? "" : ", ").append(file.toAbsolutePath());
    }
    int n = Math.min(limit.orElse(all.size()), all.size());
    CifarSet set = n == all.size() ? all : all.head(n);
    String what = split == CifarSplit.TRAIN ? "training" : "test";
    String label = "official " + what + " set" + (n == all.size() ? "" : ", first " + n) + " ("
        + String.format(Locale.ROOT, "%,d", n) + ")";
    DataFile source = new DataFile(split.folderName() + "-images-binary", paths.toString(),
        HexFormat.of().formatHex(digest.digest()));
    return new ImageSet("binary-" + split.folderName(), label, set, source);
  }

  private static ImageSet folder(DataDirectory dir, CifarSplit split, OptionalInt limit)
      throws IOException {
    Path root = CifarData.jpegRoot(dir);
    int perClass = limit.isPresent()
        ? Math.max(1, limit.getAsInt() / Cifar10.CLASSES)
        : Integer.MAX_VALUE;
    List<ImageFile> files = CifarImageFolderReader.list(root, split, perClass);
    CifarSet set = CifarImageFolderReader.read(files, Runtime.getRuntime().availableProcessors());
    Path base = root.toAbsolutePath().getParent();
    List<Path> paths = files.stream().map(f -> f.path().toAbsolutePath()).toList();
    String manifest = manifestHash(base, paths);
    String what = split == CifarSplit.TRAIN ? "training" : "test";
    String label = "JPEG copy " + what + " set" + (limit.isPresent() ? ", first "
        + perClass + " per class" : "") + " ("
        + String.format(Locale.ROOT, "%,d", set.size()) + ")";
    DataFile source = new DataFile(split.folderName() + "-images-jpeg-manifest (" + files.size()
        + " files)", root.resolve(split.folderName()).toAbsolutePath().toString(), manifest);
    return new ImageSet("jpeg-" + split.folderName(), label, set, source);
  }

  /**
   * The SHA-256 of the {@code sha256sum} listing of {@code files}: one line {@code "<hex>  <path>\n"}
   * per file, the path relative to {@code base} with {@code /} separators, lines sorted by path
   * (byte order).
   */
  static String manifestHash(Path base, List<Path> files) {
    requireNonNull(base, "base is null");
    List<String[]> entries = new ArrayList<>(files.size());
    for (Path file : files) {
      String relative = base.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
      entries.add(new String[] {relative, DataFile.sha256(file)});
    }
    entries.sort(Comparator.comparing((String[] e) -> e[0]));
    MessageDigest digest = sha256();
    for (String[] e : entries) {
      digest.update((e[1] + "  " + e[0] + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
