package org.mtan4j.runtime.weights;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mtan4j.api.Backbone;
import org.mtan4j.api.BackboneProvider;
import org.mtan4j.api.TaskHead;
import org.mtan4j.api.TaskHeadProvider;
import org.mtan4j.api.Weighting;
import org.mtan4j.api.WeightingProvider;
import org.mtan4j.api.text.ProblemList;
import org.mtan4j.runtime.Engines;
import org.mtan4j.runtime.ResolvedRun;
import org.mtan4j.runtime.ResolvedRun.Chosen;
import org.mtan4j.runtime.training.MultiTaskNetwork;

/**
 * The model of a resolved run, built and initialised (on the CPU unless told) without its dataset or
 * trainer: what weight conversion and prediction need. It reads and writes the run's checkpoints (DJL's
 * {@code .params}, as {@link MultiTaskNetwork#saveParameters} writes them) and PyTorch state_dicts.
 *
 * <p>Parameters are initialised as in training (same seed, same initialisers) before any weights are
 * loaded, so the shapes are known and can be checked.
 */
public final class RunModel implements AutoCloseable {

    private final ResolvedRun run;
    private final Backbone backbone;
    private final List<TaskHead> heads;
    private final Weighting weighting;
    private final MultiTaskNetwork network;
    private final NDManager manager;

    private RunModel(ResolvedRun run, Backbone backbone, List<TaskHead> heads, Weighting weighting, MultiTaskNetwork network,
            NDManager manager) {
        this.run = run;
        this.backbone = backbone;
        this.heads = heads;
        this.weighting = weighting;
        this.network = network;
        this.manager = manager;
    }

    /** Builds and initialises {@code run}'s network (backbone, heads, the weighting's parameters) on the CPU. */
    public static RunModel build(ResolvedRun run) {
        return build(run, Device.cpu());
    }

    /** Builds and initialises {@code run}'s network on {@code device}. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static RunModel build(ResolvedRun run, Device device) {
        Engines.startOffline().setRandomSeed(run.config().seed().intValue());
        Chosen<BackboneProvider> b = run.backbone();
        Backbone backbone = b.provider().create(b.options(), new org.mtan4j.api.BackboneContext(run.tasks(), new Shape(run.imageShape())));
        List<TaskHead> heads = new ArrayList<>();
        for (int t = 0; t < run.tasks().size(); t++) {
            Chosen<TaskHeadProvider> h = run.heads().get(t);
            heads.add(h.provider().create(h.options(), run.tasks().get(t), backbone.featureChannels(t)));
        }
        Chosen<WeightingProvider> w = run.weighting();
        Weighting weighting = w.provider().create(w.options(), run.tasks());
        MultiTaskNetwork network = new MultiTaskNetwork(backbone, heads, weighting.parameters());
        NDManager manager = NDManager.newBaseManager(device);
        try {
            long[] image = run.imageShape();
            network.initialize(manager, DataType.FLOAT32, new Shape(1, image[0], image[1], image[2]));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        return new RunModel(run, backbone, List.copyOf(heads), weighting, network, manager);
    }

    /** The run. */
    public ResolvedRun run() {
        return run;
    }

    /** The backbone. */
    public Backbone backbone() {
        return backbone;
    }

    /** The heads, in task order. */
    public List<TaskHead> heads() {
        return heads;
    }

    /** The whole network. */
    public MultiTaskNetwork network() {
        return network;
    }

    /** The manager the parameters live on; inputs for {@link #predict} may be created on a sub-manager of it. */
    public NDManager manager() {
        return manager;
    }

    /**
     * The PyTorch names of this model's parameters.
     *
     * @throws WeightsException when the run's plugins do not name their parameters
     */
    public StateDictNames stateDictNames() {
        return StateDictNames.of(run.config().backbone().name(), backbone, heads, run.config().weighting().name(),
                network.weightingBlock());
    }

    /** Loads a PyTorch state_dict {@code .npz}; see {@link StateDicts#load}. */
    public ImportReport importStateDict(Path npz) {
        return StateDicts.load(npz, stateDictNames());
    }

