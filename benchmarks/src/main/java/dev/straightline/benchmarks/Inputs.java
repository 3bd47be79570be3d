package dev.straightline.benchmarks;

import java.util.SplittableRandom;

/** Fixed pseudo-random MNIST-shaped inputs: pixels in [0, 1], labels in [0, 10). */
final class Inputs {
    private Inputs() {}

    static float[] pixels(int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[samples * 784];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextDouble();
        }
        return x;
    }

    static int[] labels(int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] y = new int[samples];
        for (int i = 0; i < samples; i++) {
            y[i] = random.nextInt(10);
        }
        return y;
    }
}
