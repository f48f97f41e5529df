package org.mtan4j.plugins.wrnmtan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The Visual Decathlon score (S.-A. Rebuffi, H. Bilen, A. Vedaldi, "Learning multiple visual domains
 * with residual adapters", NeurIPS 2017, section 4, and the challenge's page
 * {@code https://www.robots.ox.ac.uk/~vgg/decathlon/}):
 * {@code S = sum_d alpha_d * max(0, Emax_d - E_d)^2} with {@code E_d} the top-1 test error on domain
 * {@code d}, {@code Emax_d} twice the baseline's error on {@code d} and {@code alpha_d = 1000 / Emax_d^2},
 * so a perfect domain scores 1000, the baseline 250 per domain (2,500 over ten, "by construction" in
 * the paper) and any error of at least {@code Emax_d} nothing.
 *
 * <p>Errors are fractions in {@code [0, 1]} (the score does not depend on the unit as long as the
 * baseline errors use the same one). The default baseline is the challenge's: the "Finetune" row of
 * Rebuffi et al. 2017's results table (a ResNet-26 pretrained on the decathlon's ImageNet and fine-tuned
 * on each domain; score 2500), which the MTAN paper's decathlon table repeats. Top-1 accuracies in
 * percent: ImageNet 59.87, Aircraft 60.34, CIFAR-100 82.12, Daimler pedestrians 92.82, DTD 55.53,
 * GTSRB 97.53, VGG-Flowers 81.41, Omniglot 87.69, SVHN 96.55, UCF101 51.20 (mean 76.51). These were
 * checked against two public scoring scripts that state the same row and the same formula (found by
 * code search; neither names its source), not against the paper's PDF, which could not be read from
 * here. Keys are the decathlon's folder names.
 */
public final class DecathlonScore {

    /** A perfect domain's score. */
    public static final double MAX_DOMAIN_SCORE = 1000.0;

    private static final Map<String, Double> CHALLENGE_BASELINE_ACCURACY = challengeAccuracies();

    private final Map<String, Double> baselineErrors;

    /**
     * A score with the given baseline errors.
     *
     * @param baselineErrors domain name to the baseline's top-1 error, each in {@code (0, 0.5]} so that
     *     {@code Emax = 2 * error} is a valid error in {@code (0, 1]}
     * @throws IllegalArgumentException if an error is outside that range or there is no domain
     */
    public DecathlonScore(Map<String, Double> baselineErrors) {
        Objects.requireNonNull(baselineErrors, "baselineErrors is null");
        if (baselineErrors.isEmpty()) {
            throw new IllegalArgumentException("at least one domain's baseline error is needed");
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        baselineErrors.forEach((domain, error) -> {
            if (error == null || !(error > 0 && error <= 0.5)) {
                throw new IllegalArgumentException("baseline error of '" + domain + "' must be in (0, 0.5], got " + error);
            }
            copy.put(domain, error);
        });
        this.baselineErrors = Collections.unmodifiableMap(copy);
    }

    /** The score with the challenge's baseline (see the class comment). */
    public static DecathlonScore challenge() {
        Map<String, Double> errors = new LinkedHashMap<>();
        CHALLENGE_BASELINE_ACCURACY.forEach((domain, accuracy) -> errors.put(domain, 1.0 - accuracy / 100.0));
        return new DecathlonScore(errors);
    }

    /** The baseline errors, by domain, in the order given. */
    public Map<String, Double> baselineErrors() {
        return baselineErrors;
    }

    /** {@code Emax_d = 2 * baseline error}. */
    public double maxError(String domain) {
        return 2.0 * baseline(domain);
    }

    /** {@code alpha_d = 1000 / Emax_d^2}. */
    public double alpha(String domain) {
        double max = maxError(domain);
        return MAX_DOMAIN_SCORE / (max * max);
    }

    /**
     * One domain's term {@code alpha_d * max(0, Emax_d - E_d)^2}.
     *
     * @param error the domain's top-1 error in {@code [0, 1]}
     * @throws IllegalArgumentException for an unknown domain or an error outside {@code [0, 1]}
     */
    public double domainScore(String domain, double error) {
        if (!(error >= 0 && error <= 1)) {
            throw new IllegalArgumentException("error of '" + domain + "' must be in [0, 1], got " + error);
        }
        double gap = Math.max(0.0, maxError(domain) - error);
        return alpha(domain) * gap * gap;
    }

    /**
     * The decathlon score: the sum of {@link #domainScore} over the given domains (the challenge sums
     * over all ten; a domain left out adds nothing).
     *
     * @param errors domain name to top-1 error
     * @throws IllegalArgumentException for an unknown domain or an invalid error
     */
    public double score(Map<String, Double> errors) {
        return domainScores(errors).values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** Each given domain's term, in the order of {@code errors}. */
    public Map<String, Double> domainScores(Map<String, Double> errors) {
        Map<String, Double> scores = new LinkedHashMap<>();
        errors.forEach((domain, error) -> scores.put(domain, domainScore(domain, Objects.requireNonNull(error, domain))));
        return scores;
    }

    /**
     * A Markdown table of the given domains: top-1 accuracy in percent (two decimals) and score (one
     * decimal) per domain, then the mean accuracy and the total score, as the decathlon results are
     * usually reported.
     *
     * @param errors domain name to top-1 error, in the order of the rows
     * @return the table, one line per row, ending with a newline
     * @throws IllegalArgumentException for an unknown domain or an invalid error
     */
    public String markdownTable(Map<String, Double> errors) {
        Map<String, Double> scores = domainScores(errors);
        StringBuilder table = new StringBuilder("| domain | top-1 accuracy (%) | score |\n|---|---:|---:|\n");
        double accuracySum = 0;
        for (Map.Entry<String, Double> e : errors.entrySet()) {
            double accuracy = 100.0 * (1.0 - e.getValue());
            accuracySum += accuracy;
            table.append(String.format(Locale.ROOT, "| %s | %.2f | %.1f |\n", e.getKey(), accuracy, scores.get(e.getKey())));
        }
        double mean = errors.isEmpty() ? Double.NaN : accuracySum / errors.size();
        table.append(String.format(Locale.ROOT, "| **mean / total** | %.2f | %.1f |\n", mean, score(errors)));
        return table.toString();
    }

    private double baseline(String domain) {
        Double error = baselineErrors.get(domain);
        if (error == null) {
            throw new IllegalArgumentException("no baseline error for domain '" + domain + "'; known: " + baselineErrors.keySet());
        }
        return error;
    }

    private static Map<String, Double> challengeAccuracies() {
        Map<String, Double> accuracy = new LinkedHashMap<>();
        accuracy.put("imagenet12", 59.87);
        accuracy.put("aircraft", 60.34);
        accuracy.put("cifar100", 82.12);
        accuracy.put("daimlerpedcls", 92.82);
        accuracy.put("dtd", 55.53);
        accuracy.put("gtsrb", 97.53);
        accuracy.put("vgg-flowers", 81.41);
        accuracy.put("omniglot", 87.69);
        accuracy.put("svhn", 96.55);
        accuracy.put("ucf101", 51.20);
        return Collections.unmodifiableMap(accuracy);
    }
}
