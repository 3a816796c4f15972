package org.kernelnet.apps.cifar.probe;

import static java.util.Objects.requireNonNull;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.kernelnet.apps.cifar.data.Cifar10;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Figure 7 of Mueller et al. 2018: every test image drawn at its centre of mass (Eq. 10) on the
 * kernel layer's grid, coloured by its true class, with a class legend. Drawn with XChart in
 * headless mode.
 */
final class EmbeddingMap {
  /** Ten distinguishable colours (matplotlib's tab10), one per CIFAR-10 class. */
  static final List<Color> CLASS_COLORS = List.of(
      new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
      new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
      new Color(0xbcbd22), new Color(0x17becf));

  private EmbeddingMap() {}

  /**
   * Draws the map, 1000 x 860 pixels.
   *
   * @param title the chart title
   * @param centres {@code [N, 2]} row-major centres; rows with a NaN (no activation) are left out
   * @param labels the true class of every row
   * @param halfExtent half the side of the grid (named in the axis titles; the axes fit the points)
   */
  static BufferedImage draw(String title, float[] centres, int[] labels, double halfExtent) {
    requireNonNull(title, "title is null");
    if (centres.length != 2 * labels.length) {
      throw new IllegalArgumentException("centres has " + centres.length + " values for "
          + labels.length + " labels, expected 2 per label");
    }
    System.setProperty("java.awt.headless", "true");
    String grid = String.format(java.util.Locale.ROOT, " (grid spans +-%.2f)", halfExtent);
    XYChart chart = new XYChartBuilder().width(1000).height(860).title(title)
        .xAxisTitle("centre of mass, coordinate 1" + grid)
        .yAxisTitle("centre of mass, coordinate 2" + grid)
        .build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setMarkerSize(4);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setPlotBackgroundColor(Color.WHITE);
    chart.getStyler().setXAxisDecimalPattern("0.00");
    chart.getStyler().setYAxisDecimalPattern("0.00");
    for (int c = 0; c < Cifar10.CLASSES; c++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c && hasCentre(centres, i)) {
          xs.add((double) centres[2 * i]);
          ys.add((double) centres[2 * i + 1]);
        }
      }
      if (xs.isEmpty()) {
        continue;
      }
      XYSeries series =
          chart.addSeries(Cifar10.CLASS_NAMES.get(c) + " (" + xs.size() + ")", xs, ys);
      series.setMarker(SeriesMarkers.CIRCLE);
      series.setMarkerColor(CLASS_COLORS.get(c));
    }
    return BitmapEncoder.getBufferedImage(chart);
  }

  /** The number of points {@link #draw} draws: those of a class with a finite centre. */
  static int pointsDrawn(float[] centres, int[] labels) {
    int count = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= 0 && labels[i] < Cifar10.CLASSES && hasCentre(centres, i)) {
        count++;
      }
    }
    return count;
  }

  private static boolean hasCentre(float[] centres, int i) {
    return Float.isFinite(centres[2 * i]) && Float.isFinite(centres[2 * i + 1]);
  }
}
