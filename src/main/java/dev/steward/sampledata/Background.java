package dev.steward.sampledata;

import dev.steward.evidence.Autonomy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The clean defaults every agent starts from: an active owner and backup, monitoring, a recent review and kill-switch
 * test, a workload identity, short-lived credentials in a vault (1 h for autonomous agents, 8 h for supervised ones,
 * 89 days for human-in-the-loop ones, created inside the window) and a steady decision stream that uses every grant.
 * A background agent and its credentials pass every check; plants change only what they mean to.
 */
final class Background {

    static final String SECRET_MANAGER = "arn:aws:secretsmanager:eu-west-1:210987654321:secret:agents/";
    private static final String[] HITL_TYPES = {"oauth-client-secret", "api-key", "certificate", "ssh-key"};

    private Background() {
    }

    static void agent(Org org, AgentSpec a, SplittableRandom rng) {
        Catalog.Team team = Catalog.team(a.team);
        a.createdAt = org.ago(200 + rng.nextInt(500));
        a.lastReviewedAt = org.ago(5 + rng.nextInt(55));
        a.vendor = Catalog.VENDORS.get(a.id);
        if (a.vendor != null) {
            a.identityType = "oidc";
            a.identityId = "https://" + a.vendor.toLowerCase() + ".example/oauth/clients/" + a.id;
        } else if (a.autonomy == Autonomy.AUTONOMOUS && a.team.equals("data-platform")) {
            a.identityType = "cloud-role";
            a.identityId = "arn:aws:iam::210987654321:role/" + a.id;
        } else if (a.autonomy == Autonomy.AUTONOMOUS) {
            a.identityType = "spiffe";
            a.identityId = "spiffe://corp.example/" + a.team + "/" + a.id;
        } else if (a.autonomy == Autonomy.SUPERVISED) {
            a.identityType = "oidc";
            a.identityId = "https://login.corp.example/oauth2/clients/" + a.id;
        } else {
            a.identityType = "mtls";
            a.identityId = "CN=" + a.id + ",OU=" + a.team + ",O=Example Corp";
        }
        a.alertChannel = team.alertChannel();
        a.incidentTrigger = switch (a.autonomy) {
            case AUTONOMOUS -> "deny-spike";
            case SUPERVISED -> "error-rate";
            case HUMAN_IN_THE_LOOP -> null;
        };
        a.runbook = "https://wiki.corp.example/runbooks/" + a.id;
        a.killSwitchMethod = switch (a.identityType) {
            case "spiffe" -> "delete SPIRE registration entry for " + a.id;
            case "cloud-role" -> "attach deny-all policy to role " + a.id;
            case "mtls" -> "revoke client certificate CN=" + a.id;
            default -> "disable OAuth client " + a.id + " in the identity provider";
        };
        a.killSwitchTestedAt = org.ago(10 + rng.nextInt(110));
        a.tools = new ArrayList<>(AgentSpec.toolsOf(a.grants));
    }

    /** Adds the agent's standard credentials: a primary one covering every grant and a narrower secondary one. */
    static void credentials(Org org, AgentSpec a, SplittableRandom rng) {
        List<String> secondaryScopes = secondaryScopes(a.grants);
        switch (a.autonomy) {
            case AUTONOMOUS -> {
                CredentialSpec svid = base(org, a, "svid", a.grants, a.createdAt);
                svid.issuer = "vault";
                svid.storage = "vault";
                svid.location = "pki_int/issue/" + a.team + "-workloads/" + a.id;
                svid.ttlSeconds = 3600L;
                CredentialSpec lease = base(org, a, "jit-lease", secondaryScopes, a.createdAt.plus(Duration.ofDays(1)));
                lease.issuer = "vault";
                lease.storage = "vault";
                lease.location = (rng.nextBoolean() ? "database/creds/" : "aws/sts/") + a.id;
                lease.ttlSeconds = rng.nextBoolean() ? 900L : 1800L;
            }
            case SUPERVISED -> {
                CredentialSpec token = base(org, a, "token", a.grants, a.createdAt);
                token.issuer = "okta";
                token.storage = "secret-manager";
                token.location = SECRET_MANAGER + a.id + "-token";
                token.ttlSeconds = 28_800L;
                CredentialSpec lease = base(org, a, "jit-lease", secondaryScopes, a.createdAt.plus(Duration.ofDays(2)));
                lease.issuer = "vault";
                lease.storage = "vault";
                lease.location = "database/creds/" + a.id;
                lease.ttlSeconds = 14_400L;
            }
            case HUMAN_IN_THE_LOOP -> {
                String type = HITL_TYPES[a.index % HITL_TYPES.length];
                Instant created = org.windowStart.plus(Duration.ofDays(2 + rng.nextInt(8))).plusSeconds(9 * 3600);
                CredentialSpec primary = base(org, a, type, a.grants, created);
                longLived(primary, type, a, created);
                CredentialSpec token = base(org, a, "token", secondaryScopes, a.createdAt);
                token.issuer = "okta";
                token.storage = "secret-manager";
                token.location = SECRET_MANAGER + a.id + "-session";
                token.ttlSeconds = 3600L;
            }
            default -> throw new IllegalStateException("autonomy " + a.autonomy);
        }
    }

