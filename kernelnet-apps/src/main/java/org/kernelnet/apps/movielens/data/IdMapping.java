package org.kernelnet.apps.movielens.data;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The ids of one column of a ratings file (users or items) and the dense indices {@code 0..n-1}
 * they are mapped to. Ids are text, as written in the file. The indices follow the ids' order:
 * numeric order when every id is a non-negative integer (all digits), so MovieLens' user {@code j}
 * is the {@code j}-th smallest id, and otherwise the lexicographic order of the text ({@link
 * String#compareTo}).
 */
public final class IdMapping {
  /**
   * Digit strings by the number they write: fewer digits after leading zeros first, then by text;
   * the same number with more leading zeros after.
   */
  static final Comparator<String> NUMERIC = (a, b) -> {
    int za = leadingZeros(a);
    int zb = leadingZeros(b);
    int byLength = Integer.compare(a.length() - za, b.length() - zb);
    if (byLength != 0) {
      return byLength;
    }
    for (int k = 0; k < a.length() - za; k++) {
      int byDigit = Character.compare(a.charAt(za + k), b.charAt(zb + k));
      if (byDigit != 0) {
        return byDigit;
      }
    }
    return Integer.compare(za, zb);
  };

  private final String[] ids;
  private final boolean numeric;
  private final Map<String, Integer> indices;

  private IdMapping(String[] ids, boolean numeric) {
    this.ids = ids;
    this.numeric = numeric;
    this.indices = new HashMap<>(2 * ids.length);
    for (int j = 0; j < ids.length; j++) {
      if (indices.put(ids[j], j) != null) {
        throw new IllegalArgumentException("id '" + ids[j] + "' is given twice");
      }
    }
  }

  /**
   * The mapping of {@code distinct} ids (distinct texts, in any order), indexed in their order
   * (see the class comment).
   *
   * @return the mapping and, in {@link Ordered#rank()}, each given id's index
   */
  static Ordered order(String[] distinct) {
    requireNonNull(distinct, "distinct is null");
    boolean numeric = Arrays.stream(distinct).allMatch(IdMapping::isDigits);
    Comparator<String> order = numeric ? NUMERIC : Comparator.naturalOrder();
    Integer[] byId = new Integer[distinct.length];
    for (int j = 0; j < byId.length; j++) {
      byId[j] = j;
    }
    Arrays.sort(byId, (a, b) -> order.compare(distinct[a], distinct[b]));
    String[] sorted = new String[distinct.length];
    int[] rank = new int[distinct.length];
    for (int r = 0; r < byId.length; r++) {
      sorted[r] = distinct[byId[r]];
      rank[byId[r]] = r;
    }
    return new Ordered(new IdMapping(sorted, numeric), rank);
  }

  /**
   * A mapping and where each id of the array it was made from went.
   *
   * @param mapping the mapping
   * @param rank {@code rank[j]}: the index of the {@code j}-th given id
   */
  record Ordered(IdMapping mapping, int[] rank) {}

  /** Whether {@code id} is a non-negative integer: one or more ASCII digits. */
  static boolean isDigits(String id) {
    return !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static int leadingZeros(String digits) {
    int z = 0;
    while (z < digits.length() - 1 && digits.charAt(z) == '0') {
      z++;
    }
    return z;
  }

  /** The number of ids {@code n}. */
  public int size() {
    return ids.length;
  }

  /** The id of index {@code index}, in {@code [0, n)}. */
  public String id(int index) {
    return ids[index];
  }

  /** The index of {@code id}, if it is one of the ids. */
  public OptionalInt indexOf(String id) {
    Integer j = indices.get(requireNonNull(id, "id is null"));
    return j == null ? OptionalInt.empty() : OptionalInt.of(j);
  }

  /** Whether the indices follow numeric order (every id is all digits), else text order. */
  public boolean numericOrder() {
    return numeric;
  }

  /** The ids by index: element {@code j} is the id of index {@code j}. */
  public List<String> ids() {
    return Collections.unmodifiableList(Arrays.asList(ids));
  }

  @Override
  public String toString() {
    return ids.length + " ids in " + (numeric ? "numeric" : "text") + " order"
        + (ids.length == 0 ? "" : ", " + ids[0] + " .. " + ids[ids.length - 1]);
  }
}
