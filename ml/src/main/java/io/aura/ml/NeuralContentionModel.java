package io.aura.ml;

import io.aura.kernel.booking.ContentionModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A small feed-forward network (7 → 16 → 8 → 1, sigmoid out, cross-entropy) that estimates the
 * probability that a resource's local hour is mostly booked, from the hour and weekday (as points
 * on a circle, so 23:00 is next to 00:00), the resource's size, and how booked that hour and the
 * resource were lately. Trained on at most {@link #MAX_ROWS} past hours (a seeded sample), 80 %
 * for training and 20 % held back; a network not at least {@link #MIN_GAIN} better than always
 * guessing the more common outcome on the held-back hours is not used.
 */
public final class NeuralContentionModel implements ContentionModel {
    static final int MIN_ROWS = 200;
    static final int MIN_EACH = 20;
    static final int MAX_ROWS = 20_000;
    static final int EPOCHS = 40;
    static final int BATCH = 128;
    static final long SEED = 42;
    /** Better than always guessing by at least this much on the held-back hours, or not used. */
    static final double MIN_GAIN = 0.02;

    private final double minGain;
    private volatile MultiLayerNetwork network;
    private volatile Training last;

    /** Used only when better than always guessing by {@link #MIN_GAIN} on its own held-back hours. */
    public NeuralContentionModel() {
        this(MIN_GAIN);
    }

    private NeuralContentionModel(double minGain) {
        this.minGain = minGain;
    }

    /**
     * A model that keeps every network it trains, its accuracy against guessing only reported: the
     * time-split hold-out judges it instead (ADR 0050), on log-loss and AUC, which say more than
     * accuracy where most hours are free.
     */
    public static NeuralContentionModel judgedByHoldOut() {
        return new NeuralContentionModel(Double.NEGATIVE_INFINITY);
    }

    @Override
    public Optional<double[]> contentions(List<HourFacts> facts) {
        MultiLayerNetwork current = network;
        if (current == null) {
            return Optional.empty();
        }
        if (facts.isEmpty()) {
            return Optional.of(new double[0]);
        }
        double[][] in = new double[facts.size()][];
        for (int i = 0; i < in.length; i++) {
            in[i] = features(facts.get(i));
        }
        INDArray out = current.output(Nd4j.create(in));
        double[] p = new double[facts.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = out.getDouble(i, 0);
        }
        return Optional.of(p);
    }

    @Override
    public synchronized void forget() {
        network = null;
        last = null;
    }

    @Override
    public Optional<Training> lastTraining() {
        return Optional.ofNullable(last);
    }

    /** The network as DL4J's {@link ModelSerializer} writes it (without the updater's state: it is not trained on). */
    @Override
    public Optional<byte[]> saved() {
        MultiLayerNetwork current = network;
        if (current == null) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ModelSerializer.writeModel(current, out, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(out.toByteArray());
    }

    @Override
    public synchronized void load(byte[] saved, Training training) {
        try {
            network = saved == null ? null
                    : ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(saved), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        last = training;
    }

    @Override
    public synchronized Training train(List<PastHour> history) {
        long started = System.nanoTime();
        int booked = (int) history.stream().filter(PastHour::mostlyBooked).count();
        if (history.size() < MIN_ROWS || booked < MIN_EACH || history.size() - booked < MIN_EACH) {
            return remember(new Training(network != null, "too little history: " + history.size() + " hours, "
                    + booked + " mostly booked (needs " + MIN_ROWS + ", at least " + MIN_EACH + " of each)",
                    history.size(), booked, 0, 0, seconds(started)));
        }
        List<PastHour> rows = new ArrayList<>(history);
        Collections.shuffle(rows, new Random(SEED));
        if (rows.size() > MAX_ROWS) {
            rows = rows.subList(0, MAX_ROWS);
        }
        int split = rows.size() * 4 / 5;
        List<PastHour> learn = rows.subList(0, split);
        List<PastHour> check = rows.subList(split, rows.size());

        MultiLayerNetwork candidate = new MultiLayerNetwork(configuration());
        candidate.init();
        DataSet all = dataSet(learn);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            all.shuffle(SEED + epoch);
            for (DataSet batch : all.batchBy(BATCH)) {
                candidate.fit(batch);
            }
        }
        double accuracy = accuracy(candidate, check);
        long checkBooked = check.stream().filter(PastHour::mostlyBooked).count();
        double guessing = Math.max(checkBooked, check.size() - checkBooked) / (double) check.size();
        boolean better = accuracy >= guessing + minGain;
        if (better) {
            network = candidate;
        }
        return remember(new Training(network != null, better ? minGain == Double.NEGATIVE_INFINITY
                ? "trained (judged by the hold-out, not by accuracy)" : "trained"
                : "not better than always guessing on the held-back hours; the model in use (if any) stays",
                rows.size(), booked, round(accuracy), round(guessing), seconds(started)));
    }

    private Training remember(Training training) {
        last = training;
        return training;
    }

    static MultiLayerConfiguration configuration() {
        return new NeuralNetConfiguration.Builder()
                .seed(SEED)
                .updater(new Adam(0.01))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(7).nOut(16).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(16).nOut(8).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(8).nOut(1)
                        .activation(Activation.SIGMOID).build())
                .build();
    }

    /** The hour and weekday as points on circles; capacity on a log scale; utilizations as they are (0..1). */
    static double[] features(HourFacts f) {
        double hour = 2 * Math.PI * f.hour() / 24.0;
        double day = 2 * Math.PI * (f.dayOfWeek() - 1) / 7.0;
        return new double[] {Math.sin(hour), Math.cos(hour), Math.sin(day), Math.cos(day),
                Math.log1p(Math.max(0, f.capacity())) / Math.log1p(1000), clamp(f.sameHourLately()),
                clamp(f.resourceLately())};
    }

    private static DataSet dataSet(List<PastHour> rows) {
        double[][] in = new double[rows.size()][];
        double[][] out = new double[rows.size()][1];
        for (int i = 0; i < rows.size(); i++) {
            in[i] = features(rows.get(i).facts());
            out[i][0] = rows.get(i).mostlyBooked() ? 1 : 0;
        }
        return new DataSet(Nd4j.create(in), Nd4j.create(out));
    }

    private static double accuracy(MultiLayerNetwork net, List<PastHour> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        INDArray predicted = net.output(dataSet(rows).getFeatures());
        int right = 0;
        for (int i = 0; i < rows.size(); i++) {
            if ((predicted.getDouble(i, 0) >= 0.5) == rows.get(i).mostlyBooked()) {
                right++;
            }
        }
        return right / (double) rows.size();
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static double seconds(long startedNanos) {
        return Math.round((System.nanoTime() - startedNanos) / 1e7) / 100.0;
    }
}
