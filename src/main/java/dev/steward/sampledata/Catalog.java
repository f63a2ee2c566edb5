package dev.steward.sampledata;

import java.util.List;
import java.util.Map;

/**
 * The fictional organisation's fixed vocabulary: teams, people and the agent catalogue (id, name, autonomy,
 * environment, team, owner, backup owner, grants). Curated mode uses it as is; scale mode uses the agents as
 * templates. Grants read {@code tool:resource:verb}; none of the background grants is a wildcard or administrative.
 */
final class Catalog {

    private Catalog() {
    }

    /** Team, its alert channel and its ticket prefix. */
    record Team(String name, String alertChannel, String ticketPrefix) {
    }

    static final List<Team> TEAMS = List.of(
            new Team("payments", "#pay-alerts", "PAY"),
            new Team("identity", "#identity-oncall", "IDN"),
            new Team("data-platform", "#data-alerts", "DATA"),
            new Team("support", "#support-ops", "SUP"),
            new Team("marketing", "#mkt-ops", "MKT"),
            new Team("sre", "#sre-pager", "SRE"),
            new Team("finance", "#fin-systems", "FIN"),
            new Team("security", "#sec-alerts", "SEC"));

    static Team team(String name) {
        return TEAMS.stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown team " + name));
    }

    /** id, name, e-mail local part, team, manager, departed days before as-of ("" = active). */
    static final String[][] PEOPLE = {
        {"p-ana", "Ana Silva", "ana.silva", "payments", "p-ingrid", ""},
        {"p-bruno", "Bruno Costa", "bruno.costa", "payments", "p-ana", ""},
        {"p-carl", "Carl Jensen", "carl.jensen", "payments", "p-ana", ""},
        {"p-marco", "Marco Rossi", "marco.rossi", "payments", "p-ana", "73"},
        {"p-priya", "Priya Natarajan", "priya.natarajan", "payments", "p-ana", ""},
        {"p-dev", "Dev Patel", "dev.patel", "identity", "p-ingrid", ""},
        {"p-elena", "Elena Popescu", "elena.popescu", "identity", "p-dev", ""},
        {"p-farid", "Farid Haddad", "farid.haddad", "identity", "p-dev", ""},
        {"p-hana", "Hana Kobayashi", "hana.kobayashi", "identity", "p-dev", ""},
        {"p-ivan", "Ivan Petrov", "ivan.petrov", "identity", "p-dev", ""},
        {"p-jonas", "Jonas Weber", "jonas.weber", "data-platform", "p-ingrid", ""},
        {"p-kemi", "Kemi Adeyemi", "kemi.adeyemi", "data-platform", "p-jonas", ""},
        {"p-liam", "Liam O'Connor", "liam.oconnor", "data-platform", "p-jonas", ""},
        {"p-mei", "Mei Chen", "mei.chen", "data-platform", "p-jonas", ""},
        {"p-yuki", "Yuki Tanaka", "yuki.tanaka", "data-platform", "p-jonas", "184"},
        {"p-nadia", "Nadia Rahman", "nadia.rahman", "support", "p-victor", ""},
        {"p-oscar", "Oscar Lindqvist", "oscar.lindqvist", "support", "p-nadia", ""},
        {"p-lena", "Lena Fischer", "lena.fischer", "support", "p-nadia", "4"},
        {"p-paulo", "Paulo Mendes", "paulo.mendes", "support", "p-nadia", ""},
        {"p-quinn", "Quinn Murphy", "quinn.murphy", "support", "p-nadia", ""},
        {"p-rosa", "Rosa Martínez", "rosa.martinez", "marketing", "p-victor", ""},
        {"p-sam", "Sam Okafor", "sam.okafor", "marketing", "p-rosa", ""},
        {"p-tom", "Tom Becker", "tom.becker", "marketing", "p-rosa", "153"},
        {"p-uma", "Uma Iyer", "uma.iyer", "marketing", "p-rosa", ""},
        {"p-vera", "Vera Novak", "vera.novak", "marketing", "p-rosa", ""},
        {"p-ingrid", "Ingrid Larsen", "ingrid.larsen", "sre", "", ""},
        {"p-wes", "Wes Harper", "wes.harper", "sre", "p-ingrid", ""},
        {"p-xavi", "Xavier Dubois", "xavier.dubois", "sre", "p-ingrid", ""},
        {"p-zara", "Zara Ahmed", "zara.ahmed", "sre", "p-ingrid", ""},
        {"p-chidi", "Chidi Okonkwo, Jr.", "chidi.okonkwo", "sre", "p-ingrid", ""},
        {"p-victor", "Victor Hale", "victor.hale", "finance", "", ""},
        {"p-aoife", "Aoife O'Brien", "aoife.obrien", "finance", "p-victor", ""},
        {"p-bea", "Beatriz Gómez", "beatriz.gomez", "finance", "p-victor", ""},
        {"p-dana", "Dana \"DJ\" Kowalski", "dana.kowalski", "finance", "p-victor", ""},
        {"p-emil", "Emil Nordin", "emil.nordin", "finance", "p-victor", ""},
        {"p-grace", "Grace Liu", "grace.liu", "security", "p-ingrid", ""},
        {"p-hugo", "Hugo Moreau", "hugo.moreau", "security", "p-grace", ""},
        {"p-isla", "Isla Campbell", "isla.campbell", "security", "p-grace", ""},
        {"p-jae", "Kim Jae-won", "jaewon.kim", "security", "p-grace", ""},
        {"p-kofi", "Kofi Mensah", "kofi.mensah", "security", "p-grace", ""},
    };

