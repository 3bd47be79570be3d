package dev.straightline.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The Vector API kernels compute what the plain loops compute, on shapes that exercise every tail.
 * This module's tests run with {@code --add-modules jdk.incubator.vector}.
 */
class VectorKernelsTest {
    private static final int[][] SHAPES = { // n, inputs, units
        {1, 784, 128}, {4, 13, 16}, {7, 13, 37}, {32, 784, 128}, {5, 3, 8}, {9, 64, 70}, {2, 5, 3}, {32, 128, 10},
        {6, 9, 26}, {100, 300, 40}, {128, 784, 128}, {33, 257, 9}, {9, 50, 300}, {1, 23, 37}, {1, 50, 300},
        // Narrower than two 16-lane vectors, at batches that take the narrow weight gradient; and 48 units,
        // two 16-lane vectors and one more.
        {48, 70, 20}, {20, 40, 12}, {12, 100, 48}
    };

    private static float[][] random(int rows, int columns, SplittableRandom random) {
        float[][] m = new float[rows][columns];
        for (float[] row : m) {
            for (int j = 0; j < columns; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return m;
    }

    @Test
    void theVectorKernelsAreLoadedWhenTheModuleIsPresent() {
        assertTrue(Simd.ENABLED, "surefire runs this module with --add-modules jdk.incubator.vector");
        assertEquals("dev.straightline.internal.vector.VectorKernels", Simd.kernels().getClass().getName());
    }

    @Test
    void forwardMatchesThePlainSum() {
        SplittableRandom random = new SplittableRandom(1);
        for (int[] shape : SHAPES) {
            int n = shape[0];
            int inputs = shape[1];
            int units = shape[2];
            float[][] in = random(n, inputs, random);
            float[][] w = random(inputs, units, random);
            float[] b = random(1, units, random)[0];
            for (float[] bias : new float[][] {b, new float[units]}) {
                float[][] z = new float[n][units];
                Simd.kernels().forward(in, w, bias, z, 0, n, inputs, units);
                for (int s = 0; s < n; s++) {
                    for (int j = 0; j < units; j++) {
                        double expected = bias[j];
                        for (int k = 0; k < inputs; k++) {
                            expected += (double) in[s][k] * w[k][j];
                        }
                        assertEquals(expected, z[s][j], 1e-4 * Math.sqrt(inputs), "z[" + s + "][" + j + "] of shape "
                                + java.util.Arrays.toString(shape));
                    }
                }
            }
        }
    }

    @Test
    void inputGradientTakesTheDotProductsOfDzWithTheRowsOfWForTheSamplesInRange() {
        SplittableRandom random = new SplittableRandom(4);
        for (int[] shape : SHAPES) {
            int n = shape[0];
            int inputs = shape[1];
            int units = shape[2];
            float[][] dz = random(n, units, random);
            float[][] w = random(inputs, units, random);
            float[][] dx = new float[n + 1][inputs];
            int from = n > 1 ? 1 : 0;
            dx[0][0] = 7; // outside the range when it starts at 1, as the row after it: both must stay as they are
            dx[n][0] = 7;
            Simd.kernels().inputGradient(dz, w, dx, from, n, units, inputs);
            if (from == 1) {
                assertEquals(7, dx[0][0], "the row before the range, shape " + java.util.Arrays.toString(shape));
            }
            for (int s = from; s < n; s++) {
                for (int k = 0; k < inputs; k++) {
                    double expected = 0;
                    for (int j = 0; j < units; j++) {
                        expected += (double) dz[s][j] * w[k][j];
                    }
                    assertEquals(expected, dx[s][k], 1e-4 * Math.sqrt(units), "dx[" + s + "][" + k + "] of shape "
                            + java.util.Arrays.toString(shape));
                }
            }
            assertEquals(7, dx[n][0], "the row after the range, shape " + java.util.Arrays.toString(shape));
        }
    }

    @Test
    void weightGradientStoresOrUpdates() {
        SplittableRandom random = new SplittableRandom(2);
        for (int[] shape : SHAPES) {
            int n = shape[0];
            int inputs = shape[1];
            int units = shape[2];
            float[][] in = random(n, inputs, random);
            float[][] dz = random(n, units, random);
            float[][] w = random(inputs, units, random);
            float[][] before = copy(w);
            float[][] dw = new float[inputs][units];
            Simd.kernels().weightGradient(in, dz, w, dw, n, 0, inputs, units, 0.5f, false, scratch(n));
            Simd.kernels().weightGradient(in, dz, w, new float[inputs][units], n, 0, inputs, units, 0.5f, true, scratch(n));
            for (int k = 0; k < inputs; k++) {
                for (int j = 0; j < units; j++) {
                    double expected = 0;
                    for (int s = 0; s < n; s++) {
                        expected += (double) in[s][k] * dz[s][j];
                    }
                    String where = "[" + k + "][" + j + "] of shape " + java.util.Arrays.toString(shape);
                    assertEquals(expected, dw[k][j], 1e-4 * Math.sqrt(n), "dW" + where);
                    assertEquals(before[k][j] - 0.5 * expected, w[k][j], 1e-4 * Math.sqrt(n), "W after the step" + where);
                }
            }
        }
    }

    @Test
    void forwardOverTwoRangesGivesTheSameBitsAsOneRangeWhereverTheSplit() {
        SplittableRandom random = new SplittableRandom(3);
        for (int[] shape : SHAPES) {
            int n = shape[0];
            int inputs = shape[1];
            int units = shape[2];
            float[][] in = random(n, inputs, random);
            float[][] w = random(inputs, units, random);
            float[] b = random(1, units, random)[0];
            float[][] whole = new float[n][units];
            Simd.kernels().forward(in, w, b, whole, 0, n, inputs, units);
            for (int middle = 1; middle < n; middle += splitStep(n)) {
                float[][] split = new float[n][units];
                Simd.kernels().forward(in, w, b, split, 0, middle, inputs, units);
                Simd.kernels().forward(in, w, b, split, middle, n, inputs, units);
                for (int s = 0; s < n; s++) {
                    assertArrayEquals(whole[s], split[s], "row " + s + " of shape "
                            + java.util.Arrays.toString(shape) + " split at " + middle);
                }
            }
        }
    }

    @Test
    void weightGradientOverTwoRowRangesGivesTheSameBitsAsOneRangeWhereverTheSplit() {
        SplittableRandom random = new SplittableRandom(4);
        for (int[] shape : SHAPES) {
            int n = shape[0];
            int inputs = shape[1];
            int units = shape[2];
            float[][] in = random(n, inputs, random);
            float[][] dz = random(n, units, random);
            float[][] w = random(inputs, units, random);
            for (boolean update : new boolean[] {false, true}) {
                float[][] wholeW = copy(w);
                float[][] wholeDw = new float[inputs][units];
                Simd.kernels().weightGradient(in, dz, wholeW, wholeDw, n, 0, inputs, units, 0.25f, update, scratch(n));
                for (int middle = 1; middle < inputs; middle += splitStep(inputs)) {
                    float[][] splitW = copy(w);
                    float[][] splitDw = new float[inputs][units];
                    Simd.kernels().weightGradient(in, dz, splitW, splitDw, n, 0, middle, units, 0.25f, update, scratch(n));
                    Simd.kernels().weightGradient(in, dz, splitW, splitDw, n, middle, inputs, units, 0.25f, update, scratch(n));
                    assertSameRows(wholeW, wholeDw, splitW, splitDw,
                            "shape " + java.util.Arrays.toString(shape) + ", update " + update + ", split at " + middle);
                }
            }
        }
    }

    @Test
    void forwardOverUnitRangesGivesTheSameBitsAndTouchesNoOtherUnit() {
        SplittableRandom random = new SplittableRandom(5);
        for (int[] shape : SHAPES) {
            int n = shape[0];
            int inputs = shape[1];
            int units = shape[2];
            float[][] in = random(n, inputs, random);
            float[][] w = random(inputs, units, random);
            float[] b = random(1, units, random)[0];
            float[][] whole = new float[n][units];
            Simd.kernels().forward(in, w, b, whole, 0, n, inputs, units);
            for (int middle = units < DenseKernels.UNIT_BLOCK ? units : 0; middle <= units; middle += DenseKernels.UNIT_BLOCK) {
                float[][] split = new float[n][units];
                for (float[] row : split) {
                    java.util.Arrays.fill(row, Float.NaN);
                }
                Simd.kernels().forward(in, w, b, split, 0, n, inputs, units, 0, middle);
                for (int s = 0; s < n; s++) {
                    for (int j = middle; j < units; j++) {
                        assertTrue(Float.isNaN(split[s][j]), "unit " + j + " is past the range [0, " + middle + ")");
                    }
                }
                Simd.kernels().forward(in, w, b, split, 0, n, inputs, units, middle, units);
                for (int s = 0; s < n; s++) {
                    assertArrayEquals(whole[s], split[s], "row " + s + " of shape " + java.util.Arrays.toString(shape)
                            + " split at unit " + middle);
                }
            }
        }
    }

    @Test
    void weightGradientOverUnitRangesGivesTheSameBitsAndTouchesNoOtherColumn() {
        SplittableRandom random = new SplittableRandom(6);
        for (int[] shape : SHAPES) {
            int n = shape[0];
            int inputs = shape[1];
            int units = shape[2];
            float[][] in = random(n, inputs, random);
            float[][] dz = random(n, units, random);
            float[][] w = random(inputs, units, random);
            for (boolean update : new boolean[] {false, true}) {
                float[][] wholeW = copy(w);
                float[][] wholeDw = new float[inputs][units];
                Simd.kernels().weightGradient(in, dz, wholeW, wholeDw, n, 0, inputs, units, 0.25f, update, scratch(n));
                for (int middle = units < DenseKernels.UNIT_BLOCK ? units : 0; middle <= units; middle += DenseKernels.UNIT_BLOCK) {
                    float[][] splitW = copy(w);
                    float[][] splitDw = new float[inputs][units];
                    Simd.kernels().weightGradient(in, dz, splitW, splitDw, n, 0, inputs, units, 0, middle, 0.25f, update, scratch(n));
                    for (int k = 0; k < inputs; k++) {
                        for (int j = middle; j < units; j++) {
                            assertEquals(w[k][j], splitW[k][j], "W[" + k + "][" + j + "] is past the range [0, " + middle + ")");
                            assertEquals(0f, splitDw[k][j], "dW[" + k + "][" + j + "] is past the range [0, " + middle + ")");
                        }
                    }
                    Simd.kernels().weightGradient(in, dz, splitW, splitDw, n, 0, inputs, units, middle, units, 0.25f, update, scratch(n));
                    assertSameRows(wholeW, wholeDw, splitW, splitDw,
                            "shape " + java.util.Arrays.toString(shape) + ", update " + update + ", split at unit " + middle);
                }
            }
        }
    }

    @Test
    void unitRangesMustStartAndEndOnBlocks() {
        float[][] in = new float[4][8];
        float[][] w = new float[8][40];
        float[][] z = new float[4][40];
        float[] b = new float[40];
        for (int[] range : new int[][] {{8, 40}, {0, 20}, {16, 41}, {-16, 16}, {32, 16}}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Simd.kernels().forward(in, w, b, z, 0, 4, 8, 40, range[0], range[1]));
            assertEquals("units [" + range[0] + ", " + range[1] + ") of 40 do not start and end on blocks of 32", e.getMessage());
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Simd.kernels().weightGradient(in, z, w, w, 4, 0, 8, 40, range[0], range[1], 0.1f, true, scratch(4)));
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Simd.kernels().forward(in, new float[8][10], b, new float[4][10], 0, 4, 8, 10, 0, 8),
                "a layer narrower than a block takes all its units at once");
    }

