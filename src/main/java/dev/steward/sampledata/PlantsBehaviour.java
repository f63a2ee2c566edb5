package dev.steward.sampledata;

import dev.steward.evidence.Autonomy;
import java.time.Instant;
import java.util.List;

/**
 * Planted cases that live in the decision logs and in who uses which credential: shadow principals (INV-1),
 * sharing and environments (IDN-2, IDN-3), use after revocation (LIF-4) and blind spots (LOG-1). Runs after the
 * background activities exist; changes them and adds shadow principals with their own activity.
 */
final class PlantsBehaviour {

    private final Org org;
    private final Expectations expect;

    PlantsBehaviour(Org org) {
        this.org = org;
        this.expect = org.expect;
    }

    void apply() {
        shadows();
        sharing();
        environments();
        revocations();
        blindSpot();
        org.activity("pricing-simulator").silent();
        org.activity("chaos-runner").to = org.ago(17);
    }

    private void shadows() {
        shadow("ghost-scraper", "marketing", Autonomy.AUTONOMOUS, "web:pages:read crm:contacts:read", org.ago(20), 6);
        shadow("copilot-sidecar", "support", Autonomy.SUPERVISED, "zendesk:tickets:read kb:articles:read",
                org.ago(45), 4);
        AgentSpec etl = shadow("legacy-etl", "data-platform", Autonomy.AUTONOMOUS,
                "postgres:orders:read s3:raw-zone:write", org.windowStart, 8);
        CredentialSpec lease = org.newCredential(etl.id);
        lease.type = "jit-lease";
        lease.environment = "prod";
        lease.issuer = "vault";
        lease.storage = "vault";
        lease.location = "database/creds/legacy-etl";
        lease.scopes = List.of("postgres:orders:read", "s3:raw-zone:write");
        lease.createdAt = org.ago(900);
        lease.ttlSeconds = 3600L;
        org.activity(etl.id).every(1, 0, d -> d.agent = null);
        for (String id : List.of("ghost-scraper", "copilot-sidecar", "legacy-etl")) {
            expect.add("INV-1", dev.steward.check.Result.FAIL, id, null, () -> {
                DecisionStats.Principal p = org.stats.principal(id);
                return "not in the inventory, yet " + p.total + " decisions " + Text.timestamp(p.first) + " to "
                        + Text.timestamp(p.last) + " (tools " + String.join(", ", p.tools) + ")"
                        + (id.equals("legacy-etl") ? ", seen as sole holder of the credential its decisions name" : "");
            });
        }
        expect.pass("INV-1", "invoice-bot", "inventoried agent")
                .pass("IDN-2", lease, "one declared holder (legacy-etl, itself a shadow principal) and used by it only")
                .pass("CRD-1", lease, "1 h lease")
                .insufficient("LIF-1", lease, "its holder legacy-etl is not an inventoried agent: its state is unknown");
    }

    private AgentSpec shadow(String id, String team, Autonomy autonomy, String grants, Instant from, int perDay) {
        AgentSpec a = new AgentSpec(id, 100 + org.shadows.size());
        a.team = team;
        a.autonomy = autonomy;
        a.environment = "prod";
        a.grants = List.of(grants.split(" "));
        a.tools = AgentSpec.toolsOf(a.grants);
        org.shadows.put(id, a);
        Activity act = new Activity(a, from, org.asOf, perDay);
        act.denyDayChance = 0;
        org.activities.put(id, act);
        return a;
    }

    private void sharing() {
        AgentSpec report = org.agent("report-builder");
        CredentialSpec shared = Background.base(org, report, "token", List.of("snowflake:analytics:read"),
                report.createdAt.plusSeconds(86_400 * 30L));
        shared.holders.add("export-agent");
        shared.issuer = "okta";
        shared.storage = "secret-manager";
        shared.location = Background.SECRET_MANAGER + "analytics-reader-shared";
        shared.ttlSeconds = 28_800L;
        expect.fail("IDN-2", shared, "two declared holders (report-builder, export-agent), both use it")
                .fail("CRD-1", shared, "8 h token shared with an autonomous agent (export-agent: limit 1 h)");

        CredentialSpec leadSvid = org.cred("lead-scorer", 0);
        org.activity("social-listener").script(org.windowStart, org.asOf, 25, "crm:leads:read",
                d -> d.credential = leadSvid);
        expect.fail("IDN-2", leadSvid, "declared for lead-scorer only; the logs show social-listener using it too");

        CredentialSpec orphan = org.newCredential(null);
        orphan.type = "jit-lease";
        orphan.environment = "prod";
        orphan.issuer = "vault";
        orphan.storage = "vault";
        orphan.location = "database/creds/analytics-writer";
        orphan.scopes = List.of("snowflake:analytics:write");
        orphan.createdAt = org.ago(400);
        orphan.ttlSeconds = 3600L;
        org.activity("warehouse-loader").script(org.windowStart, org.asOf, 30, "snowflake:analytics:write",
                d -> d.credential = orphan);
        expect.fail("IDN-2", orphan, "no declared holder; the logs show warehouse-loader using it")
                .pass("CRD-1", orphan, "1 h lease (the strictest limit applies whatever its holder)")
                .pass("IDN-2", org.cred("invoice-bot", 0), "one holder, used by invoice-bot only");
    }

    private void environments() {
        CredentialSpec svid = org.cred("search-indexer", 0);
        org.activity("search-indexer").every(7, 2, d -> {
            d.environment = "prod";
            d.credential = svid;
        });
        expect.fail("IDN-3", svid, "declared staging, used in staging and prod")
                .pass("IDN-3", org.cred("search-indexer", 1), "declared staging, used in staging only")
                .pass("IDN-3", org.cred("invoice-bot", 0), "declared prod, used in prod only");
    }

