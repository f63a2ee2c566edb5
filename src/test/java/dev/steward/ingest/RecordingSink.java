package dev.steward.ingest;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An inventory sink for tests: every call, in order, as a line of text, and the agents on their own. */
final class RecordingSink implements InventorySink {

    private final List<String> lines = new ArrayList<>();
    private final List<AgentRecord> agents = new ArrayList<>();

    /** Every call: "section S", "meta asOf source", "Record[...] attributes" or the secret finding. */
    List<String> lines() {
        return lines;
    }

    List<AgentRecord> agents() {
        return agents;
    }

    @Override
    public void section(RecordMapper.Section section) {
        lines.add("section " + section);
    }

    @Override
    public void meta(Instant asOf, String source) {
        lines.add("meta " + asOf + " " + source);
    }

    @Override
    public void person(PersonRecord person, String attributes) {
        lines.add(person + " " + attributes);
    }

    @Override
    public void agent(AgentRecord agent, String attributes) {
        agents.add(agent);
        lines.add(agent + " " + attributes);
    }

    @Override
    public void credential(CredentialRecord credential, String attributes) {
        lines.add(credential + " " + attributes);
    }

    @Override
    public void secret(SecretFinding finding) {
        lines.add(finding.toString());
    }
}
