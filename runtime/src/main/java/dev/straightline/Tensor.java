package dev.straightline;

/**
 * A named view of one parameter or gradient array of a generated network, in row-major order.
 * Values are read and written as {@code double} whatever the network's precision; writing a
 * {@code float} network rounds to the nearest {@code float}.
 */
public interface Tensor {
    /** Name such as {@code hidden.weight} or {@code hidden.bias.grad}. */
    String name();

    /** The shape, a fresh copy: {@code [rows, columns]} for weights, {@code [units]} for biases. */
    int[] shape();

    /** Number of elements, the product of the shape. */
    int size();

    /** Element at a row-major index in {@code [0, size())}. */
    double get(int index);

    /** Sets the element at a row-major index in {@code [0, size())}. */
    void set(int index, double value);

    /** Element {@code (row, column)} of a two-dimensional tensor. */
    double get(int row, int column);

    /** Sets element {@code (row, column)} of a two-dimensional tensor. */
    void set(int row, int column, double value);

    /** Copies all elements, row-major, into {@code destination}, which must hold {@link #size()}. */
    void copyTo(float[] destination);

    /** Copies all elements, row-major, from {@code source}, which must hold {@link #size()}. */
    void copyFrom(float[] source);
}
