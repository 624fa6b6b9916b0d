package org.varflow.cli.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.varflow.core.output.AtomicFile;
import org.varflow.core.output.OutputSet;

/**
 * Encodes charts as PNG (XChart's rendering, ImageIO's encoder) and SVG (VectorGraphics2D), in memory or into
 * files written with {@link AtomicFile} (alone, or staged in an {@link OutputSet} with a run's other outputs).
 * Rendering is headless: no display is needed.
 */
public final class PlotFiles {
    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // encode in memory: ImageIO's file cache registers a shutdown hook, which fails while a Ctrl-C'd run is
        // writing its plots during shutdown
        ImageIO.setUseCache(false);
    }

    private PlotFiles() {
    }

    /** Writes {@code DIR/NAME.png} and {@code DIR/NAME.svg}, each atomically; returns the two paths. */
    public static List<Path> write(XYChart chart, Path dir, String name) {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        AtomicFile.writeBytes(png, png(chart));
        AtomicFile.writeBytes(svg, svg(chart).getBytes(StandardCharsets.UTF_8));
        return List.of(png, svg);
    }

    /** Stages {@code DIR/NAME.png} and {@code DIR/NAME.svg} in a set of outputs that appear together. */
    public static void stage(XYChart chart, Path dir, String name, OutputSet outputs) {
        outputs.bytes(dir.resolve(name + ".png"), png(chart));
        outputs.text(dir.resolve(name + ".svg"), svg(chart));
    }

    /** The chart as PNG bytes, of the chart's width and height in pixels. */
    public static byte[] png(XYChart chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG: " + e.getMessage(), e);
        }
    }

    /**
     * The chart as an SVG document, drawn through VectorGraphics2D (as XChart's own encoder does). The DOCTYPE
     * (which points at the W3C's DTD on the network) is left out, so the file can be read and embedded without
     * fetching anything.
     */
    public static String svg(XYChart chart) {
        try {
            VectorGraphics2D g = new VectorGraphics2D();
            chart.paint(g, chart.getWidth(), chart.getHeight());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, chart.getWidth(), chart.getHeight()))
                    .writeTo(out);
            String text = out.toString(StandardCharsets.UTF_8);
            return text.replaceFirst("<!DOCTYPE[^>]*>\\s*", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an SVG: " + e.getMessage(), e);
        }
    }
}
