package dev.steward.sampledata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Planted inventory cases: ownership (OWN-*), lifecycle (LIF-1..3), identity (IDN-1) and credential hygiene
 * (CRD-*), each registered with its expected result. Every change is deliberate; whatever a plant does not touch
 * stays background and passes. Dates are relative to the as-of instant (shown for the default 2026-11-01).
 */
final class PlantsInventory {

    /** The fake AWS access key id planted in one credential's location (never a real key). */
    static final String FAKE_AWS_KEY = "AKIAEXAMPLESTEWARD42";

    private final Org org;
    private final Expectations expect;

    PlantsInventory(Org org) {
        this.org = org;
        this.expect = org.expect;
    }

    void apply() {
        ownership();
        lifecycle();
        identity();
        lifetimes();
        storage();
        exposure();
    }

    private void ownership() {
        AgentSpec campaign = org.agent("campaign-writer");
        AgentSpec churn = org.agent("churn-predictor");
        AgentSpec docusign = org.agent("docusign-agent");
        expect.fail("OWN-1", campaign, "no owner declared")
                .fail("OWN-1", churn, "owner p-zoe is not in the people directory")
                .fail("OWN-1", docusign, "third-party agent with no owner declared")
                .pass("OWN-1", org.agent("invoice-bot"), "owner p-ana is an active person of the directory");
        for (AgentSpec a : List.of(campaign, churn, docusign)) {
            expect.na("OWN-2", a, "no resolvable owner (OWN-1 reports it)");
        }
        expect.fail("OWN-2", org.agent("settlement-recon"), "owner p-marco departed " + day(org.ago(73)))
                .fail("OWN-2", org.agent("faq-responder"), "owner p-lena departed " + day(org.ago(4)))
                .pass("OWN-2", org.agent("invoice-bot"), "owner p-ana is active");

        org.agent("payout-scheduler").backupOwner = null;
        expect.fail("OWN-3", org.agent("payout-scheduler"), "no backup owner")
                .fail("OWN-3", org.agent("report-builder"), "backup owner p-mei is also the owner")
                .fail("OWN-3", org.agent("social-listener"), "backup owner p-tom departed " + day(org.ago(153)))
                .fail("OWN-3", org.agent("tax-calculator"), "backup owner p-oleg is not in the people directory")
                .pass("OWN-3", org.agent("invoice-bot"), "backup owner p-carl is active and not the owner");

        AgentSpec budget = org.agent("budget-forecaster");
        budget.alertChannel = null;
        budget.incidentTrigger = null;
        budget.runbook = null;
        AgentSpec ocr = org.agent("invoice-ocr");
        ocr.incidentTrigger = null;
        ocr.runbook = null;
        AgentSpec expenses = org.agent("expense-auditor");
        expenses.alertChannel = null;
        expect.fail("OWN-4", budget, "no alert channel, no incident trigger, no runbook")
                .partial("OWN-4", ocr, 0.5, "alert channel #fin-systems but no incident trigger or runbook")
                .partial("OWN-4", expenses, 0.5, "incident trigger and runbook but no alert channel")
                .pass("OWN-4", org.agent("invoice-bot"), "alert channel, incident trigger and runbook defined");

        review("fraud-scorer", 123, "prod agent last reviewed %s, more than 90 days ago");
        review("test-data-seeder", 200, "test agent last reviewed %s, more than 180 days ago");
        review("gong-call-analyzer", 264, "prod vendor agent last reviewed %s, more than 90 days ago");
        org.agent("sandbox-explorer").lastReviewedAt = null;
        expect.fail("OWN-5", org.agent("sandbox-explorer"), "never reviewed");
        org.agent("dbt-runner").lastReviewedAt = org.ago(150);
        expect.pass("OWN-5", org.agent("dbt-runner"), "staging agent reviewed " + day(org.ago(150))
                + ": older than the prod limit (90 days) but within 180 days for non-prod");

        expect.fail("TPV-1", org.agent("gong-call-analyzer"), "vendor Gong: last review " + day(org.ago(264))
                        + " is older than 180 days")
                .fail("TPV-1", docusign, "vendor DocuSign: no internal owner")
                .pass("TPV-1", org.agent("zendesk-answer-bot"), "vendor Zendesk: active owner p-oscar, recent review")
                .pass("TPV-1", org.agent("hubspot-copilot"), "vendor HubSpot: active owner p-rosa, recent review")
                .pass("TPV-1", org.agent("salesforce-einstein"), "vendor Salesforce: active owner p-vera, recent review")
                .na("TPV-1", org.agent("invoice-bot"), "not a third-party agent");
        org.agent("salesforce-einstein").attributes.put("contract", "MSA-2024-117");
    }

