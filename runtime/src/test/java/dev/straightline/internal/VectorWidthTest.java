package dev.straightline.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        int expected = VectorWidth.lanes(System.getProperty(VectorWidth.PROPERTY), 32 * preferred);
        assertEquals(expected, Simd.kernels().lanes(),
                "lanes with " + preferred + "-lane preferred vectors, straightline.vectorBits="
                        + System.getProperty("straightline.vectorBits"));
    }

    @Test
    void sixteenLanesOnlyWhereTheCpuHas512BitVectorsAndNothingNarrowsThem() {
        assertEquals(16, VectorWidth.lanes(null, 512));
        assertEquals(16, VectorWidth.lanes("512", 512));
        assertEquals(8, VectorWidth.lanes("256", 512));
        assertEquals(8, VectorWidth.lanes(null, 256));
        assertEquals(8, VectorWidth.lanes("512", 256), "a CPU without 512-bit vectors would emulate them");
    }

    @Test
    void anyOtherWidthIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VectorWidth.lanes("128", 512));
        assertEquals("straightline.vectorBits must be 256 or 512, not '128'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VectorWidth.lanes("", 512));
    }

    @Test
    void aLayerSplitByUnitsSplitsOnBlocksOfTwoOfTheWidestVectors() {
        assertEquals(2 * 16, DenseKernels.UNIT_BLOCK);
        assertEquals(0, DenseKernels.UNIT_BLOCK % (2 * Simd.kernels().lanes()));
    }
}