    private void revocations() {
        AgentSpec refund = org.agent("refund-agent");
        CredentialSpec oldToken = org.cred(refund.id, 0);
        CredentialSpec newToken = Background.base(org, refund, "token", refund.grants, org.ago(31, 9, 0));
        newToken.issuer = "okta";
        newToken.storage = "secret-manager";
        newToken.location = Background.SECRET_MANAGER + "refund-agent-token-v2";
        newToken.ttlSeconds = 28_800L;
        PlantsInventory.revoke(oldToken, org.ago(31, 9, 30));
        oldToken.useTo = org.ago(27);
        org.activity(refund.id).script(org.ago(31, 11, 0), org.ago(28), 8, "stripe:charges:read",
                d -> d.credential = oldToken);
        expect.add("LIF-4", dev.steward.check.Result.FAIL, oldToken, null, () -> {
            DecisionStats.Credential c = org.stats.credential(oldToken);
            return "revoked " + Text.timestamp(oldToken.revokedAt.getEpochSecond()) + " but " + c.lateAllowed
                    + " allowed decisions after revocation + 300 s, the last " + Text.timestamp(c.lastLateAllowed);
        });
        expect.pass("LIF-2", newToken, "issued " + PlantsInventory.day(newToken.createdAt) + " and used since");

        AgentSpec pentest = org.agent("pentest-assistant");
        CredentialSpec late = Background.base(org, pentest, "token", List.of("scanner:targets:scan"), org.ago(120));
        late.issuer = "okta";
        late.storage = "secret-manager";
        late.location = Background.SECRET_MANAGER + "pentest-assistant-scanner";
        late.ttlSeconds = 3600L;
        late.unused = true;
        PlantsInventory.revoke(late, org.ago(61, 17, 0));
        late.pinLastUsed(org.ago(42, 13, 5));
        expect.fail("LIF-4", late, "revoked " + Text.timestamp(late.revokedAt.getEpochSecond())
                + " but lastUsedAt is " + Text.timestamp(late.lastUsedAt.getEpochSecond()));

        AgentSpec rotator = org.agent("secret-rotator");
        CredentialSpec legacy = Background.base(org, rotator, "jit-lease", List.of("vault:kv:rotate"),
                rotator.createdAt.plusSeconds(86_400 * 5L));
        legacy.issuer = "vault";
        legacy.storage = "vault";
        legacy.location = "auth/approle/role/secret-rotator-legacy";
        legacy.ttlSeconds = 1800L;
        PlantsInventory.revoke(legacy, org.ago(52, 14, 0));
        org.activity(rotator.id).script(legacy.revokedAt.plusSeconds(7200), org.ago(49), 3, "vault:kv:rotate", d -> {
            d.credential = legacy;
            d.allow = false;
            d.policy = "security/vault.rego#deny_revoked";
            d.reason = "credential revoked";
        });
        expect.pass("LIF-4", legacy, "revoked " + Text.timestamp(legacy.revokedAt.getEpochSecond())
                + "; the 3 later attempts were denied");

        AgentSpec janitor = org.agent("token-janitor");
        CredentialSpec grace = Background.base(org, janitor, "jit-lease", List.of("directory:tokens:read"),
                janitor.createdAt.plusSeconds(86_400 * 3L));
        grace.issuer = "vault";
        grace.storage = "vault";
        grace.location = "database/creds/token-janitor-ro";
        grace.ttlSeconds = 900L;
        PlantsInventory.revoke(grace, org.ago(40, 12, 0));
        Instant inGrace = grace.revokedAt.plusSeconds(120);
        org.activity(janitor.id).script(inGrace, inGrace.plusSeconds(1), 1, "directory:tokens:read",
                d -> d.credential = grace);
        expect.pass("LIF-4", grace, "last allowed use 120 s after revocation, within the 300 s grace");

        AgentSpec seo = org.agent("seo-auditor");
        CredentialSpec undated = Background.base(org, seo, "token", seo.grants, seo.createdAt);
        undated.issuer = "okta";
        undated.storage = "secret-manager";
        undated.location = Background.SECRET_MANAGER + "seo-auditor-previous";
        undated.ttlSeconds = 3600L;
        undated.status = "revoked";
        undated.useTo = org.ago(70);
        expect.insufficient("LIF-4", undated, "status revoked but no revocation time");
        for (String id : Background.ROTATED.subList(0, 2)) {
            CredentialSpec old = org.credsOf(id).stream().filter(c -> c.revokedAt != null).findFirst().orElseThrow();
            expect.pass("LIF-4", old, "rotated by re-issue " + PlantsInventory.day(old.revokedAt)
                    + ", never used after revocation");
        }
    }

    private void blindSpot() {
        AgentSpec intel = org.agent("threat-intel-sync");
        org.activity(intel.id).silent();
        org.cred(intel.id, 0).unused = true;
        org.cred(intel.id, 0).pinLastUsed(org.ago(2, 3, 17));
        org.cred(intel.id, 1).unused = true;
        org.cred(intel.id, 1).pinLastUsed(org.ago(3, 22, 40));
        expect.fail("LOG-1", intel, "its credentials were used (lastUsedAt " + PlantsInventory.day(org.ago(2))
                        + ") but it has no decision in the window")
                .pass("LOG-1", org.agent("invoice-bot"), "credentials used and decisions logged");
    }
}
