package dev.straightline.processor;

import java.util.Locale;

/**
 * Every message the processor prints, with a stable tag. This catalogue is also the table of
 * contents of {@code CompileErrorsTest}, which has one test per entry.
 */
public enum Message {
    WRONG_KIND("WrongKind", "@Network applies to an abstract class or an interface, but %s is %s"),
    NOT_ABSTRACT("NotAbstract", "@Network class %s must be abstract: the generated %s extends it and implements its layer methods"),
    FINAL_CLASS("FinalClass", "@Network class %s must not be final: the generated %s extends it"),
    PRIVATE_TYPE("PrivateType", "@Network type %s must not be private (nor nested in a private type): the generated %s in the same package must see it"),
    INNER_CLASS("InnerClass", "@Network class %s is an inner class: declare it static so that the generated %s can extend it"),
    GENERIC_TYPE("GenericType", "@Network type %s must not have type parameters"),
    NO_CONSTRUCTOR("NoConstructor", "@Network class %s needs a constructor without parameters that is not private, for the generated %s to call"),
    NO_LAYERS("NoLayers", "@Network type %s declares no layers: add abstract methods annotated @Dense, such as '@Dense(units = 10) abstract Layer output();'"),
    NON_POSITIVE("NonPositiveSize", "%s must be positive, but is %d"),
    TOO_LARGE("TooLarge", "%s"),
    MISSING_OPTIMIZER("MissingOptimizer", "@Network type %s has no optimizer: add one, such as @Sgd(learningRate = 0.01)"),
    BAD_LEARNING_RATE("BadLearningRate", "learningRate must be positive and finite, but is %s"),
    DROPOUT_FIRST("DropoutFirst", "dropout layer '%s' needs a @Dense layer declared before it; dropout on the inputs is not supported"),
    DROPOUT_TWICE("DropoutTwice", "dropout layer '%s' follows layer '%s', which already has dropout"),
    DROPOUT_AND_DENSE("DropoutAndDense", "%s is annotated both @Dense and @Dropout: declare the dropout as a method of its own after the layer"),
    BAD_DROPOUT("BadDropout", "dropout of layer '%s' must be at least 0 and below 1, but is %s"),
    DROPOUT_ON_OUTPUT("DropoutOnOutput", "dropout on the output layer '%s' would drop predictions; put it on a hidden layer"),
    BAD_L2("BadL2", "l2 must be at least 0 (0: no penalty) and finite, but is %s"),
    BAD_CLIP_NORM("BadClipNorm", "gradientClipNorm must be at least 0 (0: no clipping) and finite, but is %s"),
    TWO_OPTIMIZERS("TwoOptimizers", "%s has two optimizers, @%s and @%s: keep one"),
    BAD_DECAY("BadDecay", "%s must be at least 0 and below 1, but is %s"),
    BAD_EPSILON("BadEpsilon", "epsilon must be positive and finite, but is %s"),
    BAD_WEIGHT_DECAY("BadWeightDecay", "weightDecay must be at least 0 and finite, but is %s"),
    NESTEROV_WITHOUT_MOMENTUM("NesterovWithoutMomentum", "nesterov = true needs a momentum above 0, such as momentum = 0.9"),
    LAYER_NOT_ABSTRACT("LayerNotAbstract", "@Dense method %s must be abstract: the generated class implements it"),
    LAYER_PARAMETERS("LayerParameters", "@Dense method %s must take no parameters"),
    LAYER_RETURN_TYPE("LayerReturnType", "@Dense method %s must return dev.straightline.Layer, but returns %s"),
    LAYER_GENERIC("LayerGeneric", "@Dense method %s must not have type parameters"),
    DENSE_OUTSIDE_NETWORK("DenseOutsideNetwork", "@%s method %s is in %s, which is not annotated @Network"),
    OPTIMIZER_OUTSIDE_NETWORK("OptimizerOutsideNetwork", "@%s on %s has no effect: %s is not annotated @Network"),
    INHERITED_LAYER("InheritedLayer", "layer %s is declared in %s: declare every layer in the @Network type %s itself, in order"),
    UNIMPLEMENTED_METHOD("UnimplementedMethod", "abstract method %s is not a layer and not a method the generated %s provides: annotate it with @Dense or give it a body"),
    RESERVED_LAYER_NAME("ReservedLayerName", "a layer cannot be named '%s': the generated %s has a method %s() of its own; rename the layer"),
    NAME_CLASH("NameClash", "layers '%s' and '%s' would both generate a field named %s: rename one of them"),
    GENERATED_NAME_TAKEN("GeneratedNameTaken", "cannot generate %s for @Network type %s: a type of that name already exists; rename one of them"),
    SOFTMAX_ONE_UNIT("SoftmaxOneUnit", "SOFTMAX_CROSS_ENTROPY needs an output layer with at least 2 units (one per class), but '%s' has %d; for a yes/no output use BINARY_CROSS_ENTROPY with 1 unit"),
    BCE_ON_SOFTMAX("BinaryCrossEntropyOnSoftmax", "BINARY_CROSS_ENTROPY applies a sigmoid to each logit, so output layer '%s' must use Activation.IDENTITY, not SOFTMAX; for one class out of several use SOFTMAX_CROSS_ENTROPY"),
    LOGITS_LOSS_ACTIVATION("LossNeedsLogits", "%s takes logits and applies the %s itself, so output layer '%s' must use Activation.IDENTITY, not %s"),
    ALPHA_NOT_APPLICABLE("AlphaNotApplicable", "alpha applies only to LEAKY_RELU and ELU, not to %s"),
    ALPHA_RANGE("AlphaRange", "alpha of %s must be %s, but is %s"),
    HEAVISIDE_CANNOT_LEARN("HeavisideCannotLearn", "layer '%s' uses HEAVISIDE, whose derivative is 0 everywhere: no gradient flows through it, so training cannot change it or the layers before it. Set such weights by hand, or use SIGMOID or RELU to train; @SuppressWarnings(\"HeavisideCannotLearn\") on the layer or network silences this warning"),
    INTERNAL_ERROR("InternalError", "internal error in the Straightline processor while generating the network for %s; please report it with this trace:%n%s");

    private final String tag;
    private final String format;

    Message(String tag, String format) {
        this.tag = tag;
        this.format = format;
    }

    /** The bare tag, such as {@code NoLayers}; a warning is silenced by {@code @SuppressWarnings} with it. */
    public String key() {
        return tag;
    }

    /** The stable tag, such as {@code [Straightline/NoLayers]}. */
    public String tag() {
        return "[Straightline/" + tag + "]";
    }

    /** The message text with its tag. */
    public String format(Object... arguments) {
        return tag() + " " + String.format(Locale.ROOT, format, arguments);
    }
}
