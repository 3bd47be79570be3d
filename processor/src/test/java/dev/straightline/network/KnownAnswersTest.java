package dev.straightline.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.Layer;
import dev.straightline.nets.WedgeNet;
import dev.straightline.nets.XorNet;
import org.junit.jupiter.api.Test;

/** Networks whose right answers the seeds give. */
class KnownAnswersTest {

    private static final float[] XOR_INPUTS = {0, 0, 0, 1, 1, 0, 1, 1};
    private static final float[] XOR_OUTPUTS = {0, 1, 1, 0};

    /**
     * A 2-2-1 network has a local minimum where two cases are right and two sit at probability ½,
     * a mean loss of exactly ln 2 / 2; some initial weights end there instead of at XOR.
     */
    @Test
    void twoTwoOneNetworkLearnsXorFromMostSeeds() {
        int learned = 0;
        StringBuilder losses = new StringBuilder();
        for (long seed = 0; seed < 20; seed++) {
            XorNet xor = new XorNet(seed);
            float loss = Float.NaN;
            for (int step = 0; step < 2000; step++) {
                loss = xor.trainBatch(XOR_INPUTS, XOR_OUTPUTS, 4);
            }
            losses.append(String.format(" %.4f", loss));
            if (loss < 0.05f && computesXor(xor)) {
                learned++;
            } else {
                assertEquals(Math.log(2) / 2, loss, 0.005, "seed " + seed + " ended neither at XOR nor at the known minimum");
            }
        }
        assertTrue(learned >= 10, "learned XOR from " + learned + " of 20 seeds; final losses:" + losses);
    }

    private static boolean computesXor(XorNet xor) {
        for (int i = 0; i < 4; i++) {
            if (xor.classify(new float[] {XOR_INPUTS[2 * i], XOR_INPUTS[2 * i + 1]}) != (int) XOR_OUTPUTS[i]) {
                return false;
            }
        }
        return true;
    }

    @Test
    void thresholdUnitsFromTheTutorialClassifyTheWedgeExactly() {
        WedgeNet wedge = new WedgeNet();
        Layer planes = wedge.halfPlanes();
        planes.weights().set(0, 0, -1); // x1 → h1
        planes.weights().set(1, 0, 1);  // x2 → h1
        planes.weights().set(0, 1, 1);  // x1 → h2
        planes.weights().set(1, 1, 1);  // x2 → h2
        Layer both = wedge.both();
        both.weights().set(0, 0, 0.5);
        both.weights().set(1, 0, 0.5);
        both.bias().set(0, -0.6);
        int points = 0;
        for (int i = -8; i <= 8; i++) {
            for (int j = -8; j <= 8; j++) {
                float x1 = i * 0.25f;
                float x2 = j * 0.25f;
                float expected = x2 >= Math.abs(x1) ? 1f : 0f;
                assertEquals(expected, wedge.predict(new float[] {x1, x2})[0], "y(" + x1 + ", " + x2 + ")");
                points++;
            }
        }
        assertEquals(289, points);
    }
}
