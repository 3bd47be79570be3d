package dev.straightline.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
    /** Three classes; rows are the actual class. */
    private static final ConfusionMatrix MATRIX = ConfusionMatrix.of(new long[][] {
        {8, 2, 0},
        {1, 6, 3},
        {0, 0, 0},
    });

    @Test
    void precisionRecallAndF1FollowTheirDefinitions() {
        assertEquals(20, MATRIX.total());
        assertEquals(14 / 20.0, MATRIX.accuracy());
        assertEquals(8 / 9.0, MATRIX.precision(0));
        assertEquals(8 / 10.0, MATRIX.recall(0));
        assertEquals(6 / 8.0, MATRIX.precision(1));
        assertEquals(6 / 10.0, MATRIX.recall(1));
        assertEquals(2 * 0.75 * 0.6 / 1.35, MATRIX.f1(1), 1e-15);
        assertEquals(0.0, MATRIX.precision(2), "class 2 predicted three times, never right");
        assertTrue(Double.isNaN(MATRIX.recall(2)), "class 2 never occurs: no recall");
    }

    @Test
    void theTableShowsCountsRecallAndPrecision() {
        String table = MATRIX.table("shirt", "sneaker", "bag");
        assertTrue(table.contains("   shirt       8       2       0     80.0%   88.9%"), table);
        assertTrue(table.contains(" sneaker       1       6       3     60.0%   75.0%"), table);
    }
}