    /** id, name, autonomy (A, S, H), environment, team, owner, backup owner, grants (space separated). */
    static final String[][] AGENTS = {
        {"invoice-bot", "Invoice reconciliation agent", "A", "prod", "payments", "p-ana", "p-carl", "erp:invoices:read erp:invoices:write mail:messages:send"},
        {"refund-agent", "Refund handling agent", "S", "prod", "payments", "p-bruno", "p-ana", "stripe:refunds:create stripe:charges:read zendesk:tickets:read"},
        {"settlement-recon", "Settlement reconciliation agent", "A", "prod", "payments", "p-marco", "p-priya", "bank:statements:read erp:ledger:read erp:ledger:write"},
        {"payout-scheduler", "Merchant payout scheduler", "S", "prod", "payments", "p-priya", "p-carl", "bank:payouts:create bank:balances:read erp:ledger:read"},
        {"card-auth-agent", "Card authorization risk agent", "A", "prod", "payments", "p-carl", "p-bruno", "cards:authorizations:read cards:authorizations:decide fraud:scores:read"},
        {"chargeback-agent", "Chargeback dispute assistant", "S", "prod", "payments", "p-bruno", "p-priya", "stripe:disputes:read stripe:disputes:respond docs:evidence:read"},
        {"wire-transfer-agent", "Wire transfer preparation agent", "H", "prod", "payments", "p-ana", "p-priya", "bank:wires:create bank:wires:read erp:vendors:read"},
        {"fraud-scorer", "Transaction fraud scorer", "A", "prod", "payments", "p-carl", "p-ana", "fraud:scores:write cards:authorizations:read kafka:payment-events:read"},
        {"payment-router", "Payment routing optimizer", "A", "staging", "payments", "p-priya", "p-carl", "psp:routes:read psp:routes:write metrics:payments:read"},
        {"legacy-invoice-bot", "Invoice bot v1 (replaced by invoice-bot)", "S", "prod", "payments", "p-ana", "p-carl", "erp:invoices:read mail:messages:send"},
        {"pay-test-harness", "Payments integration test harness", "A", "test", "payments", "p-bruno", "p-carl", "psp:sandbox:write erp:invoices:read"},
        {"access-reviewer", "Access review assistant", "S", "prod", "identity", "p-dev", "p-elena", "iga:certifications:read iga:certifications:write directory:groups:read"},
        {"kyc-screener", "KYC document screening agent", "A", "prod", "identity", "p-elena", "p-dev", "kyc:documents:read kyc:checks:write sanctions:lists:read"},
        {"scim-provisioner", "SCIM provisioning agent", "A", "prod", "identity", "p-farid", "p-dev", "directory:users:write directory:groups:write hris:employees:read"},
        {"mfa-reset-assistant", "MFA reset helpdesk assistant", "H", "prod", "identity", "p-hana", "p-farid", "directory:mfa:reset directory:users:read zendesk:tickets:read"},
        {"idp-sync", "IdP group sync", "A", "staging", "identity", "p-ivan", "p-hana", "directory:groups:read directory:groups:write okta:groups:read"},
        {"onboarding-agent", "Employee onboarding agent", "S", "prod", "identity", "p-elena", "p-hana", "hris:employees:read directory:users:write slack:channels:invite"},
        {"hr-assistant", "HR questions assistant", "S", "prod", "identity", "p-hana", "p-elena", "hris:employees:read hris:policies:read hris:salaries:read"},
        {"token-janitor", "Stale token cleanup job", "A", "dev", "identity", "p-ivan", "p-farid", "directory:tokens:read directory:tokens:revoke"},
        {"sso-config-checker", "SSO configuration checker", "H", "test", "identity", "p-farid", "p-ivan", "idp:apps:read idp:policies:read"},
        {"etl-orchestrator", "ETL orchestrator", "A", "prod", "data-platform", "p-jonas", "p-kemi", "airflow:dags:trigger s3:raw-zone:read snowflake:staging:write kafka:events:read snowflake:analytics:write"},
        {"warehouse-loader", "Warehouse loader", "A", "prod", "data-platform", "p-kemi", "p-jonas", "s3:curated-zone:read snowflake:analytics:write"},
        {"dbt-runner", "dbt model runner", "S", "staging", "data-platform", "p-liam", "p-mei", "snowflake:analytics:read snowflake:analytics:write git:dbt-models:read"},
        {"churn-predictor", "Customer churn predictor", "A", "prod", "data-platform", "p-zoe", "p-mei", "snowflake:analytics:read ml:models:predict crm:accounts:read"},
        {"data-exporter", "Partner data export agent", "S", "prod", "data-platform", "p-mei", "p-liam", "snowflake:analytics:read s3:exports:write sftp:partners:write snowflake:pii:read gdrive:files:write bigquery:datasets:read"},
        {"search-indexer", "Search index builder", "A", "staging", "data-platform", "p-liam", "p-kemi", "elastic:indices:write postgres:catalog:read"},
        {"feature-store-sync", "Feature store sync", "A", "dev", "data-platform", "p-kemi", "p-mei", "feast:features:write s3:curated-zone:read"},
        {"schema-migrator", "Schema migration assistant", "H", "staging", "data-platform", "p-jonas", "p-liam", "postgres:schemas:migrate git:migrations:read"},
        {"report-builder", "Board report builder", "S", "prod", "data-platform", "p-mei", "p-mei", "snowflake:analytics:read gdrive:reports:write"},
        {"export-agent", "Nightly export agent", "A", "prod", "data-platform", "p-liam", "p-jonas", "snowflake:analytics:read s3:exports:write"},
        {"test-data-seeder", "Test data seeder", "A", "test", "data-platform", "p-kemi", "p-liam", "postgres:test-fixtures:write s3:test-data:read"},
        {"ticket-triage", "Ticket triage agent", "A", "prod", "support", "p-nadia", "p-oscar", "zendesk:tickets:read zendesk:tickets:tag"},
        {"faq-responder", "FAQ auto-responder", "S", "prod", "support", "p-lena", "p-oscar", "zendesk:tickets:reply kb:articles:read"},
        {"support-summarizer", "Conversation summarizer", "S", "prod", "support", "p-oscar", "p-nadia", "zendesk:tickets:read zendesk:comments:write kb:articles:read slack:messages:post"},
        {"ticket-router", "Ticket routing agent", "A", "prod", "support", "p-paulo", "p-nadia", "zendesk:tickets:read zendesk:tickets:assign"},
        {"chat-concierge", "Website chat concierge", "S", "prod", "support", "p-quinn", "p-paulo", "intercom:conversations:reply kb:articles:read orders:status:read"},
        {"sentiment-tagger", "Sentiment tagger", "A", "staging", "support", "p-paulo", "p-quinn", "zendesk:tickets:read zendesk:tickets:tag"},
        {"escalation-agent", "Escalation assistant", "H", "prod", "support", "p-nadia", "p-quinn", "zendesk:tickets:escalate pagerduty:incidents:create"},
        {"zendesk-answer-bot", "Zendesk AI answer bot", "S", "prod", "support", "p-oscar", "p-nadia", "zendesk:tickets:reply kb:articles:read"},
        {"kb-writer", "Knowledge base writer", "H", "dev", "support", "p-quinn", "p-oscar", "kb:articles:write kb:articles:read"},
        {"voice-transcriber", "Call transcriber", "A", "test", "support", "p-paulo", "p-oscar", "telephony:recordings:read s3:transcripts:write"},
        {"campaign-writer", "Campaign copywriter", "S", "prod", "marketing", "", "p-sam", "cms:campaigns:write dam:assets:read"},
        {"lead-scorer", "Lead scoring agent", "A", "prod", "marketing", "p-rosa", "p-uma", "crm:leads:read crm:leads:score"},
        {"ad-bidder", "Ad bid optimizer", "A", "prod", "marketing", "p-sam", "p-rosa", "ads:bids:write ads:reports:read"},
        {"social-listener", "Social media listener", "S", "prod", "marketing", "p-uma", "p-tom", "social:mentions:read crm:leads:read"},
        {"newsletter-bot", "Newsletter sender", "S", "prod", "marketing", "p-vera", "p-uma", "esp:campaigns:send esp:lists:read"},
        {"marketing-email-drafter", "Email draft assistant", "H", "prod", "marketing", "p-sam", "p-vera", "esp:templates:write dam:assets:read crm:contacts:read"},
        {"seo-auditor", "SEO auditor", "S", "dev", "marketing", "p-uma", "p-sam", "web:pages:read search-console:reports:read"},
        {"hubspot-copilot", "HubSpot Breeze copilot", "S", "prod", "marketing", "p-rosa", "p-vera", "crm:contacts:read crm:deals:read"},
        {"gong-call-analyzer", "Gong call analyzer", "A", "prod", "marketing", "p-rosa", "p-sam", "telephony:recordings:read crm:deals:write"},
        {"salesforce-einstein", "Salesforce Einstein agent", "S", "prod", "marketing", "p-vera", "p-rosa", "crm:accounts:read crm:opportunities:read"},
        {"web-researcher", "Market research agent", "S", "dev", "marketing", "p-vera", "p-sam", "search:web:query docs:briefs:write"},
        {"lead-scorer-v1", "Lead scoring agent v1 (decommissioned)", "A", "prod", "marketing", "p-rosa", "p-uma", "crm:leads:read crm:leads:score"},
        {"ops-copilot", "Ops copilot", "S", "prod", "sre", "p-wes", "p-ingrid", "*"},
        {"db-maintenance", "Database maintenance assistant", "H", "prod", "sre", "p-xavi", "p-wes", "postgres:cluster:admin postgres:backups:read"},
        {"infra-provisioner", "Infrastructure provisioner", "A", "prod", "sre", "p-zara", "p-xavi", "gcp:project:owner terraform:state:write"},
        {"incident-responder", "Incident auto-responder", "A", "prod", "sre", "p-wes", "p-zara", "pagerduty:incidents:ack k8s:deployments:rollback grafana:dashboards:read"},
        {"k8s-autoscaler", "Cluster autoscaler", "A", "prod", "sre", "p-xavi", "p-chidi", "k8s:nodes:scale metrics:cluster:read"},
        {"log-shipper", "Log shipper", "A", "prod", "sre", "p-chidi", "p-wes", "s3:logs:write kafka:logs:read"},
        {"cert-renewer", "Certificate renewer", "A", "staging", "sre", "p-zara", "p-chidi", "acme:certificates:issue k8s:tls-secrets:write"},
        {"chaos-runner", "Chaos experiment runner", "S", "test", "sre", "p-chidi", "p-xavi", "k8s:pods:delete chaos:experiments:run"},
        {"sandbox-explorer", "Sandbox explorer", "S", "dev", "sre", "p-ingrid", "p-wes", "sandbox:vms:create sandbox:vms:read"},
        {"backup-verifier", "Backup verifier", "A", "prod", "sre", "p-wes", "p-xavi", "s3:backups:read postgres:restore-test:write"},
        {"oncall-summarizer", "On-call handover summarizer", "H", "staging", "sre", "p-zara", "p-wes", "pagerduty:incidents:read slack:messages:post"},
        {"budget-forecaster", "Budget forecaster", "S", "prod", "finance", "p-aoife", "p-victor", "anaplan:models:read anaplan:models:write"},
        {"invoice-ocr", "Invoice OCR extractor", "A", "prod", "finance", "p-bea", "p-aoife", "s3:inbox:read erp:invoices:write"},
        {"expense-auditor", "Expense auditor", "S", "prod", "finance", "p-dana", "p-bea", "expenses:reports:read expenses:reports:flag erp:ledger:read"},
        {"finance-copilot", "Finance copilot", "S", "prod", "finance", "p-victor", "p-aoife", "erp:ledger:read erp:invoices:read anaplan:models:read"},
        {"procurement-agent", "Procurement agent", "S", "prod", "finance", "p-emil", "p-dana", "procurement:orders:create erp:vendors:read"},
        {"vendor-negotiator", "Vendor negotiation assistant", "S", "prod", "finance", "p-emil", "p-bea", "procurement:orders:create erp:vendors:read mail:messages:send"},
        {"cost-reporter", "Cloud cost reporter", "H", "prod", "finance", "p-bea", "p-emil", "billing:costs:read gsheets:reports:write"},
        {"docusign-agent", "DocuSign IAM agent", "S", "prod", "finance", "", "p-dana", "esign:envelopes:send esign:envelopes:read"},
        {"tax-calculator", "Tax calculator", "A", "staging", "finance", "p-dana", "p-oleg", "tax:rates:read erp:invoices:read"},
        {"ledger-close-agent", "Month-end close agent", "S", "prod", "finance", "p-aoife", "p-victor", "erp:ledger:read erp:journals:write"},
        {"pricing-simulator", "Pricing simulator", "S", "dev", "finance", "p-emil", "p-dana", "pricing:models:run pricing:scenarios:write"},
        {"vuln-scanner", "Vulnerability scanner", "A", "prod", "security", "p-hugo", "p-grace", "scanner:targets:scan jira:issues:create"},
        {"secret-rotator", "Secret rotation agent", "A", "prod", "security", "p-isla", "p-hugo", "vault:kv:rotate k8s:tls-secrets:write"},
        {"siem-triage", "SIEM alert triage", "S", "prod", "security", "p-jae", "p-isla", "siem:alerts:read siem:alerts:close jira:issues:create"},
        {"phishing-analyzer", "Phishing report analyzer", "S", "prod", "security", "p-kofi", "p-jae", "mail:reports:read urlscan:scans:create"},
        {"pentest-assistant", "Pentest assistant", "H", "test", "security", "p-hugo", "p-kofi", "scanner:targets:scan burp:projects:write"},
        {"dlp-monitor", "DLP monitor", "A", "prod", "security", "p-isla", "p-kofi", "gdrive:files:read dlp:incidents:write"},
        {"threat-intel-sync", "Threat intel feed sync", "A", "prod", "security", "p-grace", "p-jae", "ti:feeds:read siem:watchlists:write"},
    };

    /** Third-party agents: agent id to vendor. */
    static final Map<String, String> VENDORS = Map.of(
            "zendesk-answer-bot", "Zendesk",
            "hubspot-copilot", "HubSpot",
            "gong-call-analyzer", "Gong",
            "salesforce-einstein", "Salesforce",
            "docusign-agent", "DocuSign");

    /** Agent runtimes named in decision user agents (none is a browser). */
    static final List<String> USER_AGENTS = List.of(
            "steward-agent/1.4", "langgraph/0.2.60", "openai-agents-python/0.3.1", "spring-ai/1.0.2",
            "crewai/0.86.0", "semantic-kernel-dotnet/1.18.2", "aws-sdk-java/2.31.9", "python-httpx/0.27.2");
}
