package dev.straightline.processor.check;

import dev.straightline.processor.Diagnostics;
import dev.straightline.processor.Message;
import dev.straightline.processor.model.LayerModel;
import dev.straightline.processor.model.NetworkModel;

/** Every size is positive, and every buffer the network needs fits in one Java array. */
final class SizeCheck implements Check {
    @Override
    public void check(NetworkModel network, Diagnostics diagnostics) {
        boolean positive = positive(network, diagnostics);
        if (!positive) {
            return;
        }
        long maxBatch = network.maxBatch();
        long batchInputs = maxBatch * network.inputs();
        if (batchInputs > Integer.MAX_VALUE) {
            diagnostics.error(network.site().attribute("maxBatch"), Message.TOO_LARGE,
                    "maxBatch × inputs = " + batchInputs + " values do not fit in one Java array (at most "
                            + Integer.MAX_VALUE + "); lower maxBatch");
        }
        for (int i = 0; i < network.layers().size(); i++) {
            LayerModel layer = network.layers().get(i);
            long units = layer.units();
            long weights = units * network.inputsOf(i);
            if (weights > Integer.MAX_VALUE) {
                diagnostics.error(layer.site().attribute("units"), Message.TOO_LARGE, "layer '" + layer.name()
                        + "' would have " + weights + " weights; at most " + Integer.MAX_VALUE + " fit in one Java array");
            }
            if (units * maxBatch > Integer.MAX_VALUE) {
                diagnostics.error(layer.site().attribute("units"), Message.TOO_LARGE, "layer '" + layer.name()
                        + "' needs maxBatch × units = " + units * maxBatch + " activations; lower maxBatch");
            }
        }
    }

    private static boolean positive(NetworkModel network, Diagnostics diagnostics) {
        boolean ok = true;
        if (network.inputs() < 1) {
            diagnostics.error(network.site().attribute("inputs"), Message.NON_POSITIVE, "inputs", network.inputs());
            ok = false;
        }
        if (network.maxBatch() < 1) {
            diagnostics.error(network.site().attribute("maxBatch"), Message.NON_POSITIVE, "maxBatch", network.maxBatch());
            ok = false;
        }
        for (LayerModel layer : network.layers()) {
            if (layer.units() < 1) {
                diagnostics.error(layer.site().attribute("units"), Message.NON_POSITIVE,
                        "units of layer '" + layer.name() + "'", layer.units());
                ok = false;
            }
        }
        return ok;
    }
}
