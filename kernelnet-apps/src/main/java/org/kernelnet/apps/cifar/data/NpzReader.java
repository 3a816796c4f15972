package org.kernelnet.apps.cifar.data;

import static java.util.Objects.requireNonNull;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads NumPy {@code .npz} archives (as written by {@code numpy.savez} or {@code savez_compressed})
 * into named DJL arrays.
 *
 * <p>An {@code .npz} is a zip file with one {@code <name>.npy} entry per array. The zip layer (entry
 * names, order, duplicates, trailing bytes) is handled here; each entry's {@code .npy} header (magic
 * {@code \x93NUMPY}, dtype descriptor with byte order, {@code fortran_order: False}, shape) and data
 * are decoded by DJL's own {@link NDList#decode(NDManager, InputStream)}. Any problem throws an
 * {@link IOException} naming the file and the entry.
 */
public final class NpzReader {
  private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final String SUFFIX = ".npy";

  private NpzReader() {}

  /**
   * Reads every array of the archive onto {@code manager}, named after its entry without {@code
   * .npy}, in archive order.
   *
   * @throws IOException if the file is not a zip, is empty, or holds an entry that is not a valid
   *     {@code .npy} array; the message names the file and the entry
   */
  public static NamedArrays read(Path file, NDManager manager) throws IOException {
    requireNonNull(file, "file is null");
    requireNonNull(manager, "manager is null");
    LinkedHashMap<String, NDArray> arrays = new LinkedHashMap<>();
    boolean complete = false;
    try (ZipFile zip = openZip(file)) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String entryName = entry.getName();
        if (entry.isDirectory() || !entryName.endsWith(SUFFIX)) {
          throw new IOException(file + ": entry '" + entryName + "' is not a .npy array");
        }
        String name = entryName.substring(0, entryName.length() - SUFFIX.length());
        if (arrays.containsKey(name)) {
          throw new IOException(file + ": entry '" + entryName + "' appears twice");
        }
        arrays.put(name, readEntry(file, zip, entry, manager, name));
      }
      if (arrays.isEmpty()) {
        throw new IOException(file + ": the archive holds no arrays");
      }
      complete = true;
      return new NamedArrays(file, arrays);
    } finally {
      if (!complete) {
        arrays.values().forEach(NDArray::close);
      }
    }
  }

  private static ZipFile openZip(Path file) throws IOException {
    try {
      return new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new IOException(file + ": not a valid .npz (zip) archive (" + e.getMessage() + ")", e);
    }
  }

  private static NDArray readEntry(Path file, ZipFile zip, ZipEntry entry, NDManager manager,
      String name) throws IOException {
    String where = file + ", entry '" + entry.getName() + "'";
    try (InputStream in = new BufferedInputStream(zip.getInputStream(entry))) {
      in.mark(NPY_MAGIC.length);
      byte[] magic = in.readNBytes(NPY_MAGIC.length);
      in.reset();
      if (!Arrays.equals(magic, NPY_MAGIC)) {
        throw new IOException(where + ": not a .npy array (it does not start with \\x93NUMPY)");
      }
      NDList list;
      try {
        list = NDList.decode(manager, in);
      } catch (RuntimeException e) {
        throw new IOException(where + ": cannot decode the .npy array (" + e.getMessage() + ")", e);
      }
      NDArray array = list.singletonOrThrow();
      if (in.read() != -1) {
        String shape = array.getShape().toString();
        array.close();
        throw new IOException(where + ": trailing bytes after the " + shape
            + " array the header announces");
      }
      array.setName(name);
      return array;
    } catch (ZipException e) {
      throw new IOException(where + ": corrupt zip data (" + e.getMessage() + ")", e);
    }
  }
}
