package dev.straightline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InputNoiseTest {
    @Test
    void theNoiseHasMeanZeroAndTheGivenStandardDeviationAndTouchesOnlyTheBatchsSamples() {
        float[] features = new float[100_000 + 10];
        java.util.Arrays.fill(features, 3f);
        Training.addNoise(features, 100_000, 0.25, new SplittableRandom(1));
        double mean = 0;
        double square = 0;
        for (int i = 0; i < 100_000; i++) {
            double d = features[i] - 3;
            mean += d / 100_000;
            square += d * d / 100_000;
        }
        assertEquals(0, mean, 0.005);
        assertEquals(0.25, Math.sqrt(square - mean * mean), 0.005);
        for (int i = 100_000; i < features.length; i++) {
            assertEquals(3f, features[i], "past the batch's samples");
        }
    }
}
