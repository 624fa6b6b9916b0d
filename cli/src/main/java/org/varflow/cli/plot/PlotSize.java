package org.varflow.cli.plot;

import org.varflow.api.ConfigurationException;

/**
 * The pixel size of every chart written (PNG width x height; the SVG's view box).
 *
 * @param width  pixels, 200 to 4000
 * @param height pixels, 150 to 4000
 */
public record PlotSize(int width, int height) {
    /** 800 x 560. */
    public static final PlotSize DEFAULT = new PlotSize(800, 560);

    public PlotSize {
        if (width < 200 || width > 4000 || height < 150 || height > 4000) {
            throw new ConfigurationException("plot size " + width + "x" + height + " is not valid; expected"
                    + " WIDTHxHEIGHT with 200 <= WIDTH <= 4000 and 150 <= HEIGHT <= 4000, e.g. 800x560");
        }
    }

    /** Parses {@code WIDTHxHEIGHT}, e.g. {@code 1024x768}. */
    public static PlotSize parse(String text) {
        String[] wh = text.trim().toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (wh.length == 2) {
                return new PlotSize(Integer.parseInt(wh[0].trim()), Integer.parseInt(wh[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigurationException("--plot-size " + text + " is not of the form WIDTHxHEIGHT, e.g. 800x560");
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
