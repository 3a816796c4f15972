package org.kernelnet.apps.movielens.data.internal;

import java.util.Arrays;

/**
 * Numbers distinct non-negative int ids {@code 0, 1, 2, ...} in order of first appearance, with an
 * open-addressing hash table (linear probing, load factor at most 1/2) and no boxing, so that ten
 * million lookups stay cheap.
 */
public final class IdIndex {
  private static final int EMPTY = -1;

  private int[] keys;
  private int[] values;
  private int[] idsInOrder;
  private int size;

  /** An empty index. */
  public IdIndex() {
    keys = new int[1 << 10];
    values = new int[keys.length];
    Arrays.fill(keys, EMPTY);
    idsInOrder = new int[256];
  }

  /** The number of distinct ids seen. */
  public int size() {
    return size;
  }

  /** The index of {@code id} ({@code >= 0}), assigning the next free one if it is new. */
  public int indexOf(int id) {
    if (id < 0) {
      throw new IllegalArgumentException("id must be >= 0, got " + id);
    }
    int mask = keys.length - 1;
    int slot = mix(id) & mask;
    while (true) {
      int k = keys[slot];
      if (k == id) {
        return values[slot];
      }
      if (k == EMPTY) {
        break;
      }
      slot = (slot + 1) & mask;
    }
    int index = size++;
    keys[slot] = id;
    values[slot] = index;
    if (index == idsInOrder.length) {
      idsInOrder = Arrays.copyOf(idsInOrder, idsInOrder.length * 2);
    }
    idsInOrder[index] = id;
    if (2 * size > keys.length) {
      grow();
    }
    return index;
  }

  /** The ids in order of first appearance: element {@code i} is the id with index {@code i}. */
  public int[] idsInOrder() {
    return Arrays.copyOf(idsInOrder, size);
  }

  private void grow() {
    int[] oldKeys = keys;
    int[] oldValues = values;
    keys = new int[oldKeys.length * 2];
    values = new int[keys.length];
    Arrays.fill(keys, EMPTY);
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = mix(oldKeys[i]) & mask;
        while (keys[slot] != EMPTY) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }

  private static int mix(int x) {
    int h = x * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
