package dev.straightline.runtime;

/** Told about every finished epoch of {@link Training#fit}. */
@FunctionalInterface
public interface EpochListener {
    void onEpoch(EpochResult result);
}
