package dev.straightline.processor.check;

import dev.straightline.processor.Diagnostics;
import dev.straightline.processor.model.NetworkModel;
import java.util.List;

/** Runs every model check on a network, so a user sees all mistakes of a type at once. */
public final class ModelChecks {
    private static final List<Check> CHECKS = List.of(
            new SizeCheck(), new ActivationCheck(), new LossCheck(), new OptimizerCheck(), new DropoutCheck());

    private ModelChecks() {}

    public static void run(NetworkModel network, Diagnostics diagnostics) {
        for (Check check : CHECKS) {
            check.check(network, diagnostics);
        }
    }
}
