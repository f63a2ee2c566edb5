package dev.steward.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.testing.DefaultLimits;
import dev.steward.testing.Sources;
import dev.steward.testing.TestFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Format resolution (auto, explicit, native) and the grouping of a folder into one upload per source. */
class SourceDetectionTest {

    private final SourceAdapters sources = Sources.all();
    private final IngestConfig limits = new DefaultLimits();
    private final TestFiles files = new TestFiles();

    private static final String OPA = "{\"decision_id\":\"d\",\"input\":{\"agent\":\"a\"},\"result\":true,"
            + "\"timestamp\":\"2026-10-02T10:00:00Z\"}\n";
    private static final String NATIVE = "{\"time\":\"2026-10-02T10:00:00Z\",\"agent\":\"a\",\"decision\":\"allow\"}\n";

    private Optional<String> format(String format, Path p) {
        return sources.resolve(format, InputFile.of(p), limits).map(SourceAdapter::format);
    }

    @Test
    void autoDetectsEachSourceFromContentAndLeavesNativeFilesToTheNativeReaders() {
        assertThat(format("auto", files.gzip("x.log.gz", OPA))).contains("opa");
        assertThat(format("auto", files.write("native.jsonl", NATIVE))).isEmpty();
        assertThat(format("auto", files.write("inv.json", "{\"apiVersion\":\"steward/v1\",\"kind\":\"Inventory\"}"))).isEmpty();
        assertThat(format("auto", files.write("agents.csv", "id\na1\n"))).isEmpty();
        assertThat(format("auto", files.write("report.csv", "user,arn,user_creation_time,password_enabled\n"))).contains("aws-iam");
        assertThat(format("auto", files.write("audit.log", "{\"kind\":\"Event\",\"auditID\":\"x\",\"verb\":\"get\"}\n")))
                .contains("k8s");
        assertThat(format("auto", files.write("rbac.yaml", "kind: ClusterRoleBinding\nmetadata: {name: x}\n"))).contains("k8s");
        assertThat(sources.resolve("auto", InputFile.of(files.write("audit.log", "{\"auditID\":\"x\"}")), limits)
                .map(SourceAdapter::kind)).contains(SourceAdapter.Kind.DECISIONS);
    }

    @Test
    void anExplicitFormatSkipsDetectionButMustFitWhenSeveralAdaptersShareIt() {
        assertThat(format("opa", files.write("weird.txt", "not even json"))).contains("opa");
        assertThat(format("native", files.write("o.jsonl", OPA))).isEmpty();
        assertThatThrownBy(() -> format("k8s", files.write("o2.jsonl", OPA))).isInstanceOf(IngestException.class)
                .hasMessageContaining("does not look like k8s");
        assertThatThrownBy(() -> format("auto", files.write("readme.md", "# hello"))).isInstanceOf(IngestException.class)
                .hasMessageContaining("not a recognised format").hasMessageContaining("vault: Vault audit log")
                .hasMessageContaining("agent-card: A2A AgentCard");
        assertThatThrownBy(() -> format("auto", files.write("other.json", "{\"hello\":\"world\"}")))
                .hasMessageContaining("not a recognised format");
        assertThat(sources.formats()).containsExactly("auto", "native", "ocsf", "k8s", "aws-cloudtrail", "vault", "opa",
                "aws-iam", "agent-card");
    }

    @Test
    void aFolderBecomesOneUploadPerKindAndSourceWithNonInputsSkipped() {
        Path dir = files.dir().resolve("exports");
        files.write("exports/inventory.yaml", "apiVersion: steward/v1\nkind: Inventory\nagents: []\n");
        files.write("exports/decisions.jsonl", NATIVE);
        files.write("exports/opa/console.log", OPA);
        files.write("exports/aws/report.csv", "user,arn,user_creation_time\n");
        files.write("exports/aws/keys.json", "{\"AccessKeyMetadata\":[]}");
        files.write("exports/README.md", "# exports");
        files.write("exports/notes.json", "{\"hello\":\"world\"}");

        UploadGrouping.Groups g = UploadGrouping.of(List.of(dir), limits, sources, "auto");
        assertThat(g.uploads()).extracting(u -> u.stream().map(InputFile::name).sorted().toList()).containsExactly(
                List.of("inventory.yaml"), List.of("aws/keys.json", "aws/report.csv"), List.of("decisions.jsonl"),
                List.of("opa/console.log"));
        assertThat(g.skipped()).containsExactlyInAnyOrder("README.md: not an input file type",
                "notes.json: not a steward/v1 Inventory or People document");
        assertThat(UploadGrouping.of(List.of(dir), limits, sources, "opa").uploads()).singleElement()
                .satisfies(u -> assertThat(u).extracting(InputFile::name).containsExactly("opa/console.log"));
    }
}
