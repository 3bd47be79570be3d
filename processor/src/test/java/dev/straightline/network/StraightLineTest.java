package dev.straightline.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.straightline.nets.TinyLoopsNet;
import dev.straightline.nets.TinyNet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Tiny layers written as straight-line code compute what the loops compute. */
class StraightLineTest {
    @Test
    void straightLineAndLoopsAgreeOnPredictionsAndTraining() {
        TinyNet straight = new TinyNet(5);
        TinyLoopsNet loops = new TinyLoopsNet(5);
        SplittableRandom random = new SplittableRandom(6);
        float[] x = new float[50 * 4];
        int[] labels = new int[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) random.nextGaussian();
        }
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(3);
        }
        float[] a = new float[150];
        float[] b = new float[150];
        straight.predict(x, 50, a);
        loops.predict(x, 50, b);
        assertArrayEquals(b, a, 1e-6f);
        for (int step = 0; step < 20; step++) {
            assertEquals(loops.trainBatch(x, labels, 50), straight.trainBatch(x, labels, 50), 1e-5f, "step " + step);
        }
        for (int i = 0; i < 4 * 8; i++) {
            assertEquals(loops.hidden().weights().get(i), straight.hidden().weights().get(i), 1e-5);
        }
    }
}
