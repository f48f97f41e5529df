package org.mtan4j.runtime.weights;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mtan4j.api.Backbone;
import org.mtan4j.api.TaskHead;

/**
 * The PyTorch {@code state_dict} names of a built model, in the reference's order: the backbone's
 * {@link Backbone#stateDictEntries()}, the uncertainty weighting's log-variances as {@code logsigma}
 * when the run uses it, and each head's {@link TaskHead#stateDictEntries(String)} under
 * {@link Backbone#headPrefix(int)}.
 *
 * <p>{@code logsigma} goes where PyTorch puts a parameter registered directly on the root module: after
 * the backbone's other root-level entries (names without a dot, e.g. cross-stitch's units) and before
 * any sub-module's, which is its place in every reference listing.
 *
 * <p>Building it checks the plugins' naming: every parameter of the backbone and the heads must carry
 * exactly one name. The weighting's parameters need none (they are listed by {@link #unnamed()}).
 */
public final class StateDictNames {

    /** The reference's name of uncertainty weighting's log-variances. */
    public static final String LOG_SIGMA = "logsigma";

    /** The weighting whose parameter {@code logsigma} maps to. */
    public static final String UNCERTAINTY = "uncertainty";

    private final Map<String, Parameter> entries;
    private final List<String> unnamed;
    private final boolean logSigmaMapped;

    private StateDictNames(Map<String, Parameter> entries, List<String> unnamed, boolean logSigmaMapped) {
        this.entries = Collections.unmodifiableMap(entries);
        this.unnamed = List.copyOf(unnamed);
        this.logSigmaMapped = logSigmaMapped;
    }

    /**
     * The names of a model built from these parts (the parameters must be initialised).
     *
     * @param backboneName the backbone's YAML name, for messages
     * @param backbone the backbone
     * @param heads one head per task, in task order
     * @param weightingName the weighting's YAML name
     * @param weightingBlock the weighting's parameter block, if any
     * @throws WeightsException when a plugin declares no names, or names a parameter twice or not at all
     */
    public static StateDictNames of(String backboneName, Backbone backbone, List<TaskHead> heads, String weightingName,
            Optional<Block> weightingBlock) {
        Map<String, Parameter> backboneEntries = backbone.stateDictEntries();
        if (backboneEntries.isEmpty()) {
            throw new WeightsException("backbone '" + backboneName + "' declares no PyTorch state_dict names"
                    + " (Backbone.stateDictEntries), so its weights cannot be imported or exported");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Parameter> entries = new LinkedHashMap<>();
        Parameter logSigma = logSigmaParameter(weightingName, weightingBlock, heads.size());
        boolean logSigmaPlaced = logSigma == null;
        for (Map.Entry<String, Parameter> e : backboneEntries.entrySet()) {
            if (!logSigmaPlaced && e.getKey().contains(".")) {
                entries.put(LOG_SIGMA, logSigma);
                logSigmaPlaced = true;
            }
            put(entries, e.getKey(), e.getValue(), problems);
        }
        if (!logSigmaPlaced) {
            put(entries, LOG_SIGMA, logSigma, problems);
        }
        for (int t = 0; t < heads.size(); t++) {
            TaskHead head = heads.get(t);
            Map<String, Parameter> headEntries = head.stateDictEntries(backbone.headPrefix(t));
            if (headEntries.isEmpty() && !head.block().getParameters().isEmpty()) {
                problems.add("the head of task '" + head.task().name() + "' declares no PyTorch names (TaskHead.stateDictEntries)");
            }
            headEntries.forEach((name, p) -> put(entries, name, p, problems));
        }

        Set<Parameter> named = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, Parameter> e : entries.entrySet()) {
            if (!named.add(e.getValue())) {
                problems.add("a parameter has two names, one of them '" + e.getKey() + "'");
            }
        }
        List<String> unnamedNetwork = new ArrayList<>();
        collectUnnamed("backbone", backbone.block(), named, unnamedNetwork);
        for (TaskHead head : heads) {
            collectUnnamed("head-" + head.task().name(), head.block(), named, unnamedNetwork);
        }
        if (!unnamedNetwork.isEmpty()) {
            problems.add("parameters without a PyTorch name: " + String.join(", ", unnamedNetwork));
        }
        if (!problems.isEmpty()) {
            throw new WeightsException("cannot map backbone '" + backboneName + "' and its heads to PyTorch names: "
                    + String.join("; ", problems));
        }
        List<String> unnamedWeighting = new ArrayList<>();
        weightingBlock.ifPresent(b -> collectUnnamed("weighting", b, named, unnamedWeighting));
        return new StateDictNames(entries, unnamedWeighting, logSigma != null);
    }

    /** The uncertainty weighting's one {@code (taskCount)} parameter, or null when there is none. */
    private static Parameter logSigmaParameter(String weightingName, Optional<Block> block, int taskCount) {
        if (!UNCERTAINTY.equals(weightingName) || block.isEmpty() || block.get().getParameters().size() != 1) {
            return null;
        }
        Parameter p = block.get().getParameters().get(0).getValue();
        return p.getArray().getShape().equals(new Shape(taskCount)) ? p : null;
    }

    private static void put(Map<String, Parameter> entries, String name, Parameter p, List<String> problems) {
        if (entries.put(name, p) != null) {
            problems.add("name '" + name + "' is used twice");
        }
    }

    private static void collectUnnamed(String prefix, Block block, Set<Parameter> named, List<String> into) {
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (!named.contains(p.getValue())) {
                into.add(prefix + "/" + p.getKey());
            }
        }
    }

    /** Name to parameter (BatchNorm running statistics included), in the reference's order. */
    public Map<String, Parameter> entries() {
        return entries;
    }

    /** Whether {@code logsigma} is one of the names (the run uses uncertainty weighting). */
    public boolean logSigmaMapped() {
        return logSigmaMapped;
    }

    /**
     * The model's parameters that no {@code state_dict} name reaches (a weighting's own parameters other
     * than uncertainty's), as DJL paths; an import leaves them at their current values.
     */
    public List<String> unnamed() {
        return unnamed;
    }
}
