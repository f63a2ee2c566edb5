package dev.steward.sampledata;

import dev.steward.evidence.Autonomy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The inventory side of scale mode: people in teams of about 25, agents cloned from the curated catalogue with the
 * curated shapes drawn at small probabilities (missing owners, stale reviews, static keys, wildcard grants, vendors,
 * decommissioned agents, ...), and credentials spread over the agents (the first {@code agents} credentials one per
 * agent, the rest to random agents, 1 % shared). Everything is held in arrays indexed like the output.
 */
final class ScaleInventory {

    private static final String[] FIRST = {"Ana", "Bruno", "Carl", "Dev", "Elena", "Farid", "Grace", "Hana", "Ivan",
        "Jonas", "Kemi", "Liam", "Mei", "Nadia", "Oscar", "Priya", "Quinn", "Rosa", "Sam", "Tom", "Uma", "Vera", "Wes",
        "Xavier", "Yuki", "Zara", "Aoife", "Chidi", "Dana", "Emil", "Hugo", "Isla", "Kofi", "Lena", "Marco", "Noor",
        "Omar", "Paula", "Rafael", "Sofia", "Tariq", "Ines", "Jakub", "Leila", "Mateo", "Nina", "Olga", "Pedro"};
    private static final String[] LAST = {"Silva", "Costa", "Jensen", "Patel", "Popescu", "Haddad", "Liu", "Kobayashi",
        "Petrov", "Weber", "Adeyemi", "O'Connor", "Chen", "Rahman", "Lindqvist", "Natarajan", "Murphy", "Martinez",
        "Okafor", "Becker", "Iyer", "Novak", "Harper", "Dubois", "Tanaka", "Ahmed", "Kowalski", "Nordin", "Moreau",
        "Campbell", "Mensah", "Fischer", "Rossi", "Garcia", "Nguyen", "Kim", "Schmidt", "Andersen", "Yilmaz", "Santos"};
    private static final String[] VENDORS = {"Zendesk", "HubSpot", "Gong", "Salesforce", "DocuSign", "ServiceNow"};
    private static final String[] FORBIDDEN = {"env-var", "config-file", "source-code", "ci-variable"};

    private final Scale scale;
    private final SplittableRandom rng;
    private final Instant asOf;
    final List<PersonSpec> people = new ArrayList<>();
    final List<List<String>> teamMembers = new ArrayList<>();
    final List<String> teams = new ArrayList<>();
    final AgentSpec[] agents;
    final CredentialSpec[] credentials;
    /** Index of a credential's first holder and of its second holder (-1 when not shared). */
    final int[] holderOf;
    final int[] coHolderOf;
    /** Team index of each agent. */
    final int[] teamOf;
    /** Agents that often log no policy, or no trigger. */
    final boolean[] noPolicy;
    final boolean[] noTrigger;

    ScaleInventory(Scale scale, SplittableRandom rng) {
        this.scale = scale;
        this.rng = rng;
        this.asOf = scale.asOf();
        this.agents = new AgentSpec[scale.agents()];
        this.credentials = new CredentialSpec[scale.credentials()];
        this.holderOf = new int[scale.credentials()];
        this.coHolderOf = new int[scale.credentials()];
        this.teamOf = new int[scale.agents()];
        this.noPolicy = new boolean[scale.agents()];
        this.noTrigger = new boolean[scale.agents()];
        people();
        agents();
        credentials();
    }

    private Instant ago(double days) {
        return asOf.minusSeconds(Math.round(days * 86_400));
    }

    private boolean chance(double p) {
        return rng.nextDouble() < p;
    }

    private void people() {
        int count = Math.max(40, agents.length / 4);
        int teamCount = Math.max(8, count / 25);
        for (int t = 0; t < teamCount; t++) {
            String base = Catalog.TEAMS.get(t % 8).name();
            teams.add(t < 8 ? base : base + "-" + (t / 8 + 1));
            teamMembers.add(new ArrayList<>());
        }
        int width = digits(count);
        for (int i = 0; i < count; i++) {
            String first = FIRST[rng.nextInt(FIRST.length)];
            String last = LAST[rng.nextInt(LAST.length)];
            String n = pad(i + 1, width);
            String id = "p-" + first.toLowerCase() + "-" + n;
            int team = i % teamCount;
            String manager = teamMembers.get(team).isEmpty() ? null : teamMembers.get(team).get(0);
            Instant departed = chance(0.03) ? ago(1 + rng.nextInt(400)) : null;
            String email = (first + "." + last.replace("'", "")).toLowerCase() + "." + n + "@example.com";
            people.add(new PersonSpec(id, first + " " + last, email, teams.get(team), manager, departed));
            teamMembers.get(team).add(id);
        }
    }

    private void agents() {
        int width = digits(agents.length);
        for (int i = 0; i < agents.length; i++) {
            String[] row = Catalog.AGENTS[i % Catalog.AGENTS.length];
            AgentSpec a = new AgentSpec(row[0] + "-" + pad(i + 1, width), i);
            a.name = row[1] + " #" + (i + 1);
            a.autonomy = switch (row[2]) {
                case "A" -> Autonomy.AUTONOMOUS;
                case "S" -> Autonomy.SUPERVISED;
                default -> Autonomy.HUMAN_IN_THE_LOOP;
            };
            a.environment = row[3];
            int team = rng.nextInt(teams.size());
            a.team = teams.get(team);
            teamOf[i] = team;
            a.grants = new ArrayList<>(List.of(row[7].split(" ")));
            shapeAgent(a, teamMembers.get(team), i);
            agents[i] = a;
        }
    }

