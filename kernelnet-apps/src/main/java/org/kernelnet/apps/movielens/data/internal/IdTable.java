package org.kernelnet.apps.movielens.data.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.util.Arrays;

/**
 * Numbers distinct ids, given as byte ranges of UTF-8 text, {@code 0, 1, 2, ...} in order of first
 * appearance. An open-addressing hash table (linear probing, load factor at most 1/2) over a hash
 * of the bytes, which are kept in one growing array; a {@code String} is made once per distinct
 * id, not per lookup, so that ten million lookups stay cheap. The id looked up last is checked
 * first, as files grouped by user repeat it line after line.
 */
public final class IdTable {
  /**
   * {@code slots[s]}: 0 if empty, else the id's hash in the high 32 bits and its index + 1 in the
   * low ones, so that a probe reads one array until the hashes agree.
   */
  private long[] slots = new long[1 << 10];
  private int[] hashes = new int[256];
  /** The bytes of id {@code j} are {@code bytes[starts[j], starts[j + 1])}. */
  private int[] starts = new int[257];
  private byte[] bytes = new byte[1 << 12];
  private String[] texts = new String[256];
  private int size;
  private int last = -1;
  private final CharsetDecoder utf8 = UTF_8.newDecoder();

  /** The number of distinct ids seen. */
  public int size() {
    return size;
  }

  /**
   * The index of the id {@code text[from, to)}, assigning the next free one if it is new.
   *
   * @throws CharacterCodingException if the id is new and its bytes are not UTF-8; nothing is
   *     then added
   */
  public int indexOf(byte[] text, int from, int to) throws CharacterCodingException {
    if (last >= 0 && equal(last, text, from, to)) {
      return last;
    }
    int hash = hash(text, from, to);
    int mask = slots.length - 1;
    int slot = hash & mask;
    for (long s; (s = slots[slot]) != 0; slot = (slot + 1) & mask) {
      int j = (int) s - 1;
      if ((int) (s >>> 32) == hash && equal(j, text, from, to)) {
        last = j;
        return j;
      }
    }
    String decoded = decode(text, from, to);
    int index = size;
    if (index == texts.length) {
      int capacity = 2 * index;
      hashes = Arrays.copyOf(hashes, capacity);
      starts = Arrays.copyOf(starts, capacity + 1);
      texts = Arrays.copyOf(texts, capacity);
    }
    int end = starts[index] + (to - from);
    if (end > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(end, 2 * bytes.length));
    }
    System.arraycopy(text, from, bytes, starts[index], to - from);
    starts[index + 1] = end;
    hashes[index] = hash;
    texts[index] = decoded;
    slots[slot] = slot(hash, index);
    size++;
    last = index;
    if (2 * size > slots.length) {
      rehash(2 * slots.length);
    }
    return index;
  }

  /** The ids in order of first appearance: element {@code j} is the id of index {@code j}. */
  public String[] texts() {
    return Arrays.copyOf(texts, size);
  }

  /** Whether id {@code j} is {@code text[from, to)}. */
  private boolean equal(int j, byte[] text, int from, int to) {
    int start = starts[j];
    int length = to - from;
    if (starts[j + 1] - start != length) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (bytes[start + k] != text[from + k]) {
        return false;
      }
    }
    return true;
  }

  private static long slot(int hash, int index) {
    return (long) hash << 32 | (index + 1);
  }

  private String decode(byte[] text, int from, int to) throws CharacterCodingException {
    for (int p = from; p < to; p++) {
      if (text[p] < 0) {
        return utf8.decode(ByteBuffer.wrap(text, from, to - from)).toString();
      }
    }
    return new String(text, from, to - from, ISO_8859_1); // ASCII: the same, and faster
  }

  private void rehash(int capacity) {
    slots = new long[capacity];
    int mask = capacity - 1;
    for (int j = 0; j < size; j++) {
      int slot = hashes[j] & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = slot(hashes[j], j);
    }
  }

  /** FNV-1a over the bytes, then the high bits folded into the low ones the table uses. */
  private static int hash(byte[] text, int from, int to) {
    int h = 0x811c9dc5;
    for (int p = from; p < to; p++) {
      h = (h ^ text[p]) * 0x01000193;
    }
    return h ^ (h >>> 16);
  }
}