    /** A human-in-the-loop agent's long-lived credential: 89 days from creation, rotated at creation. */
    static void longLived(CredentialSpec c, String type, AgentSpec a, Instant created) {
        c.type = type;
        c.createdAt = created;
        c.expiresAt = created.plus(Duration.ofDays(89));
        c.lastRotatedAt = created;
        c.ttlSeconds = null;
        switch (type) {
            case "oauth-client-secret" -> {
                c.issuer = "okta";
                c.storage = "secret-manager";
                c.location = SECRET_MANAGER + a.id + "-client-secret";
            }
            case "api-key" -> {
                c.issuer = a.tools.isEmpty() ? "internal" : a.tools.get(0);
                c.storage = "secret-manager";
                c.location = SECRET_MANAGER + a.id + "-api-key";
            }
            case "certificate" -> {
                c.issuer = "corp-ca";
                c.storage = "vault";
                c.location = "pki_int/cert/" + a.id;
            }
            default -> {
                c.issuer = "vault";
                c.storage = "vault";
                c.location = "ssh-client-signer/creds/" + a.id;
            }
        }
    }

    static CredentialSpec base(Org org, AgentSpec a, String type, List<String> scopes, Instant created) {
        CredentialSpec c = org.newCredential(a.id);
        c.type = type;
        c.environment = a.environment;
        c.scopes = new ArrayList<>(scopes);
        c.createdAt = created;
        return c;
    }

    /** The grants of the agent's last tool; the last grant when the agent has a single tool. */
    static List<String> secondaryScopes(List<String> grants) {
        List<String> tools = AgentSpec.toolsOf(grants);
        if (tools.size() < 2) {
            return List.of(grants.get(grants.size() - 1));
        }
        String last = tools.get(tools.size() - 1) + ":";
        return grants.stream().filter(g -> g.startsWith(last)).toList();
    }

    /**
     * The regular decision stream: the whole window, human-in-the-loop agents from their first credential's creation,
     * decommissioned agents until decommissioning.
     */
    static Activity activity(Org org, AgentSpec a) {
        Instant from = org.windowStart;
        List<CredentialSpec> creds = org.credsOf(a.id);
        if (a.autonomy == Autonomy.HUMAN_IN_THE_LOOP && !creds.isEmpty() && creds.get(0).createdAt.isAfter(from)) {
            from = creds.get(0).createdAt.plusSeconds(3600);
        }
        Instant to = a.decommissionedAt != null ? a.decommissionedAt : org.asOf;
        int perDay = switch (a.autonomy) {
            case AUTONOMOUS -> a.prod() ? 10 : 5;
            case SUPERVISED -> a.prod() ? 6 : 3;
            case HUMAN_IN_THE_LOOP -> 3;
        };
        Activity act = new Activity(a, from, to, perDay);
        if (a.autonomy != Autonomy.AUTONOMOUS) {
            act.delegateShare = a.autonomy == Autonomy.SUPERVISED ? 0.25 : 0.6;
            act.delegators = org.activeTeamMembers(a.team);
        }
        return act;
    }

    /** Clean agents whose primary credential was rotated by re-issue during the window (a revoked predecessor). */
    static final List<String> ROTATED = List.of("payment-router", "access-reviewer", "scim-provisioner",
            "onboarding-agent", "dbt-runner", "feature-store-sync", "ticket-triage", "zendesk-answer-bot",
            "voice-transcriber", "hubspot-copilot", "salesforce-einstein", "log-shipper", "cert-renewer",
            "finance-copilot", "vendor-negotiator", "vuln-scanner", "dlp-monitor", "tax-calculator",
            "expense-auditor", "invoice-ocr", "etl-orchestrator");

    /**
     * Re-issue: the primary credential gets a predecessor with the same shape, revoked at {@code at}; the current one
     * was issued half an hour earlier. Neither is used outside its validity, so both stay clean.
     */
    static CredentialSpec rotate(Org org, AgentSpec a, Instant at) {
        CredentialSpec current = org.cred(a.id, 0);
        CredentialSpec old = base(org, a, current.type, current.scopes, current.createdAt);
        old.issuer = current.issuer;
        old.storage = current.storage;
        old.location = current.location;
        old.ttlSeconds = current.ttlSeconds;
        old.status = "revoked";
        old.revokedAt = at;
        current.createdAt = at.minusSeconds(1800);
        return old;
    }
}
