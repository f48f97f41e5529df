package org.mtan4j.runtime.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adam with PyTorch's exact update rule ({@code torch.optim.Adam}, amsgrad off): epsilon is added after
 * the second moment's bias correction, {@code p -= lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)}.
 * DJL's Adam folds the correction into the learning rate and so places epsilon differently.
 * Weight decay, when set, is PyTorch's L2 form ({@code g += wd * p}).
 */
public final class PyTorchAdam extends PyTorchOptimizer {

    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final Map<String, Map<Device, NDArray>> means = new ConcurrentHashMap<>();
    private final Map<String, Map<Device, NDArray>> variances = new ConcurrentHashMap<>();
    // Steps per parameter and device: DJL's shared update count would advance once per device.
    private final Map<String, Integer> steps = new ConcurrentHashMap<>();
    // A checkpoint's state, per parameter id, until each device's first update takes a copy.
    private final Map<String, Map<String, NDArray>> restored = new ConcurrentHashMap<>();

    /** An Adam with the given hyper-parameters. */
    public PyTorchAdam(float learningRate, float beta1, float beta2, float epsilon, float weightDecay) {
        super(learningRate);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    /** How many updates a parameter has had on a device. */
    public int stepCount(String parameterId, Device device) {
        return steps.getOrDefault(parameterId + "@" + device, 0);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        takeRestored(parameterId, weight);
        int t = steps.merge(parameterId + "@" + weight.getDevice(), 1, Integer::sum);
        NDArray m = withDefaultState(means, parameterId, weight.getDevice(), k -> weight.zerosLike());
        NDArray v = withDefaultState(variances, parameterId, weight.getDevice(), k -> weight.zerosLike());
        // Temporaries attach to the parameter's manager, which lives as long as the model: close each.
        NDArray g = grad;
        if (weightDecay != 0f) {
            try (NDArray decay = weight.mul(weightDecay)) {
                g = grad.add(decay);
            }
        }
        try (NDArray scaledGrad = g.mul(1f - beta1); NDArray squaredGrad = g.square()) {
            m.muli(beta1).addi(scaledGrad);
            v.muli(beta2).addi(squaredGrad.muli(1f - beta2));
        }
        double correction1 = 1.0 - Math.pow(beta1, t);
        double correction2 = Math.sqrt(1.0 - Math.pow(beta2, t));
        float stepSize = (float) (learningRate() / correction1);
        try (NDArray denominator = v.sqrt(); NDArray delta = m.div(denominator.divi((float) correction2).addi(epsilon))) {
            weight.subi(delta.muli(stepSize));
        }
        if (g != grad) {
            g.close();
        }
        zeroOwnGradient(weight);
    }

    @Override
    public void resetState() {
        for (Map<String, Map<Device, NDArray>> moments : List.of(means, variances)) {
            moments.values().forEach(perDevice -> perDevice.values().forEach(NDArray::close));
            moments.clear();
        }
        steps.clear();
        restored.values().forEach(slots -> slots.values().forEach(NDArray::close));
        restored.clear();
    }

    /** Slots {@code exp_avg}, {@code exp_avg_sq} (PyTorch's names) and {@code step} (a 1-element int64 array). */
    @Override
    public Map<String, Map<String, NDArray>> state(NDManager manager) {
        Map<String, Map<String, NDArray>> state = new HashMap<>();
        // Restored but not yet updated (a checkpoint right after a resume) keeps what was restored.
        restored.forEach((id, slots) -> {
            if (!means.containsKey(id)) {
                Map<String, NDArray> copies = new HashMap<>();
                slots.forEach((slot, value) -> copies.put(slot, copy(value, manager)));
                state.put(id, copies);
            }
        });
        means.forEach((id, perDevice) -> {
            Map.Entry<Device, NDArray> first = perDevice.entrySet().iterator().next();
            Map<String, NDArray> slots = new HashMap<>();
            slots.put("exp_avg", first.getValue().toDevice(manager.getDevice(), false).duplicate());
            slots.put("exp_avg_sq", variances.get(id).get(first.getKey()).toDevice(manager.getDevice(), false).duplicate());
            slots.put("step", manager.create(new long[] {stepCount(id, first.getKey())}));
            slots.values().forEach(a -> a.attach(manager));
            state.put(id, slots);
        });
        return state;
    }

    @Override
    public void restore(String parameterId, Map<String, NDArray> slots, NDManager owner) {
        if (!slots.keySet().equals(Set.of("exp_avg", "exp_avg_sq", "step"))) {
            throw new IllegalArgumentException("Adam's state of a parameter has exp_avg, exp_avg_sq and step, this one " + slots.keySet());
        }
        Map<String, NDArray> copies = new HashMap<>();
        slots.forEach((slot, value) -> copies.put(slot, copy(value, owner)));
        restored.put(parameterId, copies);
    }

    /** Moves a restored state onto the device of its first update there. */
    private void takeRestored(String parameterId, NDArray weight) {
        Map<String, NDArray> slots = restored.get(parameterId);
        Device device = weight.getDevice();
        if (slots == null || means.getOrDefault(parameterId, Map.of()).containsKey(device)) {
            return;
        }
        for (String slot : new String[] {"exp_avg", "exp_avg_sq"}) {
            NDArray value = slots.get(slot);
            if (!value.getShape().equals(weight.getShape())) {
                throw new IllegalArgumentException("the checkpoint's Adam " + slot + " has shape " + value.getShape()
                        + ", the parameter " + weight.getShape());
            }
            (slot.equals("exp_avg") ? means : variances).computeIfAbsent(parameterId, k -> new ConcurrentHashMap<>())
                    .put(device, copy(value, weight.getManager()));
        }
        steps.put(parameterId + "@" + device, Math.toIntExact(slots.get("step").toLongArray()[0]));
    }
}
