package dev.steward.ingest.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.evidence.CredentialRecord;
import dev.steward.ingest.DecisionLine;
import dev.steward.ingest.Problem;
import dev.steward.testing.SourceConfigs;
import dev.steward.testing.SourceHarness;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Vault audit logs: request/response pairs, principals, tokens in use and issued, odd entries. */
class VaultAdapterTest {

    private final VaultAdapter vault = new VaultAdapter(SourceConfigs.vault());

    private static String auth(String accessor, String display, String extra) {
        return "\"auth\":{\"client_token\":\"hmac-sha256:tok-" + accessor + "\",\"accessor\":\"hmac-sha256:" + accessor
                + "\",\"display_name\":\"" + display + "\",\"policies\":[\"default\",\"pay-read\"],"
                + "\"token_policies\":[\"default\",\"pay-read\"],\"entity_id\":\"ent-1\",\"token_type\":\"service\","
                + "\"token_ttl\":3600,\"token_issue_time\":\"2026-10-02T09:30:00-05:00\"" + extra + "}";
    }

    private static String entry(String type, String time, String id, String auth, String path, String error, String response) {
        return "{\"time\":\"" + time + "\",\"type\":\"" + type + "\"," + auth + ",\"request\":{"
                + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"operation\":\"read\",\"mount_type\":\"kv\","
                + "\"namespace\":{\"id\":\"root\"},\"path\":\"" + path + "\",\"remote_address\":\"10.0.0.1\","
                + "\"headers\":{\"user-agent\":[\"vault-agent/1.15\"]}}"
                + (response == null ? "" : ",\"response\":" + response)
                + (error == null ? "" : ",\"error\":\"" + error + "\"") + "}";
    }

    @Test
    void aRequestAndItsResponseMakeOneDecisionWithTheTokenAsCredential() {
        String a = auth("acc-1", "oidc-ana@example.com", "");
        SourceHarness h = new SourceHarness().run(vault, "audit.log", String.join("\n",
                entry("request", "2026-10-02T15:00:00.1Z", "r1", a, "secret/data/pay/db", null, null),
                entry("response", "2026-10-02T15:00:00.2Z", "r1", a, "secret/data/pay/db", null, "{\"mount_type\":\"kv\"}"),
                entry("request", "2026-10-02T15:01:00Z", "r2", a, "secret/data/hr/db", "permission denied", null),
                entry("response", "2026-10-02T15:01:00.1Z", "r2", a, "secret/data/hr/db",
                        "1 error occurred:\\n\\t* permission denied\\n\\n", "{}")) + "\n");

        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).extracting(DecisionLine::id, DecisionLine::allowed, DecisionLine::resource,
                        DecisionLine::reason, DecisionLine::line)
                .containsExactly(tuple("r1", true, "secret/data/pay/db", null, 1L),
                        tuple("r2", false, "secret/data/hr/db", "1 error occurred: * permission denied", 3L));
        DecisionLine d = h.decisions.get(0);
        assertThat(d.agent()).isEqualTo("oidc-ana@example.com");
        assertThat(d.credential()).isEqualTo("hmac-sha256:acc-1");
        assertThat(d.tool()).isEqualTo("vault");
        assertThat(d.action()).isEqualTo("read");
        assertThat(d.interactive()).as("oidc- is a human auth method").isTrue();
        assertThat(d.userAgent()).isEqualTo("vault-agent/1.15");
        assertThat(d.time()).isEqualTo(Instant.parse("2026-10-02T15:00:00.2Z"));

