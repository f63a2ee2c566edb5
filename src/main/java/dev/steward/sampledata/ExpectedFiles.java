package dev.steward.sampledata;

import dev.steward.check.Result;
import dev.steward.evidence.Autonomy;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes expected.yaml (machine readable, read by the sample-data tests and, later, by the test that runs the real
 * checks) and EXPECTED.md (the same content for people). Both come from the same {@link Expectations}, so they
 * cannot drift apart.
 */
final class ExpectedFiles {

    /** Results in the order the files list them: what needs action first. */
    static final List<Result> ORDER = List.of(Result.FAIL, Result.PARTIAL, Result.INSUFFICIENT_EVIDENCE,
            Result.NOT_APPLICABLE, Result.PASS);

    private final Org org;
    private final long decisions;
    private final long seed;

    ExpectedFiles(Org org, long decisions, long seed) {
        this.org = org;
        this.decisions = decisions;
        this.seed = seed;
    }

    Set<String> unknownPeople() {
        Set<String> known = org.people.stream().map(PersonSpec::id).collect(Collectors.toSet());
        Set<String> unknown = new TreeSet<>();
        for (AgentSpec a : org.agents.values()) {
            for (String p : new String[] {a.owner, a.backupOwner}) {
                if (p != null && !known.contains(p)) {
                    unknown.add(p);
                }
            }
        }
        return unknown;
    }

