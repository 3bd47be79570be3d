package dev.straightline.processor.model;

import dev.straightline.processor.Site;

/** A layer of a network. Each kind has one record here and one emitter. */
public sealed interface LayerModel permits DenseLayer {
    /** The layer's name: the name of its declaring method. */
    String name();

    /** Width of the layer's output. */
    int units();

    /** Where the layer is declared. */
    Site site();
}
