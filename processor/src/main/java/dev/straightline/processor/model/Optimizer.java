package dev.straightline.processor.model;

import dev.straightline.processor.Site;

/**
 * The optimizer a network trains with, as its annotation declares it. Settings the optimizer does
 * not have are NaN (or false).
 */
public record Optimizer(
        OptimizerKind kind,
        double learningRate,
        double momentum,
        boolean nesterov,
        double rho,
        double beta1,
        double beta2,
        double epsilon,
        double weightDecay,
        Site site) {

    /** A readable summary for the generated class's documentation, such as {@code Adam(learning rate 0.001, ...)}. */
    public String describe() {
        StringBuilder text = new StringBuilder(kind.annotation()).append("(learning rate ").append(learningRate);
        append(text, "momentum", momentum);
        if (nesterov) {
            text.append(", Nesterov");
        }
        append(text, "rho", rho);
        append(text, "beta1", beta1);
        append(text, "beta2", beta2);
        append(text, "epsilon", epsilon);
        append(text, "weight decay", weightDecay);
        return text.append(')').toString();
    }

    private static void append(StringBuilder text, String name, double value) {
        if (!Double.isNaN(value) && !(name.equals("momentum") && value == 0)) {
            text.append(", ").append(name).append(' ').append(value);
        }
    }
}
