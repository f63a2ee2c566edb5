package dev.steward.sampledata;

import dev.steward.evidence.Autonomy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Scale mode: an organisation of any size with the curated shapes drawn at random (seeded), for benchmarks. Memory
 * grows with agents and credentials only: decisions are generated one day at a time, already in time order, and
 * streamed to gzip; a credential's lastUsedAt is tracked in a long array and the inventory is written afterwards.
 * No expected results: the curated mode is the one with a contract.
 */
final class ScaleGenerator {

    private final Scale scale;
    private final SplittableRandom rng;
    private final Instant asOf;
    private final Instant windowStart;
    private final ScaleInventory inv;
    private final AgentSpec[] agents;
    private final CredentialSpec[] credentials;
    private final long[] lastAllowed;
    private final Map<String, String[]> grantParts = new HashMap<>();
    private final String[] shadows;

    private ScaleGenerator(Scale scale, long seed) {
        this.scale = scale;
        this.rng = new SplittableRandom(seed);
        this.asOf = scale.asOf();
        this.windowStart = asOf.minus(Duration.ofDays(scale.days()));
        this.inv = new ScaleInventory(scale, rng);
        this.agents = inv.agents;
        this.credentials = inv.credentials;
        this.lastAllowed = new long[scale.credentials()];
        Arrays.fill(lastAllowed, Long.MIN_VALUE);
        this.shadows = new String[Math.max(3, scale.agents() / 2000)];
        for (int i = 0; i < shadows.length; i++) {
            shadows[i] = "shadow-agent-" + (i + 1);
        }
    }

    static SampleDataGenerator.Summary generate(Path outDir, Scale scale, long seed) throws IOException {
        ScaleGenerator g = new ScaleGenerator(scale, seed);
        Files.createDirectories(outDir);
        long decisions = g.decisions(outDir.resolve("decisions.jsonl.gz"));
        g.writePeople(outDir.resolve("people.csv"));
        g.writeInventory(outDir.resolve("inventory.yaml"), seed);
        return new SampleDataGenerator.Summary("scale", g.inv.people.size(), g.agents.length, g.credentials.length,
                decisions);
    }

    private boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    private long decisions(Path file) throws IOException {
        long total = scale.decisions();
        int days = scale.days();
        int width = Math.max(6, ScaleInventory.digits(total));
        long written = 0;
        long day0 = windowStart.getEpochSecond();
        StringBuilder sb = new StringBuilder(1 << 17);
        Decision d = new Decision();
        try (Writer w = new OutputStreamWriter(gzip(file), StandardCharsets.UTF_8)) {
            for (int day = 0; day < days; day++) {
                int n = (int) (total / days + (day < total % days ? 1 : 0));
                int[] seconds = new int[n];
                for (int i = 0; i < n; i++) {
                    seconds[i] = rng.nextInt(86_400);
                }
                Arrays.sort(seconds);
                for (int i = 0; i < n; i++) {
                    fill(d, day0 + day * 86_400L + seconds[i], day >= days - 7);
                    d.appendJson(sb, "d-" + ScaleInventory.pad(++written, width));
                    sb.append('\n');
                    if (sb.length() > (1 << 16)) {
                        w.append(sb);
                        sb.setLength(0);
                    }
                }
            }
            w.append(sb);
        }
        return written;
    }

