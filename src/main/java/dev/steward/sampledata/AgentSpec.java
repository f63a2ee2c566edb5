package dev.steward.sampledata;

import dev.steward.evidence.Autonomy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent of the generated inventory while it is being built: background defaults first, then the planted cases
 * change fields. Mutable on purpose (a builder), package-private; the writers turn it into the native format.
 * A null {@code identityType} with {@code omitIdentity} writes no identity at all.
 */
final class AgentSpec {

    final String id;
    final int index;
    String name;
    Autonomy autonomy;
    String environment;
    String team;
    String owner;
    String backupOwner;
    String status = "active";
    Instant decommissionedAt;
    Instant createdAt;
    Instant lastReviewedAt;
    String vendor;
    String identityType;
    String identityId;
    boolean omitIdentity;
    String alertChannel;
    String incidentTrigger;
    String runbook;
    String killSwitchMethod;
    Instant killSwitchTestedAt;
    List<String> tools = new ArrayList<>();
    List<String> grants = new ArrayList<>();
    /** Extra fields outside the FORMATS.md contract (kept by ingestion as attributes, with a warning). */
    final Map<String, String> attributes = new LinkedHashMap<>();

    AgentSpec(String id, int index) {
        this.id = id;
        this.index = index;
    }

    boolean prod() {
        return "prod".equals(environment);
    }

    /** Distinct tool prefixes of the grants, in grant order ({@code *} has none). */
    static List<String> toolsOf(List<String> grants) {
        List<String> tools = new ArrayList<>();
        for (String g : grants) {
            int colon = g.indexOf(':');
            if (colon > 0 && !tools.contains(g.substring(0, colon))) {
                tools.add(g.substring(0, colon));
            }
        }
        return tools;
    }

    @Override
    public String toString() {
        return id;
    }
}