    private void review(String agentId, int daysAgo, String why) {
        AgentSpec a = org.agent(agentId);
        a.lastReviewedAt = org.ago(daysAgo);
        expect.fail("OWN-5", a, String.format(why, day(a.lastReviewedAt)));
    }

    private void lifecycle() {
        for (CredentialSpec c : org.credsOf("settlement-recon")) {
            expect.fail("LIF-1", c, "active, held by settlement-recon whose owner p-marco departed "
                    + day(org.ago(73)) + " (more than 7 days ago)");
        }
        for (CredentialSpec c : org.credsOf("faq-responder")) {
            expect.pass("LIF-1", c, "owner p-lena departed " + day(org.ago(4)) + ", within the 7-day grace");
        }
        AgentSpec legacy = org.agent("legacy-invoice-bot");
        legacy.status = "decommissioned";
        legacy.decommissionedAt = org.ago(47, 16, 0);
        legacy.lastReviewedAt = org.ago(50);
        CredentialSpec legacyToken = org.cred(legacy.id, 0);
        CredentialSpec legacyLease = org.cred(legacy.id, 1);
        legacyToken.useTo = legacy.decommissionedAt;
        revoke(legacyLease, legacy.decommissionedAt);
        expect.fail("LIF-1", legacyToken, "still active, held by legacy-invoice-bot decommissioned "
                        + day(legacy.decommissionedAt))
                .na("LIF-1", legacyLease, "revoked at decommissioning, not active")
                .pass("LIF-4", legacyLease, "revoked at decommissioning, never used after");

        AgentSpec v1 = org.agent("lead-scorer-v1");
        v1.status = "decommissioned";
        v1.decommissionedAt = org.ago(68, 10, 0);
        v1.lastReviewedAt = org.ago(70);
        for (CredentialSpec c : org.credsOf(v1.id)) {
            revoke(c, v1.decommissionedAt);
            expect.pass("LIF-4", c, "revoked " + day(v1.decommissionedAt) + " at decommissioning, never used after")
                    .na("LIF-2", c, "revoked, not active");
        }
        expect.na("LIF-3", v1, "decommissioned, holds no active credential");

        AgentSpec chaos = org.agent("chaos-runner");
        chaos.status = "suspended";
        for (CredentialSpec c : org.credsOf(chaos.id)) {
            expect.pass("LIF-1", c, "held by chaos-runner, suspended but not decommissioned; its owner is active");
        }

        CredentialSpec spare = Background.base(org, org.agent("kyc-screener"), "jit-lease",
                List.of("sanctions:lists:read"), org.ago(184));
        spare.issuer = "vault";
        spare.storage = "vault";
        spare.location = "database/creds/kyc-screener-batch";
        spare.ttlSeconds = 3600L;
        spare.unused = true;
        expect.fail("LIF-2", spare, "active, created " + day(spare.createdAt) + " and never used");

        CredentialSpec idle = Background.base(org, org.agent("siem-triage"), "token",
                List.of("siem:alerts:read"), org.agent("siem-triage").createdAt);
        idle.issuer = "okta";
        idle.storage = "secret-manager";
        idle.location = Background.SECRET_MANAGER + "siem-triage-legacy";
        idle.ttlSeconds = 28_800L;
        idle.unused = true;
        idle.pinLastUsed(org.ago(114, 11, 12));
        expect.fail("LIF-2", idle, "active, last used " + day(idle.lastUsedAt) + " (more than 90 days ago)");

        AgentSpec pricing = org.agent("pricing-simulator");
        pricing.createdAt = org.ago(12);
        pricing.lastReviewedAt = org.ago(10);
        pricing.killSwitchTestedAt = org.ago(11);
        for (CredentialSpec c : org.credsOf(pricing.id)) {
            c.createdAt = org.ago(12);
            c.unused = true;
            expect.pass("LIF-2", c, "never used, but created " + day(c.createdAt) + ", less than 90 days ago");
        }
        expect.pass("LIF-2", org.cred("invoice-bot", 0), "used throughout the window");

        AgentSpec adBidder = org.agent("ad-bidder");
        adBidder.killSwitchMethod = null;
        adBidder.killSwitchTestedAt = null;
        org.agent("chargeback-agent").killSwitchTestedAt = null;
        org.agent("warehouse-loader").killSwitchTestedAt = org.ago(245);
        expect.fail("LIF-3", adBidder, "active credentials and no kill switch")
                .partial("LIF-3", org.agent("chargeback-agent"), 0.5, "kill switch defined but never tested")
                .partial("LIF-3", org.agent("warehouse-loader"), 0.5, "kill switch last tested "
                        + day(org.ago(245)) + ", more than 180 days ago")
                .pass("LIF-3", org.agent("invoice-bot"), "kill switch tested within 180 days");
    }

