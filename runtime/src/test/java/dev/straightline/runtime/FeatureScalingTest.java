package dev.straightline.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FeatureScalingTest {
    /** Column 0: 1, 2, 3, 4 (mean 2.5, variance 1.25); column 1: constant 7; column 2: −10, 0, 10, 20. */
    private static final DataSet TRAIN = DataSet.labeled(new float[] {1, 7, -10, 2, 7, 0, 3, 7, 10, 4, 7, 20}, 3,
            new int[] {0, 1, 0, 1}, 2);

    @Test
    void standardizingGivesMeanZeroAndVarianceOneOnTheTrainingSet() {
        DataSet scaled = FeatureScaling.standardize(TRAIN).apply(TRAIN);
        for (int k : new int[] {0, 2}) {
            double mean = 0;
            double square = 0;
            for (int s = 0; s < 4; s++) {
                mean += scaled.feature(s, k) / 4.0;
                square += scaled.feature(s, k) * scaled.feature(s, k) / 4.0;
            }
            assertEquals(0, mean, 1e-6, "mean of feature " + k);
            assertEquals(1, square - mean * mean, 1e-6, "variance of feature " + k);
        }
        assertEquals(0f, scaled.feature(2, 1), "a constant feature is only shifted");
        assertArrayEquals(TRAIN.labels(), scaled.labels());
        assertEquals(1f, TRAIN.feature(0, 0), "the original is untouched");
    }

    @Test
    void minMaxMapsTheTrainingRangeOntoZeroToOneAndOtherDataByTheSameMap() {
        FeatureScaling scaling = FeatureScaling.minMax(TRAIN);
        float[] sample = {5.5f, 7, -25};
        scaling.applyInPlace(sample);
        assertArrayEquals(new float[] {1.5f, 0f, -0.5f}, sample, "beyond the training range maps beyond [0, 1]");
        DataSet scaled = scaling.apply(TRAIN);
        assertEquals(0f, scaled.feature(0, 0));
        assertEquals(1f, scaled.feature(3, 2));
        assertEquals(1f / 3, scaled.feature(1, 2), 1e-7);
    }

    @Test
    void theWidthMustMatch() {
        assertEquals("the scaling was fitted on 3 features, but the sample has 2", assertThrows(IllegalArgumentException.class,
                () -> FeatureScaling.standardize(TRAIN).applyInPlace(new float[2])).getMessage());
    }
}
