package dev.steward.ingest.agentcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.ingest.Problem;
import dev.steward.testing.SourceConfigs;
import dev.steward.testing.SourceHarness;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A2A cards (v0.3 and v1), MCP server.json (both shapes) and tools/list as declared agents, tools and auth. */
class AgentCardAdapterTest {

    private final AgentCardAdapter cards = new AgentCardAdapter(SourceConfigs.agentCard("Acme Corp"));

    private static final String V03 = """
            {"protocolVersion":"0.3.0","name":"Invoice agent","url":"https://agents.acme.example/invoice",
             "provider":{"organization":"Acme Corp"},"version":"1.2.0","capabilities":{"streaming":true},
             "securitySchemes":{"key":{"type":"apiKey","in":"header","name":"X-Key"},
                                "corp":{"type":"openIdConnect","openIdConnectUrl":"https://idp/.well-known/openid-configuration"}},
             "security":[{"corp":["invoices.read"]}],
             "defaultInputModes":["text/plain"],"defaultOutputModes":["text/plain"],
             "skills":[{"id":"reconcile","name":"Reconcile"},{"id":"send-reminder","name":"Remind"}]}
            """;

    private static final String V1 = """
            {"name":"Route planner","supportedInterfaces":[{"url":"https://geo.vendor.example/a2a","protocolBinding":"JSONRPC",
             "protocolVersion":"1.0"}],"provider":{"organization":"Vendor Inc"},
             "securitySchemes":{"mtls":{"mtlsSecurityScheme":{}},"basic":{"httpAuthSecurityScheme":{"scheme":"Basic"}}},
             "skills":[{"id":"route"}],"signatures":[{"protected":"x","signature":"y"}]}
            """;

    @Test
    void a2aCardsOfBothVersionsAreAgentsWithSkillsAsToolsAndTheirAuthAsIdentity() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("invoice-agent-card.json", V03);
        files.put("route-agent-card.json", V1);
        SourceHarness h = new SourceHarness().run(cards, files);

        assertThat(h.errors()).isEmpty();
        assertThat(h.agents).extracting(AgentRecord::id, AgentRecord::identityType, AgentRecord::vendor)
                .containsExactly(tuple("https://agents.acme.example/invoice", "oidc", null),
                        tuple("https://geo.vendor.example/a2a", "mtls", "Vendor Inc"));
        AgentRecord invoice = h.agent("https://agents.acme.example/invoice");
        assertThat(invoice.name()).isEqualTo("Invoice agent");
        assertThat(invoice.tools()).containsExactly("reconcile", "send-reminder");
        assertThat(h.attributes.get(invoice.id())).contains("\"corp\":\"openidconnect\"").contains("\"signed\":false");
        assertThat(h.attributes.get("https://geo.vendor.example/a2a")).contains("\"signed\":true")
                .contains("\"basic\":\"http-basic\"");
        assertThat(h.scope).isEqualTo("agent-cards");
    }

    @Test
    void mcpServerManifestsDeclareSecretInputsAsCredentials() {
        String july = """
                {"name":"io.example/db","description":"db","version_detail":{"version":"3.1.0"},
                 "packages":[{"registry_name":"docker","name":"mcp/db","version":"3.1.0","environment_variables":[
                   {"name":"DB_USERNAME","is_required":true},{"name":"DB_PASSWORD","is_required":true,"is_secret":true}]}]}
                """;
        String december = """
                {"$schema":"https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json",
                 "name":"io.example/weather","title":"Weather","version":"2.1.0",
                 "remotes":[{"type":"streamable-http","url":"https://{host}/mcp","headers":[{"name":"Authorization","isSecret":true}]}]}
                """;
        Map<String, String> files = new LinkedHashMap<>();
        files.put("db/server.json", july);
        files.put("weather/server.json", december);
        SourceHarness h = new SourceHarness().run(cards, files);

        assertThat(h.errors()).isEmpty();
        assertThat(h.agents).extracting(AgentRecord::id, AgentRecord::name, AgentRecord::identityType)
                .containsExactly(tuple("io.example/db", "io.example/db", "api-key"),
                        tuple("io.example/weather", "Weather", "api-key"));
        assertThat(h.credentials).extracting(CredentialRecord::id, CredentialRecord::type, CredentialRecord::storage)
                .containsExactly(tuple("io.example/db#env:DB_PASSWORD", "password", "env-var"),
                        tuple("io.example/weather#header:Authorization", "token", "unknown"));
        CredentialRecord db = h.credential("io.example/db#env:DB_PASSWORD");
        assertThat(db.holders()).containsExactly("io.example/db");
        assertThat(db.location()).isEqualTo("env:DB_PASSWORD of docker:mcp/db");
        assertThat(h.secrets).as("a declared variable name is not a secret value").isEmpty();
    }

    @Test
    void aToolsListNamesTheServerFromSourceAndOtherMessagesAreErrors() {
        String list = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[{\"name\":\"get_weather\"},{\"name\":\"alerts\"}]}}";
        SourceHarness named = new SourceHarness("io.example/weather").run(cards, "tools.json", list);
        assertThat(named.errors()).isEmpty();
        assertThat(named.agent("io.example/weather").tools()).containsExactly("get_weather", "alerts");

        SourceHarness unnamed = new SourceHarness().run(cards, "weather-tools.json", list);
        assertThat(unnamed.agents).extracting(AgentRecord::id).containsExactly("mcp-server:weather-tools");
        assertThat(unnamed.warnings()).anySatisfy(w -> assertThat(w.reason()).contains("--source"));

        SourceHarness call = new SourceHarness().run(cards, "call.json",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get_weather\"}}");
        assertThat(call.errors()).extracting(Problem::field, Problem::value).containsExactly(tuple(null, "tools/call"));
        assertThat(call.errors().get(0).reason()).contains("protocol message");
    }

    @Test
    void theSameAgentDeclaredTwiceIsKeptOnceWithAWarning() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("v03.json", V03);
        files.put("v1.json", V03.replace("\"protocolVersion\":\"0.3.0\"", "\"protocolVersion\":\"1.0\"")
                .replace("\"send-reminder\"", "\"escalate\""));
        SourceHarness h = new SourceHarness().run(cards, files);
        assertThat(h.errors()).isEmpty();
        assertThat(h.agents).singleElement().satisfies(a -> {
            assertThat(a.tools()).containsExactly("reconcile", "escalate");
            assertThat(a.source().file()).isEqualTo("v1.json");
        });
        assertThat(h.warnings()).anySatisfy(w -> assertThat(w.reason()).contains("declared again (first at v03.json:1)"));
        assertThat(h.scope).isEqualTo("agent-card:https://agents.acme.example/invoice");
    }

    @Test
    void detectionIgnoresSchemasOfTheSameFormats() {
        assertThat(cards.detect("card.json", V03)).isTrue();
        assertThat(cards.detect("schema.json", "{\"definitions\":{\"AgentCard\":{\"properties\":{\"skills\":{\"type\":"
                + "\"array\"},\"url\":{\"type\":\"string\"},\"name\":{\"type\":\"string\"}}}}}")).isFalse();
    }
}
