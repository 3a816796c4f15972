package org.kernelnet.apps.movielens.data.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdTableTest {
  private static int indexOf(IdTable table, String id) throws CharacterCodingException {
    byte[] padded = ("<<" + id + ">>").getBytes(UTF_8);
    return table.indexOf(padded, 2, padded.length - 2);
  }

  @Test
  void shortAndLongIdsGetIndicesInOrderOfFirstAppearanceAcrossGrowth() throws Exception {
    IdTable table = new IdTable();
    List<String> ids = new ArrayList<>();
    for (int k = 0; k < 5_000; k++) {
      // 1..4 digits (packed), and the same numbers as longer ids (hashed), and prefixes of each
      ids.add(Integer.toString(k));
      ids.add("user-" + k + "-of-many");
      ids.add("0" + k);
    }
    for (int k = 0; k < ids.size(); k++) {
      assertThat(indexOf(table, ids.get(k))).as(ids.get(k)).isEqualTo(k);
    }
    for (int k = ids.size() - 1; k >= 0; k--) {
      assertThat(indexOf(table, ids.get(k))).as(ids.get(k)).isEqualTo(k);
    }
    assertThat(table.size()).isEqualTo(15_000);
    assertThat(table.texts()).containsExactlyElementsOf(ids);
    assertThat(indexOf(table, "1234567")).isEqualTo(15_000); // 7 bytes: packed
    assertThat(indexOf(table, "12345678")).isEqualTo(15_001); // 8 bytes: hashed
    assertThat(indexOf(table, "Zoë")).isEqualTo(15_002);
    assertThat(table.texts()[15_002]).isEqualTo("Zoë");
  }

  @Test
  void anIdThatIsNotUtf8IsRefusedAndNotAdded() throws Exception {
    IdTable table = new IdTable();
    indexOf(table, "a");

    assertThatThrownBy(() -> table.indexOf(new byte[] {'Z', (byte) 0xEB}, 0, 2))
        .isInstanceOf(CharacterCodingException.class);
    assertThat(table.size()).isEqualTo(1);
    assertThat(indexOf(table, "b")).isEqualTo(1);
  }
}
