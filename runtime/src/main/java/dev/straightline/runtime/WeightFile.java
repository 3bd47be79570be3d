package dev.straightline.runtime;

import dev.straightline.Tensor;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The weight file format, version 1. All numbers are big-endian.
 *
 * <pre>
 * magic         8 bytes   ASCII "SLWEIGHT"
 * version       int32     1
 * fingerprint   int64     hash of the architecture, computed at compile time
 * precision     int8      4 = float32 values, 8 = float64 values
 * architecture  int32 length, then UTF-8 bytes: the network's canonical description
 * count         int32     number of tensors
 * per tensor:   int32 name length, UTF-8 name, int32 rank, rank × int32 dimensions
 * data          every tensor's values in order, row-major, float32 or float64
 * checksum      int32     CRC-32C of every byte before it
 * </pre>
 *
 * A network loads a file only if its fingerprint and every tensor's name and shape match; the
 * values are converted if the file's precision differs from the network's.
 */
public final class WeightFile {
    static final byte[] MAGIC = "SLWEIGHT".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 1;

    private WeightFile() {}

    /**
     * Writes the tensors to {@code file} through a temporary file in the same folder that is then
     * moved over the target, so a crash or error never leaves a half-written file behind.
     *
     * @throws IllegalStateException if a value is NaN or infinite (a diverged model); nothing is written
     */
    public static void save(Path file, String architecture, long fingerprint, int precisionBytes,
            List<Tensor> tensors) throws IOException {
        byte[] bytes = encode(architecture, fingerprint, precisionBytes, tensors);
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Path temporary = Files.createTempFile(folder, target.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Reads {@code file} and, only if it is valid and matches, copies its values into
     * {@code tensors}. On any error nothing has been written.
     *
     * @throws WeightFileException if the file is not a weight file, is truncated or corrupt, or was
     *     saved by a network of another architecture
     */
    public static void load(Path file, String architecture, long fingerprint, List<Tensor> tensors)
            throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        double[][] values = decode(file.toString(), bytes, architecture, fingerprint, tensors);
        for (int t = 0; t < tensors.size(); t++) {
            Tensor tensor = tensors.get(t);
            double[] v = values[t];
            for (int i = 0; i < v.length; i++) {
                tensor.set(i, v[i]);
            }
        }
    }

    static byte[] encode(String architecture, long fingerprint, int precisionBytes, List<Tensor> tensors) {
        if (precisionBytes != 4 && precisionBytes != 8) {
            throw new IllegalArgumentException("precision must be 4 or 8 bytes, not " + precisionBytes);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeInt(VERSION);
            out.writeLong(fingerprint);
            out.writeByte(precisionBytes);
            writeString(out, architecture);
            out.writeInt(tensors.size());
            for (Tensor tensor : tensors) {
                writeString(out, tensor.name());
                int[] shape = tensor.shape();
                out.writeInt(shape.length);
                for (int dimension : shape) {
                    out.writeInt(dimension);
                }
            }
            for (Tensor tensor : tensors) {
                for (int i = 0, n = tensor.size(); i < n; i++) {
                    double value = tensor.get(i);
                    if (!Double.isFinite(value)) {
                        throw new IllegalStateException("refusing to save a diverged model: " + tensor.name()
                                + " holds " + value + " at index " + i);
                    }
                    if (precisionBytes == 4) {
                        out.writeFloat((float) value);
                    } else {
                        out.writeDouble(value);
                    }
                }
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static double[][] decode(String source, byte[] bytes, String architecture, long fingerprint,
            List<Tensor> tensors) throws WeightFileException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            byte[] magic = new byte[MAGIC.length];
            in.get(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new WeightFileException(source + " is not a Straightline weight file: expected the magic bytes "
                        + "\"SLWEIGHT\" but found " + printable(magic));
            }
            int version = in.getInt();
            if (version != VERSION) {
                throw new WeightFileException(source + " has format version " + version
                        + "; this runtime reads version " + VERSION);
            }
            long fileFingerprint = in.getLong();
            int precision = in.get();
            if (precision != 4 && precision != 8) {
                throw new WeightFileException(source + " is corrupt: precision byte is " + precision + ", expected 4 or 8");
            }
            String fileArchitecture = readString(in, source);
            int count = in.getInt();
            if (fileFingerprint != fingerprint || !fileArchitecture.equals(architecture)) {
                throw new WeightFileException(source + " was saved by a network of another architecture.\n"
                        + "  expected: " + architecture + "\n  found:    " + fileArchitecture);
            }
            if (count != tensors.size()) {
                // Parameters come first; what follows them is the optimizer's state.
                String hint = count < tensors.size()
                        ? "; the first one missing is " + tensors.get(count).name()
                        : "; it holds more than this network keeps";
                throw new WeightFileException(source + " holds " + count + " tensors, expected " + tensors.size() + hint
                        + " (a weight file holds the optimizer's state too: load it into a network with the same optimizer)");
            }
            long dataBytes = 0;
            for (Tensor tensor : tensors) {
                String name = readString(in, source);
                int rank = in.getInt();
                if (rank < 0 || rank > 8) {
                    throw new WeightFileException(source + " is corrupt: tensor '" + name + "' has rank " + rank);
                }
                int[] shape = new int[rank];
                for (int d = 0; d < rank; d++) {
                    shape[d] = in.getInt();
                }
                if (!name.equals(tensor.name()) || !Arrays.equals(shape, tensor.shape())) {
                    throw new WeightFileException(source + " holds tensor " + name + Arrays.toString(shape)
                            + " where " + tensor.name() + Arrays.toString(tensor.shape()) + " was expected");
                }
                dataBytes += (long) tensor.size() * precision;
            }
            long expectedLength = in.position() + dataBytes + 4;
            if (bytes.length != expectedLength) {
                throw new WeightFileException(source + " is " + (bytes.length < expectedLength ? "truncated" : "too long")
                        + ": expected " + expectedLength + " bytes, found " + bytes.length);
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            int stored = ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
            if (stored != (int) crc.getValue()) {
                throw new WeightFileException(source + " is corrupt: checksum " + Integer.toHexString(stored)
                        + " does not match the contents (" + Integer.toHexString((int) crc.getValue()) + ")");
            }
            double[][] values = new double[tensors.size()][];
            for (int t = 0; t < tensors.size(); t++) {
                double[] v = new double[tensors.get(t).size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = precision == 4 ? in.getFloat() : in.getDouble();
                    if (!Double.isFinite(v[i])) {
                        throw new WeightFileException(source + " holds a non-finite value " + v[i] + " in tensor "
                                + tensors.get(t).name() + " at index " + i);
                    }
                }
                values[t] = v;
            }
            return values;
        } catch (BufferUnderflowException e) {
            throw new WeightFileException(source + " is truncated: it ends inside the header ("
                    + bytes.length + " bytes)");
        }
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(ByteBuffer in, String source) throws WeightFileException {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new WeightFileException(source + " is " + (length < 0 ? "corrupt" : "truncated")
                    + ": a string of length " + length + " does not fit in the " + in.remaining() + " bytes left");
        }
        byte[] utf8 = new byte[length];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static String printable(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(b >= 32 && b < 127 ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff));
        }
        return "\"" + text + "\"";
    }
}
