package org.mtan4j.runtime.training;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SGD with PyTorch's exact update rule ({@code torch.optim.SGD}, dampening 0): {@code g += wd * p};
 * with momentum {@code b = mu * b + g} ({@code b = g} at a parameter's first step); Nesterov
 * {@code g = g + mu * b}, else {@code g = b}; then {@code p -= lr * g}. The paper's decathlon code uses
 * it with lr 0.1, Nesterov momentum 0.9 and weight decay 5e-5 (models.md, WRN-MTAN). DJL's own SGD
 * has neither Nesterov momentum nor PyTorch's first-step buffer.
 */
public final class PyTorchSgd extends PyTorchOptimizer {

    private final float momentum;
    private final boolean nesterov;
    private final float weightDecay;
    /** The momentum buffer {@code b} of each parameter on each device. */
    private final Map<String, Map<Device, NDArray>> momentumBuffers = new ConcurrentHashMap<>();
    // A checkpoint's buffers, per parameter id, until each device's first update takes a copy.
    private final Map<String, NDArray> restored = new ConcurrentHashMap<>();

    /**
     * @param learningRate the initial learning rate
     * @param momentum the momentum factor {@code mu}; 0 for plain SGD
     * @param nesterov Nesterov momentum (needs a positive momentum, as PyTorch demands)
     * @param weightDecay the L2 penalty added to the gradient
     * @throws IllegalArgumentException for Nesterov without momentum
     */
    public PyTorchSgd(float learningRate, float momentum, boolean nesterov, float weightDecay) {
        super(learningRate);
        if (nesterov && momentum <= 0f) {
            throw new IllegalArgumentException("Nesterov momentum needs a positive momentum, got " + momentum);
        }
        this.momentum = momentum;
        this.nesterov = nesterov;
        this.weightDecay = weightDecay;
    }

    @Override
    public void resetState() {
        momentumBuffers.values().forEach(perDevice -> perDevice.values().forEach(NDArray::close));
        momentumBuffers.clear();
        restored.values().forEach(NDArray::close);
        restored.clear();
    }

    /** Slot {@code momentum_buffer} (PyTorch's name), for parameters updated with momentum so far. */
    @Override
    public Map<String, Map<String, NDArray>> state(NDManager manager) {
        Map<String, Map<String, NDArray>> state = new java.util.HashMap<>();
        restored.forEach((id, buffer) -> {
            if (!momentumBuffers.containsKey(id)) {
                state.put(id, Map.of("momentum_buffer", copy(buffer, manager)));
            }
        });
        momentumBuffers.forEach((id, perDevice) -> state.put(id,
                Map.of("momentum_buffer", copy(perDevice.values().iterator().next(), manager))));
        return state;
    }

    @Override
    public void restore(String parameterId, Map<String, NDArray> slots, NDManager owner) {
        if (!slots.keySet().equals(java.util.Set.of("momentum_buffer"))) {
            throw new IllegalArgumentException("SGD's state of a parameter is momentum_buffer, this one " + slots.keySet());
        }
        restored.put(parameterId, copy(slots.get("momentum_buffer"), owner));
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        NDArray saved = restored.get(parameterId);
        if (saved != null && momentum != 0f
                && !momentumBuffers.getOrDefault(parameterId, Map.of()).containsKey(weight.getDevice())) {
            if (!saved.getShape().equals(weight.getShape())) {
                throw new IllegalArgumentException("the checkpoint's SGD momentum buffer has shape " + saved.getShape()
                        + ", the parameter " + weight.getShape());
            }
            momentumBuffers.computeIfAbsent(parameterId, k -> new ConcurrentHashMap<>()).put(weight.getDevice(), copy(saved,
                    weight.getManager()));
        }
        // Temporaries attach to the parameter's manager, which lives as long as the model: close each.
        NDArray g = grad;
        if (weightDecay != 0f) {
            try (NDArray decay = weight.mul(weightDecay)) {
                g = grad.add(decay);
            }
        }
        NDArray step = g;
        boolean stepIsTemporary = false;
        if (momentum != 0f) {
            Map<Device, NDArray> perDevice = momentumBuffers.computeIfAbsent(parameterId, k -> new ConcurrentHashMap<>());
            NDArray buffer = perDevice.get(weight.getDevice());
            if (buffer == null) {
                // PyTorch's first step: the buffer is a copy of the gradient, not mu * 0 + g.
                buffer = weight.zerosLike().addi(g);
                perDevice.put(weight.getDevice(), buffer);
            } else {
                buffer.muli(momentum).addi(g);
            }
            if (nesterov) {
                try (NDArray ahead = buffer.mul(momentum)) {
                    step = g.add(ahead);
                }
                stepIsTemporary = true;
            } else {
                step = buffer;
            }
        }
        try (NDArray delta = step.mul(learningRate())) {
            weight.subi(delta);
        }
        if (stepIsTemporary) {
            step.close();
        }
        if (g != grad) {
            g.close();
        }
        zeroOwnGradient(weight);
    }
}
