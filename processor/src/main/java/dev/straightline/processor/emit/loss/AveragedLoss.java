package dev.straightline.processor.emit.loss;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.straightline.processor.emit.Numeric;
import dev.straightline.processor.plan.LayerPlan;
import javax.lang.model.element.Modifier;

/**
 * A loss averaged over the samples of a batch. This class writes the method around the loss:
 * a {@code double} accumulator {@code total}, the gradient scale {@code 1/n}, and a loop over the
 * samples {@code s} of one part of the batch; each loss writes what happens for one sample.
 */
abstract class AveragedLoss implements LossEmitter {

    /** The method's documentation: the loss and its gradient. */
    abstract String formula();

    /** Statements for sample {@code s}: add its loss to {@code sampleLoss}, write its output gradient scaled by {@code scale}. */
    abstract CodeBlock perSample(LayerPlan output, Numeric numeric);

    @Override
    public String mean() {
        return "total / n";
    }

    /** Statements that multiply {@code weight} by sample {@code s}'s class weight, when the loss has classes. */
    CodeBlock classWeight(int outputs, Numeric numeric) {
        return CodeBlock.of("");
    }

    @Override
    public final MethodSpec lossMethod(LayerPlan output, Numeric numeric) {
        return MethodSpec.methodBuilder(methodName())
                .addJavadoc(formula() + "Returns the summed loss of these samples; the caller takes the mean.\n")
                .addModifiers(Modifier.PRIVATE)
                .returns(TypeName.DOUBLE)
                .addParameter(targetType(numeric), targetName())
                .addParameter(TypeName.INT, "from")
                .addParameter(TypeName.INT, "to")
                .addParameter(TypeName.INT, "n")
                .addStatement("double total = 0.0")
                .addStatement("$L inverse = $L / n", numeric.name(), numeric.literal(1))
                .beginControlFlow("for (int s = from; s < to; s++)")
                .addComment("A sample counts with its own weight times its class's weight, 1 when none are set.")
                .addStatement("$L weight = stepWeights == null ? $L : stepWeights[s]", numeric.name(), numeric.literal(1))
                .addCode(classWeight(output.units(), numeric))
                .addStatement("$L scale = weight * inverse", numeric.name())
                .addStatement("double sampleLoss = 0.0")
                .addCode(perSample(output, numeric))
                .addStatement("total += weight * sampleLoss")
                .endControlFlow()
                .addStatement("return total")
                .build();
    }
}
