package org.kernelnet.djl.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * How the locations of a layer's input units {@code u [in, d]} or output units {@code v [out, d]}
 * start, and whether they are trained. Location parameters have DJL type {@code OTHER}, which has no
 * default initializer, so every kernel layer carries one of these.
 *
 * <ul>
 *   <li>{@link #normal(double)}: i.i.d. {@code N(0, std^2)};
 *   <li>{@link #truncatedNormal(double)}: {@code N(0, std^2)} resampled outside two standard
 *       deviations (the MovieLens models use std 1e-3);
 *   <li>{@link #grid(int, int, double)}: a regular 2-D grid of {@code rows x cols} points in row-major
 *       order (the order of flattened image pixels), point {@code k = r * cols + c} at {@code ((r -
 *       (rows-1)/2) s, (c - (cols-1)/2) s)} with spacing {@code s = extent / (max(rows, cols) - 1)}:
 *       centred at the origin, the longer side spanning {@code extent}. Needs {@code d = 2} and
 *       exactly {@code rows * cols} units;
 *   <li>{@link #points(float[][])}: given coordinates, one row per unit (e.g. a layout learned
 *       elsewhere); needs exactly that many units and {@code d} equal to the rows' length.
 * </ul>
 *
 * <p>Instances are immutable values; {@link #frozen()} and {@link #trainable()} return copies.
 * Locations are trainable unless made {@link #frozen()}.
 */
public final class Locations implements Initializer {
  /** The name of a kernel layer's input-location parameter {@code u}. */
  public static final String INPUT_PARAMETER = "u";
  /** The name of a kernel layer's output-location parameter {@code v}. */
  public static final String OUTPUT_PARAMETER = "v";

  private enum Kind { NORMAL, TRUNCATED_NORMAL, GRID, POINTS }

  private final Kind kind;
  private final double std;
  private final int rows;
  private final int cols;
  private final double extent;
  /** For {@link Kind#POINTS}: the {@code rows x cols} coordinates, row-major; else empty. */
  private final float[] points;
  private final boolean trainable;

  private Locations(Kind kind, double std, int rows, int cols, double extent, float[] points,
      boolean trainable) {
    this.kind = kind;
    this.std = std;
    this.rows = rows;
    this.cols = cols;
    this.extent = extent;
    this.points = points;
    this.trainable = trainable;
  }

  private Locations(Kind kind, double std, int rows, int cols, double extent, boolean trainable) {
    this(kind, std, rows, cols, extent, new float[0], trainable);
  }

  /** Trainable locations drawn from {@code N(0, std^2)}; {@code std} finite and {@code > 0}. */
  public static Locations normal(double std) {
    return new Locations(Kind.NORMAL, checkStd(std), 0, 0, 0, true);
  }

  /** Trainable locations drawn from {@code N(0, std^2)} truncated at {@code 2 std}. */
  public static Locations truncatedNormal(double std) {
    return new Locations(Kind.TRUNCATED_NORMAL, checkStd(std), 0, 0, 0, true);
  }

  /**
   * Trainable locations on a regular {@code rows x cols} grid whose longer side spans {@code
   * extent}; see the class description. Call {@link #frozen()} for fixed pixel or embedding grids.
   *
   * @param rows {@code >= 1}
   * @param cols {@code >= 1}
   * @param extent finite, {@code > 0}
   */
  public static Locations grid(int rows, int cols, double extent) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException(
          "grid rows and cols must be >= 1, got " + rows + " x " + cols);
    }
    if (!(extent > 0) || Double.isInfinite(extent)) {
      throw new IllegalArgumentException("grid extent must be a finite number > 0, got " + extent);
    }
    return new Locations(Kind.GRID, 0, rows, cols, extent, true);
  }

  /**
   * Trainable locations starting at the given coordinates: unit {@code k} at {@code points[k]}.
   *
   * @param points {@code [count][d]}, at least one row, all rows of the same length {@code >= 1},
   *     finite; copied
   */
  public static Locations points(float[][] points) {
    if (points == null || points.length == 0 || points[0] == null || points[0].length == 0) {
      throw new IllegalArgumentException("points need at least one row of at least one coordinate");
    }
    int dimension = points[0].length;
    float[] flat = new float[points.length * dimension];
    for (int k = 0; k < points.length; k++) {
      if (points[k] == null || points[k].length != dimension) {
        throw new IllegalArgumentException("point " + k + " has " + (points[k] == null ? 0
            : points[k].length) + " coordinates, point 0 has " + dimension);
      }
      for (int j = 0; j < dimension; j++) {
        if (!Float.isFinite(points[k][j])) {
          throw new IllegalArgumentException(
              "point " + k + " has a coordinate that is not finite: " + points[k][j]);
        }
        flat[k * dimension + j] = points[k][j];
      }
    }
    return new Locations(Kind.POINTS, 0, points.length, dimension, 0, flat, true);
  }

  /** The same initialisation with the locations fixed (never updated by training). */
  public Locations frozen() {
    return new Locations(kind, std, rows, cols, extent, points, false);
  }

  /** The same initialisation with the locations learned. */
  public Locations trainable() {
    return new Locations(kind, std, rows, cols, extent, points, true);
  }

  /** Whether the locations are learned. */
  public boolean isTrainable() {
    return trainable;
  }

  /** Whether this is a grid (which fixes both the dimension and the number of units). */
  public boolean isGrid() {
    return kind == Kind.GRID;
  }

  /**
   * Checks that these locations fit a layer.
   *
   * @param role {@code input} or {@code output}, for the message
   * @param dimension the layer's location dimension d
   * @throws IllegalArgumentException for a grid when {@code d != 2}, for points of another length
   */
  void checkDimension(String role, int dimension) {
    if (kind == Kind.GRID && dimension != 2) {
      throw new IllegalArgumentException(
          role + " locations on a " + rows + "x" + cols + " grid need dimension 2, got " + dimension);
    }
    if (kind == Kind.POINTS && dimension != cols) {
      throw new IllegalArgumentException(role + " locations given as points of dimension " + cols
          + " need dimension " + cols + ", got " + dimension);
    }
  }

  /**
   * Checks that these locations fit {@code count} units.
   *
   * @throws IllegalArgumentException for a grid whose {@code rows * cols != count}, for another
   *     number of points
   */
  void checkCount(String role, long count) {
    if (kind == Kind.GRID && (long) rows * cols != count) {
      throw new IllegalArgumentException(
          role + " locations on a " + rows + "x" + cols + " grid have " + (long) rows * cols
              + " points but the layer has " + count + " " + role + " units");
    }
    if (kind == Kind.POINTS && rows != count) {
      throw new IllegalArgumentException(role + " locations given as " + rows
          + " points but the layer has " + count + " " + role + " units");
    }
  }

  /** Creates the {@code [count, d]} locations. */
  @Override
  public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
    return switch (kind) {
      case NORMAL -> manager.randomNormal(0f, (float) std, shape, dataType);
      case TRUNCATED_NORMAL -> manager.truncatedNormal(0f, (float) std, shape, dataType);
      case GRID -> {
        if (shape.dimension() != 2 || shape.get(1) != 2) {
          throw new IllegalArgumentException("grid locations must have shape [n, 2], got " + shape);
        }
        checkCount("grid", shape.get(0));
        yield manager.create(gridPoints(), shape).toType(dataType, false);
      }
      case POINTS -> {
        if (!shape.equals(new Shape(rows, cols))) {
          throw new IllegalArgumentException(
              "locations given as " + rows + " points of dimension " + cols + " must have shape ["
                  + rows + ", " + cols + "], got " + shape);
        }
        yield manager.create(points, shape).toType(dataType, false);
      }
    };
  }

  /** The grid points, row-major {@code [rows * cols * 2]} as described in the class javadoc. */
  private float[] gridPoints() {
    int longer = Math.max(rows, cols);
    double spacing = longer == 1 ? 0 : extent / (longer - 1);
    float[] points = new float[rows * cols * 2];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int k = r * cols + c;
        points[2 * k] = (float) ((r - (rows - 1) / 2.0) * spacing);
        points[2 * k + 1] = (float) ((c - (cols - 1) / 2.0) * spacing);
      }
    }
    return points;
  }

  private static double checkStd(double std) {
    if (!(std > 0) || Double.isInfinite(std)) {
      throw new IllegalArgumentException("std must be a finite number > 0, got " + std);
    }
    return std;
  }

  @Override
  public String toString() {
    String base =
        switch (kind) {
          case NORMAL -> "normal(std=" + std + ")";
          case TRUNCATED_NORMAL -> "truncatedNormal(std=" + std + ")";
          case GRID -> "grid(" + rows + "x" + cols + ", extent=" + extent + ")";
          case POINTS -> "points(" + rows + "x" + cols + ")";
        };
    return trainable ? base : base + ".frozen";
  }
}
