package dev.steward.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The low-level readers: line and CSV parsing, gzip and BOM handling, time formats. */
class ReadersTest {

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void linesHandleCrLfAndCountLines() throws Exception {
        LineReader r = new LineReader("f", bytes("a\r\nb\n\nc"), 100);
        assertThat(r.next()).isEqualTo("a");
        assertThat(r.next()).isEqualTo("b");
        assertThat(r.next()).isEmpty();
        assertThat(r.next()).isEqualTo("c");
        assertThat(r.lineNumber()).isEqualTo(4);
        assertThat(r.next()).isNull();
    }

    @Test
    void anOverlongLineIsAClearErrorNamingFileLineAndLimit() throws Exception {
        LineReader r = new LineReader("huge.jsonl", bytes("ok\n" + "x".repeat(101) + "\n"), 100);
        r.next();
        assertThatThrownBy(r::next).isInstanceOf(IngestException.class)
                .hasMessage("huge.jsonl:2: line longer than 100 bytes (steward.ingest.max-line-bytes)");
    }

    @Test
    void csvFollowsRfc4180() throws Exception {
        CsvReader r = new CsvReader("people.csv", bytes("id,name,note\r\np-1,\"Silva, Ana\",\"said \"\"hi\"\"\nthen left\"\n\np-2,Bob,\n"), 1000);
        assertThat(r.next()).containsExactly("id", "name", "note");
        assertThat(r.next()).containsExactly("p-1", "Silva, Ana", "said \"hi\"\nthen left");
        assertThat(r.recordLine()).isEqualTo(2);
        assertThat(r.next()).containsExactly("p-2", "Bob", "");
        assertThat(r.recordLine()).isEqualTo(5);
        assertThat(r.next()).isNull();
    }

    @Test
    void anUnclosedQuoteIsReportedWithTheRecordLine() throws Exception {
        CsvReader r = new CsvReader("agents.csv", bytes("id\n\"broken\n"), 1000);
        r.next();
        assertThatThrownBy(r::next).hasMessage("agents.csv:2: quoted field is never closed");
    }

    @Test
    void gzipIsDetectedByContentAndTheBomIsSkipped() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            gz.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            gz.write("{\"a\":1}\n".getBytes(StandardCharsets.UTF_8));
        }
        InputStream in = BoundedInput.open("no-extension", new ByteArrayInputStream(buf.toByteArray()), new TestLimits());
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}\n");
    }

    @Test
    void aGzipBombStopsAtTheRatioLimit() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(buf)) {
            byte[] newlines = new byte[1 << 20];
            java.util.Arrays.fill(newlines, (byte) '\n');
            for (int i = 0; i < 64; i++) {
                gz.write(newlines);
            }
        }
        InputStream in = BoundedInput.open("bomb.jsonl.gz", new ByteArrayInputStream(buf.toByteArray()), new TestLimits());
        assertThatThrownBy(() -> in.transferTo(java.io.OutputStream.nullOutputStream()))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("bomb.jsonl.gz: compression ratio exceeds 200:1")
                .hasMessageContaining("steward.ingest.max-compression-ratio");
    }

    @Test
    void timesAcceptRfc3339WithAnyOffsetAndBareDates() {
        assertThat(Times.parse("2026-11-01")).contains(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(Times.parse("2026-11-01T02:30:00+02:00")).contains(Instant.parse("2026-11-01T00:30:00Z"));
        assertThat(Times.parse("2026-11-01T00:30:00.123456Z")).contains(Instant.parse("2026-11-01T00:30:00.123456Z"));
        assertThat(Times.parse("2026-11-01 00:30:00+0530")).contains(Instant.parse("2026-10-31T19:00:00Z"));
        assertThat(Times.parse("01/11/2026")).isEmpty();
        assertThat(Times.parse("2026-13-01")).isEmpty();
        assertThat(Times.parse(null)).isEmpty();
    }

    @Test
    void fileRolesFollowNamesAndContent() throws Exception {
        var files = new dev.steward.testing.TestFiles();
        TestLimits limits = new TestLimits();
        assertThat(FileRole.of(InputFile.of(files.write("x.yaml", "a: 1")), limits)).isEqualTo(FileRole.YAML_DOCUMENT);
        assertThat(FileRole.of(InputFile.of(files.gzip("d.jsonl.gz", "{}")), limits)).isEqualTo(FileRole.DECISIONS);
        assertThat(FileRole.of(InputFile.of(files.write("log.json",
                "{\"time\":\"2026-10-01\",\"decision\":\"allow\",\"agent\":\"a\"}\n")), limits)).isEqualTo(FileRole.DECISIONS);
        assertThat(FileRole.of(InputFile.of(files.write("inv.json", "{\"apiVersion\":\"steward/v1\"}")), limits))
                .isEqualTo(FileRole.JSON_DOCUMENT);
        assertThat(FileRole.of(InputFile.of(files.write("agents-2026.csv", "id")), limits)).isEqualTo(FileRole.SECTION_CSV);
        assertThatThrownBy(() -> FileRole.of(InputFile.of(files.write("stuff.csv", "id")), limits))
                .hasMessageContaining("stuff.csv: cannot tell which section");
        assertThatThrownBy(() -> FileRole.of(InputFile.of(files.write("notes.txt", "")), limits))
                .hasMessageContaining("notes.txt: unknown file type");
    }

    @Test
    void anOversizedUploadIsRefusedBeforeReading() {
        var files = new dev.steward.testing.TestFiles();
        TestLimits limits = new TestLimits();
        limits.maxUploadBytes = 10;
        var request = IngestRequest.of(List.of(InputFile.of(files.write("d.jsonl", "{\"decision\":\"allow\"}\n"))));
        assertThatThrownBy(() -> Plan.of(request, limits))
                .isInstanceOf(IngestException.class)
                .hasMessage("upload of 21 bytes exceeds 10 bytes (steward.ingest.max-upload-bytes)")
                .matches(e -> ((IngestException) e).tooLarge());
    }
}
