package org.varflow.cli.plot;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import javax.imageio.ImageIO;
import org.knowm.xchart.XYChart;

/**
 * Encodes charts as PNG (XChart's rendering, ImageIO's encoder) and SVG (VectorGraphics2D), in memory or into
 * files written under a temporary name and renamed into place. Rendering is headless: no display is needed.
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
     * Writes {@code DIR/NAME.png}, {@code DIR/NAME.svg} and the data the chart draws, {@code DIR/NAME.json}
     * ({@link FigureData}: to re-plot it with another tool, and what tests read back); returns the three paths.
     */
    public static List<Path> write(XYChart chart, Path dir, String name) {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        Path json = dir.resolve(name + ".json");
        String data = FigureData.of(chart).toJson();
        writeBytes(png, png(chart));
        writeBytes(svg, svg(chart).getBytes(StandardCharsets.UTF_8));
        writeBytes(json, data.getBytes(StandardCharsets.UTF_8));
        return List.of(png, svg, json);
    }

    /** Writes {@code DIR/NAME.gif} (nothing when {@code gif} is null); returns the path or null. */
    public static Path writeAnimation(byte[] gif, Path dir, String name) {
        if (gif == null) {
            return null;
        }
        Path file = dir.resolve(name + ".gif");
        writeBytes(file, gif);
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

    static void writeBytes(Path target, byte[] bytes) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".partial");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
