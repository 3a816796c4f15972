package org.kernelnet.apps.movielens.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kernelnet.apps.data.DataDirectory;
import org.kernelnet.apps.data.Downloader;

/**
 * {@link GivenTestFile} and {@link RatingsSource#ratings(RatingsInput)} on a training file and its
 * test file: ids mapped over both files, the test ratings last and the published split, the test
 * file read with the training file's layout and scale, a pair rated in both refused.
 */
class GivenTestFileTest {
  @TempDir Path tmp;

  private RatingsFile read(String train, String test) throws IOException {
    Path trainFile = Files.writeString(tmp.resolve("train.csv"), train);
    Path testFile = Files.writeString(tmp.resolve("test.csv"), test);
    RatingsSource source =
        new DataDirectoryRatings(DataDirectory.of(tmp), Downloader.offline(), note -> { });
    return source.ratings(new RatingsInput.OwnFile(trainFile, RatingsFormat.DETECT, testFile));
  }

  @Test
  void idsAreMappedOverBothFilesAndTheTestRatingsAreTheSplit() throws IOException {
    // carol and item "c" appear only in the test file
    RatingsFile data = read("user,item,rating\nbob,b,4\nalice,a,2\nalice,b,3\n",
        "user,item,rating\ncarol,c,4\nbob,a,3\n");
    Ratings r = data.ratings();

    assertThat(IntStream.range(0, r.numUsers()).mapToObj(r::userId))
        .containsExactly("alice", "bob", "carol");
    assertThat(IntStream.range(0, r.numItems()).mapToObj(r::itemId)).containsExactly("a", "b", "c");
    assertThat(IntStream.range(0, r.size()).mapToObj(k -> r.userId(r.user(k)) + "/"
        + r.itemId(r.item(k)) + "=" + r.rating(k)))
        .containsExactly("bob/b=4.0", "alice/a=2.0", "alice/b=3.0", "carol/c=4.0", "bob/a=3.0");
    RatingSplit split = data.published().split(r, 3);
    assertThat(split.testPositions()).containsExactly(3, 4);
    assertThat(split.provenance()).containsEntry("testFile",
        tmp.resolve("test.csv").toAbsolutePath().toString());
    assertThat(data.published().description()).isEqualTo("the test file test.csv");
    assertThat(data.file()).isEqualTo(tmp.resolve("train.csv").toAbsolutePath());
  }

  @Test
  void theTestFileIsReadWithTheTrainingFilesDelimiterHeaderAndScale() throws IOException {
    RatingsFile data = read("u;i;r\nx;a;2\nx;b;3\nz;a;4\n", "u;i;r\ny;a;3\n");
    assertThat(data.ratings().scale()).isEqualTo(new RatingScale(2, 4, 1));
    assertThat(data.ratings().format().delimiter()).contains(Delimiter.SEMICOLON);

    assertThatThrownBy(() -> read("u;i;r\nx;a;2\nx;b;3\nz;a;4\n", "u;i;r\ny;a;5\n"))
        .isInstanceOf(RatingsFormatException.class)
        .hasMessageStartingWith(tmp.resolve("test.csv").toAbsolutePath() + ", line 2: rating '5'"
            + " is not on the scale integers 2..4");
  }

  @Test
  void aPairRatedInBothFilesIsRefused() {
    assertThatThrownBy(() -> read("1\t10\t4\n2\t10\t3\n", "2\t10\t4\n"))
        .isInstanceOf(IOException.class)
        .hasMessage("user 2 rated item 10 in both " + tmp.resolve("train.csv").toAbsolutePath()
            + " and " + tmp.resolve("test.csv").toAbsolutePath()
            + ": a training file and its test file hold different ratings");
  }
}
