package dev.straightline.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Data sets check their shape once and never change. */
class DataSetTest {
    @Test
    void labeledDataKeepsItsOwnCopy() {
        float[] x = {1, 2, 3, 4};
        int[] y = {0, 1};
        DataSet data = DataSet.labeled(x, 2, y, 2);
        x[0] = 99;
        y[0] = 1;
        assertEquals(1f, data.feature(0, 0));
        assertEquals(0, data.label(0));
        data.features()[1] = 42;
        assertEquals(2f, data.feature(0, 1));
    }

    @Test
    void shapesAreChecked() {
        assertEquals("features must hold 2 rows of 3 values (6) but holds 4",
                assertThrows(IllegalArgumentException.class, () -> DataSet.labeled(new float[4], 3, new int[2], 2)).getMessage());
        assertEquals("label of sample 1 is 5, outside [0, 3)",
                assertThrows(IllegalArgumentException.class, () -> DataSet.labeled(new float[4], 2, new int[] {0, 5}, 3)).getMessage());
        assertEquals("targets length 5 is not a multiple of targetWidth 2",
                assertThrows(IllegalArgumentException.class, () -> DataSet.withTargets(new float[4], 2, new float[5], 2)).getMessage());
        assertEquals("inputs must be positive, but is 0",
                assertThrows(IllegalArgumentException.class, () -> DataSet.labeled(new float[0], 0, new int[0], 2)).getMessage());
    }

    @Test
    void slicesCopyARange() {
        DataSet data = DataSet.withTargets(new float[] {1, 2, 3, 4, 5, 6}, 2, new float[] {10, 20, 30}, 1);
        DataSet middle = data.slice(1, 3);
        assertEquals(2, middle.size());
        assertArrayEquals(new float[] {3, 4, 5, 6}, middle.features());
        assertArrayEquals(new float[] {20, 30}, middle.targets());
        assertThrows(IllegalArgumentException.class, () -> data.slice(2, 2));
    }

    @Test
    void labelsAndTargetsAreNotInterchangeable() {
        DataSet labeled = DataSet.labeled(new float[2], 1, new int[2], 2);
        assertEquals("this data set has class labels, not real targets",
                assertThrows(IllegalStateException.class, labeled::targets).getMessage());
        DataSet targets = DataSet.withTargets(new float[2], 1, new float[2], 1);
        assertEquals("this data set has real targets, not class labels",
                assertThrows(IllegalStateException.class, targets::labels).getMessage());
    }

    @Test
    void splitHoldsOutAFractionAtRandomAndKeepsEverySampleOnce() {
        float[] x = new float[100 * 2];
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            x[2 * i] = i;
            x[2 * i + 1] = -i;
            labels[i] = i % 3;
        }
        DataSet.Split split = DataSet.labeled(x, 2, labels, 3).split(0.2, 7);
        org.junit.jupiter.api.Assertions.assertEquals(80, split.train().size());
        org.junit.jupiter.api.Assertions.assertEquals(20, split.validation().size());
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (DataSet part : new DataSet[] {split.train(), split.validation()}) {
            for (int s = 0; s < part.size(); s++) {
                int original = (int) part.feature(s, 0);
                org.junit.jupiter.api.Assertions.assertEquals(-original, part.feature(s, 1));
                org.junit.jupiter.api.Assertions.assertEquals(original % 3, part.label(s), "labels travel with their rows");
                org.junit.jupiter.api.Assertions.assertTrue(seen.add(original), "sample " + original + " twice");
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(100, seen.size());
        int firstRows = 0;
        for (int s = 0; s < 20; s++) {
            firstRows += split.validation().feature(s, 0) < 20 ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(firstRows < 20, "drawn at random, not the first rows");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> DataSet.labeled(x, 2, labels, 3).split(1.0, 1));
    }
}
