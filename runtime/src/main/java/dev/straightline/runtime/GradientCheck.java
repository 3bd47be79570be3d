package dev.straightline.runtime;

import dev.straightline.Tensor;
import java.util.List;

/**
 * Compares a network's analytic gradients with central finite differences,
 * {@code (L(θ + ε) − L(θ − ε)) / 2ε}, element by element, and reports the worst one. Meaningful
 * in double precision; in float the differences drown in rounding. The relative error of an
 * element is {@code |a − n| / max(|a| + |n|, 1e-4)}: elements whose gradient is almost zero are
 * judged by their absolute error, since finite differences cannot resolve them better.
 */
public final class GradientCheck {
    private GradientCheck() {}

    /** The element whose analytic and numeric gradients disagree most. */
    public record Result(String tensor, int index, double analytic, double numeric, double relativeError,
            int elementsChecked) {
        @Override
        public String toString() {
            return String.format("worst element %s[%d]: analytic %.10g, numeric %.10g, relative error %.3g (%d elements checked)",
                    tensor, index, analytic, numeric, relativeError, elementsChecked);
        }
    }

    /**
     * Checks every parameter of {@code network} on {@code batch}. Parameters are restored
     * afterwards; the gradient tensors hold the analytic gradient.
     */
    public static Result check(TrainableNetwork network, Batch batch, double epsilon) {
        network.computeGradients(batch);
        List<Tensor> parameters = network.parameters();
        List<Tensor> gradients = network.gradients();
        double[][] analytic = new double[gradients.size()][];
        for (int t = 0; t < gradients.size(); t++) {
            Tensor gradient = gradients.get(t);
            analytic[t] = new double[gradient.size()];
            for (int i = 0; i < analytic[t].length; i++) {
                analytic[t][i] = gradient.get(i);
            }
        }
        Result worst = null;
        int checked = 0;
        for (int t = 0; t < parameters.size(); t++) {
            Tensor parameter = parameters.get(t);
            for (int i = 0; i < parameter.size(); i++) {
                double original = parameter.get(i);
                parameter.set(i, original + epsilon);
                double plus = network.evaluateBatch(batch) + network.penalty();
                parameter.set(i, original - epsilon);
                double minus = network.evaluateBatch(batch) + network.penalty();
                parameter.set(i, original);
                double numeric = (plus - minus) / (2 * epsilon);
                double a = analytic[t][i];
                double error = Math.abs(a - numeric) / Math.max(Math.abs(a) + Math.abs(numeric), 1e-4);
                checked++;
                if (worst == null || error > worst.relativeError()) {
                    worst = new Result(parameter.name(), i, a, numeric, error, 0);
                }
            }
        }
        if (worst == null) {
            throw new IllegalArgumentException("the network has no parameters to check");
        }
        return new Result(worst.tensor(), worst.index(), worst.analytic(), worst.numeric(), worst.relativeError(), checked);
    }
}