    private void identity() {
        AgentSpec router = org.agent("ticket-router");
        router.identityType = "shared-secret";
        router.identityId = "zendesk-webhook-signing-secret";
        router.killSwitchMethod = "rotate the Zendesk webhook signing secret";
        AgentSpec newsletter = org.agent("newsletter-bot");
        newsletter.identityType = "api-key";
        newsletter.identityId = "sendgrid-api-key";
        AgentSpec phishing = org.agent("phishing-analyzer");
        phishing.identityType = null;
        phishing.identityId = null;
        phishing.omitIdentity = true;
        AgentSpec sandbox = org.agent("sandbox-explorer");
        sandbox.identityType = "none";
        sandbox.identityId = null;
        sandbox.tools.clear();
        expect.fail("IDN-1", router, "authenticates with a shared secret")
                .fail("IDN-1", newsletter, "authenticates with a static API key")
                .fail("IDN-1", phishing, "no identity declared")
                .fail("IDN-1", sandbox, "identity type none")
                .pass("IDN-1", org.agent("invoice-bot"), "SPIFFE workload identity")
                .pass("IDN-1", org.agent("etl-orchestrator"), "cloud role")
                .pass("IDN-1", org.agent("wire-transfer-agent"), "mTLS client certificate identity")
                .pass("IDN-1", org.agent("refund-agent"), "OIDC client identity");
    }

