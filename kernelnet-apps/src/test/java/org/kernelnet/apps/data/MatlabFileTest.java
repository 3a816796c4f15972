package org.kernelnet.apps.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatlabFileTest {
  @TempDir Path dir;

  /** M = [[0, 2, 0], [1, 0, 3]] (2 x 3), dense as MATLAB stores it (transposed), and sparse. */
  private Path file() {
    Path file = dir.resolve("m.mat");
    try (WritableHdfFile hdf = HdfFile.write(file)) {
      hdf.putDataset("M", new double[][] {{0, 1}, {2, 0}, {0, 3}});
      WritableGroup sparse = hdf.putGroup("S");
      sparse.putAttribute("MATLAB_sparse", 2L);
      sparse.putDataset("data", new double[] {1, 2, 3});
      sparse.putDataset("ir", new long[] {1, 0, 1});
      sparse.putDataset("jc", new long[] {0, 1, 2, 3});
      hdf.putDataset("cube", new double[][][] {{{1}}});
    }
    return file;
  }

  @Test
  void readsADenseMatrixInMatlabsOrientation() throws IOException {
    try (MatlabFile mat = MatlabFile.open(file())) {
      SparseMatrix m = mat.matrix("M");

      assertThat(m.rows()).isEqualTo(2);
      assertThat(m.columns()).isEqualTo(3);
      // column-major: (1,0)=1, (0,1)=2, (1,2)=3
      assertThat(m.row()).containsExactly(1, 0, 1);
      assertThat(m.column()).containsExactly(0, 1, 2);
      assertThat(m.value()).containsExactly(1, 2, 3);
    }
  }

  @Test
  void readsASparseMatrixAsTheSameEntries() throws IOException {
    try (MatlabFile mat = MatlabFile.open(file())) {
      SparseMatrix s = mat.matrix("S");

      assertThat(s.rows()).isEqualTo(2);
      assertThat(s.columns()).isEqualTo(3);
      assertThat(s.row()).containsExactly(1, 0, 1);
      assertThat(s.column()).containsExactly(0, 1, 2);
      assertThat(s.value()).containsExactly(1, 2, 3);
    }
  }

  @Test
  void aMissingVariableOrAnotherShapeIsNamed() throws IOException {
    Path file = file();
    try (MatlabFile mat = MatlabFile.open(file)) {
      assertThatThrownBy(() -> mat.matrix("W"))
          .isInstanceOf(IOException.class)
          .hasMessage(file + ": the variable 'W' is not in the file (it holds [M, S, cube])");
      assertThatThrownBy(() -> mat.matrix("cube"))
          .hasMessage(file + ": the variable 'cube' has 3 dimensions [1, 1, 1], a matrix has 2");
    }
  }

  @Test
  void aFileThatIsNotHdf5IsRefusedSayingWhy() throws IOException {
    Path old = Files.write(dir.resolve("old.mat"), "MATLAB 5.0 MAT-file".getBytes());

    assertThatThrownBy(() -> MatlabFile.open(old))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("cannot read " + old + ": not a MATLAB v7.3 (HDF5) file (a file"
            + " saved by MATLAB before v7.3 is not HDF5: save it with -v7.3)");
    assertThatThrownBy(() -> MatlabFile.open(dir.resolve("none.mat")))
        .hasMessage("cannot read " + dir.resolve("none.mat") + ": no such file");
  }
}
