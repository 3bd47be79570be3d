package dev.straightline.processor.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.emit.loss.LossEmitter;
import dev.straightline.processor.model.LossKind;
import dev.straightline.processor.model.NetworkModel;
import dev.straightline.processor.plan.LayerPlan;
import dev.straightline.processor.plan.MemoryPlan;
import java.util.ArrayList;
import java.util.List;

/** What the writers of one generated class share: the model, the memory plan and the emitters. */
final class NetworkContext {
    final NetworkModel network;
    final MemoryPlan plan;
    final Numeric numeric;
    final List<DenseEmitter> layers;
    final LossEmitter loss;
    final OptimizerEmitter optimizer;
    final SharedKernels kernels;

    NetworkContext(NetworkModel network, MemoryPlan plan) {
        this.network = network;
        this.plan = plan;
        this.numeric = Numeric.of(network.precision());
        List<DenseEmitter> emitters = new ArrayList<>();
        for (LayerPlan layer : plan.layers()) {
            emitters.add(new DenseEmitter(layer, numeric, network.maxBatch(), network.straightLine(), network.l2(),
                    network.gradientClipNorm() == 0));
        }
        this.layers = List.copyOf(emitters);
        this.loss = LossEmitter.of(network.loss());
        this.optimizer = OptimizerEmitter.of(network.optimizer(), numeric);
        this.kernels = new SharedKernels(layers, optimizer, numeric);
    }

    int outputs() {
        return plan.output().units();
    }

    boolean usesLabels() {
        return network.loss() == LossKind.SOFTMAX_CROSS_ENTROPY;
    }

    /** Whether some layer applies dropout while training. */
    boolean hasDropout() {
        return plan.layers().stream().anyMatch(l -> l.hasDropout());
    }

    /** Whether the runtime's float batches must be copied into double buffers first. */
    boolean staged() {
        return !numeric.isFloat();
    }

    TypeName targetType() {
        return loss.targetType(numeric);
    }

    String target() {
        return loss.targetName();
    }

    /** The targets of a runtime {@code Batch} named {@code batch}, as the typed methods take them. */
    CodeBlock batchTargets() {
        if (usesLabels()) {
            return CodeBlock.of("batch.labels()");
        }
        return staged() ? CodeBlock.of("stagedY") : CodeBlock.of("batch.targets()");
    }

    /** The inputs of a runtime {@code Batch} named {@code batch}, as the typed methods take them. */
    CodeBlock batchFeatures() {
        return staged() ? CodeBlock.of("stagedX") : CodeBlock.of("batch.features()");
    }

    static final TypeName FLOATS = ArrayTypeName.of(TypeName.FLOAT);
}