    private void lifetimes() {
        CredentialSpec newsletterKey = org.cred("newsletter-bot", 0);
        newsletterKey.type = "api-key";
        newsletterKey.issuer = "sendgrid";
        newsletterKey.ttlSeconds = null;
        newsletterKey.location = Background.SECRET_MANAGER + "newsletter-bot-sendgrid";
        newsletterKey.lastRotatedAt = org.ago(42);
        expect.fail("CRD-1", newsletterKey, "API key of a supervised agent that never expires")
                .pass("CRD-2", newsletterKey, "long-lived, rotated " + day(org.ago(42)));

        CredentialSpec responder = org.cred("incident-responder", 0);
        responder.type = "token";
        responder.ttlSeconds = 86_400L;
        responder.location = "auth/token/create/incident-responder";
        expect.fail("CRD-1", responder, "24 h token of an autonomous agent (limit 1 h)")
                .na("CRD-2", responder, "24 h lifetime is not longer than the 24 h threshold");

        CredentialSpec reviewer = org.cred("access-reviewer", 0);
        reviewer.ttlSeconds = 86_400L;
        expect.pass("CRD-1", reviewer, "24 h token of a supervised agent, exactly at the limit")
                .na("CRD-2", reviewer, "short-lived (24 h)");

        AgentSpec migrator = org.agent("schema-migrator");
        CredentialSpec cert = org.cred(migrator.id, 0);
        Background.longLived(cert, "certificate", migrator, org.ago(245));
        cert.expiresAt = cert.createdAt.plus(Duration.ofDays(365));
        cert.lastRotatedAt = null;
        expect.fail("CRD-1", cert, "365-day certificate of a human-in-the-loop agent (limit 90 days)")
                .fail("CRD-2", cert, "long-lived, never rotated since issue " + day(cert.createdAt));

        AgentSpec gong = org.agent("gong-call-analyzer");
        CredentialSpec gongKey = org.cred(gong.id, 0);
        gongKey.type = "api-key";
        gongKey.issuer = "gong";
        gongKey.storage = "secret-manager";
        gongKey.location = Background.SECRET_MANAGER + "gong-call-analyzer-api-key";
        gongKey.ttlSeconds = null;
        gongKey.createdAt = org.ago(400);
        gongKey.lastRotatedAt = org.ago(213);
        expect.fail("CRD-1", gongKey, "vendor API key that never expires")
                .fail("CRD-2", gongKey, "long-lived, last rotated " + day(gongKey.lastRotatedAt));

        expect.pass("CRD-1", org.cred("invoice-bot", 0), "1 h SVID of an autonomous agent")
                .pass("CRD-1", org.cred("wire-transfer-agent", 0), "89-day credential of a human-in-the-loop agent")
                .na("CRD-2", org.cred("invoice-bot", 0), "short-lived (1 h)")
                .pass("CRD-2", org.cred("wire-transfer-agent", 0), "long-lived, issued and rotated "
                        + day(org.cred("wire-transfer-agent", 0).createdAt));
    }

    private void storage() {
        CredentialSpec seo = org.cred("seo-auditor", 0);
        seo.storage = "env-var";
        seo.location = "SEO_AUDITOR_TOKEN";
        CredentialSpec chaos = org.cred("chaos-runner", 0);
        chaos.storage = "source-code";
        chaos.location = "github.com/example-corp/chaos-experiments/blob/main/settings.py";
        CredentialSpec ci = org.cred("pay-test-harness", 1);
        ci.type = "token";
        ci.issuer = "psp-sandbox";
        ci.storage = "ci-variable";
        ci.location = "gitlab payments/psp-sandbox-tests CI_PSP_TOKEN";
        ci.ttlSeconds = 3600L;
        expect.fail("CRD-3", seo, "stored in an environment variable")
                .fail("CRD-3", chaos, "stored in source code")
                .fail("CRD-3", ci, "stored as a CI variable");

        CredentialSpec backup = org.cred("backup-verifier", 0);
        backup.storage = "unknown";
        expect.pass("CRD-3", backup, "storage unknown, but an SVID issued by vault");

        CredentialSpec spire = Background.base(org, org.agent("k8s-autoscaler"), "svid",
                List.of("metrics:cluster:read"), org.agent("k8s-autoscaler").createdAt.plus(Duration.ofDays(10)));
        spire.issuer = "spire";
        spire.storage = "unknown";
        spire.location = "spire-agent workload API";
        spire.ttlSeconds = 3600L;
        expect.insufficient("CRD-3", spire, "storage unknown and the SVID issuer (spire) is not a vault");

        CredentialSpec sso = org.cred("sso-config-checker", 0);
        Background.longLived(sso, "api-key", org.agent("sso-config-checker"), sso.createdAt);
        sso.issuer = "okta";
        sso.storage = "unknown";
        sso.location = null;
        expect.insufficient("CRD-3", sso, "API key with storage unknown");

        CredentialSpec absent = Background.base(org, org.agent("idp-sync"), "token",
                List.of("okta:groups:read"), org.agent("idp-sync").createdAt.plus(Duration.ofDays(3)));
        absent.issuer = "okta";
        absent.storage = null;
        absent.location = "okta service app idp-sync";
        absent.ttlSeconds = 3600L;
        expect.insufficient("CRD-3", absent, "token with no storage declared")
                .pass("CRD-3", org.cred("invoice-bot", 0), "stored in vault")
                .na("CRD-3", org.cred("refund-agent", 0), "revoked: where the revoked secret is stored no longer matters");

        AgentSpec pentest = org.agent("pentest-assistant");
        CredentialSpec expired = org.cred(pentest.id, 0);
        Background.longLived(expired, "certificate", pentest, org.ago(83, 9, 0));
        expired.expiresAt = expired.createdAt.plus(Duration.ofDays(60));
        expired.status = "expired";
        CredentialSpec password = Background.base(org, pentest, "password", pentest.grants, org.ago(24, 9, 0));
        Background.longLived(password, "password", pentest, password.createdAt);
        password.issuer = "burp-enterprise";
        password.storage = "config-file";
        password.location = "/opt/pentest/config.yml";
        expect.fail("CRD-3", password, "stored in a configuration file")
                .fail("CRD-5", password, "a password")
                .na("LIF-2", expired, "expired " + day(expired.expiresAt) + ", not active");

        AgentSpec dbm = org.agent("db-maintenance");
        CredentialSpec dbPassword = Background.base(org, dbm, "password", List.of("postgres:backups:read"),
                org.cred(dbm.id, 0).createdAt);
        Background.longLived(dbPassword, "password", dbm, dbPassword.createdAt);
        dbPassword.issuer = "postgres";
        dbPassword.storage = "vault";
        dbPassword.location = "database/static-creds/db-maintenance";
        expect.fail("CRD-5", dbPassword, "a password (stored in vault, still a password)")
                .pass("CRD-5", org.cred("invoice-bot", 0), "an SVID");
    }

