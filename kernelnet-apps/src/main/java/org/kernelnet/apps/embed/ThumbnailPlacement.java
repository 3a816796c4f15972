package org.kernelnet.apps.embed;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses which digit thumbnails to draw on a map so that none overlaps another.
 *
 * <p>Candidates are visited in the given order (the caller shuffles them for an unbiased sample); a
 * candidate centred at pixel {@code (x, y)} is accepted when its {@code size x size} square lies
 * inside the {@code width x height} canvas and no accepted square overlaps it, i.e. every accepted
 * centre {@code (x', y')} has {@code |x - x'| >= size} or {@code |y - y'| >= size}. Accepted centres
 * are kept in a hash of {@code size x size} cells, so each test looks at the 3 x 3 cells around the
 * candidate only; a cell holds at most one accepted centre.
 */
public final class ThumbnailPlacement {
  private ThumbnailPlacement() {}

  /**
   * The accepted candidates.
   *
   * @param xs candidate centre x in pixels {@code [N]}; non-finite values are skipped
   * @param ys candidate centre y in pixels {@code [N]}
   * @param order the candidates to try, in this order (indices into xs / ys)
   * @param width canvas width in pixels, {@code >= size}
   * @param height canvas height in pixels, {@code >= size}
   * @param size thumbnail side in pixels, {@code >= 1}
   * @return the accepted indices, in the order they were accepted
   */
  public static int[] place(float[] xs, float[] ys, int[] order, int width, int height, int size) {
    requireNonNull(xs, "xs is null");
    requireNonNull(ys, "ys is null");
    requireNonNull(order, "order is null");
    if (xs.length != ys.length) {
      throw new IllegalArgumentException("xs has " + xs.length + " values but ys " + ys.length);
    }
    if (size < 1 || width < size || height < size) {
      throw new IllegalArgumentException("need size >= 1 and a canvas at least size x size, got size "
          + size + " on " + width + " x " + height);
    }
    double half = size / 2.0;
    Map<Long, float[]> cells = new HashMap<>();
    List<Integer> accepted = new ArrayList<>();
    for (int i : order) {
      float x = xs[i];
      float y = ys[i];
      if (!Float.isFinite(x) || !Float.isFinite(y)
          || x - half < 0 || y - half < 0 || x + half > width || y + half > height) {
        continue;
      }
      long cx = (long) Math.floor(x / size);
      long cy = (long) Math.floor(y / size);
      boolean free = true;
      for (long dx = -1; dx <= 1 && free; dx++) {
        for (long dy = -1; dy <= 1 && free; dy++) {
          float[] other = cells.get(key(cx + dx, cy + dy));
          if (other != null && Math.abs(other[0] - x) < size && Math.abs(other[1] - y) < size) {
            free = false;
          }
        }
      }
      if (free) {
        // Two accepted centres are >= size apart along some axis, so no cell ever holds two.
        cells.put(key(cx, cy), new float[] {x, y});
        accepted.add(i);
      }
    }
    return accepted.stream().mapToInt(Integer::intValue).toArray();
  }

  private static long key(long cx, long cy) {
    return (cx << 32) ^ (cy & 0xFFFFFFFFL);
  }
}
