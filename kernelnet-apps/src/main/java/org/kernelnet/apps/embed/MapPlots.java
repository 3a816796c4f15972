package org.kernelnet.apps.embed;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Inject;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the embedding maps (headless): the test points coloured by class (XChart scatter, Figure 5
 * left), the digit images at their positions (Figure 5 right, java.awt) and the decoded bump
 * traversal (Figure 6).
 *
 * <p>Map positions are (row, column) pairs in grid units as returned by {@link
 * EmbeddingNetwork#centres}; every plot puts the column to the right and the row downwards, the
 * layout of the grid itself, so the three pictures line up. Points without a position (NaN) are
 * left out. Loading this class sets {@code java.awt.headless=true} unless the property is already
 * set, so plots render on machines without a display.
 */
public final class MapPlots {
  /** The ten class colours (the Tableau 10 palette), index = digit. */
  static final Color[] CLASS_COLORS = {
      new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
      new Color(0xbcbd22), new Color(0x17becf)};

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  @Inject
  MapPlots() {}

  /**
   * The scatter plot: one series per class with a legend; x is the column, y the negated row.
   *
   * @param centres {@code [N, 2]} (row, column) row-major
   * @param labels {@code [N]} in {@code 0..9}
   */
  public BufferedImage scatter(float[] centres, int[] labels, String title, int width, int height) {
    requireNonNull(centres, "centres is null");
    requireNonNull(labels, "labels is null");
    XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
        .xAxisTitle("map column (grid cells)").yAxisTitle("map row (grid cells, up = -row)").build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(4);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setAntiAlias(true);
    for (int c = 0; c < CLASS_COLORS.length; c++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        float row = centres[2 * i];
        float col = centres[2 * i + 1];
        if (labels[i] == c && Float.isFinite(row) && Float.isFinite(col)) {
          xs.add((double) col);
          ys.add((double) -row);
        }
      }
      if (xs.isEmpty()) {
        continue;
      }
      XYSeries series = chart.addSeries(String.valueOf(c), xs, ys);
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setMarkerColor(new Color(
          CLASS_COLORS[c].getRed(), CLASS_COLORS[c].getGreen(), CLASS_COLORS[c].getBlue(), 170));
    }
    return BitmapEncoder.getBufferedImage(chart);
  }

  /**
   * The digit images drawn at their map positions on a {@code size x size} canvas: every point as a
   * small dot in its class colour, then a non-overlapping subset of thumbnails ({@link
   * ThumbnailPlacement}, candidates in a seeded random order) drawn in their class colour, and a
   * legend line at the top. The map's bounding box (0.5 to 99.5 percentile of each coordinate)
   * fills the canvas.
   *
   * @param centres {@code [N, 2]} (row, column)
   * @param labels {@code [N]}
   * @param images {@code [N, side * side]} in {@code [0, 1]}
   * @param side the image side (28 for MNIST); thumbnails are drawn at this size
   * @return the picture and the number of thumbnails it shows
   */
  public Thumbnails thumbnails(
      float[] centres, int[] labels, float[] images, int side, int size, long seed) {
    requireNonNull(centres, "centres is null");
    requireNonNull(images, "images is null");
    int n = labels.length;
    int top = 24;
    int margin = side;
    Bounds b = Bounds.of(centres);
    float[] xs = new float[n];
    float[] ys = new float[n];
    double span = Math.max(b.maxCol - b.minCol, b.maxRow - b.minRow);
    double scale = span > 0 ? (size - 2.0 * margin - top) / span : 1;
    for (int i = 0; i < n; i++) {
      xs[i] = (float) (margin + (centres[2 * i + 1] - b.minCol) * scale);
      ys[i] = (float) (top + margin + (centres[2 * i] - b.minRow) * scale);
    }
    BufferedImage canvas = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, size, size);
      for (int i = 0; i < n; i++) {
        if (Float.isFinite(xs[i]) && Float.isFinite(ys[i])) {
          Color c = CLASS_COLORS[labels[i]];
          g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 90));
          g.fillOval(Math.round(xs[i]) - 1, Math.round(ys[i]) - 1, 3, 3);
        }
      }
      int[] order = new int[n];
      Arrays.setAll(order, i -> i);
      Random random = new Random(seed);
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      // Thumbnails stay below the legend line: placement runs on the canvas under it.
      float[] below = new float[n];
      for (int i = 0; i < n; i++) {
        below[i] = ys[i] - top;
      }
      int[] placed = ThumbnailPlacement.place(xs, below, order, size, size - top, side);
      for (int i : placed) {
        drawDigit(canvas, images, i, side, Math.round(xs[i] - side / 2f), Math.round(ys[i] - side / 2f),
            CLASS_COLORS[labels[i]]);
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
      int x = 8;
      g.setColor(Color.BLACK);
      g.drawString("digit:", x, 18);
      x += 52;
      for (int c = 0; c < CLASS_COLORS.length; c++) {
        g.setColor(CLASS_COLORS[c]);
        g.drawString(String.valueOf(c), x, 18);
        x += 20;
      }
      g.setColor(Color.DARK_GRAY);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      g.drawString(placed.length + " of " + n + " test digits drawn, none overlapping; dots: all",
          x + 16, 18);
      g.setStroke(new BasicStroke(1));
      g.drawLine(0, top, size, top);
      return new Thumbnails(canvas, placed.length);
    } finally {
      g.dispose();
    }
  }

  /**
   * A thumbnail map and how many digits it shows.
   *
   * @param image the picture
   * @param placed the number of thumbnails drawn
   */
  public record Thumbnails(BufferedImage image, int placed) {}

  /**
   * The traversal mosaic: tile {@code (i, j)} is the decoded image of the bump at the {@code i}-th
   * row and {@code j}-th column centre, tiles magnified 2x with a 2-pixel gap, under a caption of
   * one or more lines; the picture is widened if the caption is wider than the tiles.
   *
   * @param tiles {@code [steps * steps, side * side]} row-major in {@code [0, 1]}
   */
  public BufferedImage mosaic(float[] tiles, int steps, int side, List<String> caption) {
    requireNonNull(tiles, "tiles is null");
    if (tiles.length != steps * steps * side * side) {
      throw new IllegalArgumentException("tiles has " + tiles.length + " values, expected "
          + steps + "^2 tiles of " + side + " x " + side);
    }
    int zoom = 2;
    int gap = 2;
    int top = 8 + 16 * caption.size();
    int cell = side * zoom + gap;
    Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    int captionWidth = 0;
    Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
    try {
      for (String line : caption) {
        captionWidth = Math.max(captionWidth, probe.getFontMetrics(font).stringWidth(line));
      }
    } finally {
      probe.dispose();
    }
    int width = Math.max(steps * cell + gap, captionWidth + 12);
    BufferedImage canvas = new BufferedImage(width, top + steps * cell + gap, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
      g.setColor(Color.BLACK);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(font);
      for (int line = 0; line < caption.size(); line++) {
        g.drawString(caption.get(line), 6, 17 + 16 * line);
      }
    } finally {
      g.dispose();
    }
    for (int t = 0; t < steps * steps; t++) {
      int x0 = gap + (t % steps) * cell;
      int y0 = top + gap + (t / steps) * cell;
      int offset = t * side * side;
      for (int r = 0; r < side * zoom; r++) {
        for (int c = 0; c < side * zoom; c++) {
          float v = tiles[offset + (r / zoom) * side + c / zoom];
          int grey = 255 - Math.round(255 * Math.max(0, Math.min(1, v)));
          canvas.setRGB(x0 + c, y0 + r, (grey << 16) | (grey << 8) | grey);
        }
      }
    }
    return canvas;
  }

  /** Draws digit i in {@code colour}, ink blended over what is below, top-left at (x0, y0). */
  private static void drawDigit(
      BufferedImage canvas, float[] images, int i, int side, int x0, int y0, Color colour) {
    int offset = i * side * side;
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        float ink = images[offset + r * side + c];
        int x = x0 + c;
        int y = y0 + r;
        if (x < 0 || y < 0 || x >= canvas.getWidth() || y >= canvas.getHeight()) {
          continue;
        }
        // A thumbnail is opaque white paper with the digit's ink in its class colour (darkened).
        int red = blend(255, colour.getRed() * 3 / 4, ink);
        int green = blend(255, colour.getGreen() * 3 / 4, ink);
        int blue = blend(255, colour.getBlue() * 3 / 4, ink);
        canvas.setRGB(x, y, (red << 16) | (green << 8) | blue);
      }
    }
  }

  private static int blend(int paper, int ink, float amount) {
    float a = Math.max(0, Math.min(1, amount));
    return Math.round(paper * (1 - a) + ink * a);
  }

  /** The 0.5 to 99.5 percentile box of the finite positions. */
  private record Bounds(double minRow, double maxRow, double minCol, double maxCol) {
    static Bounds of(float[] centres) {
      int n = centres.length / 2;
      double[] rows = new double[n];
      double[] cols = new double[n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (Float.isFinite(centres[2 * i]) && Float.isFinite(centres[2 * i + 1])) {
          rows[m] = centres[2 * i];
          cols[m] = centres[2 * i + 1];
          m++;
        }
      }
      if (m == 0) {
        return new Bounds(0, 1, 0, 1);
      }
      rows = Arrays.copyOf(rows, m);
      cols = Arrays.copyOf(cols, m);
      Arrays.sort(rows);
      Arrays.sort(cols);
      int lo = (int) Math.floor(0.005 * (m - 1));
      int hi = (int) Math.ceil(0.995 * (m - 1));
      return new Bounds(rows[lo], rows[hi], cols[lo], cols[hi]);
    }
  }
}
