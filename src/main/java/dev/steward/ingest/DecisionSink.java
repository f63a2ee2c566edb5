package dev.steward.ingest;

/** Where decision adapters deliver normalized decisions, one at a time. */
public interface DecisionSink {

    void decision(DecisionLine decision);

    /** A secret value found (and redacted) in a decision line; {@code at} is the decision's time, if valid. */
    void secret(String credentialId, String agentId, String kind, String field, java.time.Instant at, String file, long line);
}
