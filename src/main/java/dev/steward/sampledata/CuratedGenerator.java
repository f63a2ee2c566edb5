package dev.steward.sampledata;

import dev.steward.evidence.Autonomy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * Curated mode: builds the fictional organisation (background first, then every planted case), generates its
 * decisions, and writes inventory.yaml, people.csv, decisions.jsonl.gz, expected.yaml and EXPECTED.md.
 */
final class CuratedGenerator {

    private CuratedGenerator() {
    }

    static SampleDataGenerator.Summary generate(Path outDir, Scale scale, long seed) throws IOException {
        Org org = build(scale.asOf(), scale.days(), seed);
        List<Decision> decisions = new DecisionFactory(org).generate(seed);
        org.stats = new DecisionStats(decisions, org.asOf);
        for (CredentialSpec c : org.credentials) {
            long last = org.stats.credential(c).lastAllowed;
            if (!c.lastUsedPinned && last != Long.MIN_VALUE) {
                c.lastUsedAt = Instant.ofEpochSecond(last);
            }
        }
        for (AgentSpec a : org.agents.values()) {
            if (org.stats.principal(a.id).total == 0) {
                for (String check : List.of("AUT-1", "AUT-3", "LOG-2", "DET-1")) {
                    org.expect.insufficient(check, a, "no decisions in the window");
                }
            }
        }
        org.expect.verifyNoContradiction();

        Files.createDirectories(outDir);
        try (Writer w = writer(outDir.resolve("people.csv"))) {
            PeopleCsv csv = new PeopleCsv(w);
            for (PersonSpec p : org.people) {
                csv.person(p);
            }
        }
        try (Writer w = writer(outDir.resolve("inventory.yaml"))) {
            InventoryYaml yaml = new InventoryYaml(w);
            yaml.header(org.asOf, "steward-sample-data (curated, seed " + seed + ")", seed);
            yaml.section("agents");
            for (AgentSpec a : org.agents.values()) {
                yaml.agent(a);
            }
            yaml.section("credentials");
            for (CredentialSpec c : org.credentials) {
                yaml.credential(c);
            }
        }
        writeDecisions(outDir.resolve("decisions.jsonl.gz"), decisions);
        ExpectedFiles files = new ExpectedFiles(org, decisions.size(), seed);
        try (Writer w = writer(outDir.resolve("expected.yaml"))) {
            files.writeYaml(w);
        }
        try (Writer w = writer(outDir.resolve("EXPECTED.md"))) {
            files.writeMarkdown(w);
        }
        return new SampleDataGenerator.Summary("curated", org.people.size(), org.agents.size(),
                org.credentials.size(), decisions.size());
    }

    /** The curated organisation with its activities and expectations, before decisions exist. */
    static Org build(Instant asOf, int days, long seed) {
        Org org = new Org(asOf, days);
        for (String[] p : Catalog.PEOPLE) {
            Instant departed = p[5].isEmpty() ? null : org.ago(Integer.parseInt(p[5]));
            org.people.add(new PersonSpec(p[0], p[1], p[2] + "@example.com", p[3], p[4].isEmpty() ? null : p[4],
                    departed));
        }
        int index = 0;
        for (String[] row : Catalog.AGENTS) {
            AgentSpec a = new AgentSpec(row[0], index++);
            a.name = row[1];
            a.autonomy = switch (row[2]) {
                case "A" -> Autonomy.AUTONOMOUS;
                case "S" -> Autonomy.SUPERVISED;
                default -> Autonomy.HUMAN_IN_THE_LOOP;
            };
            a.environment = row[3];
            a.team = row[4];
            a.owner = row[5].isEmpty() ? null : row[5];
            a.backupOwner = row[6].isEmpty() ? null : row[6];
            a.grants = List.of(row[7].split(" "));
            Background.agent(org, a, rng(seed, a.id, 1));
            org.agents.put(a.id, a);
        }
        for (AgentSpec a : org.agents.values()) {
            Background.credentials(org, a, rng(seed, a.id, 2));
        }
        for (int i = 0; i < Background.ROTATED.size(); i++) {
            Background.rotate(org, org.agent(Background.ROTATED.get(i)), org.ago(20 + (i * 7) % 60, 10 + i % 6, 15));
        }
        new PlantsInventory(org).apply();
        for (AgentSpec a : org.agents.values()) {
            org.activities.put(a.id, Background.activity(org, a));
        }
        new PlantsBehaviour(org).apply();
        new PlantsAuthorization(org).apply();
        org.assignCredentialIds();
        return org;
    }

    static SplittableRandom rng(long seed, String id, int salt) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id.hashCode() * 31L + salt);
    }

    private static void writeDecisions(Path file, List<Decision> decisions) throws IOException {
        try (Writer w = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            StringBuilder sb = new StringBuilder(512);
            int n = 0;
            for (Decision d : decisions) {
                sb.setLength(0);
                d.appendJson(sb, String.format("d-%06d", ++n));
                sb.append('\n');
                w.append(sb);
            }
        }
    }

    static Writer writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
