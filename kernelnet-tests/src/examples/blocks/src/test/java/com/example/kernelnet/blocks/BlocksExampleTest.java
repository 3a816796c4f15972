package com.example.kernelnet.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlocksExampleTest {
  @Test
  void trainsSavesReloadsAndPredictsTheSame(@TempDir Path dir) throws Exception {
    BlocksExample.Outcome outcome = BlocksExample.run(dir, 300);

    assertTrue(outcome.lastLoss() < 0.4f * outcome.firstLoss(),
        "loss " + outcome.firstLoss() + " -> " + outcome.lastLoss());
    assertArrayEquals(outcome.trained(), outcome.reloaded());
  }
}
