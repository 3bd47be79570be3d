package dev.straightline.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/** Writes the source of a user's @Network class, for tests that compile networks of many shapes. */
final class NetworkSource {
    private final String name;
    private final int inputs;
    private final String loss;
    private String precision = "FLOAT";
    private int maxBatch = 16;
    private double learningRate = 0.1;
    private String optimizer;
    private double clipNorm;
    private double l2;
    private final List<String> layers = new ArrayList<>();
    private boolean suppressHeaviside;
    private boolean loops;

    private NetworkSource(String name, int inputs, String loss) {
        this.name = name;
        this.inputs = inputs;
        this.loss = loss;
    }

    static NetworkSource network(String name, int inputs, String loss) {
        return new NetworkSource(name, inputs, loss);
    }

    NetworkSource precision(String precision) {
        this.precision = precision;
        return this;
    }

    NetworkSource maxBatch(int maxBatch) {
        this.maxBatch = maxBatch;
        return this;
    }

    /** Silences the warning that threshold units cannot learn. */
    NetworkSource suppressHeavisideWarning() {
        this.suppressHeaviside = true;
        return this;
    }

    NetworkSource learningRate(double learningRate) {
        this.learningRate = learningRate;
        return this;
    }

    /** An optimizer annotation, such as {@code @Adam(learningRate = 0.01)}, instead of {@code @Sgd}. */
    NetworkSource optimizer(String annotation) {
        this.optimizer = annotation;
        return this;
    }

    /** {@code @Network(gradientClipNorm = ...)}. */
    NetworkSource clipNorm(double norm) {
        this.clipNorm = norm;
        return this;
    }

    /** {@code @Network(straightLine = false)}: tiny layers as loops. */
    NetworkSource loops() {
        this.loops = true;
        return this;
    }

    /** {@code @Network(l2 = ...)}. */
    NetworkSource l2(double lambda) {
        this.l2 = lambda;
        return this;
    }

    NetworkSource dense(String layer, int units, String activation) {
        layers.add("    @Dense(units = " + units + ", activation = Activation." + activation + ") abstract Layer " + layer + "();");
        return this;
    }

    NetworkSource dense(String layer, int units, String activation, String extra) {
        layers.add("    @Dense(units = " + units + ", activation = Activation." + activation + ", " + extra + ") abstract Layer "
                + layer + "();");
        return this;
    }

    String className() {
        return "test." + name;
    }

    String generatedClassName() {
        return "test." + name + "Net";
    }

    JavaFileObject file() {
        String text = "package test;\n\n"
                + "import dev.straightline.*;\n\n"
                + "@Network(inputs = " + inputs + ", loss = Loss." + loss + ", precision = Precision." + precision
                + ", maxBatch = " + maxBatch + (clipNorm > 0 ? ", gradientClipNorm = " + clipNorm : "")
                + (l2 > 0 ? ", l2 = " + l2 : "") + (loops ? ", straightLine = false" : "") + ")\n"
                + (optimizer != null ? optimizer : "@Sgd(learningRate = " + learningRate + ")") + "\n"
                + (suppressHeaviside ? "@SuppressWarnings(\"HeavisideCannotLearn\")\n" : "")
                + "public abstract class " + name + " {\n"
                + String.join("\n", layers) + "\n"
                + "}\n";
        return JavaFileObjects.forSourceString(className(), text);
    }
}
