package org.kernelnet.apps.mnist.analysis;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import org.kernelnet.apps.report.ResultsWriter;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler.LegendPosition;

/** Line charts of experiment results drawn with XChart, headless, and written as PNG. */
public final class Charts {
  private Charts() {}

  /**
   * One line.
   *
   * @param name the legend entry
   * @param x the abscissae
   * @param y the ordinates, same length
   * @param errors half-lengths of error bars, same length, or null for none
   */
  public record Series(String name, double[] x, double[] y, double[] errors) {
    /** Checks the lengths agree. */
    public Series {
      requireNonNull(name, "name is null");
      if (x.length != y.length || (errors != null && errors.length != x.length) || x.length == 0) {
        throw new IllegalArgumentException("series '" + name + "' needs x, y (and errors) of the same"
            + " non-zero length, got " + x.length + ", " + y.length
            + (errors == null ? "" : ", " + errors.length));
      }
    }
  }

  /**
   * Writes a line chart as a 900 x 560 PNG, atomically.
   *
   * @param writer the folder to write into
   * @param name the file name, e.g. {@code grid-prior.png}
   * @param logX whether the x axis is logarithmic
   * @return the written file
   */
  public static Path writeLineChart(ResultsWriter writer, String name, String title,
      String xTitle, String yTitle, boolean logX, List<Series> series) {
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    chart.getStyler().setXAxisLogarithmic(logX);
    chart.getStyler().setXAxisLogarithmicDecadeOnly(false);
    chart.getStyler().setLegendPosition(LegendPosition.OutsideS);
    chart.getStyler().setYAxisDecimalPattern("0.0##");
    chart.getStyler().setXAxisDecimalPattern(logX ? "0" : "0.##");
    for (Series s : series) {
      if (s.errors() == null) {
        chart.addSeries(s.name(), s.x(), s.y());
      } else {
        chart.addSeries(s.name(), s.x(), s.y(), s.errors());
      }
    }
    return writer.writePng(name, BitmapEncoder.getBufferedImage(chart));
  }
}
