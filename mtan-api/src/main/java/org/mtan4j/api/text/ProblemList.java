package org.mtan4j.api.text;

import java.util.List;

/**
 * A list of problems (missing keys, mis-shaped parameters, bad samples) cut to its first
 * {@value #SHOWN} entries and {@code and N more}, so one message stays readable for a 300-entry list.
 * The caller says in plain words what is wrong first; these are the details after it.
 */
public final class ProblemList {

    /** How many entries a message shows. */
    public static final int SHOWN = 10;

    private ProblemList() {
    }

    /** The first {@value #SHOWN} of {@code items} joined by {@code separator}, then {@code and N more}. */
    public static String join(List<String> items, String separator) {
        if (items.size() <= SHOWN) {
            return String.join(separator, items);
        }
        return String.join(separator, items.subList(0, SHOWN)) + separator + more(items);
    }

    /** The first {@value #SHOWN} of {@code items}, then one {@code and N more} entry when some were left out. */
    public static List<String> capped(List<String> items) {
        if (items.size() <= SHOWN) {
            return List.copyOf(items);
        }
        List<String> shown = new java.util.ArrayList<>(items.subList(0, SHOWN));
        shown.add(more(items));
        return List.copyOf(shown);
    }

    private static String more(List<String> items) {
        return "and " + (items.size() - SHOWN) + " more";
    }
}
