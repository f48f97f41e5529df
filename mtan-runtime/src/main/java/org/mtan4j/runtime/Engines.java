package org.mtan4j.runtime;

import ai.djl.engine.Engine;

/** Starts DJL's engine the only way this project allows: offline. */
public final class Engines {

    private Engines() {
    }

    /**
     * Sets {@code ai.djl.offline=true} (DJL otherwise contacts the network at every engine start) and
     * returns the default engine. Call before anything touches DJL's engine.
     */
    public static Engine startOffline() {
        markOffline();
        return Engine.getInstance();
    }

    /** Sets the offline properties without starting the engine. */
    public static void markOffline() {
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }
}
