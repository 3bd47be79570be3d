package dev.straightline.processor.model;

import dev.straightline.processor.Site;

/** Minibatch SGD with a learning rate. */
public record Sgd(double learningRate, Site site) {}
