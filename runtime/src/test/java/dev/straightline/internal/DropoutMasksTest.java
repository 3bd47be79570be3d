package dev.straightline.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DropoutMasksTest {
    @Test
    void keepsOneMinusTheRateScaledByItsInverse() {
        float[] mask = new float[1001];
        long kept = 0;
        long total = 0;
        for (int sample = 0; sample < 200; sample++) {
            DropoutMasks.fill(mask, mask.length, 0.3, 42, 7, 1, sample);
            for (float m : mask) {
                assertTrue(m == 0f || m == (float) (1 / 0.7), "a mask value is 0 or 1/(1 - rate), not " + m);
                kept += m == 0f ? 0 : 1;
                total++;
            }
        }
        double fraction = (double) kept / total;
        // 200,200 draws: the standard deviation of the fraction is 0.001.
        assertEquals(0.7, fraction, 0.005, "fraction kept");
    }

    @Test
    void theSameKeyGivesTheSameMaskAndAnyOtherKeyAnother() {
        double[] a = new double[64];
        double[] b = new double[64];
        DropoutMasks.fill(a, 64, 0.5, 1, 2, 3, 4);
        DropoutMasks.fill(b, 64, 0.5, 1, 2, 3, 4);
        assertArrayEquals(a, b);
        for (long[] key : new long[][] {{9, 2, 3, 4}, {1, 9, 3, 4}, {1, 2, 9, 4}, {1, 2, 3, 9}}) {
            DropoutMasks.fill(b, 64, 0.5, key[0], key[1], (int) key[2], (int) key[3]);
            assertFalse(Arrays.equals(a, b), "key " + Arrays.toString(key) + " gave the same mask");
        }
    }

    @Test
    void floatAndDoubleMasksDropTheSameOutputs() {
        float[] single = new float[33];
        double[] exact = new double[33];
        DropoutMasks.fill(single, 33, 0.25, 5, 6, 0, 1);
        DropoutMasks.fill(exact, 33, 0.25, 5, 6, 0, 1);
        for (int j = 0; j < 33; j++) {
            assertEquals(exact[j] == 0, single[j] == 0f, "output " + j);
        }
    }
}
