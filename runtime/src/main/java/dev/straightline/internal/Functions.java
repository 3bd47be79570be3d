package dev.straightline.internal;

/** Scalar functions generated code calls; small enough for the JIT to inline. */
public final class Functions {
    private Functions() {}

    /** σ(z) = 1 / (1 + e^−z), without overflow for large |z|. */
    public static float sigmoid(float z) {
        if (z >= 0f) {
            return 1f / (1f + (float) Math.exp(-z));
        }
        float e = (float) Math.exp(z);
        return e / (1f + e);
    }

    /** σ(z) = 1 / (1 + e^−z), without overflow for large |z|. */
    public static double sigmoid(double z) {
        if (z >= 0.0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** ln(1 + e^z) = max(z, 0) + ln(1 + e^−|z|), without overflow. */
    public static float softplus(float z) {
        return Math.max(z, 0f) + (float) Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** ln(1 + e^z) = max(z, 0) + ln(1 + e^−|z|), without overflow. */
    public static double softplus(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }
}
