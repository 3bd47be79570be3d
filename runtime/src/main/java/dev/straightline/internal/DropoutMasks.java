package dev.straightline.internal;

/**
 * Dropout masks for generated networks: each output of a sample is kept, as {@code scale}, with
 * probability 1 − {@code rate}, or dropped, as 0. A mask depends only on (seed, step, layer, sample),
 * never on which thread draws it or in which order, so training on two threads draws the same masks
 * as on one. Counter-based: SplitMix64's finaliser over a key built from those four, 24-bit uniforms.
 */
public final class DropoutMasks {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private DropoutMasks() {}

    public static void fill(float[] mask, int units, double rate, long seed, long step, int layer, int sample) {
        float scale = (float) (1 / (1 - rate));
        long state = start(seed, step, layer, sample);
        int j = 0;
        for (; j + 1 < units; j += 2) {
            long bits = mix(state += GOLDEN);
            mask[j] = uniform(bits >>> 40) >= rate ? scale : 0f;
            mask[j + 1] = uniform((bits >>> 16) & 0xFFFFFF) >= rate ? scale : 0f;
        }
        if (j < units) {
            mask[j] = uniform(mix(state + GOLDEN) >>> 40) >= rate ? scale : 0f;
        }
    }

    public static void fill(double[] mask, int units, double rate, long seed, long step, int layer, int sample) {
        double scale = 1 / (1 - rate);
        long state = start(seed, step, layer, sample);
        int j = 0;
        for (; j + 1 < units; j += 2) {
            long bits = mix(state += GOLDEN);
            mask[j] = uniform(bits >>> 40) >= rate ? scale : 0;
            mask[j + 1] = uniform((bits >>> 16) & 0xFFFFFF) >= rate ? scale : 0;
        }
        if (j < units) {
            mask[j] = uniform(mix(state + GOLDEN) >>> 40) >= rate ? scale : 0;
        }
    }

    private static long start(long seed, long step, int layer, int sample) {
        return mix(mix(mix(seed ^ GOLDEN) + step) + ((long) layer << 32 | sample));
    }

    private static double uniform(long bits24) {
        return bits24 * 0x1p-24;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
