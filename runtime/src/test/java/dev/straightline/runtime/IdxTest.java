package dev.straightline.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX files as MNIST ships them, plain or gzip-compressed. */
class IdxTest {
    @TempDir
    Path folder;

    private static byte[] images(int count, int rows, int columns) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000803);
        out.writeInt(count);
        out.writeInt(rows);
        out.writeInt(columns);
        for (int i = 0; i < count * rows * columns; i++) {
            out.writeByte(i % 256);
        }
        return bytes.toByteArray();
    }

    private static byte[] labels(int... values) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0x00000801);
        out.writeInt(values.length);
        for (int v : values) {
            out.writeByte(v);
        }
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path file = folder.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(content);
        }
        return file;
    }

    @Test
    void readsPlainAndGzipFilesAlike() throws IOException {
        Idx.Images plain = Idx.readImages(write("plain", images(3, 2, 2), false));
        Idx.Images gzipped = Idx.readImages(write("packed.whatever", images(3, 2, 2), true));
        assertEquals(3, plain.count());
        assertEquals(4, plain.width());
        assertArrayEquals(plain.pixels(), gzipped.pixels());
        assertEquals(5 / 255f, plain.pixels()[5]);
    }

    @Test
    void labeledImagesBecomeADataSet() throws IOException {
        DataSet data = Idx.readLabeled(write("i", images(3, 2, 2), true), write("l", labels(2, 0, 1), false), 3);
        assertEquals(3, data.size());
        assertEquals(4, data.inputs());
        assertArrayEquals(new int[] {2, 0, 1}, data.labels());
        assertEquals(11 / 255f, data.feature(2, 3));
    }

    @Test
    void mismatchedCountsAreRefused() throws IOException {
        Path images = write("i", images(3, 2, 2), false);
        Path labels = write("l", labels(1, 2), false);
        IOException error = assertThrows(IOException.class, () -> Idx.readLabeled(images, labels, 3));
        assertEquals(images + " holds 3 images but " + labels + " holds 2 labels", error.getMessage());
    }

    @Test
    void truncatedAndForeignFilesAreRefused() throws IOException {
        byte[] full = images(3, 2, 2);
        Path cut = write("cut", Arrays.copyOf(full, full.length - 1), false);
        assertEquals(cut + " is truncated: its header announces 12 values",
                assertThrows(IOException.class, () -> Idx.readImages(cut)).getMessage());
        Path text = write("text", "not an idx file".getBytes(java.nio.charset.StandardCharsets.US_ASCII), false);
        assertEquals(text + " is not an unsigned-byte IDX file: magic number 0x6e6f7420, expected 0x00000803",
                assertThrows(IOException.class, () -> Idx.readImages(text)).getMessage());
        Path labelFile = write("labels", labels(1), false);
        assertEquals(labelFile + " has 1 dimensions, expected 3",
                assertThrows(IOException.class, () -> Idx.readImages(labelFile)).getMessage());
    }
}
