package dev.straightline.processor.emit;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * Every runtime type generated code names, in one place. The processor never loads the runtime,
 * so these are names only; {@code RuntimeTypesTest} checks that each one exists.
 */
public final class RuntimeTypes {
    private static final String API = "dev.straightline";
    private static final String INTERNAL = "dev.straightline.internal";
    private static final String RUNTIME = "dev.straightline.runtime";

    public static final ClassName LAYER = ClassName.get(API, "Layer");
    public static final ClassName TENSOR = ClassName.get(API, "Tensor");
    public static final ClassName LOSS = ClassName.get(API, "Loss");
    public static final ClassName INIT = ClassName.get(API, "Init");
    public static final ClassName ACTIVATION = ClassName.get(API, "Activation");

    public static final ClassName CHECKS = ClassName.get(INTERNAL, "Checks");
    public static final ClassName FUNCTIONS = ClassName.get(INTERNAL, "Functions");
    public static final ClassName LAYER_VIEW = ClassName.get(INTERNAL, "LayerView");
    public static final ClassName TENSORS = ClassName.get(INTERNAL, "Tensors");
    public static final ClassName INITIALIZERS = ClassName.get(INTERNAL, "Initializers");
    public static final ClassName SIMD = ClassName.get(INTERNAL, "Simd");
    public static final ClassName TEAM = ClassName.get(INTERNAL, "Team");
    public static final ClassName CHUNKS = ClassName.get(INTERNAL, "Chunks");
    public static final ClassName DROPOUT_MASKS = ClassName.get(INTERNAL, "DropoutMasks");
    public static final ClassName DROPOUT_VIEW = ClassName.get(INTERNAL, "DropoutView");
    public static final ClassName GENERATED_MARK = ClassName.get(INTERNAL, "StraightlineGenerated");

    public static final ClassName TRAINABLE = ClassName.get(RUNTIME, "TrainableNetwork");
    public static final ClassName BATCH = ClassName.get(RUNTIME, "Batch");
    public static final ClassName NON_FINITE = ClassName.get(RUNTIME, "NonFiniteException");
    public static final ClassName WEIGHT_FILE = ClassName.get(RUNTIME, "WeightFile");
    public static final ClassName SCHEDULE = ClassName.get(RUNTIME, "LearningRateSchedule");

    /** All of the above, for the test that they exist. */
    public static final List<ClassName> ALL = List.of(LAYER, TENSOR, LOSS, INIT, ACTIVATION, CHECKS, FUNCTIONS,
            LAYER_VIEW, TENSORS, INITIALIZERS, SIMD, TEAM, CHUNKS, DROPOUT_MASKS, DROPOUT_VIEW, GENERATED_MARK, TRAINABLE, BATCH, NON_FINITE, WEIGHT_FILE, SCHEDULE);

    private RuntimeTypes() {}
}
