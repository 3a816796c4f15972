package org.kernelnet.apps.data;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An expected digest of a file: a JCA algorithm name ({@code MD5} or {@code SHA-256}) and the
 * lower-case hex value, {@code 2 * digestLength} characters (32 for MD5, 64 for SHA-256).
 *
 * @param algorithm {@code MD5} or {@code SHA-256}
 * @param hex the expected digest in hex, lower case
 */
public record Checksum(String algorithm, String hex) {
  /** Validates the algorithm and that {@code hex} has the digest's length. */
  public Checksum {
    requireNonNull(algorithm, "algorithm is null");
    requireNonNull(hex, "hex is null");
    hex = hex.toLowerCase(Locale.ROOT);
    int expectedLength = switch (algorithm) {
      case "MD5" -> 32;
      case "SHA-256" -> 64;
      default -> throw new IllegalArgumentException(
          "algorithm must be MD5 or SHA-256, got '" + algorithm + "'");
    };
    if (hex.length() != expectedLength || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException(algorithm + " checksum must be " + expectedLength
          + " hex digits, got '" + hex + "'");
    }
  }

  /** An MD5 checksum (32 hex digits). */
  public static Checksum md5(String hex) {
    return new Checksum("MD5", hex);
  }

  /** A SHA-256 checksum (64 hex digits). */
  public static Checksum sha256(String hex) {
    return new Checksum("SHA-256", hex);
  }

  /** A fresh digest for this checksum's algorithm. */
  public MessageDigest newDigest() {
    return digest(algorithm);
  }

  /** Whether {@code digest} (raw bytes) equals the expected value. */
  public boolean matches(byte[] digest) {
    return HexFormat.of().formatHex(digest).equals(hex);
  }

  /** A fresh {@link MessageDigest}; MD5 and SHA-256 are required of every Java platform. */
  static MessageDigest digest(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the Java platform lacks the required " + algorithm, e);
    }
  }

  @Override
  public String toString() {
    return algorithm + " " + hex;
  }
}
