package dev.straightline.processor.check;

import dev.straightline.processor.Diagnostics;
import dev.straightline.processor.Message;
import dev.straightline.processor.model.NetworkModel;
import dev.straightline.processor.model.Optimizer;

/** There is an optimizer, and its settings are usable. */
final class OptimizerCheck implements Check {
    @Override
    public void check(NetworkModel network, Diagnostics diagnostics) {
        if (network.optimizer() == null) {
            diagnostics.error(network.site(), Message.MISSING_OPTIMIZER, network.userType());
            return;
        }
        Optimizer optimizer = network.optimizer();
        double rate = optimizer.learningRate();
        if (!(rate > 0 && Double.isFinite(rate))) {
            diagnostics.error(optimizer.site().attribute("learningRate"), Message.BAD_LEARNING_RATE, rate);
        }
        fraction(optimizer, "momentum", optimizer.momentum(), diagnostics);
        fraction(optimizer, "rho", optimizer.rho(), diagnostics);
        fraction(optimizer, "beta1", optimizer.beta1(), diagnostics);
        fraction(optimizer, "beta2", optimizer.beta2(), diagnostics);
        double epsilon = optimizer.epsilon();
        if (!Double.isNaN(epsilon) && !(epsilon > 0 && Double.isFinite(epsilon))) {
            diagnostics.error(optimizer.site().attribute("epsilon"), Message.BAD_EPSILON, epsilon);
        }
        double decay = optimizer.weightDecay();
        if (!Double.isNaN(decay) && !(decay >= 0 && Double.isFinite(decay))) {
            diagnostics.error(optimizer.site().attribute("weightDecay"), Message.BAD_WEIGHT_DECAY, decay);
        }
        double clip = network.gradientClipNorm();
        if (!(clip >= 0 && Double.isFinite(clip))) {
            diagnostics.error(network.site().attribute("gradientClipNorm"), Message.BAD_CLIP_NORM, clip);
        }
        double l2 = network.l2();
        if (!(l2 >= 0 && Double.isFinite(l2))) {
            diagnostics.error(network.site().attribute("l2"), Message.BAD_L2, l2);
        }
        if (optimizer.nesterov() && !(optimizer.momentum() > 0)) {
            diagnostics.error(optimizer.site().attribute("nesterov"), Message.NESTEROV_WITHOUT_MOMENTUM);
        }
    }

    /** A decay or momentum must lie in [0, 1): at 1 the running value never forgets. */
    private static void fraction(Optimizer optimizer, String name, double value, Diagnostics diagnostics) {
        if (!Double.isNaN(value) && !(value >= 0 && value < 1)) {
            diagnostics.error(optimizer.site().attribute(name), Message.BAD_DECAY, name, value);
        }
    }
}
