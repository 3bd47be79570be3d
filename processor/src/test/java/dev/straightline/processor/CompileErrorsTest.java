package dev.straightline.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of mistakes a user can make in a network declaration, each with the message
 * they see and the line it points at. One test per entry of {@link Message}.
 */
class CompileErrorsTest {
    private static final String HEADER = "package test;\nimport dev.straightline.*;\n";

    private static JavaFileObject source(String name, String... lines) {
        return JavaFileObjects.forSourceString("test." + name, HEADER + String.join("\n", lines) + "\n");
    }

    private static Compilation compile(JavaFileObject... sources) {
        return Compiler.javac().withProcessors(new NetworkProcessor()).compile(sources);
    }

    /** A valid network body, for tests whose mistake lies elsewhere. */
    private static final String LAYERS = "  @Dense(units = 2) abstract Layer output();";

    @Test
    void enumIsTheWrongKind() {
        JavaFileObject file = source("Colors",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "enum Colors { RED }");
        assertThat(compile(file)).hadErrorContaining(Message.WRONG_KIND.tag()
                + " @Network applies to an abstract class or an interface, but Colors is an enum")
                .inFile(file).onLineContaining("@Network");
    }

    @Test
    void annotationsOnTheWrongKindOfElementAreRejectedByJavac() {
        JavaFileObject file = source("Misplaced",
                "abstract class Misplaced {",
                "  @Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) abstract Layer method();",
                "  @Dense(units = 2) Layer field;",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("annotation type not applicable to this kind of declaration")
                .inFile(file).onLineContaining("abstract Layer method()");
        assertThat(compilation).hadErrorContaining("annotation type not applicable to this kind of declaration")
                .inFile(file).onLineContaining("Layer field");
    }

    @Test
    void concreteClassIsNotAbstract() {
        JavaFileObject file = source("Concrete",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "class Concrete {}");
        assertThat(compile(file)).hadErrorContaining(Message.NOT_ABSTRACT.tag()
                + " @Network class Concrete must be abstract: the generated ConcreteNet extends it")
                .inFile(file).onLineContaining("@Network");
    }

    @Test
    void finalClassCannotBeExtended() {
        JavaFileObject file = source("Sealed",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "final class Sealed {}");
        assertThat(compile(file)).hadErrorContaining(Message.FINAL_CLASS.tag()
                + " @Network class Sealed must not be final: the generated SealedNet extends it");
    }

    @Test
    void privateTypeIsInvisibleToTheGeneratedClass() {
        JavaFileObject file = source("Outer",
                "class Outer {",
                "  @Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "  private abstract static class Hidden {",
                "  " + LAYERS,
                "  }",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.PRIVATE_TYPE.tag() + " @Network type Hidden must not be private")
                .inFile(file).onLineContaining("@Network");
    }

    @Test
    void innerClassMustBeStatic() {
        JavaFileObject file = source("Outer",
                "class Outer {",
                "  @Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "  abstract class Inner {",
                "  " + LAYERS,
                "  }",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.INNER_CLASS.tag()
                + " @Network class Inner is an inner class: declare it static so that the generated Outer_InnerNet can extend it");
    }

    @Test
    void genericTypeIsRejected() {
        JavaFileObject file = source("Generic",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Generic<T> {",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.GENERIC_TYPE.tag() + " @Network type Generic must not have type parameters");
    }

    @Test
    void classNeedsANoArgumentConstructor() {
        JavaFileObject file = source("Configured",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Configured {",
                "  Configured(int width) {}",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.NO_CONSTRUCTOR.tag()
                + " @Network class Configured needs a constructor without parameters that is not private, for the generated ConfiguredNet to call");
    }

    @Test
    void networkWithoutLayers() {
        JavaFileObject file = source("Empty",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Empty {}");
        assertThat(compile(file)).hadErrorContaining(Message.NO_LAYERS.tag() + " @Network type Empty declares no layers")
                .inFile(file).onLineContaining("@Network");
    }

    @Test
    void nonPositiveSizesAreReportedOnTheirValues() {
        JavaFileObject file = source("Sizes",
                "@Network(inputs = 0, loss = Loss.MEAN_SQUARED_ERROR,",
                "    maxBatch = -4) @Sgd(learningRate = 0.1)",
                "abstract class Sizes {",
                "  @Dense(units = -1) abstract Layer output();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorCount(3);
        assertThat(compilation).hadErrorContaining(Message.NON_POSITIVE.tag() + " inputs must be positive, but is 0")
                .inFile(file).onLineContaining("inputs = 0");
        assertThat(compilation).hadErrorContaining(Message.NON_POSITIVE.tag() + " maxBatch must be positive, but is -4")
                .inFile(file).onLineContaining("maxBatch = -4");
        assertThat(compilation).hadErrorContaining(Message.NON_POSITIVE.tag() + " units of layer 'output' must be positive, but is -1")
                .inFile(file).onLineContaining("units = -1");
    }

    @Test
    void layersTooLargeForJavaArrays() {
        JavaFileObject file = source("Huge",
                "@Network(inputs = 100000, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Huge {",
                "  @Dense(units = 100000) abstract Layer output();",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.TOO_LARGE.tag()
                + " layer 'output' would have 10000000000 weights; at most 2147483647 fit in one Java array")
                .inFile(file).onLineContaining("units = 100000");
    }

    @Test
    void networkWithoutOptimizer() {
        JavaFileObject file = source("Untrained",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR)",
                "abstract class Untrained {",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.MISSING_OPTIMIZER.tag()
                + " @Network type Untrained has no optimizer: add one, such as @Sgd(learningRate = 0.01)");
    }

    @Test
    void learningRateMustBePositive() {
        JavaFileObject file = source("Backwards",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR)",
                "@Sgd(learningRate = -0.5)",
                "abstract class Backwards {",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.BAD_LEARNING_RATE.tag()
                + " learningRate must be positive and finite, but is -0.5").inFile(file).onLineContaining("-0.5");
    }

    @Test
    void aDropoutLayerFollowsADenseLayer() {
        JavaFileObject file = source("InputDropout",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class InputDropout {",
                "  @Dropout(0.2) abstract Layer noisyInputs();",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.DROPOUT_FIRST.tag()
                + " dropout layer 'noisyInputs' needs a @Dense layer declared before it; dropout on the inputs is not supported")
                .inFile(file).onLineContaining("noisyInputs");
    }

    @Test
    void oneDropoutPerLayer() {
        JavaFileObject file = source("Doubled",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Doubled {",
                "  @Dense(units = 4, dropout = 0.1) abstract Layer hidden();",
                "  @Dropout(0.2) abstract Layer more();",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.DROPOUT_TWICE.tag()
                + " dropout layer 'more' follows layer 'hidden', which already has dropout").inFile(file).onLineContaining("more");
    }

    @Test
    void aMethodIsEitherDenseOrDropout() {
        JavaFileObject file = source("Both",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Both {",
                "  @Dense(units = 4) @Dropout(0.5) abstract Layer hidden();",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.DROPOUT_AND_DENSE.tag()
                + " hidden() is annotated both @Dense and @Dropout: declare the dropout as a method of its own after the layer");
    }

    @Test
    void aDropoutLayerAfterTheOutputIsDropoutOnTheOutput() {
        JavaFileObject file = source("Trailing",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Trailing {",
                LAYERS,
                "  @Dropout(0.3) abstract Layer last();",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.DROPOUT_ON_OUTPUT.tag()
                + " dropout on the output layer 'output' would drop predictions").inFile(file).onLineContaining("0.3");
    }

    @Test
    void dropoutLiesBelowOne() {
        JavaFileObject file = source("Vanishing",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Vanishing {",
                "  @Dense(units = 4, dropout = 1.0) abstract Layer hidden();",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.BAD_DROPOUT.tag()
                + " dropout of layer 'hidden' must be at least 0 and below 1, but is 1.0").inFile(file).onLineContaining("dropout = 1.0");
    }

    @Test
    void noDropoutOnTheOutputLayer() {
        JavaFileObject file = source("Forgetful",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Forgetful {",
                "  @Dense(units = 2, dropout = 0.5) abstract Layer output();",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.DROPOUT_ON_OUTPUT.tag()
                + " dropout on the output layer 'output' would drop predictions; put it on a hidden layer")
                .inFile(file).onLineContaining("dropout = 0.5");
    }

    @Test
    void l2MustNotBeNegative() {
        JavaFileObject file = source("Inflating",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR, l2 = -0.1)",
                "@Sgd(learningRate = 0.1)",
                "abstract class Inflating {",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.BAD_L2.tag()
                + " l2 must be at least 0 (0: no penalty) and finite, but is -0.1").inFile(file).onLineContaining("l2 = -0.1");
    }

    @Test
    void clipNormMustNotBeNegative() {
        JavaFileObject file = source("Unclippable",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR, gradientClipNorm = -1)",
                "@Sgd(learningRate = 0.1)",
                "abstract class Unclippable {",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.BAD_CLIP_NORM.tag()
                + " gradientClipNorm must be at least 0 (0: no clipping) and finite, but is -1.0")
                .inFile(file).onLineContaining("gradientClipNorm");
    }

    @Test
    void oneOptimizerPerNetwork() {
        JavaFileObject file = source("Undecided",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR)",
                "@Sgd(learningRate = 0.1)",
                "@Adam",
                "abstract class Undecided {",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.TWO_OPTIMIZERS.tag()
                + " Undecided has two optimizers, @Sgd and @Adam: keep one").inFile(file).onLineContaining("@Adam");
    }

    @Test
    void decaysAndMomentumLieBelowOne() {
        JavaFileObject file = source("Forever",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR)",
                "@Adam(beta2 = 1.0)",
                "abstract class Forever {",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.BAD_DECAY.tag()
                + " beta2 must be at least 0 and below 1, but is 1.0").inFile(file).onLineContaining("beta2 = 1.0");
        JavaFileObject momentum = source("Runaway",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR)",
                "@Sgd(learningRate = 0.1, momentum = -0.5)",
                "abstract class Runaway {",
                LAYERS,
                "}");
        assertThat(compile(momentum)).hadErrorContaining(Message.BAD_DECAY.tag()
                + " momentum must be at least 0 and below 1, but is -0.5");
    }

    @Test
    void epsilonMustBePositive() {
        JavaFileObject file = source("Divider",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR)",
                "@RmsProp(epsilon = 0)",
                "abstract class Divider {",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.BAD_EPSILON.tag()
                + " epsilon must be positive and finite, but is 0.0").inFile(file).onLineContaining("epsilon = 0");
    }

    @Test
    void weightDecayMustNotBeNegative() {
        JavaFileObject file = source("Grower",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR)",
                "@AdamW(weightDecay = -0.01)",
                "abstract class Grower {",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.BAD_WEIGHT_DECAY.tag()
                + " weightDecay must be at least 0 and finite, but is -0.01").inFile(file).onLineContaining("-0.01");
    }

    @Test
    void nesterovNeedsMomentum() {
        JavaFileObject file = source("Lookahead",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR)",
                "@Sgd(learningRate = 0.1, nesterov = true)",
                "abstract class Lookahead {",
                LAYERS,
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.NESTEROV_WITHOUT_MOMENTUM.tag()
                + " nesterov = true needs a momentum above 0, such as momentum = 0.9").inFile(file).onLineContaining("nesterov");
    }

    @Test
    void anyOptimizerOutsideANetwork() {
        JavaFileObject file = source("Adrift",
                "@Adagrad",
                "abstract class Adrift {}");
        assertThat(compile(file)).hadErrorContaining(Message.OPTIMIZER_OUTSIDE_NETWORK.tag()
                + " @Adagrad on Adrift has no effect: Adrift is not annotated @Network");
    }

    @Test
    void missingLossIsReportedByJavac() {
        JavaFileObject file = source("NoLoss",
                "@Network(inputs = 2) @Sgd(learningRate = 0.1)",
                "abstract class NoLoss {",
                LAYERS,
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining("missing a default value for the element 'loss'");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void layerMethodWithABody() {
        JavaFileObject file = source("Concrete",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Concrete {",
                "  @Dense(units = 2) Layer output() { return null; }",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.LAYER_NOT_ABSTRACT.tag()
                + " @Dense method output() must be abstract").inFile(file).onLineContaining("Layer output()");
    }

    @Test
    void layerMethodWithParameters() {
        JavaFileObject file = source("Parameterized",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Parameterized {",
                "  @Dense(units = 2) abstract Layer output(int index);",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.LAYER_PARAMETERS.tag()
                + " @Dense method output(...) must take no parameters").inFile(file).onLineContaining("output(int index)");
    }

    @Test
    void layerMethodReturningSomethingElse() {
        JavaFileObject file = source("Wrong",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Wrong {",
                "  @Dense(units = 2) abstract Object output();",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.LAYER_RETURN_TYPE.tag()
                + " @Dense method output() must return dev.straightline.Layer, but returns java.lang.Object")
                .inFile(file).onLineContaining("Object output()");
    }

    @Test
    void genericLayerMethod() {
        JavaFileObject file = source("GenericLayer",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class GenericLayer {",
                "  @Dense(units = 2) abstract <T> Layer output();",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.LAYER_GENERIC.tag()
                + " @Dense method output() must not have type parameters");
    }

    @Test
    void denseLayerOutsideANetwork() {
        JavaFileObject file = source("Loose",
                "abstract class Loose {",
                "  @Dense(units = 2) abstract Layer output();",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.DENSE_OUTSIDE_NETWORK.tag()
                + " @Dense method output() is in Loose, which is not annotated @Network")
                .inFile(file).onLineContaining("output()");
        JavaFileObject dropout = source("LooseDropout",
                "abstract class LooseDropout {",
                "  @Dropout(0.5) abstract Layer drop();",
                "}");
        assertThat(compile(dropout)).hadErrorContaining(Message.DENSE_OUTSIDE_NETWORK.tag()
                + " @Dropout method drop() is in LooseDropout, which is not annotated @Network");
    }

    @Test
    void optimizerOutsideANetwork() {
        JavaFileObject file = source("Lonely",
                "@Sgd(learningRate = 0.1)",
                "abstract class Lonely {}");
        assertThat(compile(file)).hadErrorContaining(Message.OPTIMIZER_OUTSIDE_NETWORK.tag()
                + " @Sgd on Lonely has no effect: Lonely is not annotated @Network");
    }

    @Test
    void layersInheritedFromASupertype() {
        JavaFileObject base = source("Base",
                "interface Base {",
                "  @Dense(units = 2) Layer first();",
                "}");
        JavaFileObject file = source("Derived",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "interface Derived extends Base {",
                "  @Dense(units = 2) Layer second();",
                "}");
        assertThat(compile(base, file)).hadErrorContaining(Message.INHERITED_LAYER.tag()
                + " layer first() is declared in Base: declare every layer in the @Network type Derived itself, in order")
                .inFile(file).onLineContaining("@Network");
    }

    @Test
    void abstractMethodThatIsNotALayer() {
        JavaFileObject file = source("Extra",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Extra {",
                LAYERS,
                "  abstract int depth();",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.UNIMPLEMENTED_METHOD.tag()
                + " abstract method int depth() is not a layer and not a method the generated ExtraNet provides")
                .inFile(file).onLineContaining("depth()");
    }

    @Test
    void abstractMethodsTheGeneratedClassProvidesAreFine() {
        JavaFileObject file = source("Exposed",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "interface Exposed extends dev.straightline.runtime.TrainableNetwork {",
                "  @Dense(units = 2) Layer output();",
                "  float[] predict(float[] x);",
                "}");
        assertThat(compile(file)).succeededWithoutWarnings();
    }

    @Test
    void layerNamedLikeAGeneratedMethod() {
        JavaFileObject file = source("Clash",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Clash {",
                "  @Dense(units = 2) abstract Layer predict();",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.RESERVED_LAYER_NAME.tag()
                + " a layer cannot be named 'predict': the generated ClashNet has a method predict() of its own")
                .inFile(file).onLineContaining("predict()");
    }

    @Test
    void layersWhoseFieldsWouldCollide() {
        JavaFileObject file = source("Collide",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Collide {",
                "  @Dense(units = 3) abstract Layer hidden();",
                "  @Dense(units = 2) abstract Layer hiddenD();",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.NAME_CLASH.tag()
                + " layers 'hidden' and 'hiddenD' would both generate a field named hiddenDW")
                .inFile(file).onLineContaining("hiddenD()");
    }

    @Test
    void generatedNameAlreadyTaken() {
        JavaFileObject existing = source("TakenNet", "class TakenNet {}");
        JavaFileObject file = source("Taken",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Taken {",
                LAYERS,
                "}");
        assertThat(compile(existing, file)).hadErrorContaining(Message.GENERATED_NAME_TAKEN.tag()
                + " cannot generate TakenNet for @Network type Taken: a type of that name already exists");
    }

    @Test
    void twoNetworksMappingToTheSameGeneratedName() {
        JavaFileObject flat = source("A_B",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class A_B {",
                LAYERS,
                "}");
        JavaFileObject nested = source("A",
                "class A {",
                "  @Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "  abstract static class B {",
                "  " + LAYERS,
                "  }",
                "}");
        assertThat(compile(flat, nested)).hadErrorContaining(Message.GENERATED_NAME_TAKEN.tag() + " cannot generate A_BNet");
    }

    @Test
    void softmaxCrossEntropyWithOneUnit() {
        JavaFileObject file = source("OneClass",
                "@Network(inputs = 2, loss = Loss.SOFTMAX_CROSS_ENTROPY) @Sgd(learningRate = 0.1)",
                "abstract class OneClass {",
                "  @Dense(units = 1) abstract Layer output();",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.SOFTMAX_ONE_UNIT.tag()
                + " SOFTMAX_CROSS_ENTROPY needs an output layer with at least 2 units (one per class), but 'output' has 1")
                .inFile(file).onLineContaining("units = 1");
    }

    @Test
    void binaryCrossEntropyOnASoftmaxLayer() {
        JavaFileObject file = source("Doubled",
                "@Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY) @Sgd(learningRate = 0.1)",
                "abstract class Doubled {",
                "  @Dense(units = 3, activation = Activation.SOFTMAX) abstract Layer output();",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.BCE_ON_SOFTMAX.tag()
                + " BINARY_CROSS_ENTROPY applies a sigmoid to each logit, so output layer 'output' must use Activation.IDENTITY, not SOFTMAX")
                .inFile(file).onLineContaining("Activation.SOFTMAX");
    }

    @Test
    void lossOnLogitsAfterAnActivation() {
        JavaFileObject file = source("Squashed",
                "@Network(inputs = 2, loss = Loss.SOFTMAX_CROSS_ENTROPY) @Sgd(learningRate = 0.1)",
                "abstract class Squashed {",
                "  @Dense(units = 3, activation = Activation.SIGMOID) abstract Layer output();",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.LOGITS_LOSS_ACTIVATION.tag()
                + " SOFTMAX_CROSS_ENTROPY takes logits and applies the softmax itself, so output layer 'output' must use Activation.IDENTITY, not SIGMOID");
    }

    @Test
    void alphaOnAnActivationWithoutOne() {
        JavaFileObject file = source("Alpha",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Alpha {",
                "  @Dense(units = 2, activation = Activation.RELU,",
                "      alpha = 0.2) abstract Layer output();",
                "}");
        assertThat(compile(file)).hadErrorContaining(Message.ALPHA_NOT_APPLICABLE.tag()
                + " alpha applies only to LEAKY_RELU and ELU, not to RELU").inFile(file).onLineContaining("alpha = 0.2");
    }

    @Test
    void alphaOutOfRange() {
        JavaFileObject file = source("Steep",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Steep {",
                "  @Dense(units = 2, activation = Activation.LEAKY_RELU, alpha = 1.5) abstract Layer hidden();",
                "  @Dense(units = 2, activation = Activation.ELU, alpha = -1) abstract Layer output();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(Message.ALPHA_RANGE.tag() + " alpha of LEAKY_RELU must be in [0, 1), but is 1.5")
                .inFile(file).onLineContaining("alpha = 1.5");
        assertThat(compilation).hadErrorContaining(Message.ALPHA_RANGE.tag() + " alpha of ELU must be positive and finite, but is -1.0")
                .inFile(file).onLineContaining("alpha = -1");
    }

    @Test
    void thresholdUnitsWarnThatTheyCannotLearn() {
        JavaFileObject file = source("Steps",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Steps {",
                "  @Dense(units = 2, activation = Activation.HEAVISIDE) abstract Layer output();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(Message.HEAVISIDE_CANNOT_LEARN.tag()
                + " layer 'output' uses HEAVISIDE, whose derivative is 0 everywhere").inFile(file).onLineContaining("HEAVISIDE");
    }

    @Test
    void thresholdWarningCanBeSuppressed() {
        JavaFileObject file = source("Steps",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Steps {",
                "  @SuppressWarnings(\"HeavisideCannotLearn\")",
                "  @Dense(units = 2, activation = Activation.HEAVISIDE) abstract Layer output();",
                "}");
        assertThat(compile(file)).succeededWithoutWarnings();
    }

    @Test
    void everyMistakeOfATypeIsReportedInOnePass() {
        JavaFileObject file = source("Messy",
                "@Network(inputs = -1, loss = Loss.SOFTMAX_CROSS_ENTROPY) @Sgd(learningRate = 0)",
                "abstract class Messy {",
                "  @Dense(units = 1, activation = Activation.RELU, alpha = 0.3) abstract Layer output();",
                "}");
        Compilation compilation = compile(file);
        assertThat(compilation).hadErrorContaining(Message.NON_POSITIVE.tag());
        assertThat(compilation).hadErrorContaining(Message.ALPHA_NOT_APPLICABLE.tag());
        assertThat(compilation).hadErrorContaining(Message.SOFTMAX_ONE_UNIT.tag());
        assertThat(compilation).hadErrorContaining(Message.LOGITS_LOSS_ACTIVATION.tag());
        assertThat(compilation).hadErrorContaining(Message.BAD_LEARNING_RATE.tag());
        assertThat(compilation).hadErrorCount(5);
    }

    @Test
    void aProcessorBugBecomesOneErrorOnTheType() {
        JavaFileObject file = source("Fine",
                "@Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR) @Sgd(learningRate = 0.1)",
                "abstract class Fine {",
                LAYERS,
                "}");
        Compilation compilation = Compiler.javac().withProcessors(new BrokenFilerProcessor()).compile(file);
        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation).hadErrorContaining(Message.INTERNAL_ERROR.tag()
                + " internal error in the Straightline processor while generating the network for test.Fine")
                .inFile(file).onLineContaining("abstract class Fine");
        assertThat(compilation).hadErrorContaining("the disk is on fire");
    }

    @Test
    void everyMessageHasATestInThisClass() throws IOException {
        String tests = Files.readString(Path.of("src/test/java/dev/straightline/processor/CompileErrorsTest.java"));
        for (Message message : Message.values()) {
            assertTrue(tests.contains("Message." + message.name() + ".tag()"),
                    message + " has no test in CompileErrorsTest: add one that asserts its text and line");
        }
    }

    /** Runs the real processor with a Filer that fails, as a stand-in for any unexpected exception. */
    private static final class BrokenFilerProcessor extends AbstractProcessor {
        private final NetworkProcessor delegate = new NetworkProcessor();

        @Override
        public synchronized void init(ProcessingEnvironment environment) {
            super.init(environment);
            Filer broken = (Filer) Proxy.newProxyInstance(Filer.class.getClassLoader(), new Class<?>[] {Filer.class},
                    (proxy, method, arguments) -> {
                        throw new IllegalStateException("the disk is on fire");
                    });
            delegate.init((ProcessingEnvironment) Proxy.newProxyInstance(ProcessingEnvironment.class.getClassLoader(),
                    new Class<?>[] {ProcessingEnvironment.class},
                    (proxy, method, arguments) -> method.getName().equals("getFiler")
                            ? broken : method.invoke(environment, arguments)));
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return delegate.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return delegate.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return delegate.process(annotations, round);
        }
    }
}
