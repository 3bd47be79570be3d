package dev.straightline.runtime;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads IDX files, the format of MNIST and Fashion-MNIST, plain or gzip-compressed (detected by
 * content, not name). Only unsigned-byte data ({@code 0x08}) is read, as those data sets use.
 */
public final class Idx {
    private Idx() {}

    /** Images as floats scaled to [0, 1], one row of {@code rows × columns} pixels per image. */
    public static float[] readImages(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file, 3);
            int pixels = dims[1] * dims[2];
            byte[] raw = readFully(in, file, (long) dims[0] * pixels);
            float[] images = new float[raw.length];
            for (int i = 0; i < raw.length; i++) {
                images[i] = (raw[i] & 0xff) / 255f;
            }
            return images;
        }
    }

    /** The width of one image row as {@link #readImages} returns it: rows × columns of the file. */
    public static int imageSize(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file, 3);
            return dims[1] * dims[2];
        }
    }

    /** Labels as integers 0 to 255. */
    public static int[] readLabels(Path file) throws IOException {
        try (DataInputStream in = open(file)) {
            int[] dims = header(in, file, 1);
            byte[] raw = readFully(in, file, dims[0]);
            int[] labels = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                labels[i] = raw[i] & 0xff;
            }
            return labels;
        }
    }

    /** Labeled images from an image file and a label file of the same length. */
    public static DataSet readLabeled(Path images, Path labels, int classes) throws IOException {
        float[] x = readImages(images);
        int[] y = readLabels(labels);
        int width = imageSize(images);
        if (x.length / width != y.length) {
            throw new IOException(images + " holds " + x.length / width + " images but " + labels
                    + " holds " + y.length + " labels");
        }
        return DataSet.labeled(x, width, y, classes);
    }

    private static DataInputStream open(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
    }

    private static int[] header(DataInputStream in, Path file, int expectedRank) throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException e) {
            throw new IOException(file + " is not an IDX file: it is shorter than the 4-byte magic number");
        }
        if ((magic >>> 16) != 0 || ((magic >>> 8) & 0xff) != 0x08) {
            throw new IOException(file + " is not an unsigned-byte IDX file: magic number 0x"
                    + Integer.toHexString(magic) + ", expected 0x0000080" + expectedRank);
        }
        int rank = magic & 0xff;
        if (rank != expectedRank) {
            throw new IOException(file + " has " + rank + " dimensions, expected " + expectedRank);
        }
        int[] dims = new int[rank];
        for (int d = 0; d < rank; d++) {
            dims[d] = in.readInt();
            if (dims[d] < 0) {
                throw new IOException(file + " is corrupt: dimension " + d + " is " + dims[d]);
            }
        }
        return dims;
    }

    private static byte[] readFully(DataInputStream in, Path file, long length) throws IOException {
        if (length > Integer.MAX_VALUE - 8) {
            throw new IOException(file + " holds " + length + " values, more than one array can hold");
        }
        byte[] data = new byte[(int) length];
        try {
            in.readFully(data);
        } catch (EOFException e) {
            throw new IOException(file + " is truncated: its header announces " + length + " values");
        }
        return data;
    }
}