    /** Background defaults, then each curated shape with a small probability. */
    private void shapeAgent(AgentSpec a, List<String> members, int i) {
        a.owner = members.get(rng.nextInt(members.size()));
        a.backupOwner = members.get(rng.nextInt(members.size()));
        a.createdAt = ago(100 + rng.nextInt(600));
        a.lastReviewedAt = ago(1 + rng.nextInt(80));
        a.identityType = a.autonomy == Autonomy.AUTONOMOUS ? "spiffe" : a.autonomy == Autonomy.SUPERVISED ? "oidc" : "mtls";
        a.identityId = "spiffe://corp.example/" + a.team + "/" + a.id;
        a.alertChannel = "#" + a.team + "-alerts";
        a.incidentTrigger = "deny-spike";
        a.runbook = "https://wiki.corp.example/runbooks/" + a.id;
        a.killSwitchMethod = "revoke workload identity " + a.id;
        a.killSwitchTestedAt = ago(1 + rng.nextInt(150));
        if (chance(0.05)) {
            a.vendor = VENDORS[rng.nextInt(VENDORS.length)];
        }
        if (chance(0.01)) {
            a.owner = null;
        } else if (chance(0.01)) {
            a.owner = "p-unknown-" + (i + 1);
        }
        if (chance(0.02)) {
            a.backupOwner = null;
        }
        if (chance(0.02)) {
            a.alertChannel = null;
            a.runbook = chance(0.5) ? null : a.runbook;
            a.incidentTrigger = null;
        }
        if (chance(0.03)) {
            a.lastReviewedAt = chance(0.3) ? null : ago(200 + rng.nextInt(300));
        }
        if (chance(0.01)) {
            a.killSwitchMethod = null;
            a.killSwitchTestedAt = null;
        } else if (chance(0.03)) {
            a.killSwitchTestedAt = chance(0.5) ? null : ago(200 + rng.nextInt(200));
        }
        if (chance(0.02)) {
            a.identityType = chance(0.5) ? "api-key" : "shared-secret";
            a.identityId = null;
        }
        if (chance(0.005)) {
            a.grants.add("*");
        } else if (chance(0.005)) {
            List<String> tools = AgentSpec.toolsOf(a.grants);
            a.grants.add((tools.isEmpty() ? "k8s" : tools.get(0)) + ":cluster:admin");
        }
        a.tools = chance(0.01) ? new ArrayList<>() : new ArrayList<>(AgentSpec.toolsOf(a.grants));
        if (a.tools.isEmpty() && a.grants.contains("*")) {
            a.tools.add("k8s");
        }
        if (chance(0.02)) {
            a.status = "decommissioned";
            a.decommissionedAt = ago(1 + rng.nextInt(scale.days()));
        } else if (chance(0.01)) {
            a.status = "suspended";
        }
        noPolicy[i] = chance(0.01);
        noTrigger[i] = chance(0.01);
    }

    private void credentials() {
        for (int j = 0; j < credentials.length; j++) {
            holderOf[j] = j < agents.length ? j : rng.nextInt(agents.length);
            coHolderOf[j] = chance(0.01) ? rng.nextInt(agents.length) : -1;
            AgentSpec a = agents[holderOf[j]];
            CredentialSpec c = new CredentialSpec(j);
            c.id = "cred-" + pad(j + 1, Math.max(4, digits(credentials.length)));
            c.holders.add(a.id);
            if (coHolderOf[j] >= 0 && coHolderOf[j] != holderOf[j]) {
                c.holders.add(agents[coHolderOf[j]].id);
            } else {
                coHolderOf[j] = -1;
            }
            c.environment = a.environment;
            c.scopes = a.grants;
            c.createdAt = a.createdAt;
            c.issuer = "vault";
            c.storage = "vault";
            c.location = "secret/" + a.team + "/" + a.id + "/" + (j + 1);
            switch (a.autonomy) {
                case AUTONOMOUS -> {
                    c.type = chance(0.5) ? "svid" : "jit-lease";
                    c.ttlSeconds = chance(0.5) ? 3600L : 900L;
                }
                case SUPERVISED -> {
                    c.type = "token";
                    c.issuer = "okta";
                    c.storage = "secret-manager";
                    c.ttlSeconds = 28_800L;
                }
                case HUMAN_IN_THE_LOOP -> {
                    c.type = chance(0.5) ? "api-key" : "certificate";
                    c.createdAt = ago(80 + rng.nextInt(9));
                    c.expiresAt = c.createdAt.plus(Duration.ofDays(89));
                    c.lastRotatedAt = c.createdAt;
                }
                default -> throw new IllegalStateException();
            }
            shapeCredential(c, a);
            credentials[j] = c;
        }
    }

    private void shapeCredential(CredentialSpec c, AgentSpec a) {
        if (chance(0.01)) {
            c.type = "api-key";
            c.ttlSeconds = null;
            c.expiresAt = null;
            c.lastRotatedAt = chance(0.5) ? null : ago(rng.nextInt(300));
        }
        if (chance(0.005)) {
            c.type = "password";
        }
        if (chance(0.02)) {
            c.storage = FORBIDDEN[rng.nextInt(FORBIDDEN.length)];
        } else if (chance(0.01)) {
            c.storage = "unknown";
        }
        if (chance(0.005)) {
            c.exposureAt = ago(1 + rng.nextInt(scale.days()));
            c.exposureWhere = "public repository";
        }
        if (a.decommissionedAt != null && chance(0.8)) {
            c.status = "revoked";
            c.revokedAt = a.decommissionedAt.plusSeconds(rng.nextInt(3600));
        } else if (chance(0.05)) {
            c.status = "revoked";
            c.revokedAt = ago(1 + rng.nextInt(scale.days()));
        }
    }

    static int digits(long n) {
        return Long.toString(Math.max(1, n)).length();
    }

    static String pad(long n, int width) {
        String s = Long.toString(n);
        return s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }
}
