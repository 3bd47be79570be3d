package dev.straightline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The kernels compute on the widest vectors the CPU has, 512 or 256 bits, unless
 * {@code -Dstraightline.vectorBits=256} narrows them (this module's tests run once more with it).
 */
class VectorWidthTest {
    @Test
    void theKernelsTakeTheCpusWidestVectorsUnlessNarrowed() throws ReflectiveOperationException {
        assertTrue(Simd.ENABLED, "the tests run with jdk.incubator.vector");
        // FloatVector.SPECIES_PREFERRED.length(), read reflectively: this module's tests compile without the module.
        Object species = Class.forName("jdk.incubator.vector.FloatVector").getField("SPECIES_PREFERRED").get(null);
        int preferred = (int) Class.forName("jdk.incubator.vector.VectorSpecies").getMethod("length").invoke(species);
        boolean narrowed = "256".equals(System.getProperty("straightline.vectorBits"));
        int expected = preferred >= 16 && !narrowed ? 16 : 8;
        assertEquals(expected, Simd.kernels().lanes(),
                "lanes with " + preferred + "-lane preferred vectors, straightline.vectorBits="
                        + System.getProperty("straightline.vectorBits"));
    }

    @Test
    void aLayerSplitByUnitsSplitsOnBlocksOfTwoOfTheWidestVectors() {
        assertEquals(2 * 16, DenseKernels.UNIT_BLOCK);
        assertEquals(0, DenseKernels.UNIT_BLOCK % (2 * Simd.kernels().lanes()));
    }
}