    /**
     * Loads the backbone's pretrained trunk alone from a PyTorch state_dict {@code .npz} (an
     * ImageNet-pretrained ResNet-50 for {@code resnet-mtan}); see {@link StateDicts#loadTrunk}.
     *
     * @throws WeightsException when the backbone declares no trunk ({@link Backbone#trunkStateDictEntries()})
     *     or the file does not hold it
     */
    public ImportReport importTrunk(Path npz) {
        Map<String, Parameter> trunk = backbone.trunkStateDictEntries();
        if (trunk.isEmpty()) {
            throw new WeightsException("backbone '" + run.config().backbone().name() + "' has no pretrained trunk"
                    + " (Backbone.trunkStateDictEntries is empty), so " + npz + " cannot be loaded into a trunk alone;"
                    + " import a whole state_dict instead, or use a backbone with one (resnet-mtan)");
        }
        return StateDicts.loadTrunk(npz, trunk);
    }

    /** Writes the weights as a PyTorch state_dict {@code .npz}; see {@link StateDicts#save}. */
    public void exportStateDict(Path npz) throws IOException {
        StateDicts.save(npz, stateDictNames());
    }

    /**
     * Loads a checkpoint written by training ({@code checkpoints/best.params}) or {@link #saveCheckpoint}.
     *
     * @throws WeightsException naming the file when it is missing, damaged, or made for another model
     *     (other parameters or shapes)
     */
    public void loadCheckpoint(Path file) throws IOException {
        List<Pair<String, Parameter>> parameters = new ArrayList<>();
        List<Shape> shapes = new ArrayList<>();
        for (Pair<String, Parameter> p : network.getParameters()) {
            parameters.add(p);
            shapes.add(p.getValue().getArray().getShape());
        }
        byte[] bytes;
        try {
            bytes = ModelFiles.parameters(file);
        } catch (NoSuchFileException e) {
            throw new WeightsException(file + ": no such checkpoint", e);
        } catch (IOException e) {
            throw new WeightsException(e.getMessage(), e);
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            network.loadParameters(manager, in);
            if (in.read() != -1) {
                throw new WeightsException(file + ": not a checkpoint of this model: data left after its last parameter");
            }
        } catch (NoSuchFileException e) {
            throw new WeightsException(file + ": no such checkpoint", e);
        } catch (java.io.EOFException e) {
            throw new WeightsException(file + ": truncated, or not a checkpoint of this model: it ends before the model's last parameter", e);
        } catch (MalformedModelException | java.io.UTFDataFormatException e) {
            // DJL's own words ("expected version 1, got 80") name its internals, not the file's problem.
            throw new WeightsException(file + ": not an mtan4j model file, or damaged (DJL's reader refused it); " + ModelFiles.WHAT_TO_GIVE, e);
        } catch (RuntimeException e) {
            if (e instanceof WeightsException) {
                throw e;
            }
            throw new WeightsException(file + ": not a readable checkpoint of this model (" + e.getMessage() + ")", e);
        }
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            Shape actual = parameters.get(i).getValue().getArray().getShape();
            if (!actual.equals(shapes.get(i))) {
                wrong.add(parameters.get(i).getKey() + " " + actual + ", expected " + shapes.get(i));
            }
        }
        if (!wrong.isEmpty()) {
            throw new WeightsException(file + ": a checkpoint of a model of another size: " + wrong.size() + " of " + parameters.size()
                    + " parameters have other shapes (was it written under other backbone options, e.g. filters or variant, or "
                    + "another dataset's class count?): " + ProblemList.join(wrong, ", "));
        }
    }

    /** Writes a checkpoint in the training's format, atomically. */
    public void saveCheckpoint(Path file) throws IOException {
        org.mtan4j.runtime.run.ParamsFiles.write(file, network);
    }

    /**
     * The predictions for a batch of images {@code (N, C, H, W)}, one per task in task order, with the
     * heads' output activations (log-probabilities, raw depth, unit normals); inference mode.
     */
    public NDList predict(NDArray images) {
        return network.forward(new ParameterStore(images.getManager(), false), new NDList(images), false);
    }

    /** Frees the parameters. */
    @Override
    public void close() {
        manager.close();
    }
}