    Set<String> unknownHolders() {
        return org.credentials.stream().flatMap(c -> c.holders.stream()).filter(h -> !org.agents.containsKey(h))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    List<String> withoutHolder() {
        return org.credentials.stream().filter(c -> c.holders.isEmpty()).map(c -> c.id).toList();
    }

    List<CredentialSpec> secrets() {
        return org.credentials.stream().filter(c -> PlantsInventory.FAKE_AWS_KEY.equals(c.location)).toList();
    }

    void writeYaml(Writer w) throws IOException {
        w.write("# Expected check results of the curated sample data, generated with it (do not edit by hand).\n"
                + "# FAIL lists are complete: every subject that fails with default parameters. The other lists name\n"
                + "# the planted cases only. Subjects: agent ids, credential ids, or principal ids for INV-1.\n");
        w.write("apiVersion: steward/v1\nkind: ExpectedResults\nseed: " + seed + "\n");
        w.write("asOf: " + Text.timestamp(org.asOf.getEpochSecond()) + "\n");
        w.write("windowStart: " + Text.timestamp(org.windowStart.getEpochSecond()) + "\n");
        w.write("windowDays: " + (org.asOf.getEpochSecond() - org.windowStart.getEpochSecond()) / 86_400 + "\n");
        w.write("parameters: defaults\n");
        w.write("files: [inventory.yaml, people.csv, decisions.jsonl.gz]\n");
        w.write("counts: {people: " + org.people.size() + ", agents: " + org.agents.size() + ", credentials: "
                + org.credentials.size() + ", decisions: " + decisions + ", shadowPrincipals: " + org.shadows.size()
                + "}\n");
        w.write("unresolvedReferences:\n");
        w.write("  people: " + Text.yamlList(new ArrayList<>(unknownPeople())) + "\n");
        w.write("  credentialHolders: " + Text.yamlList(new ArrayList<>(unknownHolders())) + "\n");
        w.write("  credentialsWithoutHolder: " + Text.yamlList(withoutHolder()) + "\n");
        w.write("  shadowPrincipals: " + Text.yamlList(new ArrayList<>(new TreeSet<>(org.shadows.keySet()))) + "\n");
        w.write("secretsInInventory:\n");
        for (CredentialSpec c : secrets()) {
            w.write("  - {credential: " + c.id + ", field: location, kind: aws-access-key-id}\n");
        }
        w.write("ingestionWarnings:\n");
        for (AgentSpec a : org.agents.values()) {
            for (String field : a.attributes.keySet()) {
                w.write("  - {agent: " + a.id + ", field: " + field + ", reason: unknown field kept as an attribute}\n");
            }
        }
        w.write("checks:\n");
        for (String check : Expectations.CHECKS.keySet()) {
            w.write("  " + check + ":\n    subjectType: " + Expectations.CHECKS.get(check).json() + "\n");
            Map<Result, List<Expectations.Entry>> results = org.expect.of(check);
            for (Result r : ORDER) {
                List<Expectations.Entry> entries = results.getOrDefault(r, List.of());
                if (entries.isEmpty()) {
                    w.write("    " + r + ": []\n");
                    continue;
                }
                w.write("    " + r + ":\n");
                for (Expectations.Entry e : entries) {
                    w.write("      - {subject: " + Text.yaml(e.subjectId())
                            + (e.subject() instanceof CredentialSpec c ? ", holders: " + Text.yamlList(c.holders) : "")
                            + (e.score() == null ? "" : ", score: " + e.score().get())
                            + ", why: " + Text.json(e.why().get()) + "}\n");
                }
            }
        }
    }

    void writeMarkdown(Writer w) throws IOException {
        w.write("# Expected results of the curated sample data\n\n");
        w.write("Generated together with the data by `dev.steward.sampledata.SampleDataGenerator` (seed " + seed
                + "); do not edit by hand. `expected.yaml` holds the same content for tests. As-of "
                + Text.timestamp(org.asOf.getEpochSecond()) + ", window " + Text.timestamp(org.windowStart.getEpochSecond())
                + " to as-of, default parameters.\n\n");
        w.write("**FAIL lists are complete**: every subject that fails a check is listed. The other results list the "
                + "planted cases (every background agent and credential passes, or is not applicable).\n\n");
        w.write("## The organisation\n\n");
        w.write(org.people.size() + " people, " + org.agents.size() + " agents, " + org.credentials.size()
                + " credentials, " + decisions + " decisions, " + org.shadows.size()
                + " shadow principals (act in the logs, absent from the inventory).\n\n");
        w.write("| team | people (departed) | agents | autonomous / supervised / human-in-the-loop | prod / staging / dev / test |\n");
        w.write("|---|---|---|---|---|\n");
        for (Catalog.Team t : Catalog.TEAMS) {
            List<PersonSpec> people = org.people.stream().filter(p -> p.team().equals(t.name())).toList();
            List<AgentSpec> agents = org.agents.values().stream().filter(a -> a.team.equals(t.name())).toList();
            w.write("| " + t.name() + " | " + people.size() + " (" + people.stream().filter(p -> !p.active()).count()
                    + ") | " + agents.size() + " | " + count(agents, Autonomy.AUTONOMOUS) + " / "
                    + count(agents, Autonomy.SUPERVISED) + " / " + count(agents, Autonomy.HUMAN_IN_THE_LOOP) + " | "
                    + env(agents, "prod") + " / " + env(agents, "staging") + " / " + env(agents, "dev") + " / "
                    + env(agents, "test") + " |\n");
        }
        w.write("\n## Deliberate oddities in the input\n\n");
        w.write("- People referenced but not in the directory: " + String.join(", ", unknownPeople()) + ".\n");
        w.write("- Credential holders that are not inventoried agents: " + String.join(", ", unknownHolders()) + ".\n");
        w.write("- Credentials without any holder: " + String.join(", ", withoutHolder()) + ".\n");
        w.write("- Shadow principals in the decision logs: " + String.join(", ", new TreeSet<>(org.shadows.keySet()))
                + ".\n");
        for (CredentialSpec c : secrets()) {
            w.write("- A secret value in the inventory: the `location` of " + c.id + " holds a fake AWS access key id (`"
                    + PlantsInventory.FAKE_AWS_KEY + "`). Ingestion must redact it, report where it was and treat "
                    + c.id + " as exposed (CRD-4).\n");
        }
        for (AgentSpec a : org.agents.values()) {
            for (String field : a.attributes.keySet()) {
                w.write("- An unknown field: agent " + a.id + " has `" + field
                        + "` (kept as an attribute, reported as a warning).\n");
            }
        }
        w.write("\n## Expected results per check\n");
        for (String check : Expectations.CHECKS.keySet()) {
            w.write("\n### " + check + " (" + Expectations.CHECKS.get(check).json() + ")\n\n");
            w.write("| result | subject | why |\n|---|---|---|\n");
            Map<Result, List<Expectations.Entry>> results = org.expect.of(check);
            for (Result r : ORDER) {
                for (Expectations.Entry entry : results.getOrDefault(r, List.of())) {
                    String score = entry.score() == null ? "" : " " + entry.score().get();
                    String subject = entry.subjectId() + (entry.subject() instanceof CredentialSpec c
                            ? " (" + (c.holders.isEmpty() ? "no holder" : String.join(", ", c.holders)) + ")" : "");
                    w.write("| " + r + score + " | " + subject + " | " + entry.why().get().replace("|", "\\|")
                            + " |\n");
                }
            }
        }
    }

    private static long count(List<AgentSpec> agents, Autonomy autonomy) {
        return agents.stream().filter(a -> a.autonomy == autonomy).count();
    }

    private static long env(List<AgentSpec> agents, String environment) {
        return agents.stream().filter(a -> a.environment.equals(environment)).count();
    }
}
