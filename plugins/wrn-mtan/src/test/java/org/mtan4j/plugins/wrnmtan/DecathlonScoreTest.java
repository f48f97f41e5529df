package org.mtan4j.plugins.wrnmtan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The decathlon score on values computed by hand. */
class DecathlonScoreTest {

    @Test
    void oneDomainByHand() {
        // Baseline error 0.2: Emax = 0.4, alpha = 1000 / 0.16 = 6250.
        DecathlonScore score = new DecathlonScore(Map.of("d", 0.2));
        assertEquals(0.4, score.maxError("d"), 1e-12);
        assertEquals(6250.0, score.alpha("d"), 1e-9);
        assertEquals(1000.0, score.domainScore("d", 0.0), 1e-9);     // 6250 * 0.4^2
        assertEquals(562.5, score.domainScore("d", 0.1), 1e-9);      // 6250 * 0.3^2
        assertEquals(250.0, score.domainScore("d", 0.2), 1e-9);      // 6250 * 0.2^2: the baseline
        assertEquals(62.5, score.domainScore("d", 0.3), 1e-9);       // 6250 * 0.1^2
        assertEquals(0.0, score.domainScore("d", 0.4), 1e-9);        // at Emax
        assertEquals(0.0, score.domainScore("d", 0.9), 1e-9);        // beyond Emax: max(0, .)
    }

    @Test
    void sumsOverDomains() {
        DecathlonScore score = new DecathlonScore(Map.of("a", 0.2, "b", 0.5));
        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put("a", 0.1);  // 562.5
        errors.put("b", 0.5);  // Emax 1, alpha 1000: 1000 * 0.5^2 = 250
        assertEquals(812.5, score.score(errors), 1e-9);
        Map<String, Double> terms = score.domainScores(errors);
        assertEquals(java.util.List.of("a", "b"), java.util.List.copyOf(terms.keySet()), "in the given order");
        assertEquals(562.5, terms.get("a"), 1e-9);
        assertEquals(250.0, terms.get("b"), 1e-9);
    }

    @Test
    void challengeBaselineScores2500AndAPerfectModel10000() {
        DecathlonScore score = DecathlonScore.challenge();
        assertEquals(10, score.baselineErrors().size());
        // ImageNet: baseline accuracy 59.87 %, error 0.4013, Emax 0.8026.
        assertEquals(0.8026, score.maxError("imagenet12"), 1e-12);
        Map<String, Double> perfect = new LinkedHashMap<>();
        score.baselineErrors().keySet().forEach(d -> perfect.put(d, 0.0));
        assertEquals(10_000.0, score.score(perfect), 1e-6);
        assertEquals(2_500.0, score.score(score.baselineErrors()), 1e-6);
        // UCF101 at 75.6 % accuracy: Emax = 2 * 0.488 = 0.976; (0.976 - 0.244)^2 / 0.976^2 * 1000 = 562.5.
        assertEquals(562.5, score.domainScore("ucf101", 0.244), 1e-6);
    }

    @Test
    void challengeBaselineIsRebuffiEtAlsFinetuneRow() {
        // Rebuffi et al. 2017, "Finetune" top-1 accuracies (%), as cited in DecathlonScore's comment.
        String[] domains = {"imagenet12", "aircraft", "cifar100", "daimlerpedcls", "dtd", "gtsrb", "vgg-flowers", "omniglot", "svhn",
            "ucf101"};
        double[] percent = {59.87, 60.34, 82.12, 92.82, 55.53, 97.53, 81.41, 87.69, 96.55, 51.20};
        Map<String, Double> accuracy = new LinkedHashMap<>();
        for (int i = 0; i < domains.length; i++) {
            accuracy.put(domains[i], percent[i]);
        }
        DecathlonScore score = DecathlonScore.challenge();
        assertEquals(accuracy.keySet(), score.baselineErrors().keySet());
        accuracy.forEach((d, a) -> assertEquals(1 - a / 100, score.baselineErrors().get(d), 1e-12, d));
        // Their mean is the paper's 76.51.
        assertEquals(76.51, accuracy.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow(), 0.005);
    }

    @Test
    void challengeDomainsByHand() {
        DecathlonScore score = DecathlonScore.challenge();
        // GTSRB: baseline error 1 - 0.9753 = 0.0247, Emax = 0.0494, alpha = 1000 / 0.0494^2.
        assertEquals(1000.0, score.domainScore("gtsrb", 0.0), 1e-9);                  // perfect
        assertEquals(0.0, score.domainScore("gtsrb", 0.0494), 1e-9);                  // at Emax
        assertEquals(0.0, score.domainScore("gtsrb", 0.05), 1e-9);                    // above Emax
        // Error 0.01: 1000 * (0.0494 - 0.01)^2 / 0.0494^2 = 1000 * 0.00155236 / 0.00244036 = 636.1193.
        assertEquals(636.1193, score.domainScore("gtsrb", 0.01), 1e-4);
        // ImageNet at error 0.3: Emax = 0.8026; 1000 * 0.5026^2 / 0.8026^2 = 252.60676 / 0.64416676 = 392.1450.
        assertEquals(392.1450, score.domainScore("imagenet12", 0.3), 1e-4);
    }

    @Test
    void markdownTableListsAccuracyAndScorePerDomainAndTheTotal() {
        DecathlonScore score = new DecathlonScore(Map.of("a", 0.2, "b", 0.5));
        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put("a", 0.1);
        errors.put("b", 0.5);
        String expected = "| domain | top-1 accuracy (%) | score |\n|---|---:|---:|\n"
                + "| a | 90.00 | 562.5 |\n"
                + "| b | 50.00 | 250.0 |\n"
                + "| **mean / total** | 70.00 | 812.5 |\n";
        assertEquals(expected, score.markdownTable(errors));
    }

    @Test
    void rejectsUnknownDomainsAndBadErrors() {
        DecathlonScore score = DecathlonScore.challenge();
        assertThrows(IllegalArgumentException.class, () -> score.domainScore("mnist", 0.1));
        assertThrows(IllegalArgumentException.class, () -> score.domainScore("svhn", 1.5));
        assertThrows(IllegalArgumentException.class, () -> new DecathlonScore(Map.of("x", 0.7)));
    }
}
