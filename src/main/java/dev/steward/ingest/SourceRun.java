package dev.steward.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The source adapter sessions of one upload: opens one session per adapter on its first file, passes every file of
 * that adapter to it, and finishes them all at the end (where adapters that merge several exports deliver records).
 */
final class SourceRun {

    private final SourceContext context;
    private final Map<SourceAdapter, SourceAdapter.Session> sessions = new LinkedHashMap<>();

    SourceRun(SourceContext context) {
        this.context = context;
    }

    void read(SourceAdapter adapter, String file, InputStream in) throws IOException {
        sessions.computeIfAbsent(adapter, a -> a.open(context)).read(file, in);
    }

    void finish() {
        sessions.values().forEach(SourceAdapter.Session::finish);
    }

    boolean active() {
        return !sessions.isEmpty();
    }

    /** The scope an adapter proposed, or null. */
    String proposedScope() {
        return context.proposedScope();
    }

    /** The latest decision time delivered, or null. */
    Instant latestDecision() {
        return context.latestDecision();
    }
}
