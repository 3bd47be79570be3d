package dev.straightline.internal;

import dev.straightline.Init;
import java.util.SplittableRandom;

/**
 * Weight initialisation (seed 000 §4.1). Generated constructors call {@link #fill} once per layer,
 * in layer order, with one {@link SplittableRandom}, so a seed fixes every weight.
 */
public final class Initializers {
    private Initializers() {}

    /** Fills a {@code [fanIn][fanOut]} float weight matrix. */
    public static void fill(float[][] weights, Init init, SplittableRandom random) {
        int fanIn = weights.length;
        int fanOut = weights[0].length;
        for (float[] row : weights) {
            for (int j = 0; j < fanOut; j++) {
                row[j] = (float) draw(init, fanIn, fanOut, random);
            }
        }
    }

    /** Fills a {@code [fanIn][fanOut]} double weight matrix. */
    public static void fill(double[][] weights, Init init, SplittableRandom random) {
        int fanIn = weights.length;
        int fanOut = weights[0].length;
        for (double[] row : weights) {
            for (int j = 0; j < fanOut; j++) {
                row[j] = draw(init, fanIn, fanOut, random);
            }
        }
    }

    /** One draw for a layer of the given fan-in and fan-out. {@link Init#AUTO} must be resolved first. */
    static double draw(Init init, int fanIn, int fanOut, SplittableRandom random) {
        switch (init) {
            case GLOROT_UNIFORM: {
                double limit = Math.sqrt(6.0 / (fanIn + fanOut));
                return random.nextDouble(-limit, limit);
            }
            case GLOROT_NORMAL:
                return random.nextGaussian() * Math.sqrt(2.0 / (fanIn + fanOut));
            case HE:
                return random.nextGaussian() * Math.sqrt(2.0 / fanIn);
            case SMALL_GAUSSIAN:
                return random.nextGaussian() * Math.sqrt(0.01 / fanIn);
            case ZEROS:
                return 0.0;
            default:
                throw new IllegalArgumentException(
                        init + " must be resolved to a concrete initialiser by the processor");
        }
    }
}
