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

    /** Images read by {@link #readImages}: pixels scaled to [0, 1], {@code width} per image. */
    public record Images(float[] pixels, int count, int width) {}

    /** Images as floats scaled to [0, 1], one row of {@code rows × columns} pixels per image. */
    public static Images readImages(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readImages(in, file.toString());
        }
    }

    /** Images from a stream (plain or gzip); {@code source} names it in error messages. */
    public static Images readImages(InputStream stream, String source) throws IOException {
        DataInputStream in = open(stream);
        int[] dims = header(in, source, 3);
        int width = dims[1] * dims[2];
        byte[] raw = readFully(in, source, (long) dims[0] * width);
        float[] pixels = new float[raw.length];
        for (int i = 0; i < raw.length; i++) {
            pixels[i] = (raw[i] & 0xff) / 255f;
        }
        return new Images(pixels, dims[0], width);
    }

    /** Labels as integers 0 to 255. */
    public static int[] readLabels(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return readLabels(in, file.toString());
        }
    }

    /** Labels from a stream (plain or gzip); {@code source} names it in error messages. */
    public static int[] readLabels(InputStream stream, String source) throws IOException {
        DataInputStream in = open(stream);
        int[] dims = header(in, source, 1);
        byte[] raw = readFully(in, source, dims[0]);
        int[] labels = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            labels[i] = raw[i] & 0xff;
        }
        return labels;
    }

    /** Labeled images from an image file and a label file of the same length. */
    public static DataSet readLabeled(Path images, Path labels, int classes) throws IOException {
        return labeled(readImages(images), readLabels(labels), images.toString(), labels.toString(), classes);
    }

    /** Labeled images from an image stream and a label stream of the same length. */
    public static DataSet readLabeled(InputStream images, InputStream labels, String source, int classes)
            throws IOException {
        return labeled(readImages(images, source + " images"), readLabels(labels, source + " labels"),
                source + " images", source + " labels", classes);
    }

    private static DataSet labeled(Images images, int[] labels, String imageSource, String labelSource, int classes)
            throws IOException {
        if (images.count() != labels.length) {
            throw new IOException(imageSource + " holds " + images.count() + " images but " + labelSource
                    + " holds " + labels.length + " labels");
        }
        return DataSet.labeled(images.pixels(), images.width(), labels, classes);
    }

    private static DataInputStream open(InputStream stream) throws IOException {
        InputStream raw = new BufferedInputStream(stream, 1 << 16);
        raw.mark(2);
        int b0 = raw.read();
        int b1 = raw.read();
        raw.reset();
        boolean gzip = b0 == 0x1f && b1 == 0x8b;
        return new DataInputStream(gzip ? new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16) : raw);
    }

    private static int[] header(DataInputStream in, String file, int expectedRank) throws IOException {
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

    private static byte[] readFully(DataInputStream in, String file, long length) throws IOException {
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