    /** One decision: a random credential's holder (or a shadow principal) acting on one of its grants. */
    private void fill(Decision d, long t, boolean recent) {
        d.epochSecond = t;
        d.onBehalfOf = List.of();
        d.approval = null;
        d.interactive = false;
        d.allow = !chance(recent ? 0.04 : 0.03);
        d.userAgent = Catalog.USER_AGENTS.get(rng.nextInt(Catalog.USER_AGENTS.size()));
        if (chance(0.002)) {
            d.agent = shadows[rng.nextInt(shadows.length)];
            d.credential = null;
            scope(d, "web:pages:read", "marketing", null);
            d.environment = "prod";
            return;
        }
        int ci = credentials.length == 0 ? -1 : rng.nextInt(credentials.length);
        CredentialSpec c = ci < 0 ? null : credentials[ci];
        AgentSpec a = ci < 0 ? agents[rng.nextInt(agents.length)]
                : agents[inv.coHolderOf[ci] >= 0 && rng.nextBoolean() ? inv.coHolderOf[ci] : inv.holderOf[ci]];
        String refused = c == null ? null : refusal(c, a, t);
        if (refused != null) {
            d.allow = chance(0.05);
        }
        d.agent = a.id;
        d.credential = c;
        scope(d, a.grants.get(rng.nextInt(a.grants.size())), a.team, d.allow ? null : refused);
        d.environment = chance(0.0005) ? "prod" : a.environment;
        if (inv.noPolicy[a.index] && chance(0.4)) {
            d.policy = null;
        }
        if (inv.noTrigger[a.index] && chance(0.3)) {
            d.trigger = null;
        }
        if (a.autonomy != Autonomy.AUTONOMOUS && chance(0.25)) {
            List<String> members = inv.teamMembers.get(inv.teamOf[a.index]);
            String person = members.get(rng.nextInt(members.size()));
            if (chance(0.001)) {
                d.onBehalfOf = List.of(agents[rng.nextInt(agents.length)].id, agents[rng.nextInt(agents.length)].id, person);
            } else if (chance(0.0005)) {
                d.onBehalfOf = List.of(agents[rng.nextInt(agents.length)].id, a.id);
            } else {
                d.onBehalfOf = List.of(person);
            }
        }
        if (chance(0.0002)) {
            d.userAgent = PlantsAuthorization.BROWSER;
        } else if (chance(0.0002)) {
            d.interactive = true;
        }
        if (d.allow && c != null) {
            lastAllowed[ci] = Math.max(lastAllowed[ci], t);
        }
    }

    /** Fills tool, action, resource, scope, reason, trigger, risk, approval and policy from a grant. */
    private void scope(Decision d, String grant, String team, String denyReason) {
        String[] p = grantParts.computeIfAbsent(grant, g -> {
            String[] parts = ("*".equals(g) ? "k8s:deployments:restart" : g).split(":");
            return new String[] {parts[0], parts[1] + "." + parts[2], parts[0] + "://" + parts[1] + "/",
                parts[2].equals("read") ? "low" : "medium"};
        });
        d.tool = p[0];
        d.action = p[1];
        d.resource = p[2] + (10_000 + rng.nextInt(90_000));
        d.scope = grant;
        d.reason = d.allow ? DecisionFactory.ALLOW_REASONS[rng.nextInt(DecisionFactory.ALLOW_REASONS.length)]
                : denyReason != null ? denyReason
                : DecisionFactory.DENY_REASONS[rng.nextInt(DecisionFactory.DENY_REASONS.length)];
        d.trigger = "task:" + team + "-" + (1000 + rng.nextInt(9000));
        d.risk = chance(0.02) && !p[3].equals("low") ? "high" : p[3];
        d.approval = d.risk.equals("high") && chance(0.8) ? "CHG-" + (10_000 + rng.nextInt(90_000)) : null;
        d.policy = team + "/" + p[0] + ".rego#" + (d.allow ? "allow" : "deny");
    }

    /** Why a credential cannot be used at the instant, or null when it can. */
    private static String refusal(CredentialSpec c, AgentSpec a, long t) {
        if (c.createdAt != null && c.createdAt.getEpochSecond() > t) {
            return "credential not yet valid";
        }
        if (c.revokedAt != null && c.revokedAt.getEpochSecond() <= t) {
            return "credential revoked";
        }
        if (c.expiresAt != null && c.expiresAt.getEpochSecond() <= t) {
            return "credential expired";
        }
        if (a.decommissionedAt != null && a.decommissionedAt.getEpochSecond() <= t) {
            return "agent decommissioned";
        }
        return null;
    }

    private void writePeople(Path file) throws IOException {
        try (Writer w = CuratedGenerator.writer(file)) {
            PeopleCsv csv = new PeopleCsv(w);
            for (PersonSpec p : inv.people) {
                csv.person(p);
            }
        }
    }

    private void writeInventory(Path file, long seed) throws IOException {
        try (Writer w = CuratedGenerator.writer(file)) {
            InventoryYaml yaml = new InventoryYaml(w);
            yaml.header(asOf, "steward-sample-data (scale, seed " + seed + ")", seed);
            yaml.section("agents");
            for (AgentSpec a : agents) {
                yaml.agent(a);
            }
            yaml.section("credentials");
            for (CredentialSpec c : credentials) {
                c.lastUsedAt = lastAllowed[c.order] == Long.MIN_VALUE ? null : Instant.ofEpochSecond(lastAllowed[c.order]);
                yaml.credential(c);
            }
        }
    }

    private static OutputStream gzip(Path file) throws IOException {
        return new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }
}
