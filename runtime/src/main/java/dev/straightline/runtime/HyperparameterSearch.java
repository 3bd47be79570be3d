package dev.straightline.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Grid and random search over hyperparameters (seed 002): each trial trains a fresh network on the
 * training set and is scored on the validation set; the trials come back best first and print as a
 * table. Three names are applied by the search itself: {@code learningRate} (set on the network),
 * {@code batchSize} and {@code inputNoise} (set on the fit options). Every setting, these included,
 * reaches the network factory, which applies the rest (for example, choosing the generated class
 * with the wanted dropout, or its class weights).
 */
public final class HyperparameterSearch {
    private final Map<String, Dimension> space = new LinkedHashMap<>();
    private final Function<Map<String, Double>, TrainableNetwork> factory;
    private final FitOptions base;

    /** One trial: its settings and its validation scores. */
    public record Trial(Map<String, Double> settings, double validationLoss, double validationAccuracy, int epochs) {}

    /** A dimension of the space: listed values, or a range sampled uniformly or log-uniformly. */
    private record Dimension(double[] values, double low, double high, boolean logarithmic) {
        double sample(SplittableRandom random) {
            if (values != null) {
                return values[random.nextInt(values.length)];
            }
            return logarithmic ? Math.exp(random.nextDouble(Math.log(low), Math.log(high))) : random.nextDouble(low, high);
        }
    }

    private HyperparameterSearch(Function<Map<String, Double>, TrainableNetwork> factory, FitOptions base) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.base = Objects.requireNonNull(base, "base");
    }

    /**
     * A search whose trials build their network with {@code factory} and train with {@code base}
     * (epochs, validation, schedule, early stopping...), adjusted by each trial's settings.
     */
    public static HyperparameterSearch of(Function<Map<String, Double>, TrainableNetwork> factory, FitOptions base) {
        if (!base.hasValidation()) {
            throw new IllegalArgumentException("trials are scored on the validation set: give the base options one");
        }
        return new HyperparameterSearch(factory, base);
    }

    /** A dimension with these values (for grid and random search). */
    public HyperparameterSearch values(String name, double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException(name + " needs at least one value");
        }
        space.put(name, new Dimension(values.clone(), Double.NaN, Double.NaN, false));
        return this;
    }

    /** A dimension drawn log-uniformly from [low, high), as for learning rates (random search only). */
    public HyperparameterSearch logUniform(String name, double low, double high) {
        if (!(low > 0 && high > low)) {
            throw new IllegalArgumentException(name + " needs 0 < low < high, but has [" + low + ", " + high + ")");
        }
        space.put(name, new Dimension(null, low, high, true));
        return this;
    }

    /** A dimension drawn uniformly from [low, high) (random search only). */
    public HyperparameterSearch uniform(String name, double low, double high) {
        if (!(high > low)) {
            throw new IllegalArgumentException(name + " needs low < high, but has [" + low + ", " + high + ")");
        }
        space.put(name, new Dimension(null, low, high, false));
        return this;
    }

    /** Every combination of the listed values, best first. */
    public List<Trial> grid(DataSet train) {
        List<Map<String, Double>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, Dimension> dimension : space.entrySet()) {
            if (dimension.getValue().values() == null) {
                throw new IllegalStateException("grid search needs listed values, but " + dimension.getKey() + " is a range");
            }
            List<Map<String, Double>> next = new ArrayList<>();
            for (Map<String, Double> partial : combinations) {
                for (double value : dimension.getValue().values()) {
                    Map<String, Double> settings = new LinkedHashMap<>(partial);
                    settings.put(dimension.getKey(), value);
                    next.add(settings);
                }
            }
            combinations = next;
        }
        return run(combinations, train);
    }

    /** {@code trials} settings drawn at random (seeded), best first. */
    public List<Trial> random(DataSet train, int trials, long seed) {
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1, but is " + trials);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Map<String, Double>> drawn = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            Map<String, Double> settings = new LinkedHashMap<>();
            for (Map.Entry<String, Dimension> dimension : space.entrySet()) {
                settings.put(dimension.getKey(), dimension.getValue().sample(random));
            }
            drawn.add(settings);
        }
        return run(drawn, train);
    }

    private List<Trial> run(List<Map<String, Double>> settingsList, DataSet train) {
        List<Trial> trials = new ArrayList<>();
        for (Map<String, Double> settings : settingsList) {
            TrainableNetwork network = factory.apply(Map.copyOf(settings));
            FitOptions.Builder options = base.toBuilder();
            if (settings.containsKey("learningRate")) {
                network.setLearningRate(settings.get("learningRate"));
            }
            if (settings.containsKey("batchSize")) {
                options.batchSize((int) Math.round(settings.get("batchSize")));
            }
            if (settings.containsKey("inputNoise")) {
                options.inputNoise(settings.get("inputNoise"));
            }
            List<EpochResult> history = Training.fit(network, train, options.build());
            Evaluation score = Evaluation.of(network, base.validation());
            trials.add(new Trial(settings, score.loss(), score.accuracy(), history.size()));
        }
        trials.sort(Comparator.comparingDouble(Trial::validationLoss));
        return List.copyOf(trials);
    }

    /** The trials as a text table, one row each, in the order given. */
    public static String table(List<Trial> trials) {
        if (trials.isEmpty()) {
            return "";
        }
        List<String> names = new ArrayList<>(trials.get(0).settings().keySet());
        StringBuilder text = new StringBuilder();
        for (String name : names) {
            text.append(String.format(Locale.ROOT, "%14s", name));
        }
        text.append(String.format(Locale.ROOT, "%10s%10s%8s%n", "val_loss", "val_acc", "epochs"));
        for (Trial trial : trials) {
            for (String name : names) {
                text.append(String.format(Locale.ROOT, "%14.6g", trial.settings().get(name)));
            }
            text.append(String.format(Locale.ROOT, "%10.4f%9.2f%%%8d%n", trial.validationLoss(),
                    100 * trial.validationAccuracy(), trial.epochs()));
        }
        return text.toString();
    }
}
