package org.varflow.cli.plot;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * Animated GIFs of a flowing law, written with the JDK's own GIF encoder (javax.imageio): each frame shown for a
 * fixed delay, the last one held longer, looping forever (the NETSCAPE2.0 application extension).
 */
public final class Animation {
    /** Hundredths of a second per frame. */
    static final int DELAY = 12;
    /** Hundredths of a second the last frame is held. */
    static final int HOLD = 150;

    private Animation() {
    }

    /** The frames as one looping animated GIF. */
    public static byte[] gif(List<BufferedImage> frames) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("an animation needs at least one frame");
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (int i = 0; i < frames.size(); i++) {
                BufferedImage frame = rgb(frames.get(i));
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame),
                        param);
                configure(meta, i == frames.size() - 1 ? HOLD : DELAY, i == 0);
                writer.writeToSequence(new IIOImage(frame, null, meta), param);
            }
            writer.endWriteSequence();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a GIF: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The frame in 256 fixed colours, mapped pixel by pixel without a search (the JDK's encoder would otherwise build
     * an octree palette per frame, the slow part): the palette's own colours and their translucent tints on white
     * (bars, clouds) exactly, 32 greys for text and grid, and a 5 x 5 x 5 cube for the blends of anti-aliased edges.
     */
    private static BufferedImage rgb(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_INDEXED, COLOURS);
        byte[] pixels = ((java.awt.image.DataBufferByte) out.getRaster().getDataBuffer()).getData();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            for (int x = 0; x < w; x++) {
                pixels[y * w + x] = (byte) index(row[x] & 0xFFFFFF);
            }
        }
        return out;
    }

    private static final int SIDE = 5;
    private static final int CUBE = SIDE * SIDE * SIDE;
    private static final int GREYS = 32;
    private static final int[] NAMED = named();
    private static final java.awt.image.IndexColorModel COLOURS = colours();

    private static int[] named() {
        java.util.LinkedHashSet<Integer> set = new java.util.LinkedHashSet<>();
        org.varflow.Palette p = org.varflow.Palette.standard();
        java.util.LinkedHashSet<Integer> base = new java.util.LinkedHashSet<>();
        p.methods().values().forEach(c -> base.add(Integer.decode(c)));
        p.fallback().forEach(c -> base.add(Integer.decode(c)));
        p.sequential().forEach(c -> base.add(Integer.decode(c)));
        for (String role : new String[] {"reference", "target", "initial", "levels", "particles"}) {
            base.add(Integer.decode(p.role(role)));
        }
        set.addAll(base);
        for (int alpha : new int[] {90, 110}) { // Plots.bars and Plots.scatter on white
            for (int c : base) {
                set.add(tint(c, alpha));
            }
        }
        return set.stream().limit(256 - CUBE - GREYS).mapToInt(Integer::intValue).toArray();
    }

    private static int tint(int rgb, int alpha) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int v = rgb >> shift & 0xFF;
            out |= Math.round((v * alpha + 255 * (255 - alpha)) / 255f) << shift;
        }
        return out;
    }

    private static java.awt.image.IndexColorModel colours() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < CUBE; i++) {
            int red = i / (SIDE * SIDE); // the colour cube's integer levels, then scaled to 0..255
            int green = i / SIDE % SIDE;
            int blue = i % SIDE;
            r[i] = (byte) Math.round(255f * red / (SIDE - 1));
            g[i] = (byte) Math.round(255f * green / (SIDE - 1));
            b[i] = (byte) Math.round(255f * blue / (SIDE - 1));
        }
        for (int i = 0; i < GREYS; i++) {
            int v = (int) Math.round(255.0 * i / (GREYS - 1));
            r[CUBE + i] = (byte) v;
            g[CUBE + i] = (byte) v;
            b[CUBE + i] = (byte) v;
        }
        for (int i = 0; i < NAMED.length; i++) {
            r[CUBE + GREYS + i] = (byte) (NAMED[i] >> 16);
            g[CUBE + GREYS + i] = (byte) (NAMED[i] >> 8);
            b[CUBE + GREYS + i] = (byte) NAMED[i];
        }
        return new java.awt.image.IndexColorModel(8, 256, r, g, b);
    }

    private static int index(int rgb) {
        for (int i = 0; i < NAMED.length; i++) {
            if (NAMED[i] == rgb) {
                return CUBE + GREYS + i;
            }
        }
        int red = rgb >> 16 & 0xFF;
        int green = rgb >> 8 & 0xFF;
        int blue = rgb & 0xFF;
        if (Math.abs(red - green) < 12 && Math.abs(green - blue) < 12 && Math.abs(red - blue) < 12) {
            return CUBE + (int) Math.round((red + green + blue) / 3.0 * (GREYS - 1) / 255);
        }
        float step = 255f / (SIDE - 1);
        return SIDE * SIDE * Math.round(red / step) + SIDE * Math.round(green / step) + Math.round(blue / step);
    }

    private static void configure(IIOMetadata meta, int delay, boolean first) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delay));
        control.setAttribute("transparentColorIndex", "0");
        // the frame's own colour table: without it the encoder writes a default global table the indices do not match
        IIOMetadataNode table = child(root, "LocalColorTable");
        table.setAttribute("sizeOfLocalColorTable", "256");
        table.setAttribute("sortFlag", "FALSE");
        while (table.getLength() > 0) {
            table.removeChild(table.item(0));
        }
        for (int i = 0; i < 256; i++) {
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString(COLOURS.getRed(i)));
            entry.setAttribute("green", Integer.toString(COLOURS.getGreen(i)));
            entry.setAttribute("blue", Integer.toString(COLOURS.getBlue(i)));
            table.appendChild(entry);
        }
        if (first) {
            IIOMetadataNode apps = child(root, "ApplicationExtensions");
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {0x1, 0, 0}); // loop forever
            apps.appendChild(app);
        }
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
