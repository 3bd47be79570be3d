package dev.straightline.internal;

import dev.straightline.Activation;
import dev.straightline.Layer;
import dev.straightline.Tensor;

/** The {@link Layer} a generated network returns from each layer method. */
public final class LayerView implements Layer {
    private final String name;
    private final int inputs;
    private final int units;
    private final Activation activation;
    private final Tensor weights;
    private final Tensor weightGradient;
    private final Tensor bias;
    private final Tensor biasGradient;

    /** A layer with a bias. */
    public LayerView(String name, int inputs, int units, Activation activation,
            Tensor weights, Tensor weightGradient, Tensor bias, Tensor biasGradient) {
        this.name = name;
        this.inputs = inputs;
        this.units = units;
        this.activation = activation;
        this.weights = weights;
        this.weightGradient = weightGradient;
        this.bias = bias;
        this.biasGradient = biasGradient;
    }

    /** A layer declared with {@code bias = false}. */
    public LayerView(String name, int inputs, int units, Activation activation,
            Tensor weights, Tensor weightGradient) {
        this(name, inputs, units, activation, weights, weightGradient, null, null);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int units() {
        return units;
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public Tensor weights() {
        return weights;
    }

    @Override
    public Tensor weightGradient() {
        return weightGradient;
    }

    @Override
    public boolean hasBias() {
        return bias != null;
    }

    @Override
    public Tensor bias() {
        return requireBias(bias);
    }

    @Override
    public Tensor biasGradient() {
        return requireBias(biasGradient);
    }

    private Tensor requireBias(Tensor tensor) {
        if (tensor == null) {
            throw new IllegalStateException(
                    "layer '" + name + "' has no bias: it was declared with @Dense(bias = false)");
        }
        return tensor;
    }

    @Override
    public String toString() {
        return name + ": Dense(" + inputs + " -> " + units + ", " + activation + ")";
    }
}
