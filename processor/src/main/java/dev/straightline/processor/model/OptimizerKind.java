package dev.straightline.processor.model;

/** The optimizers, each with its annotation in {@code dev.straightline}. */
public enum OptimizerKind {
    SGD("Sgd"),
    ADAGRAD("Adagrad"),
    RMSPROP("RmsProp"),
    ADAM("Adam"),
    ADAMW("AdamW");

    private final String annotation;

    OptimizerKind(String annotation) {
        this.annotation = annotation;
    }

    /** The annotation's simple name, such as {@code Adam}. */
    public String annotation() {
        return annotation;
    }

    /** The annotation's qualified name. */
    public String qualifiedAnnotation() {
        return "dev.straightline." + annotation;
    }
}
