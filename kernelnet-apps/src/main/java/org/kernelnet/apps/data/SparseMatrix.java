package org.kernelnet.apps.data;

import java.util.Arrays;

/**
 * The non-zero entries of a {@code rows x columns} matrix in column-major order (by column, then
 * row), as parallel arrays.
 *
 * @param rows the matrix's rows
 * @param columns the matrix's columns
 * @param row the row of each entry, in {@code [0, rows)}
 * @param column the column of each entry, in {@code [0, columns)}
 * @param value each entry's value, not zero
 */
public record SparseMatrix(int rows, int columns, int[] row, int[] column, double[] value) {
  /** The number of non-zero entries. */
  public int size() {
    return value.length;
  }

  /** Collects entries in column-major order. */
  static final class Builder {
    private final int rows;
    private final int columns;
    private int[] row = new int[1024];
    private int[] column = new int[1024];
    private double[] value = new double[1024];
    private int n;

    Builder(int rows, int columns) {
      this.rows = rows;
      this.columns = columns;
    }

    void add(int r, int c, double v) {
      if (n == value.length) {
        row = Arrays.copyOf(row, 2 * n);
        column = Arrays.copyOf(column, 2 * n);
        value = Arrays.copyOf(value, 2 * n);
      }
      row[n] = r;
      column[n] = c;
      value[n] = v;
      n++;
    }

    SparseMatrix build() {
      return new SparseMatrix(rows, Math.max(columns, 0), Arrays.copyOf(row, n),
          Arrays.copyOf(column, n), Arrays.copyOf(value, n));
    }
  }
}
