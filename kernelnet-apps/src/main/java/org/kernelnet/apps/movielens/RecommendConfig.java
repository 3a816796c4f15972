package org.kernelnet.apps.movielens;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.cli.ConfigurationException;

/**
 * The configuration of the {@code recommend} application.
 *
 * @param model the saved model file
 * @param user the user id as the ratings file writes it, or null for every user ({@code
 *     --all-users})
 * @param top how many items to list per user, {@code >= 1}
 * @param csv with every user, the file the CSV rows go to instead of standard output; null for
 *     standard output
 * @param ratings where the ratings file of one's own that the model was trained on is now, or
 *     null for where the model says it was
 */
public record RecommendConfig(Path model, String user, int top, Path csv, Path ratings) {
  /**
   * Validates every setting together.
   *
   * @throws ConfigurationException listing every problem
   */
  public RecommendConfig {
    List<String> problems = new ArrayList<>();
    if (model == null) {
      problems.add("--model FILE is required");
    } else if (!Files.isRegularFile(model)) {
      problems.add("--model: no such file: " + model.toAbsolutePath());
    }
    if (user != null && user.isBlank()) {
      problems.add("--user ID must not be blank");
    }
    if (ratings != null && !Files.isRegularFile(ratings)) {
      problems.add("--ratings: no such file: " + ratings.toAbsolutePath());
    }
    if (top < 1) {
      problems.add("--top must be >= 1, got " + top);
    }
    if (csv != null) {
      Path file = csv.toAbsolutePath();
      if (user != null) {
        problems.add("--csv FILE goes with --all-users; --user " + user + " prints a table");
      } else if (Files.isDirectory(file)) {
        problems.add("--csv " + csv + ": " + file + " is a folder, not a file");
      } else if (Files.exists(file.getParent()) && !Files.isDirectory(file.getParent())) {
        problems.add("--csv " + csv + ": " + file.getParent() + " is a file, not a folder");
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    requireNonNull(model, "model is null");
    user = user == null ? null : user.strip(); // as the reader trims ids
  }

  /** Whether every user gets recommendations ({@code --all-users}). */
  public boolean allUsers() {
    return user == null;
  }
}
