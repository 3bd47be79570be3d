package dev.straightline.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.straightline.Tensor;
import dev.straightline.internal.Tensors;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weight file format's guarantees, independent of any network. */
class WeightFileTest {
    @TempDir
    Path folder;

    @Test
    void aSaveThatFailsWhileEncodingLeavesThePreviousFile() throws IOException {
        Path file = folder.resolve("model.slw");
        float[] values = {1, 2, 3};
        WeightFile.save(file, "arch", 7L, 4, List.of(Tensors.vector("v", values)));
        byte[] previous = Files.readAllBytes(file);
        Tensor failing = new Tensor() {
            public String name() { return "broken"; }
            public int[] shape() { return new int[] {1}; }
            public int size() { return 1; }
            public double get(int index) { throw new IllegalStateException("cannot read"); }
            public void set(int index, double value) {}
            public double get(int row, int column) { return 0; }
            public void set(int row, int column, double value) {}
            public void copyTo(float[] destination) {}
            public void copyFrom(float[] source) {}
        };
        assertThrows(IllegalStateException.class, () -> WeightFile.save(file, "arch", 7L, 4, List.of(failing)));
        assertArrayEquals(previous, Files.readAllBytes(file));
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void doublePrecisionValuesRoundTrip() throws IOException {
        Path file = folder.resolve("model.slw");
        double[] values = {Math.PI, -1e-300, 12345.678901234};
        WeightFile.save(file, "arch", 1L, 8, List.of(Tensors.vector("v", values)));
        double[] loaded = new double[3];
        WeightFile.load(file, "arch", 1L, List.of(Tensors.vector("v", loaded)));
        assertArrayEquals(values, loaded);
    }

    @Test
    void tensorsMustMatchByNameAndShape() throws IOException {
        Path file = folder.resolve("model.slw");
        WeightFile.save(file, "arch", 1L, 4, List.of(Tensors.vector("a", new float[3])));
        float[] other = {5, 5};
        WeightFileException error = assertThrows(WeightFileException.class,
                () -> WeightFile.load(file, "arch", 1L, List.of(Tensors.vector("a", other))));
        assertEquals(file + " holds tensor a[3] where a[2] was expected", error.getMessage());
        assertArrayEquals(new float[] {5, 5}, other);
    }

    @Test
    void aDivergedModelIsNotSaved() throws IOException {
        Path file = folder.resolve("model.slw");
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> WeightFile.save(file, "arch", 1L, 4, List.of(Tensors.vector("a", new float[] {1, Float.NaN}))));
        assertEquals("refusing to save a diverged model: a holds NaN at index 1", error.getMessage());
        assertEquals(false, Files.exists(file));
    }

    @Test
    void nonFiniteValuesAreRefused() throws IOException {
        Path file = folder.resolve("model.slw");
        WeightFile.save(file, "arch", 1L, 4, List.of(Tensors.vector("a", new float[] {1, 2})));
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer.wrap(bytes).putFloat(bytes.length - 8, Float.NaN); // the last value, before the checksum
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
        Files.write(file, bytes);
        float[] target = {3, 3};
        WeightFileException error = assertThrows(WeightFileException.class,
                () -> WeightFile.load(file, "arch", 1L, List.of(Tensors.vector("a", target))));
        assertEquals(file + " holds a non-finite value NaN in tensor a at index 1", error.getMessage());
        assertArrayEquals(new float[] {3, 3}, target);
    }
}
