package dev.steward.sampledata;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.steward.testing.Csv;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-written escapers produce values that real parsers read back unchanged. */
class TextTest {

    static final List<String> TRICKY = List.of("plain value", "yes", "null", "123", "#pay-alerts", "a: b",
            "erp:invoices:read", "say \"hi\"", "back\\slash", "tab\tand\nnewline", "Rosa Martínez", "- dash", "*",
            "[x]", "{y}", "trailing ", "O'Brien", "\u0001control");

    @Test
    void yamlScalarsAndListsReadBackUnchanged() throws Exception {
        StringBuilder doc = new StringBuilder();
        for (int i = 0; i < TRICKY.size(); i++) {
            doc.append("k").append(i).append(": ").append(Text.yaml(TRICKY.get(i))).append('\n');
        }
        doc.append("list: ").append(Text.yamlList(TRICKY)).append('\n').append("nothing: ").append(Text.yaml(null));
        JsonNode node = new YAMLMapper().readTree(doc.toString());
        for (int i = 0; i < TRICKY.size(); i++) {
            assertThat(node.get("k" + i).asText()).isEqualTo(TRICKY.get(i));
            assertThat(node.get("list").get(i).asText()).isEqualTo(TRICKY.get(i));
        }
        assertThat(node.get("nothing").isNull()).isTrue();
        assertThat(Text.yaml("invoice-bot")).isEqualTo("invoice-bot");
    }

    @Test
    void jsonStringsReadBackUnchanged() throws Exception {
        for (String s : TRICKY) {
            assertThat(new ObjectMapper().readTree(Text.json(s)).asText()).isEqualTo(s);
        }
    }

    @Test
    void csvQuotesOnlyWhenNeededAndDoublesQuotes() {
        assertThat(Text.csv("Ana Silva")).isEqualTo("Ana Silva");
        assertThat(Text.csv("Chidi Okonkwo, Jr.")).isEqualTo("\"Chidi Okonkwo, Jr.\"");
        assertThat(Text.csv("Dana \"DJ\" Kowalski")).isEqualTo("\"Dana \"\"DJ\"\" Kowalski\"");
        assertThat(Text.csv("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Text.csv(null)).isEmpty();
        assertThat(Csv.parse(Text.csv("a,\"b\"") + "," + Text.csv("c") + "\r\n")).containsExactly(List.of("a,\"b\"", "c"));
    }

    @Test
    void timesAreRfc3339UtcWithBareDatesAtMidnight() {
        assertThat(Text.time(Instant.parse("2026-11-01T00:00:00Z"))).isEqualTo("2026-11-01");
        assertThat(Text.time(Instant.parse("2026-10-02T10:04:05Z"))).isEqualTo("2026-10-02T10:04:05Z");
        assertThat(Text.timestamp(Instant.parse("2026-08-03T00:00:00Z").getEpochSecond())).isEqualTo("2026-08-03T00:00:00Z");
        assertThat(Text.time(null)).isEqualTo("null");
    }
}
