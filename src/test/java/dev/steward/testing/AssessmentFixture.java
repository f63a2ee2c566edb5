package dev.steward.testing;

import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.InputFile;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * Small native input files for assessment tests, with ids unique to one fixture so tests sharing a database do not
 * see each other's subjects. Agent bot-a (autonomous, prod) is owned by dora; {@link #inventory(boolean)} with
 * {@code doraDeparted} has her leave on 2030-01-20. Decisions fall in February 2030.
 */
public final class AssessmentFixture {

    public final String s = UUID.randomUUID().toString().substring(0, 8);
    public final String scope = "assess-" + s;
    public final TestFiles files = new TestFiles();

    public String botA() {
        return "bot-a-" + s;
    }

    public String botB() {
        return "bot-b-" + s;
    }

    public String keyA() {
        return "k-a-" + s;
    }

    public String keyB() {
        return "k-b-" + s;
    }

    public String shadow() {
        return "shadow-" + s;
    }

    public String team() {
        return "pay-" + s;
    }

    public String inventory(boolean doraDeparted) {
        String asOf = doraDeparted ? "2030-02-01T00:00:00Z" : "2030-01-01T00:00:00Z";
        String dora = doraDeparted ? "    status: departed\n    departedAt: 2030-01-20\n" : "    status: active\n";
        return "apiVersion: steward/v1\nkind: Inventory\nasOf: " + asOf + "\nsource: fixture-" + s + "\n"
                + "people:\n"
                + "  - id: p-boss-" + s + "\n    name: Boss\n    team: " + team() + "\n    status: active\n"
                + "  - id: p-ana-" + s + "\n    name: Ana\n    team: " + team() + "\n    manager: p-boss-" + s + "\n    status: active\n"
                + "  - id: p-carl-" + s + "\n    name: Carl\n    team: " + team() + "\n    status: active\n"
                + "  - id: p-dora-" + s + "\n    name: Dora\n    team: " + team() + "\n    manager: p-boss-" + s + "\n" + dora
                + "agents:\n"
                + "  - id: " + botA() + "\n    autonomy: autonomous\n    environment: prod\n    team: " + team() + "\n"
                + "    owner: p-dora-" + s + "\n    backupOwner: p-carl-" + s + "\n    status: active\n"
                + "    createdAt: 2029-01-01\n    lastReviewedAt: 2030-01-15\n"
                + "    identity: {type: spiffe, id: \"spiffe://corp/" + botA() + "\"}\n"
                + "    monitoring: {alertChannel: \"#alerts\", incidentTrigger: deny-spike, runbook: \"https://wiki/a\"}\n"
                + "    killSwitch: {method: revoke, testedAt: 2030-01-10}\n"
                + "    tools: [erp]\n    grants: [\"erp:read\"]\n"
                + "  - id: " + botB() + "\n    autonomy: supervised\n    environment: dev\n    team: ops-" + s + "\n"
                + "    owner: p-ana-" + s + "\n    status: active\n    createdAt: 2029-01-01\n"
                + "    identity: {type: api-key, id: key}\n    tools: [wiki]\n    grants: [\"wiki:read\"]\n"
                + "credentials:\n"
                + "  - id: " + keyA() + "\n    type: token\n    holders: [" + botA() + "]\n    environment: prod\n"
                + "    issuer: vault\n    storage: vault\n    location: \"secret/a\"\n    scopes: [\"erp:read\"]\n"
                + "    createdAt: 2030-01-01\n    expiresAt: 2030-06-01\n    lastRotatedAt: 2030-01-01\n"
                + "    lastUsedAt: 2030-02-27\n    status: active\n"
                + "  - id: " + keyB() + "\n    type: api-key\n    holders: [" + botB() + "]\n    environment: dev\n"
                + "    storage: env-var\n    location: \"env:KEY\"\n    scopes: [\"wiki:read\"]\n    createdAt: 2029-06-01\n"
                + "    status: active\n";
    }

    public String decisions() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            b.append("{\"id\":\"d-").append(s).append('-').append(i).append("\",\"time\":\"2030-02-")
                    .append(String.format("%02d", 1 + i)).append("T10:00:00Z\",\"agent\":\"").append(botA())
                    .append("\",\"credential\":\"").append(keyA()).append("\",\"tool\":\"erp\",\"action\":\"read\",")
                    .append("\"resource\":\"erp://x/").append(i).append("\",\"scope\":\"erp:read\",\"decision\":\"allow\",")
                    .append("\"policy\":\"p\",\"trigger\":\"task:").append(i).append("\",\"environment\":\"prod\"}\n");
        }
        b.append("{\"id\":\"d-").append(s).append("-x\",\"time\":\"2030-02-20T10:00:00Z\",\"agent\":\"").append(shadow())
                .append("\",\"tool\":\"erp\",\"action\":\"read\",\"decision\":\"allow\",\"environment\":\"prod\"}\n");
        return b.toString();
    }

    public IngestReport ingest(IngestService ingest, String name, String content) {
        Path p = files.write(name, content);
        IngestReport r = ingest.ingest(new IngestRequest(List.of(new InputFile(name, p)), "auto", null, null, scope, "test", null,
                null));
        if (r.status() != IngestReport.Status.COMMITTED) {
            throw new AssertionError("fixture upload " + name + " not committed: " + r.problems());
        }
        return r;
    }

    public void ingestAll(IngestService ingest) {
        ingest(ingest, "inventory-" + s + ".yaml", inventory(false));
        ingest(ingest, "decisions-" + s + ".jsonl", decisions());
    }
}
