package dev.straightline.internal;

import dev.straightline.Tensor;
import java.util.Arrays;

/**
 * Shared shape handling of the tensor views over a generated network's arrays. Subclasses map a
 * row-major index onto their storage.
 */
abstract class TensorView implements Tensor {
    private final String name;
    private final int rows;
    private final int columns;
    private final boolean matrix;

    TensorView(String name, int rows, int columns, boolean matrix) {
        this.name = name;
        this.rows = rows;
        this.columns = columns;
        this.matrix = matrix;
    }

    abstract double read(int row, int column);

    abstract void write(int row, int column, double value);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int[] shape() {
        return matrix ? new int[] {rows, columns} : new int[] {columns};
    }

    @Override
    public final int size() {
        return rows * columns;
    }

    @Override
    public final double get(int index) {
        checkIndex(index);
        return read(index / columns, index % columns);
    }

    @Override
    public final void set(int index, double value) {
        checkIndex(index);
        write(index / columns, index % columns, value);
    }

    @Override
    public final double get(int row, int column) {
        checkCell(row, column);
        return read(row, column);
    }

    @Override
    public final void set(int row, int column, double value) {
        checkCell(row, column);
        write(row, column, value);
    }

    @Override
    public final void copyTo(float[] destination) {
        checkLength("destination", destination.length);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                destination[r * columns + c] = (float) read(r, c);
            }
        }
    }

    @Override
    public final void copyFrom(float[] source) {
        checkLength("source", source.length);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                write(r, c, source[r * columns + c]);
            }
        }
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape());
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(
                    name + ": index " + index + " is outside [0, " + size() + ")");
        }
    }

    private void checkCell(int row, int column) {
        if (!matrix) {
            throw new UnsupportedOperationException(
                    name + " has shape " + Arrays.toString(shape()) + "; use get(index) or set(index, value)");
        }
        if (row < 0 || row >= rows || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException(name + ": (" + row + ", " + column
                    + ") is outside the shape " + Arrays.toString(shape()));
        }
    }

    private void checkLength(String what, int length) {
        if (length != size()) {
            throw new IllegalArgumentException(name + ": the " + what + " array must hold "
                    + size() + " values " + Arrays.toString(shape()) + " but holds " + length);
        }
    }
}
