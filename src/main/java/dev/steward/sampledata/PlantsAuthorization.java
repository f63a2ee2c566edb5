package dev.steward.sampledata;

import dev.steward.check.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * Planted cases about what agents do: least privilege and wildcard grants (AUT-1, AUT-2), policy evaluation (AUT-3),
 * approvals (AUT-4), delegation chains (AUT-5), undeclared tools (AUT-6), record completeness (LOG-2), behaviour
 * change (DET-1) and human use of agent credentials (HUM-1). PARTIAL scores that depend on the generated decisions
 * are computed from them.
 */
final class PlantsAuthorization {

    static final String BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 "
            + "(KHTML, like Gecko) Version/18.0 Safari/605.1.15";

    private final Org org;
    private final Expectations expect;

    PlantsAuthorization(Org org) {
        this.org = org;
        this.expect = org.expect;
    }

    void apply() {
        leastPrivilege();
        policies();
        approvals();
        delegation();
        tools();
        completeness();
        detection();
        humanUse();
    }

    private void leastPrivilege() {
        Activity exporter = org.activity("data-exporter");
        exporter.scopes = List.of("snowflake:analytics:read", "s3:exports:write");
        org.cred("data-exporter", 1).scopes = List.of("s3:exports:write");
        List<String> unused = new ArrayList<>(org.agent("data-exporter").grants);
        unused.removeAll(exporter.scopes);
        expect.fail("AUT-1", org.agent("data-exporter"), "4 of 6 grants never used by an allowed decision: "
                + String.join(", ", unused));

        Activity summarizer = org.activity("support-summarizer");
        summarizer.scopes.remove("slack:messages:post");
        org.cred("support-summarizer", 1).scopes = List.of("kb:articles:read");
        expect.partial("AUT-1", org.agent("support-summarizer"), 0.75,
                "1 of 4 grants never used (slack:messages:post): 25 % unused, score 0.75");

        org.activity("etl-orchestrator").scopes.remove("snowflake:analytics:write");
        expect.pass("AUT-1", org.agent("etl-orchestrator"),
                "1 of 5 grants never used (snowflake:analytics:write): 20 %, at the PASS limit")
                .pass("AUT-1", org.agent("invoice-bot"), "every grant used");

        AgentSpec ops = org.agent("ops-copilot");
        ops.tools = new ArrayList<>(List.of("k8s", "grafana", "pagerduty"));
        expect.fail("AUT-2", ops, "grant * (wildcard); decisions log scope * as well")
                .fail("AUT-2", org.agent("db-maintenance"), "administrative grant postgres:cluster:admin")
                .fail("AUT-2", org.agent("infra-provisioner"), "owner grant gcp:project:owner")
                .pass("AUT-2", org.agent("invoice-bot"), "no wildcard or administrative grant")
                .pass("AUT-1", ops, "its only grant * is the scope of its allowed decisions");
    }

    private void policies() {
        Activity router = org.activity("ticket-router");
        router.every(5, 0, d -> d.policy = null).every(5, 2, d -> d.policy = null);
        share("AUT-3", "ticket-router", Result.FAIL, "decisions name their policy");
        org.activity("chat-concierge").every(20, 3, d -> d.policy = null);
        share("AUT-3", "chat-concierge", Result.PARTIAL, "decisions name their policy");
        expect.pass("AUT-3", org.agent("invoice-bot"), "every decision names its policy");
    }

    private void approvals() {
        org.activity("refund-agent").every(5, 1, d -> {
            if (d.scope.equals("stripe:refunds:create")) {
                d.risk = "high";
                d.reason = "refund above 5000 EUR";
            }
        });
        org.activity("payout-scheduler").every(1, 0, d -> {
            if (d.scope.equals("bank:payouts:create")) {
                d.risk = "high";
            }
        }).every(2, 0, d -> {
            if (d.scope.equals("bank:payouts:create")) {
                d.approval = "CHG-" + (20_000 + d.epochSecond % 9_000);
            }
        });
        org.activity("wire-transfer-agent").every(1, 0, d -> {
            if (d.scope.equals("bank:wires:create")) {
                d.risk = "high";
                d.approval = "CHG-" + (30_000 + d.epochSecond % 9_000);
            }
        });
        approvalShare("refund-agent", Result.FAIL);
        approvalShare("payout-scheduler", Result.PARTIAL);
        approvalShare("wire-transfer-agent", Result.PASS);
        expect.na("AUT-4", org.agent("invoice-bot"), "no high-risk action");
    }

    private void delegation() {
        org.activity("invoice-bot").script(org.windowStart, org.asOf, 20, "erp:invoices:read",
                d -> d.onBehalfOf = List.of("finance-copilot", "p-aoife"));
        org.activity("ledger-close-agent").script(org.windowStart, org.asOf, 15, "erp:ledger:read",
                d -> d.onBehalfOf = List.of("finance-copilot", "expense-auditor", "p-victor"));
        org.activity("procurement-agent").script(org.windowStart, org.asOf, 12, "procurement:orders:create",
                d -> d.onBehalfOf = List.of("vendor-negotiator", "procurement-agent"));
        org.activity("hr-assistant").script(org.windowStart, org.asOf, 10, "hris:salaries:read",
                d -> d.onBehalfOf = List.of("onboarding-agent", "p-elena"));
        expect.fail("AUT-5", org.agent("ledger-close-agent"),
                        "3-deep chain finance-copilot > expense-auditor > p-victor (limit 2)")
                .fail("AUT-5", org.agent("procurement-agent"),
                        "cycle: acts on behalf of vendor-negotiator > procurement-agent (itself)")
                .fail("AUT-5", org.agent("hr-assistant"), "uses hris:salaries:read on behalf of onboarding-agent, "
                        + "which lacks that scope")
                .pass("AUT-5", org.agent("invoice-bot"), "2-deep chain finance-copilot > p-aoife; finance-copilot "
                        + "holds erp:invoices:read")
                .pass("AUT-5", org.agent("refund-agent"), "delegated by people of its team only, 1 deep")
                .na("AUT-5", org.agent("fraud-scorer"), "no delegated decisions");
    }

