package dev.straightline.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.straightline.Tensor;
import org.junit.jupiter.api.Test;

/** Tensor views read and write a network's own arrays, row-major, with checked indices. */
class TensorsTest {
    @Test
    void matrixViewsAreRowMajorOverTheRows() {
        float[][] rows = {{1, 2, 3}, {4, 5, 6}};
        Tensor w = Tensors.matrix("layer.weight", rows);
        assertArrayEquals(new int[] {2, 3}, w.shape());
        assertEquals(6, w.size());
        assertEquals(5.0, w.get(4));
        assertEquals(5.0, w.get(1, 1));
        w.set(1, 2, 7);
        assertEquals(7f, rows[1][2]);
        float[] flat = new float[6];
        w.copyTo(flat);
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 7}, flat);
        w.copyFrom(new float[] {6, 5, 4, 3, 2, 1});
        assertEquals(3f, rows[1][0]);
    }

    @Test
    void vectorViewsOfDoubles() {
        double[] values = {0.5, 1.5};
        Tensor b = Tensors.vector("layer.bias", values);
        assertArrayEquals(new int[] {2}, b.shape());
        b.set(1, 2.25);
        assertEquals(2.25, values[1]);
        assertEquals("layer.bias has shape [2]; use get(index) or set(index, value)",
                assertThrows(UnsupportedOperationException.class, () -> b.get(0, 1)).getMessage());
    }

    @Test
    void indicesAndLengthsAreChecked() {
        Tensor w = Tensors.matrix("w", new double[2][3]);
        assertEquals("w: index 6 is outside [0, 6)", assertThrows(IndexOutOfBoundsException.class, () -> w.get(6)).getMessage());
        assertEquals("w: (2, 0) is outside the shape [2, 3]",
                assertThrows(IndexOutOfBoundsException.class, () -> w.set(2, 0, 1)).getMessage());
        assertEquals("w: the source array must hold 6 values [2, 3] but holds 5",
                assertThrows(IllegalArgumentException.class, () -> w.copyFrom(new float[5])).getMessage());
    }

    @Test
    void initializersAreSeededAndScaled() {
        float[][] a = new float[300][200];
        float[][] b = new float[300][200];
        Initializers.fill(a, dev.straightline.Init.GLOROT_UNIFORM, new java.util.SplittableRandom(1));
        Initializers.fill(b, dev.straightline.Init.GLOROT_UNIFORM, new java.util.SplittableRandom(1));
        assertArrayEquals(a[17], b[17]);
        double limit = Math.sqrt(6.0 / 500);
        double sumOfSquares = 0;
        for (float[] row : a) {
            for (float v : row) {
                assertEquals(true, Math.abs(v) <= limit, "within ±" + limit);
                sumOfSquares += v * v;
            }
        }
        assertEquals(limit * limit / 3, sumOfSquares / 60_000, 0.05 * limit * limit / 3, "variance of U(−l, l) is l²/3");
        double[][] small = new double[100][100];
        Initializers.fill(small, dev.straightline.Init.SMALL_GAUSSIAN, new java.util.SplittableRandom(2));
        double squares = 0;
        for (double[] row : small) {
            for (double v : row) {
                squares += v * v;
            }
        }
        assertEquals(0.01 / 100, squares / 10_000, 0.1 * 0.01 / 100, "N(0, 0.01 / fanIn)");
    }
}
