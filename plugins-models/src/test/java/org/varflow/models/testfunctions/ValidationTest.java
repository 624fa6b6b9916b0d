package org.varflow.models.testfunctions;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.varflow.api.ConfigurationException;

/** Bad parameters are refused with a message naming the part, the value given and what would fit. */
class ValidationTest {

    @Test
    void quadraticRefusesAMatrixOfTheWrongSize() {
        assertThatThrownBy(() -> EnergyContractTest.create(new QuadraticEnergyFactory(),
                Map.of("A", "1,0,0;0,1,0;0,0,1"), 2))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("energy 'quadratic'")
                .hasMessageContaining("'A' is 3 x 3")
                .hasMessageContaining("dimension 2")
                .hasMessageContaining("2 x 2");
    }

    @Test
    void quadraticRefusesANonSquareMatrix() {
        assertThatThrownBy(() -> EnergyContractTest.create(new QuadraticEnergyFactory(),
                Map.of("A", "1,2,3;4,5,6"), 2))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("energy 'quadratic'")
                .hasMessageContaining("2 x 3")
                .hasMessageContaining("square");
    }

    @Test
    void quadraticRefusesANonSymmetricMatrix() {
        assertThatThrownBy(() -> EnergyContractTest.create(new QuadraticEnergyFactory(),
                Map.of("A", "1,2.5;0,1"), 2))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("energy 'quadratic'")
                .hasMessageContaining("not symmetric")
                .hasMessageContaining("A(1,2) = 2.5")
                .hasMessageContaining("A(2,1) = 0");
        // a relative asymmetry of 1e-9 is far above the 1e-12 tolerance
        assertThatThrownBy(() -> EnergyContractTest.create(new QuadraticEnergyFactory(),
                Map.of("A", "1,1;1.000000001,1"), 2))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("not symmetric");
    }

    @Test
    void quadraticRefusesVectorsOfTheWrongLength() {
        assertThatThrownBy(() -> EnergyContractTest.create(new QuadraticEnergyFactory(), Map.of("b", "1,2,3"), 2))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("energy 'quadratic'")
                .hasMessageContaining("parameter 'b' has 3 entries")
                .hasMessageContaining("dimension 2");
        assertThatThrownBy(() -> EnergyContractTest.create(new QuadraticEnergyFactory(), Map.of("diag", "1,2"), 3))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("parameter 'diag' has 2 entries")
                .hasMessageContaining("dimension 3");
    }

    @Test
    void rosenbrockNeedsTwoDimensions() {
        assertThatThrownBy(() -> EnergyContractTest.create(new RosenbrockEnergyFactory(), Map.of(), 1))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("energy 'rosenbrock'")
                .hasMessageContaining("dimension >= 2")
                .hasMessageContaining("dimension 1");
        assertThatCode(() -> EnergyContractTest.create(new RosenbrockEnergyFactory(), Map.of(), 2))
                .doesNotThrowAnyException();
    }

    @Test
    void declaredRangesAreEnforcedWhenParametersResolve() {
        assertThatThrownBy(() -> EnergyContractTest.create(new RosenbrockEnergyFactory(), Map.of("a", -1), 2))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("energy 'rosenbrock'")
                .hasMessageContaining("'a' = -1")
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> EnergyContractTest.create(new DoubleWellEnergyFactory(), Map.of("tilt", "x"), 2))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("energy 'double-well'")
                .hasMessageContaining("'tilt' = 'x'");
    }
}
