package dev.straightline.internal;

import dev.straightline.Tensor;

/** Tensor views over the arrays of a generated network, which keeps one array per weight row. */
public final class Tensors {
    private Tensors() {}

    /** A {@code [rows.length, rows[0].length]} view of a float matrix stored row by row. */
    public static Tensor matrix(String name, float[][] rows) {
        return new TensorView(name, rows.length, rows[0].length, true) {
            @Override
            double read(int row, int column) {
                return rows[row][column];
            }

            @Override
            void write(int row, int column, double value) {
                rows[row][column] = (float) value;
            }
        };
    }

    /** A {@code [rows.length, rows[0].length]} view of a double matrix stored row by row. */
    public static Tensor matrix(String name, double[][] rows) {
        return new TensorView(name, rows.length, rows[0].length, true) {
            @Override
            double read(int row, int column) {
                return rows[row][column];
            }

            @Override
            void write(int row, int column, double value) {
                rows[row][column] = value;
            }
        };
    }

    /** A {@code [values.length]} view of a float vector. */
    public static Tensor vector(String name, float[] values) {
        return new TensorView(name, 1, values.length, false) {
            @Override
            double read(int row, int column) {
                return values[column];
            }

            @Override
            void write(int row, int column, double value) {
                values[column] = (float) value;
            }
        };
    }

    /** A {@code [values.length]} view of a double vector. */
    public static Tensor vector(String name, double[] values) {
        return new TensorView(name, 1, values.length, false) {
            @Override
            double read(int row, int column) {
                return values[column];
            }

            @Override
            void write(int row, int column, double value) {
                values[column] = value;
            }
        };
    }
}
