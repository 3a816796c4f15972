package org.kernelnet.apps.movielens.recommend;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import org.kernelnet.apps.movielens.data.Ratings;
import org.kernelnet.apps.report.ProgressLog;

/**
 * Every user's top unrated items as CSV: the header {@value #HEADER}, then for each user in the
 * order of the user ids up to {@code top} rows {@code user,rank,item,score} with the original
 * user and item ids, ranks from 1, and the prediction clipped to the rating scale with four
 * decimals (rounded half up), non-increasing within a user (ties by item id, as {@link
 * UnratedPredictions} ranks). A user who has rated every item has no rows. Lines end with {@code
 * \n}.
 */
public final class TopNCsv {
  /** The first line. */
  public static final String HEADER = "user,rank,item,score";

  private TopNCsv() {}

  /**
   * What was written.
   *
   * @param users the users ranked
   * @param rows the rows written, the header not counted
   */
  public record Written(int users, long rows) {}

  /**
   * Writes the rows of every user to {@code out} as they are ranked, reporting on {@code progress}
   * (throttled) the users done and the rate.
   *
   * @param predictions the unrated predictions
   * @param ids the ratings whose user and item ids the indices stand for
   * @param top the most rows per user, {@code >= 1}
   * @throws IOException if {@code out} cannot be written
   */
  public static Written write(UnratedPredictions predictions, Ratings ids, int top, Writer out,
      ProgressLog progress) throws IOException {
    requireNonNull(predictions, "predictions is null");
    requireNonNull(ids, "ids is null");
    requireNonNull(out, "out is null");
    requireNonNull(progress, "progress is null");
    int users = predictions.users();
    long started = System.nanoTime();
    long[] rows = {0};
    StringBuilder line = new StringBuilder(64);
    out.write(HEADER + "\n");
    UnratedPredictions.UserTop rowsOfUser = (user, items, scores, count) -> {
      for (int r = 0; r < count; r++) {
        line.setLength(0);
        line.append(ids.userId(user)).append(',').append(r + 1).append(',')
            .append(ids.itemId(items[r])).append(',');
        appendScore(line, scores[r]);
        out.append(line.append('\n'));
      }
      rows[0] += count;
    };
    for (int from = 0; from < users; from += UnratedPredictions.USER_BLOCK) {
      int to = Math.min(users, from + UnratedPredictions.USER_BLOCK);
      predictions.top(from, to, top, rowsOfUser);
      progress.throttled("%,d of %,d users, %,.0f users/s", to, users,
          to / ((System.nanoTime() - started) / 1e9));
    }
    out.flush();
    return new Written(users, rows[0]);
  }

  /**
   * Appends {@code score} with four decimals, rounded half up, as {@code %.4f} writes it (but
   * without a minus sign on a score that rounds to 0). Written out because {@code String.format}
   * parses its pattern on every call: 60,400 rows (ML-1M, top 10) took it 1.5 to 5 s on the busy
   * 2-core build machine, this 2 to 40 ms.
   */
  static void appendScore(StringBuilder line, float score) {
    long units = Math.round(score * 10_000.0);
    if (units < 0) {
      line.append('-');
      units = -units;
    }
    long fraction = units % 10_000;
    line.append(units / 10_000).append('.');
    for (long digit = 1_000; digit > 1 && fraction < digit; digit /= 10) {
      line.append('0');
    }
    line.append(fraction);
  }
}
