package org.varflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The palette resource is read, every colour is #rrggbb, unlisted ids get a fallback fixed by the id (so the same
 * unknown method is the same colour in every plot), and the roles the plots use exist.
 */
class PaletteTest {
    private final Palette palette = Palette.standard();

    @Test
    void listedIdsHaveTheirOwnColour() {
        assertThat(palette.colour("langevin")).isEqualTo(palette.methods().get("langevin")).matches("#[0-9A-F]{6}");
        assertThat(palette.lists("gradient-descent")).isTrue();
        // a preset and the part it is named after share a colour
        assertThat(palette.colour("jko")).isEqualTo(palette.colour("jko"));
        assertThat(palette.colour("mala")).isNotEqualTo(palette.colour("langevin"));
        assertThat(palette.colour("minimizing-movement")).isNotEqualTo(palette.colour("euler"))
                .isNotEqualTo(palette.colour("dormand-prince"));
    }

    @Test
    void unlistedIdsTakeAStableFallback() {
        String a = palette.colour("acme-ring-flow");
        assertThat(a).isEqualTo(palette.colour("acme-ring-flow"));
        assertThat(palette.fallback()).contains(a);
        assertThat(palette.fallback().get(Math.floorMod("acme-ring-flow".hashCode(), palette.fallback().size())))
                .isEqualTo(a);
    }

    @Test
    void everyColourIsHexAndTheRolesExist() {
        for (Map.Entry<String, String> e : palette.methods().entrySet()) {
            assertThat(e.getValue()).as(e.getKey()).matches("#[0-9A-F]{6}");
        }
        for (String role : new String[] {"reference", "target", "initial", "levels", "particles"}) {
            assertThat(palette.role(role)).matches("#[0-9A-F]{6}");
        }
        assertThat(palette.sequential()).hasSizeGreaterThanOrEqualTo(5);
        assertThatThrownBy(() -> palette.role("nope")).hasMessageContaining("roles");
    }
}
