package dev.straightline.processor.plan;

import dev.straightline.processor.Diagnostics;
import dev.straightline.processor.Message;
import dev.straightline.processor.model.ActivationKind;
import dev.straightline.processor.model.DenseLayer;
import dev.straightline.processor.model.LayerModel;
import dev.straightline.processor.model.NetworkModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Names and shapes every buffer of a network, once, before any code is written. */
public final class MemoryPlan {
    /** Fields of every generated class that are not a layer's. */
    static final List<String> FIXED_FIELDS = List.of("INPUTS", "OUTPUTS", "MAX_BATCH", "SEED", "ARCHITECTURE",
            "FINGERPRINT", "learningRate", "parameterViews", "gradientViews", "zeroBias", "inputRows", "stagedX", "stagedY",
            "TRANSPOSE", "FORWARD_LOSS", "FORWARD_LOSS_DELTAS", "WEIGHT_GRADIENTS", "MIN_SPLIT_BATCH", "team", "parts", "stepX",
            "stepTargets", "stepN", "stepUpdate", "partLoss", "gradientRows", "savedViews", "adamPowers", "adamStep",
            "adamCorrection", "adamShrink", "stepDropout", "dropoutSeed", "dropoutStep", "UPDATE_WEIGHTS", "clipScale", "stepWeights", "classWeights", "schedule");

    private final List<LayerPlan> layers;

    private MemoryPlan(List<LayerPlan> layers) {
        this.layers = List.copyOf(layers);
    }

    public List<LayerPlan> layers() {
        return layers;
    }

    public LayerPlan first() {
        return layers.get(0);
    }

    public LayerPlan output() {
        return layers.get(layers.size() - 1);
    }

    /**
     * Plans every layer. Field names are the layer's name with a suffix ({@code hiddenW},
     * {@code hiddenDZ}); two layers whose fields would collide are reported, and then the plan is
     * {@code null}.
     */
    public static MemoryPlan of(NetworkModel network, Diagnostics diagnostics) {
        List<LayerPlan> plans = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (String fixed : FIXED_FIELDS) {
            owners.put(fixed, "(generated)");
        }
        boolean clash = false;
        LayerPlan previous = null;
        for (int i = 0; i < network.layers().size(); i++) {
            LayerModel model = network.layers().get(i);
            DenseLayer layer = (DenseLayer) model;
            String n = layer.name();
            boolean identity = layer.activation().kind() == ActivationKind.IDENTITY;
            LayerPlan plan = new LayerPlan(i, layer, network.inputsOf(i), previous,
                    n + "W", layer.bias() ? n + "B" : null, n + "DW", layer.bias() ? n + "DB" : null,
                    n + "Z", identity ? n + "Z" : n + "H", n + (identity ? "DZ" : "DH"), n + "DZ",
                    previous == null ? null : n + "WT", n + "Layer",
                    layer.dropout() > 0 ? n + "Dropped" : null, layer.dropout() > 0 ? n + "Mask" : null);
            for (String field : fieldsOf(plan)) {
                String owner = owners.putIfAbsent(field, n);
                if (owner != null && !owner.equals(n)) {
                    diagnostics.error(layer.site(), Message.NAME_CLASH, owner, n, field);
                    clash = true;
                }
            }
            plans.add(plan);
            previous = plan;
        }
        return clash ? null : new MemoryPlan(plans);
    }

    private static List<String> fieldsOf(LayerPlan plan) {
        List<String> fields = new ArrayList<>(List.of(plan.weights(), plan.weightGrad(), plan.pre(), plan.out(),
                plan.outGrad(), plan.preGrad(), plan.view()));
        if (plan.hasBias()) {
            fields.add(plan.bias());
            fields.add(plan.biasGrad());
        }
        if (plan.weightsT() != null) {
            fields.add(plan.weightsT());
        }
        if (plan.hasDropout()) {
            fields.add(plan.dropped());
            fields.add(plan.mask());
        }
        if (plan.layer().dropoutLayer() != null) {
            fields.add(plan.layer().dropoutLayer() + "Layer");
        }
        return fields;
    }
}
