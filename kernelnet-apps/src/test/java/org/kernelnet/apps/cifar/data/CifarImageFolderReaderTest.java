package org.kernelnet.apps.cifar.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarImageFolderReaderTest {
  @TempDir Path root;

  /** A 32 x 32 RGB image filled with (r, g, b), pixel (row 3, column 5) = (1, 2, 3). */
  static BufferedImage rgb(int r, int g, int b) {
    BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        image.setRGB(x, y, (r << 16) | (g << 8) | b);
      }
    }
    image.setRGB(5, 3, (1 << 16) | (2 << 8) | 3);
    return image;
  }

  private void png(String split, String cls, String name, BufferedImage image) throws IOException {
    Path folder = root.resolve(split).resolve(cls);
    Files.createDirectories(folder);
    assertThat(ImageIO.write(image, "png", folder.resolve(name).toFile())).isTrue();
  }

  @BeforeEach
  void layout() throws IOException {
    for (String cls : Cifar10.CLASS_NAMES) {
      Files.createDirectories(root.resolve("test").resolve(cls));
    }
    png("test", "truck", "7.png", rgb(90, 90, 90));
    png("test", "cat", "10.png", rgb(10, 0, 0));
    png("test", "cat", "2.png", rgb(2, 0, 0));
    png("test", "cat", "1.png", rgb(1, 0, 0));
    png("test", "airplane", "0000.png", rgb(200, 100, 50));
    Files.writeString(root.resolve("test").resolve("cat").resolve(".DS_Store"), "ignored");
  }

  @Test
  void listsInClassOrderThenNumericOrder() throws IOException {
    List<CifarImageFolderReader.ImageFile> files =
        CifarImageFolderReader.list(root, CifarSplit.TEST);

    assertThat(files).extracting(f -> f.path().getFileName().toString())
        .containsExactly("0000.png", "1.png", "2.png", "10.png", "7.png");
    assertThat(files).extracting(CifarImageFolderReader.ImageFile::label)
        .containsExactly(0, 3, 3, 3, 9);
    assertThat(CifarImageFolderReader.list(root, CifarSplit.TEST, 2))
        .extracting(f -> f.path().getFileName().toString())
        .containsExactly("0000.png", "1.png", "2.png", "7.png");
  }

  @Test
  void decodesLosslessPixelsAsRgbPlanes() throws IOException {
    CifarSet set = CifarImageFolderReader.read(CifarImageFolderReader.list(root, CifarSplit.TEST),
        2);

    assertThat(set.labels()).containsExactly(0, 3, 3, 3, 9);
    float[] airplane = set.image(0);
    assertThat(airplane[0]).isEqualTo(200 / 255f);
    assertThat(airplane[1024]).isEqualTo(100 / 255f);
    assertThat(airplane[2048 + 1023]).isEqualTo(50 / 255f);
    int pixel = 3 * 32 + 5;
    assertThat(new float[] {airplane[pixel], airplane[1024 + pixel], airplane[2048 + pixel]})
        .containsExactly(1 / 255f, 2 / 255f, 3 / 255f);
    assertThat(new float[] {set.image(1)[0], set.image(2)[0], set.image(3)[0]})
        .containsExactly(1 / 255f, 2 / 255f, 10 / 255f);
  }

  @Test
  void greyImagesAreReplicatedToThreeChannels() throws IOException {
    BufferedImage grey = new BufferedImage(32, 32, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(4, 0, 0, 77);
    png("test", "dog", "0.png", grey);

    CifarSet set = CifarImageFolderReader.read(root, CifarSplit.TEST);

    float[] dog = set.image(4);
    assertThat(set.label(4)).isEqualTo(5);
    assertThat(new float[] {dog[4], dog[1024 + 4], dog[2048 + 4], dog[0]})
        .containsExactly(77 / 255f, 77 / 255f, 77 / 255f, 0f);
  }

  @Test
  void missingSplitOrClassFolderIsNamed() throws IOException {
    assertThatThrownBy(() -> CifarImageFolderReader.list(root, CifarSplit.TRAIN))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining(root.resolve("train").toString());
    Files.delete(root.resolve("test").resolve("frog"));
    assertThatThrownBy(() -> CifarImageFolderReader.list(root, CifarSplit.TEST))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining(root.resolve("test").resolve("frog").toString());
  }

  @Test
  void unknownClassAndStrayFilesAreNamed() throws IOException {
    Files.createDirectories(root.resolve("test").resolve("unicorn"));
    assertThatThrownBy(() -> CifarImageFolderReader.list(root, CifarSplit.TEST))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("[unicorn]");
    Files.delete(root.resolve("test").resolve("unicorn"));

    Path notes = Files.writeString(root.resolve("test").resolve("cat").resolve("notes.txt"), "x");
    assertThatThrownBy(() -> CifarImageFolderReader.list(root, CifarSplit.TEST))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(notes.toString());
  }

  @Test
  void undecodableOrWrongSizeImagesAreNamed() throws IOException {
    Path broken = Files.writeString(root.resolve("test").resolve("bird").resolve("0.jpg"),
        "not a jpeg");
    assertThatThrownBy(() -> CifarImageFolderReader.read(root, CifarSplit.TEST))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(broken.toString());
    Files.delete(broken);

    png("test", "deer", "0.png", new BufferedImage(32, 31, BufferedImage.TYPE_INT_RGB));
    assertThatThrownBy(() -> CifarImageFolderReader.read(root, CifarSplit.TEST))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(root.resolve("test").resolve("deer").resolve("0.png").toString())
        .hasMessageContaining("32 x 31");
  }
}
