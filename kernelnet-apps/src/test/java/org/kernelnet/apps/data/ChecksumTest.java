package org.kernelnet.apps.data;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChecksumTest {
  // Known answers: md5("abc") and sha256("abc") from RFC 1321 and FIPS 180-2.
  private static final String MD5_ABC = "900150983cd24fb0d6963f7d28e17f72";
  private static final String SHA256_ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void matchesKnownDigests() {
    Checksum md5 = Checksum.md5(MD5_ABC.toUpperCase());
    Checksum sha = Checksum.sha256(SHA256_ABC);
    assertThat(md5.hex()).isEqualTo(MD5_ABC);
    assertThat(md5.matches(md5.newDigest().digest("abc".getBytes(US_ASCII)))).isTrue();
    assertThat(md5.matches(md5.newDigest().digest("abd".getBytes(US_ASCII)))).isFalse();
    assertThat(sha.matches(sha.newDigest().digest("abc".getBytes(US_ASCII)))).isTrue();
    assertThat(sha).hasToString("SHA-256 " + SHA256_ABC);
  }

  @Test
  void rejectsWrongLengthOrAlgorithm() {
    assertThatThrownBy(() -> Checksum.md5(SHA256_ABC))
        .hasMessageContaining("MD5 checksum must be 32 hex digits");
    assertThatThrownBy(() -> Checksum.sha256("zz" + SHA256_ABC.substring(2)))
        .hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> new Checksum("SHA-1", MD5_ABC))
        .hasMessageContaining("MD5 or SHA-256, got 'SHA-1'");
  }
}