    @Test
    void allFiniteFindsEveryNanAndInfinityWhereverItIs() {
        float[] x = new float[37];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 2 == 0 ? Float.MAX_VALUE : -Float.MIN_VALUE * i;
        }
        assertTrue(Simd.kernels().allFinite(x, 0, x.length), "extreme finite values");
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            for (int i = 0; i < x.length; i++) {
                float kept = x[i];
                x[i] = bad;
                assertEquals(false, Simd.kernels().allFinite(x, 0, x.length), bad + " at " + i);
                assertEquals(false, Simd.kernels().allFinite(x, i, i + 1), bad + " alone at " + i);
                assertTrue(Simd.kernels().allFinite(x, 0, i), "only the first " + i + " values are looked at");
                assertTrue(Simd.kernels().allFinite(x, i + 1, x.length), "only the values after " + i + " are looked at");
                x[i] = kept;
            }
        }
    }

    /** Every row of W and dW after a split computation is bitwise the row computed in one piece. */
    private static void assertSameRows(float[][] wholeW, float[][] wholeDw, float[][] splitW, float[][] splitDw, String split) {
        for (int k = 0; k < wholeW.length; k++) {
            assertArrayEquals(wholeW[k], splitW[k], "W row " + k + " of " + split);
            assertArrayEquals(wholeDw[k], splitDw[k], "dW row " + k + " of " + split);
        }
    }

    /** A thread's scratch for the weight gradient, filled with garbage that the kernels must not read. */
    private static float[] scratch(int n) {
        float[] scratch = new float[Simd.kernels().weightGradientScratch(n)];
        java.util.Arrays.fill(scratch, Float.NaN);
        return scratch;
    }

    /** Every split point of small ranges; about twenty, at every remainder of 12, of large ones. */
    private static int splitStep(int length) {
        return length <= 40 ? 1 : length / 20 / 12 * 12 + 1;
    }

    private static float[][] copy(float[][] m) {
        float[][] c = new float[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }
}
