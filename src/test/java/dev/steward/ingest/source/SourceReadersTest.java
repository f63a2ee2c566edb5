package dev.steward.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.ingest.Problem;
import dev.steward.ingest.Problems;
import dev.steward.testing.DefaultLimits;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The shared source readers: every JSON encoding sources write, record lines, times as sources write them. */
class SourceReadersTest {

    private record Seen(String container, String id, long line) {
    }

    private static List<Seen> read(String text, boolean yaml, Problems problems, List<String> wrapper) throws Exception {
        List<Seen> seen = new ArrayList<>();
        new JsonRecords(new DefaultLimits(), Set.of("Records", "items")).read("f", new ByteArrayInputStream(
                text.getBytes(StandardCharsets.UTF_8)), yaml, problems, new JsonRecords.Handler() {
                    @Override
                    public void record(String container, com.fasterxml.jackson.databind.node.ObjectNode r, long line) {
                        seen.add(new Seen(container, r.path("id").asText(), line));
                    }

                    @Override
                    public void wrapperFields(com.fasterxml.jackson.databind.node.ObjectNode fields, long line) {
                        wrapper.add(fields.toString());
                    }
                });
        return seen;
    }

    @Test
    void everyEncodingGivesRecordsWithTheLineTheyStartOn() throws Exception {
        Problems p = new Problems(100);
        List<String> wrapper = new ArrayList<>();
        assertThat(read("{\"id\":\"a\"}\r\n\n{\"id\":\"b\"}\n", false, p, wrapper))
                .extracting(Seen::id, Seen::line).containsExactly(tuple("a", 1L), tuple("b", 3L));
        assertThat(read("{\n  \"id\": \"a\"\n}\n{\n  \"id\": \"b\",\n}\n", false, p, wrapper))
                .as("pretty objects one after another, a trailing comma tolerated")
                .extracting(Seen::id, Seen::line).containsExactly(tuple("a", 1L), tuple("b", 4L));
        assertThat(read("[\n {\"id\":\"a\"},\n {\"id\":\"b\"}\n]", false, p, wrapper))
                .extracting(Seen::id, Seen::line).containsExactly(tuple("a", 2L), tuple("b", 3L));
        assertThat(read("{\"Records\":[{\"id\":\"a\"},{\"id\":\"b\"}],\"digest\":\"x\"}", false, p, wrapper))
                .extracting(Seen::container, Seen::id).containsExactly(tuple("Records", "a"), tuple("Records", "b"));
        assertThat(wrapper).containsExactly("{\"digest\":\"x\"}");
        assertThat(read("web_1  | {\"id\":\"a\"}\nweb_1  | {\"id\":\"b\"}\n", false, p, wrapper))
                .as("docker compose prefixes").extracting(Seen::id).containsExactly("a", "b");
        assertThat(read("kind: List\nitems:\n- id: a\n- id: b\n---\nid: c\n", true, p, wrapper))
                .extracting(Seen::container, Seen::id, Seen::line)
                .containsExactly(tuple("items", "a", 3L), tuple("items", "b", 4L), tuple(null, "c", 6L));
        assertThat(p.listed()).isEmpty();
    }

    @Test
    void aBadJsonLineIsAProblemAndTheNextLinesAreStillRead() throws Exception {
        Problems p = new Problems(100);
        assertThat(read("{\"id\":\"a\"}\n{\"id\":\n[1,2]\n{\"id\":\"d\"}\n", false, p, new ArrayList<>()))
                .extracting(Seen::id).containsExactly("a", "d");
        assertThat(p.listed()).extracting(Problem::line).containsExactly(2L, 3L);
        assertThat(p.listed().get(0).reason()).startsWith("not valid JSON");
        assertThat(p.listed().get(1).reason()).isEqualTo("expected one JSON object per line");
    }

    @Test
    void aSyntaxErrorInADocumentEndsTheFileWithItsLine() throws Exception {
        Problems p = new Problems(100);
        assertThat(read("[\n {\"id\":\"a\"},\n {\"id\" \"b\"}\n]", false, p, new ArrayList<>())).extracting(Seen::id)
                .containsExactly("a");
        assertThat(p.listed()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).startsWith("not valid JSON");
        });
    }

    @Test
    void timesAsSourcesWriteThem() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(SourceTimes.parse("2026-10-02T10:00:00.123456789Z")).contains(Instant.parse("2026-10-02T10:00:00.123456789Z"));
        assertThat(SourceTimes.parse("2020-05-28T13:40:18-05:00")).contains(Instant.parse("2020-05-28T18:40:18Z"));
        assertThat(SourceTimes.parse("2021-03-01T00:00:00-8:00")).contains(Instant.parse("2021-03-01T08:00:00Z"));
        assertThat(SourceTimes.parse("2021-09-07 20:37:30.642000+00:00")).contains(Instant.parse("2021-09-07T20:37:30.642Z"));
        assertThat(SourceTimes.parse("2019-05-07T15:35:54+0000")).contains(Instant.parse("2019-05-07T15:35:54Z"));
        assertThat(SourceTimes.parse("Oct 2, 2019, 11:12:29 PM")).contains(Instant.parse("2019-10-02T23:12:29Z"));
        assertThat(SourceTimes.parse("Mar 24, 2014 9:11:59 PM")).contains(Instant.parse("2014-03-24T21:11:59Z"));
        assertThat(SourceTimes.parse("1523307682")).contains(Instant.parse("2018-04-09T21:01:22Z"));
        assertThat(SourceTimes.parse(json.readTree("1726763566000"))).contains(Instant.parse("2024-09-19T16:32:46Z"));
        assertThat(SourceTimes.parse(json.readTree("1726763566000123"))).contains(Instant.parse("2024-09-19T16:32:46.000123Z"));
        assertThat(SourceTimes.parse(json.readTree("{\"seconds\":1764345747,\"nanos\":482449000}")))
                .contains(Instant.parse("2025-11-28T16:02:27.482449Z"));
        assertThat(SourceTimes.parse("yesterday")).isEmpty();
        assertThat(SourceTimes.parse("2026-13-45T00:00:00Z")).isEmpty();
        assertThat(SourceTimes.parse((String) null)).isEmpty();
    }

    @Test
    void pointersTakeTheFirstValueFoundAndTemplatesWrapIt() throws Exception {
        var event = new ObjectMapper().readTree("{\"input\":{\"a\":\"\",\"b\":{\"c\":\"x\"},\"path\":[\"v1\",\"pay\"],"
                + "\"chain\":[\"p1\",\"p2\"]}}");
        assertThat(Pointers.of(List.of("/input/a", "id:{/input/b/c}")).text(event)).isEqualTo("id:x");
        assertThat(Pointers.of(List.of("/input/path")).text(event)).isEqualTo("v1/pay");
        assertThat(Pointers.of(List.of("/input/none", "/input/chain")).list(event)).containsExactly("p1", "p2");
        assertThat(Pointers.of(List.of("/input/none")).text(event)).isNull();
    }
}
