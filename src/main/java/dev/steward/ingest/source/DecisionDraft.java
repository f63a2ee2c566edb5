package dev.steward.ingest.source;

import dev.steward.ingest.DecisionLine;
import dev.steward.ingest.SecretScanner;
import dev.steward.ingest.SourceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One decision being mapped from a source record. {@link #emit} does what the native reader does for every line:
 * runs each value through the {@link SecretScanner} (a secret is redacted, reported as a warning and as a finding of
 * the decision's credential), fits values to the store's column widths, checks the required fields (time, allow or
 * deny, agent or credential) and delivers the {@link DecisionLine}.
 */
public final class DecisionDraft {

    private String id;
    private Instant time;
    private Boolean allowed;
    private String agent;
    private String credential;
    private List<String> onBehalfOf = List.of();
    private String tool;
    private String action;
    private String resource;
    private String scope;
    private String policy;
    private String reason;
    private String trigger;
    private String approval;
    private String risk;
    private String environment;
    private Boolean interactive;
    private String userAgent;

    public DecisionDraft id(String v) {
        id = v;
        return this;
    }

    public DecisionDraft time(Instant v) {
        time = v;
        return this;
    }

    public DecisionDraft allowed(Boolean v) {
        allowed = v;
        return this;
    }

    public DecisionDraft agent(String v) {
        agent = v;
        return this;
    }

    public DecisionDraft credential(String v) {
        credential = v;
        return this;
    }

    public DecisionDraft onBehalfOf(List<String> v) {
        onBehalfOf = v == null ? List.of() : v;
        return this;
    }

    public DecisionDraft tool(String v) {
        tool = v;
        return this;
    }

    public DecisionDraft action(String v) {
        action = v;
        return this;
    }

    public DecisionDraft resource(String v) {
        resource = v;
        return this;
    }

    public DecisionDraft scope(String v) {
        scope = v;
        return this;
    }

    public DecisionDraft policy(String v) {
        policy = v;
        return this;
    }

    public DecisionDraft reason(String v) {
        reason = v;
        return this;
    }

    public DecisionDraft trigger(String v) {
        trigger = v;
        return this;
    }

    public DecisionDraft approval(String v) {
        approval = v;
        return this;
    }

    public DecisionDraft risk(String v) {
        risk = v;
        return this;
    }

    public DecisionDraft environment(String v) {
        environment = v;
        return this;
    }

    public DecisionDraft interactive(Boolean v) {
        interactive = v;
        return this;
    }

    public DecisionDraft userAgent(String v) {
        userAgent = v;
        return this;
    }

    public Instant time() {
        return time;
    }

    public String agent() {
        return agent;
    }

    public String credential() {
        return credential;
    }

    public Boolean allowed() {
        return allowed;
    }

    /**
     * Redacts, checks and delivers the decision. Returns false (with an error problem per missing field) when a
     * required field is missing; adapters check first where they can name the source field.
     */
    public boolean emit(SourceContext context, String file, long line) {
        var problems = context.problems();
        long errorsBefore = problems.errorCount();
        List<String[]> secrets = new ArrayList<>(0);
        id = clean("id", id, 300, file, line, context, secrets);
        agent = clean("agent", agent, 500, file, line, context, secrets);
        credential = clean("credential", credential, 500, file, line, context, secrets);
        tool = clean("tool", tool, 300, file, line, context, secrets);
        action = clean("action", action, 300, file, line, context, secrets);
        resource = clean("resource", resource, 2000, file, line, context, secrets);
        scope = clean("scope", scope, 500, file, line, context, secrets);
        policy = clean("policy", policy, 500, file, line, context, secrets);
        reason = clean("reason", reason, 2000, file, line, context, secrets);
        trigger = clean("trigger", trigger, 500, file, line, context, secrets);
        approval = clean("approval", approval, 500, file, line, context, secrets);
        risk = clean("risk", risk, 32, file, line, context, secrets);
        environment = clean("environment", environment, 100, file, line, context, secrets);
        userAgent = clean("userAgent", userAgent, 1000, file, line, context, secrets);
        List<String> chain = new ArrayList<>(onBehalfOf.size());
        for (String o : onBehalfOf) {
            String c = clean("onBehalfOf", o, 300, file, line, context, secrets);
            if (c != null) {
                chain.add(c);
            }
        }
        for (String[] s : secrets) {
            context.decisionSink().secret(credential, agent, s[0], s[1], time, file, line);
        }
        if (time == null) {
            problems.error(file, line, "time", null, "the record has no usable time");
        }
        if (allowed == null) {
            problems.error(file, line, "decision", null, "the record does not tell allow or deny");
        }
        if (agent == null && credential == null) {
            problems.error(file, line, "agent", null, "the record names neither a principal nor a credential");
        }
        if (problems.errorCount() > errorsBefore) {
            return false;
        }
        context.decision(new DecisionLine(id, time, agent, credential, chain, tool, action, resource, scope, allowed,
                policy, reason, trigger, approval, risk, environment, interactive, userAgent, file, line));
        return true;
    }

    private static String clean(String field, String value, int max, String file, long line, SourceContext context,
            List<String[]> secrets) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        String kind = SecretScanner.detect(field, v).orElse(null);
        if (kind != null) {
            v = SecretScanner.redacted(kind);
            context.problems().warning(file, line, field, v, "secret value (" + kind + ") found: redacted, never stored");
            secrets.add(new String[] {kind, field});
        }
        return v.length() > max ? v.substring(0, max - 1) + "\u2026" : v;
    }
}
