package dev.steward.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the problems of one upload. Keeps the first {@code maxListed}; counts all. Warnings that would repeat on
 * every line (an unknown field) are reported once per file and field.
 */
public final class Problems {

    private final int maxListed;
    private final List<Problem> listed = new ArrayList<>();
    private final Set<String> onceKeys = new HashSet<>();
    private long errors;
    private long warnings;

    public Problems(int maxListed) {
        this.maxListed = maxListed;
    }

    public void error(String file, long line, String field, String value, String reason) {
        errors++;
        add(new Problem(Problem.Level.ERROR, file, line, field, value, reason));
    }

    public void warning(String file, long line, String field, String value, String reason) {
        warnings++;
        add(new Problem(Problem.Level.WARNING, file, line, field, value, reason));
    }

    /** A warning reported once per key (e.g. file + unknown field name); later repeats are not counted. */
    public void warningOnce(String key, String file, long line, String field, String value, String reason) {
        if (onceKeys.add(key)) {
            warning(file, line, field, value, reason);
        }
    }

    private void add(Problem p) {
        if (listed.size() < maxListed) {
            listed.add(p);
        }
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    public long errorCount() {
        return errors;
    }

    public long warningCount() {
        return warnings;
    }

    public List<Problem> listed() {
        return List.copyOf(listed);
    }

    /** How many problems were counted but not listed. */
    public long unlisted() {
        return errors + warnings - listed.size();
    }
}
