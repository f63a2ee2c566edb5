package dev.steward.sampledata;

import java.util.List;

/**
 * One generated authorization decision before it gets its id. Mutable so that a planted case can change a field of
 * an otherwise regular decision. A null field is written as an absent key (never as JSON null), which is how the
 * generator plants missing policies, triggers and resources.
 */
final class Decision {

    long epochSecond;
    String agent;
    CredentialSpec credential;
    List<String> onBehalfOf = List.of();
    String tool;
    String action;
    String resource;
    String scope;
    boolean allow = true;
    String policy;
    String reason;
    String trigger;
    String approval;
    String risk;
    String environment;
    boolean interactive;
    String userAgent;

    /** Writes the decision as one JSON line (without the newline). */
    void appendJson(StringBuilder sb, String id) {
        sb.append("{\"id\":");
        Text.json(sb, id);
        sb.append(",\"time\":\"");
        Text.appendTimestamp(sb, epochSecond);
        sb.append('"');
        field(sb, "agent", agent);
        field(sb, "credential", credential == null ? null : credential.id);
        if (!onBehalfOf.isEmpty()) {
            sb.append(",\"onBehalfOf\":[");
            for (int i = 0; i < onBehalfOf.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Text.json(sb, onBehalfOf.get(i));
            }
            sb.append(']');
        }
        field(sb, "tool", tool);
        field(sb, "action", action);
        field(sb, "resource", resource);
        field(sb, "scope", scope);
        field(sb, "decision", allow ? "allow" : "deny");
        field(sb, "policy", policy);
        field(sb, "reason", reason);
        field(sb, "trigger", trigger);
        field(sb, "approval", approval);
        field(sb, "risk", risk);
        field(sb, "environment", environment);
        sb.append(",\"client\":{\"interactive\":").append(interactive);
        field(sb, "userAgent", userAgent);
        sb.append("}}");
    }

    private static void field(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(",\"").append(name).append("\":");
            Text.json(sb, value);
        }
    }
}
