package org.kernelnet.apps.cifar.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Table2Test {
  @Test
  void formatsAlignedMarkdownWithLabelledColumnsAndThePaperColumn() {
    Map<String, Double> full = new LinkedHashMap<>();
    full.put("JPEG", 0.8256);
    full.put("lossless", 0.928);
    Map<String, Double> head = new LinkedHashMap<>();
    head.put("JPEG", 0.83);
    List<Table2.Row> rows = List.of(
        new Table2.Row("ResNet-32", 32, 0, full, Table2.paper(32, 32)),
        new Table2.Row("ResNet-32 + kernel head", 11, 3, head, Table2.paper(32, 11)),
        new Table2.Row("ResNet-20 + kernel head", 19, 3, head, Table2.paper(20, 19)));

    String table = Table2.markdown(List.of("JPEG", "lossless"), rows);

    assertThat(table).isEqualTo(String.join("\n",
        "| network                 | layers kept | added layers | test accuracy, JPEG |"
            + " test accuracy, lossless | paper (official test set) |",
        "| ----------------------- | ----------: | -----------: | ------------------: |"
            + " ----------------------: | ------------------------: |",
        "| ResNet-32               |          32 |            0 |             82.56 % |"
            + "                 92.80 % |                   92.30 % |",
        "| ResNet-32 + kernel head |          11 |            3 |             83.00 % |"
            + "                       - |                   82.30 % |",
        "| ResNet-20 + kernel head |          19 |            3 |             83.00 % |"
            + "                       - |                         - |",
        ""));
  }

  @Test
  void paperValuesOnlyForResNet32() {
    assertThat(Table2.paper(32, 31)).isEqualTo(0.926);
    assertThat(Table2.paper(32, 21)).isEqualTo(0.905);
    assertThat(Table2.paper(32, 13)).isNull();
    assertThat(Table2.paper(56, 31)).isNull();
    assertThat(Table2.percent(0.12345)).isEqualTo("12.35 %");
  }
}
