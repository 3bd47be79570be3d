package dev.straightline.processor.read;

import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/**
 * Reads annotation values through mirrors, so the processor never loads the user's annotation
 * classes. A value javac could not resolve (already reported by javac) reads as {@code null}.
 */
public final class Annotations {
    public static final String NETWORK = "dev.straightline.Network";
    public static final String DENSE = "dev.straightline.Dense";
    public static final String DROPOUT = "dev.straightline.Dropout";
    public static final String SGD = "dev.straightline.Sgd";
    public static final String ADAGRAD = "dev.straightline.Adagrad";
    public static final String RMSPROP = "dev.straightline.RmsProp";
    public static final String ADAM = "dev.straightline.Adam";
    public static final String ADAMW = "dev.straightline.AdamW";
    /** Every optimizer annotation. */
    public static final java.util.List<String> OPTIMIZERS = java.util.List.of(SGD, ADAGRAD, RMSPROP, ADAM, ADAMW);
    public static final String LAYER = "dev.straightline.Layer";
    public static final String GENERATED = "dev.straightline.internal.StraightlineGenerated";

    private final Elements elements;

    public Annotations(Elements elements) {
        this.elements = elements;
    }

    /** The annotation of type {@code qualifiedName} on {@code element}, or {@code null}. */
    public static AnnotationMirror find(Element element, String qualifiedName) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(qualifiedName)) {
                return mirror;
            }
        }
        return null;
    }

    Object value(AnnotationMirror mirror, String name) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(name)) {
                return entry.getValue().getValue();
            }
        }
        return null;
    }

    Integer intValue(AnnotationMirror mirror, String name) {
        return value(mirror, name) instanceof Integer i ? i : null;
    }

    Long longValue(AnnotationMirror mirror, String name) {
        return value(mirror, name) instanceof Long l ? l : null;
    }

    Double doubleValue(AnnotationMirror mirror, String name) {
        return value(mirror, name) instanceof Double d ? d : null;
    }

    Boolean booleanValue(AnnotationMirror mirror, String name) {
        return value(mirror, name) instanceof Boolean b ? b : null;
    }

    /** An enum constant read into the processor's mirror enum of the same constant names. */
    <E extends Enum<E>> E enumValue(AnnotationMirror mirror, String name, Class<E> type) {
        if (value(mirror, name) instanceof VariableElement constant) {
            try {
                return Enum.valueOf(type, constant.getSimpleName().toString());
            } catch (IllegalArgumentException e) {
                return null; // a constant this processor does not know: the runtime is newer
            }
        }
        return null;
    }
}
