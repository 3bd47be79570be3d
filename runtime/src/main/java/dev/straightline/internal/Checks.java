package dev.straightline.internal;

/**
 * Argument checks at the boundary of generated networks. Each failure names what was expected
 * and what was given. The checks allocate nothing unless they throw.
 */
public final class Checks {
    private Checks() {}

    /** {@code n} must be in {@code [1, maxBatch]}. */
    public static void batchSize(String method, int n, int maxBatch) {
        if (n < 1 || n > maxBatch) {
            throw new IllegalArgumentException(method + " takes 1 to " + maxBatch
                    + " samples per call (maxBatch of @Network), but n = " + n);
        }
    }

    /** Class weights: none (to clear them), or one positive finite weight per class. */
    public static void classWeights(double[] weights, int classes) {
        if (weights.length != 0 && weights.length != classes) {
            throw new IllegalArgumentException("setClassWeights takes one weight per class, " + classes + ", but got "
                    + weights.length);
        }
        for (int c = 0; c < weights.length; c++) {
            if (!(weights[c] > 0 && Double.isFinite(weights[c]))) {
                throw new IllegalArgumentException("the weight of class " + c + " must be positive and finite, but is "
                        + weights[c]);
            }
        }
    }

    /** A network runs on 1 to {@code most} threads. */
    public static void threads(int threads, int most) {
        if (threads < 1 || threads > most) {
            throw new IllegalArgumentException("setThreads takes 1 to " + most + " threads, but threads = " + threads);
        }
    }

