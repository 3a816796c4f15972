package org.kernelnet.apps.data;

import static java.util.Objects.requireNonNull;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;

/**
 * The numeric matrices of a MATLAB v7.3 {@code .mat} file, which is an HDF5 file (read with jhdf,
 * a pure-Java HDF5 reader). A variable is either a dense 2-D dataset, stored transposed (HDF5
 * dimensions {@code [columns, rows]}, MATLAB being column-major), or a sparse matrix: a group with
 * the attribute {@code MATLAB_sparse} (the row count) and the datasets {@code data} (the non-zero
 * values), {@code ir} (their row indices) and {@code jc} (column pointers, {@code columns + 1} of
 * them), i.e. compressed sparse columns.
 *
 * <p>Every failure is an {@link IOException} naming the file, the variable and the reason.
 */
public final class MatlabFile implements AutoCloseable {
  private final Path file;
  private final HdfFile hdf;

  private MatlabFile(Path file, HdfFile hdf) {
    this.file = file;
    this.hdf = hdf;
  }

  /**
   * Opens {@code file}.
   *
   * @throws IOException if it is missing, unreadable or not an HDF5 file (a MATLAB file saved
   *     before v7.3 is not: the message says to save it with {@code -v7.3})
   */
  public static MatlabFile open(Path file) throws IOException {
    requireNonNull(file, "file is null");
    if (!Files.isRegularFile(file)) {
      throw new IOException("cannot read " + file + ": no such file");
    }
    try {
      return new MatlabFile(file, new HdfFile(file));
    } catch (HdfException e) {
      throw new IOException("cannot read " + file + ": not a MATLAB v7.3 (HDF5) file (a file"
          + " saved by MATLAB before v7.3 is not HDF5: save it with -v7.3) (" + e.getMessage()
          + ")", e);
    }
  }

  /** The file read. */
  public Path file() {
    return file;
  }

  /**
   * The non-zero entries of the matrix variable {@code name}, dense or sparse.
   *
   * @throws IOException if there is no such variable or it is not a 2-D numeric matrix
   */
  public SparseMatrix matrix(String name) throws IOException {
    requireNonNull(name, "name is null");
    Node node;
    try {
      node = hdf.getChild(name);
    } catch (HdfException e) {
      throw problem(name, "cannot be read (" + e.getMessage() + ")", e);
    }
    if (node == null) {
      throw problem(name, "is not in the file (it holds "
          + new TreeSet<>(hdf.getChildren().keySet()) + ")", null);
    }
    try {
      if (node instanceof Dataset dataset) {
        return dense(name, dataset);
      }
      if (node instanceof Group group && group.getAttribute("MATLAB_sparse") != null) {
        return sparse(name, group);
      }
    } catch (HdfException e) {
      throw problem(name, "cannot be read (" + e.getMessage() + ")", e);
    }
    throw problem(name, "is not a numeric matrix", null);
  }

  private SparseMatrix dense(String name, Dataset dataset) throws IOException {
    int[] dims = dataset.getDimensions();
    if (dims.length != 2) {
      throw problem(name, "has " + dims.length + " dimensions " + Arrays.toString(dims)
          + ", a matrix has 2", null);
    }
    Object data = dataset.getData();
    int columns = dims[0];
    int rows = dims[1];
    SparseMatrix.Builder builder = new SparseMatrix.Builder(rows, columns);
    if (data instanceof double[][] values) { // the usual case, without boxing
      for (int c = 0; c < columns; c++) {
        for (int r = 0; r < rows; r++) {
          if (values[c][r] != 0) {
            builder.add(r, c, values[c][r]);
          }
        }
      }
      return builder.build();
    }
    for (int c = 0; c < columns; c++) {
      Object column = Array.get(data, c);
      for (int r = 0; r < rows; r++) {
        double value = number(name, Array.get(column, r));
        if (value != 0) {
          builder.add(r, c, value);
        }
      }
    }
    return builder.build();
  }

  private SparseMatrix sparse(String name, Group group) throws IOException {
    Attribute rowsAttribute = group.getAttribute("MATLAB_sparse");
    int rows = (int) number(name, scalar(rowsAttribute.getData()));
    long[] jc = longs(name, group, "jc");
    int columns = jc.length - 1;
    SparseMatrix.Builder builder = new SparseMatrix.Builder(rows, columns);
    if (columns < 0 || jc[columns] == 0) {
      return builder.build();
    }
    long[] ir = longs(name, group, "ir");
    Object data = ((Dataset) group.getChild("data")).getData();
    if (ir.length != jc[columns] || Array.getLength(data) != jc[columns]) {
      throw problem(name, "is a sparse matrix whose ir, jc and data do not agree", null);
    }
    for (int c = 0; c < columns; c++) {
      for (long k = jc[c]; k < jc[c + 1]; k++) {
        if (ir[(int) k] < 0 || ir[(int) k] >= rows) {
          throw problem(name, "has a row index " + ir[(int) k] + " outside [0, " + rows + ")",
              null);
        }
        builder.add((int) ir[(int) k], c, number(name, Array.get(data, (int) k)));
      }
    }
    return builder.build();
  }

  private long[] longs(String name, Group group, String child) throws IOException {
    Node node = group.getChild(child);
    if (!(node instanceof Dataset dataset)) {
      throw problem(name, "is a sparse matrix without its " + child + " dataset", null);
    }
    Object data = dataset.getData();
    long[] out = new long[Array.getLength(data)];
    for (int k = 0; k < out.length; k++) {
      out[k] = (long) number(name, Array.get(data, k));
    }
    return out;
  }

  private static Object scalar(Object value) {
    return value.getClass().isArray() ? Array.get(value, 0) : value;
  }

  private double number(String name, Object value) throws IOException {
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    throw problem(name, "holds " + (value == null ? "null" : value.getClass().getSimpleName())
        + " values, not numbers", null);
  }

  private IOException problem(String name, String what, Throwable cause) {
    return new IOException(file + ": the variable '" + name + "' " + what, cause);
  }

  @Override
  public void close() {
    hdf.close();
  }
}
