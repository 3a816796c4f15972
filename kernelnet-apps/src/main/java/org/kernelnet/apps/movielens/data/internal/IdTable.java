package org.kernelnet.apps.movielens.data.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.util.Arrays;

/**
 * Numbers distinct ids, given as byte ranges of UTF-8 text, {@code 0, 1, 2, ...} in order of first
 * appearance, and makes a {@code String} once per distinct id, not per lookup, so that ten million
 * lookups stay cheap.
 *
 * <p>An open-addressing hash table (linear probing, load factor at most 1/2) of 64-bit keys, each
 * beside its index: an id of at most 7 bytes is its own key (length and bytes packed), so finding
 * it reads one slot and nothing else, as MovieLens' integer ids did; a longer id's key is a hash of
 * its bytes, which are then compared with those kept for it. The id looked up last is checked
 * first, as files grouped by user repeat it line after line.
 */
public final class IdTable {
  private static final int PACKED_BYTES = 7;
  /** The top byte of a hashed key: above any packed key's length byte (0..7). */
  private static final long HASHED = 0x80L << 56;

  /** Slot {@code s}: the key at {@code 2s} (0 if empty), the id's index at {@code 2s + 1}. */
  private long[] table = new long[2 << 10];
  /** The bytes of id {@code j} are {@code bytes[starts[j], starts[j + 1])}. */
  private int[] starts = new int[257];
  private byte[] bytes = new byte[1 << 12];
  private String[] texts = new String[256];
  private int size;
  private int last = -1;
  private long lastKey;
  private final CharsetDecoder utf8 = UTF_8.newDecoder();

  /** The number of distinct ids seen. */
  public int size() {
    return size;
  }

  /**
   * The index of the id {@code text[from, to)}, not empty, assigning the next free one if it is
   * new.
   *
   * @throws CharacterCodingException if the id is new and its bytes are not UTF-8; nothing is
   *     then added
   */
  public int indexOf(byte[] text, int from, int to) throws CharacterCodingException {
    int length = to - from;
    if (length == 0) {
      throw new IllegalArgumentException("an id must not be empty");
    }
    boolean packed = length <= PACKED_BYTES;
    long key = packed ? pack(text, from, to) : HASHED | (hash(text, from, to) & 0xffffffffL);
    if (key == lastKey && (packed || equal(last, text, from, to))) {
      return last;
    }
    int mask = (table.length >> 1) - 1;
    int slot = spread(key) & mask;
    for (long k; (k = table[2 * slot]) != 0; slot = (slot + 1) & mask) {
      if (k == key) {
        int j = (int) table[2 * slot + 1];
        if (packed || equal(j, text, from, to)) {
          last = j;
          lastKey = key;
          return j;
        }
      }
    }
    String decoded = decode(text, from, to);
    int index = size;
    if (index == texts.length) {
      starts = Arrays.copyOf(starts, 2 * index + 1);
      texts = Arrays.copyOf(texts, 2 * index);
    }
    int end = starts[index] + length;
    if (end > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(end, 2 * bytes.length));
    }
    System.arraycopy(text, from, bytes, starts[index], length);
    starts[index + 1] = end;
    texts[index] = decoded;
    table[2 * slot] = key;
    table[2 * slot + 1] = index;
    size++;
    last = index;
    lastKey = key;
    if (2 * size > table.length >> 1) {
      rehash(table.length);
    }
    return index;
  }

  /** The ids in order of first appearance: element {@code j} is the id of index {@code j}. */
  public String[] texts() {
    return Arrays.copyOf(texts, size);
  }

  /** Length (1..7) in the top byte, then the bytes: equal keys, equal ids; never 0. */
  private static long pack(byte[] text, int from, int to) {
    long key = to - from;
    for (int p = from; p < to; p++) {
      key = key << 8 | (text[p] & 0xff);
    }
    return key << 8 * (PACKED_BYTES - (to - from));
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

  private String decode(byte[] text, int from, int to) throws CharacterCodingException {
    for (int p = from; p < to; p++) {
      if (text[p] < 0) {
        return utf8.decode(ByteBuffer.wrap(text, from, to - from)).toString();
      }
    }
    return new String(text, from, to - from, ISO_8859_1); // ASCII: the same, and faster
  }

  /** Doubles the slots and puts every key in again. */
  private void rehash(int slots) {
    long[] old = table;
    table = new long[2 * slots];
    int mask = slots - 1;
    for (int s = 0; s < old.length; s += 2) {
      if (old[s] != 0) {
        int slot = spread(old[s]) & mask;
        while (table[2 * slot] != 0) {
          slot = (slot + 1) & mask;
        }
        table[2 * slot] = old[s];
        table[2 * slot + 1] = old[s + 1];
      }
    }
  }

  /** The key's bits mixed, so that similar ids spread over the table. */
  private static int spread(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** FNV-1a over the bytes. */
  private static int hash(byte[] text, int from, int to) {
    int h = 0x811c9dc5;
    for (int p = from; p < to; p++) {
      h = (h ^ text[p]) * 0x01000193;
    }
    return h;
  }
}