        CredentialRecord token = h.credential("hmac-sha256:acc-1");
        assertThat(token.type()).isEqualTo("token");
        assertThat(token.holders()).containsExactly("oidc-ana@example.com");
        assertThat(token.scopes()).containsExactly("default", "pay-read");
        assertThat(token.ttlSeconds()).isEqualTo(3600);
        assertThat(token.createdAt()).isEqualTo(Instant.parse("2026-10-02T14:30:00Z"));
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-10-02T15:30:00Z"));
        assertThat(token.lastUsedAt()).isEqualTo(Instant.parse("2026-10-02T15:01:00.1Z"));
        assertThat(token.source().line()).isEqualTo(1);
    }

    @Test
    void aTokenIssuedByAResponseIsACredentialButARenewalIsNot() {
        String caller = auth("acc-1", "approle", ",\"metadata\":{\"role_name\":\"invoice-bot\"}");
        String created = entry("response", "2026-10-02T15:00:00Z", "c1", caller, "auth/token/create", null,
                "{\"auth\":{\"client_token\":\"hmac-sha256:new\",\"accessor\":\"hmac-sha256:acc-new\","
                        + "\"display_name\":\"token\",\"token_policies\":[\"root\"],\"entity_id\":\"\",\"token_ttl\":86400}}");
        String renewed = entry("response", "2026-10-02T16:00:00Z", "c2", caller, "auth/token/renew-self", null,
                "{\"auth\":{\"client_token\":\"hmac-sha256:tok-acc-1\",\"accessor\":\"hmac-sha256:acc-1\",\"token_ttl\":3600}}");
        SourceHarness h = new SourceHarness().run(vault, "audit.log", created + "\n" + renewed + "\n");

        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).extracting(DecisionLine::agent).containsOnly("approle:invoice-bot");
        assertThat(h.credentials).extracting(CredentialRecord::id).containsExactlyInAnyOrder("hmac-sha256:acc-1",
                "hmac-sha256:acc-new");
        CredentialRecord minted = h.credential("hmac-sha256:acc-new");
        assertThat(minted.holders()).as("a child token without its own name belongs to its creator")
                .containsExactly("approle:invoice-bot");
        assertThat(minted.scopes()).containsExactly("root");
        assertThat(minted.createdAt()).isEqualTo(Instant.parse("2026-10-02T15:00:00Z"));
        assertThat(minted.expiresAt()).isEqualTo(Instant.parse("2026-10-03T15:00:00Z"));
        assertThat(minted.location()).isEqualTo("auth/token/create");
        assertThat(h.attributes.get("hmac-sha256:acc-new")).contains("\"issuedInLog\":true");
    }

    @Test
    void principalRulesAndTheEntityIdMode() {
        String k8s = auth("acc-2", "kubernetes-pay-invoice-bot",
                ",\"metadata\":{\"service_account_namespace\":\"pay\",\"service_account_name\":\"invoice-bot\"}");
        String generic = auth("acc-3", "token", "");
        String lines = entry("request", "2026-10-02T15:00:00Z", null, k8s, "p", null, null) + "\n"
                + entry("request", "2026-10-02T15:00:00Z", null, generic, "p", null, null) + "\n";
        assertThat(new SourceHarness().run(vault, "a.log", lines).decisions).extracting(DecisionLine::agent)
                .containsExactly("system:serviceaccount:pay:invoice-bot", "entity:ent-1");
        assertThat(new SourceHarness().run(new VaultAdapter(SourceConfigs.vault("entity-id")), "a.log", lines).decisions)
                .extracting(DecisionLine::agent).containsExactly("entity:ent-1", "entity:ent-1");
    }

    @Test
    void prettyEntriesOneAfterAnotherAndUnpairedRequestsAreRead() {
        String a = auth("acc-1", "svc", "");
        String pretty = entry("request", "2026-10-02T15:00:00Z", "p1", a, "kv/x", null, null).replace(",", ",\n  ")
                + "\n" + "{\"time\":\"2026-10-02T15:00:01Z\",\"type\":\"kmip-request\",\"request\":{\"id\":\"k\"}}\n";
        SourceHarness h = new SourceHarness().run(vault, "docs.json", pretty);
        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).singleElement().satisfies(d -> {
            assertThat(d.id()).isEqualTo("p1");
            assertThat(d.line()).isEqualTo(1);
        });
        assertThat(h.warnings()).anySatisfy(w -> assertThat(w.value()).isEqualTo("kmip-request"));
    }

    @Test
    void badEntriesAreProblemsAndATokenInClearIsASecret() {
        String a = auth("acc-1", "svc", "");
        String clear = "{\"time\":\"2026-10-02T15:00:00Z\",\"type\":\"request\",\"auth\":{\"client_token\":\"hvs.CAESIJ"
                + "abcdefghijklmnop\",\"display_name\":\"svc\"},\"request\":{\"operation\":\"read\",\"path\":\"kv/y\"}}";
        SourceHarness h = new SourceHarness().run(vault, "bad.log", String.join("\n",
                entry("request", "last week", "b1", a, "kv/x", null, null),
                "{\"type\":\"request\",\"request\":{\"id\":\"b2\"}}",
                "{\"time\":\"2026-10-02T15:00:00Z\",\"type\":\"request\",\"auth\":{},\"request\":{\"path\":\"sys/health\"}}",
                clear) + "\n");

        assertThat(h.errors()).extracting(Problem::line, Problem::field, Problem::value)
                .containsExactly(tuple(1L, "time", "last week"), tuple(2L, "time", null));
        assertThat(h.warnings()).anySatisfy(w -> {
            assertThat(w.line()).isEqualTo(3);
            assertThat(w.reason()).contains("name no principal");
        });
        assertThat(h.decisions).singleElement().satisfies(d -> {
            assertThat(d.agent()).isEqualTo("svc");
            assertThat(d.credential()).as("a clear token is never an id").isNull();
        });
        assertThat(h.secrets).containsExactly("vault-token@auth.client_token");
        assertThat(h.problems.listed().toString()).doesNotContain("hvs.CAES");
    }

    @Test
    void detectionNeedsRequestResponseEntries() {
        String a = auth("acc-1", "svc", "");
        assertThat(vault.detect("audit.log", entry("request", "2026-10-02T15:00:00Z", "r", a, "p", null, null))).isTrue();
        assertThat(vault.detect("x.json", "{\"type\":\"request\",\"body\":\"{}\"}")).isFalse();
    }
}
