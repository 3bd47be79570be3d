package dev.straightline.network;

import static dev.straightline.network.GeneratedApiTest.assertSameValues;
import static dev.straightline.network.GeneratedApiTest.randomInputs;
import static dev.straightline.network.GeneratedApiTest.snapshot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.straightline.nets.ClassifierNet;
import dev.straightline.nets.RegressionNet;
import dev.straightline.nets.RegressionSingleNet;
import dev.straightline.runtime.WeightFileException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Weights saved to a file come back exactly; a bad file is refused without touching the network. */
class SaveLoadTest {
    @TempDir
    Path folder;

    private ClassifierNet trained() {
        ClassifierNet net = new ClassifierNet(1);
        float[] x = randomInputs(16 * 4);
        int[] labels = new int[16];
        for (int i = 0; i < 16; i++) {
            labels[i] = i % 3;
        }
        for (int step = 0; step < 20; step++) {
            net.trainBatch(x, labels, 16);
        }
        return net;
    }

    @Test
    void weightsRoundTripExactly() throws IOException {
        ClassifierNet original = trained();
        Path file = folder.resolve("classifier.slw");
        original.save(file);
        ClassifierNet restored = new ClassifierNet(99);
        restored.load(file);
        assertSameValues(snapshot(original.parameters()), snapshot(restored.parameters()));
        float[] x = randomInputs(4);
        assertArrayEquals(original.predict(x), restored.predict(x));
    }

    @Test
    void theFileHasTheDocumentedHeader() throws IOException {
        Path file = folder.resolve("classifier.slw");
        new ClassifierNet().save(file);
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file));
        byte[] magic = new byte[8];
        bytes.get(magic);
        assertEquals("SLWEIGHT", new String(magic, StandardCharsets.US_ASCII));
        assertEquals(1, bytes.getInt(), "format version");
        bytes.getLong(); // fingerprint
        assertEquals(4, bytes.get(), "float precision");
        byte[] architecture = new byte[bytes.getInt()];
        bytes.get(architecture);
        assertEquals(ClassifierNet.ARCHITECTURE, new String(architecture, StandardCharsets.UTF_8));
        assertEquals(5, bytes.getInt(), "tensor count");
        int parameters = 4 * 16 + 16 + 16 * 8 + 8 * 3 + 3;
        long header = bytes.position();
        for (String name : List.of("hidden.weight", "hidden.bias", "narrow.weight", "logits.weight", "logits.bias")) {
            header += 4 + name.length() + 4;
        }
        header += 4 * (2 + 1 + 2 + 2 + 1);
        assertEquals(header + 4L * parameters + 4, Files.size(file), "header, float32 values, CRC-32C");
    }

    @Test
    void floatWeightsLoadIntoTheDoublePrecisionTwin() throws IOException {
        RegressionSingleNet single = new RegressionSingleNet(3);
        Path file = folder.resolve("linear.slw");
        single.save(file);
        RegressionNet exact = new RegressionNet(4);
        exact.load(file);
        for (int i = 0; i < 6; i++) {
            assertEquals(single.linear().weights().get(i), exact.linear().weights().get(i));
        }
    }

    @Test
    void aFileOfAnotherArchitectureIsRefused() throws IOException {
        Path file = folder.resolve("linear.slw");
        new RegressionNet().save(file);
        ClassifierNet net = trained();
        List<float[]> before = snapshot(net.parameters());
        WeightFileException error = assertThrows(WeightFileException.class, () -> net.load(file));
        assertEquals(file + " was saved by a network of another architecture.\n"
                + "  expected: " + ClassifierNet.ARCHITECTURE + "\n"
                + "  found:    " + RegressionNet.ARCHITECTURE, error.getMessage());
        assertSameValues(before, snapshot(net.parameters()));
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        Path file = folder.resolve("classifier.slw");
        new ClassifierNet(5).save(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
        ClassifierNet net = trained();
        List<float[]> before = snapshot(net.parameters());
        WeightFileException error = assertThrows(WeightFileException.class, () -> net.load(file));
        assertEquals(file + " is truncated: expected " + bytes.length + " bytes, found " + (bytes.length - 10), error.getMessage());
        assertSameValues(before, snapshot(net.parameters()));

        Files.write(file, Arrays.copyOf(bytes, 30));
        error = assertThrows(WeightFileException.class, () -> net.load(file));
        assertTrue(error.getMessage().contains("is truncated"), error.getMessage());
        assertSameValues(before, snapshot(net.parameters()));
    }

    @Test
    void aCorruptFileIsRefused() throws IOException {
        Path file = folder.resolve("classifier.slw");
        new ClassifierNet(5).save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 20] ^= 0x40; // one bit of one weight
        Files.write(file, bytes);
        ClassifierNet net = trained();
        List<float[]> before = snapshot(net.parameters());
        WeightFileException error = assertThrows(WeightFileException.class, () -> net.load(file));
        assertTrue(error.getMessage().startsWith(file + " is corrupt: checksum"), error.getMessage());
        assertSameValues(before, snapshot(net.parameters()));
    }

    @Test
    void aFileThatIsNotAWeightFileIsRefused() throws IOException {
        Path file = folder.resolve("notes.txt");
        Files.writeString(file, "hello, these are not weights");
        ClassifierNet net = trained();
        WeightFileException error = assertThrows(WeightFileException.class, () -> net.load(file));
        assertEquals(file + " is not a Straightline weight file: expected the magic bytes \"SLWEIGHT\" but found \"hello, t\"",
                error.getMessage());
    }

    @Test
    void aMissingFileIsRefused() {
        ClassifierNet net = trained();
        List<float[]> before = snapshot(net.parameters());
        assertThrows(NoSuchFileException.class, () -> net.load(folder.resolve("absent.slw")));
        assertSameValues(before, snapshot(net.parameters()));
    }

    @Test
    void savingOverAnExistingFileReplacesItAndLeavesNoTemporaryFile() throws IOException {
        Path file = folder.resolve("classifier.slw");
        new ClassifierNet(1).save(file);
        ClassifierNet second = new ClassifierNet(2);
        second.save(file);
        ClassifierNet loaded = new ClassifierNet(3);
        loaded.load(file);
        assertSameValues(snapshot(second.parameters()), snapshot(loaded.parameters()));
        try (var files = Files.list(folder)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void aFailedSaveLeavesThePreviousFileIntact() throws IOException {
        Path file = folder.resolve("classifier.slw");
        new ClassifierNet(1).save(file);
        byte[] previous = Files.readAllBytes(file);
        Path blocked = folder.resolve("blocked");
        Files.createDirectories(blocked.resolve("child")); // a non-empty directory cannot be replaced by a file
        assertThrows(IOException.class, () -> new ClassifierNet(2).save(blocked));
        assertArrayEquals(previous, Files.readAllBytes(file));
        try (var files = Files.list(folder)) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }
}