    private void tools() {
        org.activity("web-researcher").every(4, 1, d -> {
            if (d.scope.equals("search:web:query")) {
                d.tool = "browser";
                d.action = "pages.fetch";
                d.resource = "https://www.example.com/market-report/" + (d.epochSecond % 997);
                d.policy = "marketing/browser.rego#allow";
            }
        });
        expect.fail("AUT-6", org.agent("web-researcher"), "calls tool browser, declares only search and docs")
                .insufficient("AUT-6", org.agent("sandbox-explorer"), "declares no tools")
                .pass("AUT-6", org.agent("invoice-bot"), "calls only erp and mail, both declared");
    }

    private void completeness() {
        Activity tagger = org.activity("sentiment-tagger");
        tagger.every(10, 0, d -> d.trigger = null).every(10, 3, d -> d.trigger = null)
                .every(10, 6, d -> d.trigger = null);
        share("LOG-2", "sentiment-tagger", Result.FAIL, "decisions are complete");
        org.activity("escalation-agent").every(20, 5, d -> d.trigger = null).every(40, 11, d -> d.resource = null);
        share("LOG-2", "escalation-agent", Result.PARTIAL, "decisions are complete");
        expect.pass("LOG-2", org.agent("invoice-bot"), "every decision has tool, action, resource and trigger");
    }

    private void detection() {
        org.activity("card-auth-agent").script(org.ago(7), org.asOf, 40, "cards:authorizations:decide", d -> {
            DecisionFactory.deny(d, new java.util.SplittableRandom(d.epochSecond));
            d.reason = "velocity limit exceeded";
        });
        expect.add("DET-1", Result.FAIL, org.agent("card-auth-agent"), null, () -> {
            DecisionStats.Principal p = org.stats.principal("card-auth-agent");
            return "deny spike: " + p.deniesRecent + " denies in the last 7 days against " + p.deniesBefore
                    + " in the 83 days before";
        });
        Activity drafter = org.activity("marketing-email-drafter");
        drafter.scopes.remove("crm:contacts:read");
        org.cred("marketing-email-drafter", 1).scopes = List.of("dam:assets:read");
        drafter.script(org.ago(6), org.ago(1), 15, "crm:contacts:read", d -> { });
        expect.fail("DET-1", org.agent("marketing-email-drafter"), "new tool crm: used only in the last 7 days "
                + "of the window, never before");

        Activity triage = org.activity("ticket-triage");
        triage.denyDayChance = 0;
        triage.every(5, 2, d -> DecisionFactory.deny(d, new java.util.SplittableRandom(d.epochSecond)));
        expect.add("DET-1", Result.PASS, org.agent("ticket-triage"), null, () -> {
            DecisionStats.Principal p = org.stats.principal("ticket-triage");
            return p.deniesRecent + " denies in the last 7 days, but at its usual rate (" + p.deniesBefore
                    + " in the 83 days before)";
        });
        Activity scaler = org.activity("k8s-autoscaler");
        scaler.denyDayChance = 0;
        scaler.script(org.ago(7), org.asOf, 6, "k8s:nodes:scale",
                d -> DecisionFactory.deny(d, new java.util.SplittableRandom(d.epochSecond)));
        expect.pass("DET-1", org.agent("k8s-autoscaler"), "6 denies in the last 7 days (none before): a rise, "
                + "but fewer than 10");
    }

    private void humanUse() {
        CredentialSpec token = org.cred("support-summarizer", 0);
        org.activity("support-summarizer").every(25, 7, d -> {
            d.userAgent = BROWSER;
            d.credential = token;
        });
        CredentialSpec mfa = org.cred("mfa-reset-assistant", 0);
        org.activity("mfa-reset-assistant").every(10, 4, d -> {
            d.interactive = true;
            d.userAgent = "steward-console/2.3 (operator session)";
            d.credential = mfa;
        });
        expect.fail("HUM-1", token, "used from a browser (Safari user agent) in some decisions")
                .fail("HUM-1", mfa, "decisions marked interactive (operator console session)")
                .pass("HUM-1", org.cred("invoice-bot", 0), "only agent runtimes, never interactive");
    }

    private void share(String check, String agentId, Result result, String what) {
        expect.add(check, result, org.agent(agentId), result == Result.PARTIAL ? () -> DecisionStats.round(
                check.equals("AUT-3") ? org.stats.principal(agentId).policyShare()
                        : org.stats.principal(agentId).completeShare()) : null, () -> {
                    DecisionStats.Principal p = org.stats.principal(agentId);
                    long ok = check.equals("AUT-3") ? p.withPolicy : p.complete;
                    return DecisionStats.percent((double) ok / p.total) + " of " + p.total + " " + what;
                });
    }

    private void approvalShare(String agentId, Result result) {
        expect.add("AUT-4", result, org.agent(agentId),
                result == Result.PARTIAL ? () -> DecisionStats.round(org.stats.principal(agentId).approvedShare()) : null,
                () -> {
                    DecisionStats.Principal p = org.stats.principal(agentId);
                    return p.highRiskApproved + " of " + p.highRiskAllowed + " allowed high-risk actions carry an approval";
                });
    }
}
