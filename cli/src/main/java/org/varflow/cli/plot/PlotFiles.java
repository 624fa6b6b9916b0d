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
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;
import org.varflow.core.output.OutputSet;

/**
 * Encodes charts as PNG (XChart's rendering, ImageIO's encoder) and SVG (VectorGraphics2D), in memory or into
 * files staged in an {@link OutputSet} with the command's other outputs, so that a command that fails part-way leaves
 * no partial set of plots. Rendering is headless: no display is needed.
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

    /**
     * Stages {@code DIR/NAME.png}, {@code DIR/NAME.svg} and the data the chart draws, {@code DIR/NAME.json}
     * ({@link FigureData}: to re-plot it with another tool, and what tests read back), in a set of outputs that
     * appear together; returns the three paths.
     */
    public static List<Path> stage(XYChart chart, Path dir, String name, OutputSet outputs) {
        String data = FigureData.of(chart).toJson();
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        Path json = dir.resolve(name + ".json");
        outputs.bytes(png, png(chart));
        outputs.text(svg, svg(chart));
        outputs.text(json, data);
        return List.of(png, svg, json);
    }

    /**
     * Stages {@code DIR/NAME.gif} in a set of outputs that appear together; returns its path, or null (and stages
     * nothing) when {@code gif} is null.
     */
    public static Path stageAnimation(byte[] gif, Path dir, String name, OutputSet outputs) {
        if (gif == null) {
            return null;
        }
        Path file = dir.resolve(name + ".gif");
        outputs.bytes(file, gif);
        return file;
    }

    /** The chart as PNG bytes, of the chart's width and height in pixels. */
    public static byte[] png(XYChart chart) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image(chart), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG: " + e.getMessage(), e);
        }
    }

    /**
     * The chart drawn into an image of its size, prepared ({@link Axes#prepare}) and with pure strokes: Java2D's
     * default stroke normalisation moves points by up to half a pixel, which makes a thick straight line wavy.
     */
    public static BufferedImage image(XYChart chart) {
        Axes.prepare(chart);
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        return image;
    }

    /**
     * The chart as an SVG document, drawn through VectorGraphics2D (as XChart's own encoder does). The DOCTYPE
     * (which points at the W3C's DTD on the network) is left out, so the file can be read and embedded without
     * fetching anything.
     */
    public static String svg(XYChart chart) {
        Axes.prepare(chart);
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