    private void exposure() {
        CredentialSpec kb = org.cred("kb-writer", 0);
        kb.exposureAt = org.ago(50, 15, 20);
        kb.exposureWhere = "pasted in the public #community Slack channel";
        expect.fail("CRD-4", kb, "exposed " + day(kb.exposureAt) + ", neither rotated nor revoked since");

        CredentialSpec cost = org.cred("cost-reporter", 0);
        Background.longLived(cost, "api-key", org.agent("cost-reporter"), cost.createdAt);
        cost.issuer = "aws-iam";
        cost.location = FAKE_AWS_KEY;
        expect.fail("CRD-4", cost, "its location holds an AWS access key id (" + FAKE_AWS_KEY
                + ", fake): ingestion finds the secret and treats the credential as exposed");

        CredentialSpec oncall = org.cred("oncall-summarizer", 0);
        oncall.exposureAt = org.ago(61, 10, 0);
        oncall.exposureWhere = "committed to an internal repository, found by secret scanning";
        oncall.lastRotatedAt = org.ago(60, 8, 0);
        expect.pass("CRD-4", oncall, "exposed " + day(oncall.exposureAt) + ", rotated the next day");

        AgentSpec migrator = org.agent("schema-migrator");
        CredentialSpec leaked = Background.base(org, migrator, "token", List.of("git:migrations:read"), org.ago(120));
        leaked.issuer = "okta";
        leaked.storage = "secret-manager";
        leaked.location = Background.SECRET_MANAGER + "schema-migrator-ci";
        leaked.ttlSeconds = 3600L;
        leaked.exposureAt = org.ago(58, 16, 0);
        leaked.exposureWhere = "printed in a CI job log";
        revoke(leaked, org.ago(57, 10, 0));
        expect.pass("CRD-4", leaked, "exposed " + day(leaked.exposureAt) + ", revoked the next morning")
                .pass("LIF-4", leaked, "revoked " + day(leaked.revokedAt) + ", never used after")
                .pass("CRD-4", org.cred("invoice-bot", 0), "no exposure known");
    }

    static void revoke(CredentialSpec c, Instant at) {
        c.status = "revoked";
        c.revokedAt = at;
    }

    static String day(Instant t) {
        return t.toString().substring(0, 10);
    }
}
