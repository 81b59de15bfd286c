package org.ferry.app.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Ferry's one way to write a plot: an XChart chart saved as SVG (VectorGraphics2D), and as PNG
 * where a bitmap is wanted too. The experiment's plots and the benches' go through here.
 */
public final class ChartFiles {

  private ChartFiles() {}

  /** Saves {@code chart} as {@code file} (SVG) and returns it. */
  public static Path svg(Chart<?, ?> chart, Path file) throws IOException {
    // The encoder appends ".svg" to a name without it; give it the name without.
    String name = file.toString().endsWith(".svg")
        ? file.toString().substring(0, file.toString().length() - 4) : file.toString();
    VectorGraphicsEncoder.saveVectorGraphic(chart, name,
        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    Path written = Path.of(name + ".svg");
    if (!Files.exists(written)) {
      throw new IOException("the chart was not written to " + written);
    }
    return written;
  }

  /** Saves {@code chart} as {@code dir/name.png} and {@code dir/name.svg} and returns both. */
  public static List<Path> pngAndSvg(Chart<?, ?> chart, Path dir, String name)
      throws IOException {
    Path png = dir.resolve(name + ".png");
    BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    return List.of(png, svg(chart, dir.resolve(name + ".svg")));
  }
}