    /** {@code n} must be at least 1 (batched prediction takes any number of samples). */
    public static void sampleCount(String method, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(method + " needs at least one sample, but n = " + n);
        }
    }

    /** Checks that {@code x} holds {@code n} rows of {@code width} finite values. */
    public static void rows(String what, float[] x, int n, int width) {
        wholeRows(what, x.length, n, width);
        finiteRows(what, x, 0, n, width);
    }

    /** Checks that {@code x} holds {@code n} rows of {@code width} finite values. */
    public static void rows(String what, double[] x, int n, int width) {
        wholeRows(what, x.length, n, width);
        finiteRows(what, x, 0, n, width);
    }

    /**
     * Checks that an array of {@code length} values holds at least {@code n} whole rows of
     * {@code width}; whether they are finite is checked by the forward pass ({@link #finiteRows},
     * {@link #finiteInputs}).
     */
    public static void wholeRows(String what, int length, int n, int width) {
        if (length % width != 0) {
            throw new IllegalArgumentException(what + " must hold whole rows of " + width
                    + " values, but its length " + length + " is not a multiple of " + width);
        }
        if (length / width < n) {
            throw new IllegalArgumentException(what + " holds " + length / width + " rows of "
                    + width + " values but n = " + n);
        }
    }

    /** Checks that rows [from, to) of {@code x}, rows of {@code width} values, are finite. */
    public static void finiteRows(String what, float[] x, int from, int to, int width) {
        int start = from * width;
        int end = to * width;
        // The scan below does not vectorize (a loop with an exit); the kernels' check does.
        if (Simd.ENABLED && Simd.kernels().allFinite(x, start, end)) {
            return;
        }
        for (int i = start; i < end; i++) {
            if (!Float.isFinite(x[i])) {
                throw nonFinite(what, x[i], i, width);
            }
        }
    }

    /** Checks that rows [from, to) of {@code x}, rows of {@code width} values, are finite. */
    public static void finiteRows(String what, double[] x, int from, int to, int width) {
        for (int i = from * width, end = to * width; i < end; i++) {
            if (!Double.isFinite(x[i])) {
                throw nonFinite(what, x[i], i, width);
            }
        }
    }

    /**
     * Checks the inputs of rows [from, to) of a forward pass through the first layer's
     * pre-activations: row s of {@code z} holds {@code X[first + s]·W + b}. A non-finite input makes
     * every unit of its row non-finite (∞·w and NaN·w are never finite, nor is a sum with one), so
     * {@code z} is read instead of the wider {@code x}, and a row of {@code x} is scanned, to name
     * the value, only when its row of {@code z} is not finite. A row that overflowed from finite
     * inputs passes.
     */
    public static void finiteInputs(String what, float[] x, int first, int from, int to, int width, float[][] z,
            int units) {
        for (int s = from; s < to; s++) {
            if (!finite(z[s], units)) {
                finiteRows(what, x, first + s, first + s + 1, width);
            }
        }
    }

    /** {@link #finiteInputs(String, float[], int, int, int, int, float[][], int)} in double precision. */
    public static void finiteInputs(String what, double[] x, int first, int from, int to, int width, double[][] z,
            int units) {
        for (int s = from; s < to; s++) {
            if (!finite(z[s], units)) {
                finiteRows(what, x, first + s, first + s + 1, width);
            }
        }
    }

    private static boolean finite(float[] row, int units) {
        if (Simd.ENABLED) {
            return Simd.kernels().allFinite(row, 0, units);
        }
        for (int j = 0; j < units; j++) {
            if (!Float.isFinite(row[j])) {
                return false;
            }
        }
        return true;
    }

    private static boolean finite(double[] row, int units) {
        for (int j = 0; j < units; j++) {
            if (!Double.isFinite(row[j])) {
                return false;
            }
        }
        return true;
    }

    /** Checks that {@code y} holds {@code n} rows of {@code width} values in [0, 1]. */
    public static void probabilities(String what, float[] y, int n, int width) {
        wholeRows(what, y.length, n, width);
        for (int i = 0, end = n * width; i < end; i++) {
            if (!(y[i] >= 0f && y[i] <= 1f)) {
                throw outsideUnit(what, y[i], i, width);
            }
        }
    }

    /** Checks that {@code y} holds {@code n} rows of {@code width} values in [0, 1]. */
    public static void probabilities(String what, double[] y, int n, int width) {
        wholeRows(what, y.length, n, width);
        for (int i = 0, end = n * width; i < end; i++) {
            if (!(y[i] >= 0.0 && y[i] <= 1.0)) {
                throw outsideUnit(what, y[i], i, width);
            }
        }
    }

    /** Checks that the first {@code n} labels are class indices in {@code [0, classes)}. */
    public static void labels(int[] labels, int n, int classes) {
        if (labels.length < n) {
            throw new IllegalArgumentException("labels holds " + labels.length
                    + " values but n = " + n + " samples need " + n);
        }
        for (int i = 0; i < n; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("label of sample " + i + " is " + labels[i]
                        + " but the network has " + classes + " classes: labels must be in [0, "
                        + classes + ")");
            }
        }
    }

    /** A batch must have been made for a network of this shape. */
    public static void batch(dev.straightline.runtime.Batch batch, int inputs, int outputs) {
        if (batch.inputs() != inputs || batch.outputs() != outputs) {
            throw new IllegalArgumentException("the batch was made for a network of " + batch.inputs()
                    + " inputs and " + batch.outputs() + " outputs, but this network has " + inputs
                    + " inputs and " + outputs + " outputs");
        }
    }

    /** An output array must hold at least one value per output unit and sample. */
    public static void output(String what, int length, long needed) {
        if (length < needed) {
            throw new IllegalArgumentException(
                    what + " holds " + length + " values but needs " + needed);
        }
    }

    /** A single-sample array must have exactly the expected length. */
    public static void exactLength(String what, int length, int expected) {
        if (length != expected) {
            throw new IllegalArgumentException(
                    what + " must hold " + expected + " values but holds " + length);
        }
    }

    private static IllegalArgumentException nonFinite(String what, double value, int i, int width) {
        return new IllegalArgumentException(what + " of sample " + i / width + " at column "
                + i % width + " is " + value + "; inputs and targets must be finite");
    }

    private static IllegalArgumentException outsideUnit(String what, double value, int i, int width) {
        return new IllegalArgumentException(what + " of sample " + i / width + " at column "
                + i % width + " is " + value + "; binary cross-entropy targets must be in [0, 1]");
    }
}
