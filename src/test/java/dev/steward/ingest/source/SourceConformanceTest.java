package dev.steward.ingest.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import dev.steward.check.CheckCatalog;
import dev.steward.check.CheckResult;
import dev.steward.check.Parameters;
import dev.steward.check.Result;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.EvidenceLoader;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.IngestException;
import dev.steward.ingest.IngestReport;
import dev.steward.ingest.IngestRequest;
import dev.steward.ingest.IngestService;
import dev.steward.ingest.InputFile;
import dev.steward.ingest.SourceAdapter;
import dev.steward.ingest.SourceAdapters;
import dev.steward.ingest.UploadGrouping;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Conformance over the public samples in ../shared/formats (skipped when the folder is not there): every sample of
 * the supported formats is accepted without errors, file by file, through the service and the REST upload, with the
 * counts each sample should give; files that are not samples (SOURCE.txt, schemas, an MCP request) are refused with
 * the error that names the expected shapes; and an assessment over the folder-by-folder uploads finds shadow
 * principals, wildcard grants, stale never-expiring keys and the denied calls.
 */
@QuarkusTest
class SourceConformanceTest {

    private static final Path FORMATS = Path.of("..", "shared", "formats");
    private static final List<String> FOLDERS = List.of("opa", "vault", "aws-iam", "aws-cloudtrail", "k8s", "ocsf",
            "agent-cards");

    /** file name → format, decisions, agents, credentials. */
    private static final Map<String, Object[]> EXPECTED = Map.ofEntries(
            Map.entry("console-decision-log-envoy-v1.11.jsonl", new Object[] {"opa", 1, 0, 0}),
            Map.entry("opa-envoy-grpc-test-console.DERIVED.jsonl", new Object[] {"opa", 2, 0, 0}),
            Map.entry("opa-envoy-grpc-test-docker-compose-console.txt", new Object[] {"opa", 2, 0, 0}),
            Map.entry("upload-batch-docs-example.json", new Object[] {"opa", 1, 0, 0}),
            Map.entry("docs-permission-denied-pair.json", new Object[] {"vault", 1, 0, 1}),
            Map.entry("docs-token-create-response.json", new Object[] {"vault", 1, 0, 2}),
            Map.entry("vault/elastic-test-audit.log", new Object[] {"vault", 5, 0, 4}),
            Map.entry("elastic-test-faked-all-fields.log", new Object[] {"vault", 2, 0, 2}),
            Map.entry("awscli-example-get-access-key-last-used.json", new Object[] {"aws-iam", 0, 0, 0}),
            Map.entry("awscli-example-list-access-keys.json", new Object[] {"aws-iam", 0, 0, 2}),
            Map.entry("cloudmapper-demo-credential-report.csv", new Object[] {"aws-iam", 0, 3, 6}),
            Map.entry("cloudmapper-demo-get-service-last-accessed-details-level1.json", new Object[] {"aws-iam", 0, 0, 0}),
            Map.entry("cloudmapper-demo-get-service-last-accessed-details-level3.json", new Object[] {"aws-iam", 0, 0, 0}),
            Map.entry("cloudmapper-demo-iam-get-account-authorization-details.json", new Object[] {"aws-iam", 0, 6, 4}),
            Map.entry("cloudmapper-demo-iam-get-credential-report.json", new Object[] {"aws-iam", 0, 3, 6}),
            Map.entry("fixinventory-test-credential-report.csv", new Object[] {"aws-iam", 0, 3, 6}),
            Map.entry("awsdocs-iam-AssumeRole-AWSAccount.json", new Object[] {"aws-cloudtrail", 1, 0, 1}),
            Map.entry("awsdocs-iam-AssumeRole-AssumedRole.json", new Object[] {"aws-cloudtrail", 1, 0, 1}),
            Map.entry("awsdocs-iam-AssumeRole-IAMUser.json", new Object[] {"aws-cloudtrail", 1, 0, 1}),
            Map.entry("elastic-test-assume-role-aws-service.jsonl", new Object[] {"aws-cloudtrail", 1, 0, 1}),
            Map.entry("k8s/elastic-test-audit.log", new Object[] {"k8s", 5, 0, 0}),
            Map.entry("k8s-bootstrap-controller-role-bindings.yaml", new Object[] {"k8s", 0, 27, 0}),
            Map.entry("k8s-bootstrap-controller-role-bindings.DERIVED.json", new Object[] {"k8s", 0, 27, 0}),
            Map.entry("rancher-docs-serviceaccountlist.json", new Object[] {"k8s", 0, 3, 3}),
            Map.entry("v1.5.0_cloudtrail_authentication.ocsf", new Object[] {"ocsf", 1, 0, 0}),
            Map.entry("v1.5.0_cloudtrail_generic_api_activity.ocsf", new Object[] {"ocsf", 1, 0, 0}),
            Map.entry("v1.5.0_eks_audit.ocsf", new Object[] {"ocsf", 1, 0, 0}),
            Map.entry("v1.5.0_cloudtrail_authentication.raw.json", new Object[] {"aws-cloudtrail", 1, 0, 0}),
            Map.entry("v1.5.0_cloudtrail_generic_api_activity.raw.json", new Object[] {"aws-cloudtrail", 1, 0, 0}),
            Map.entry("v1.5.0_eks_audit.raw.json", new Object[] {"k8s", 1, 0, 0}),
            Map.entry("mcp-registry-2025-07-example-filesystem-multi-package.json", new Object[] {"agent-card", 0, 1, 0}),
            Map.entry("mcp-registry-2025-07-example-remote.json", new Object[] {"agent-card", 0, 1, 0}),
            Map.entry("mcp-spec-2025-06-18-tools-list-response.json", new Object[] {"agent-card", 0, 1, 0}),
            Map.entry("a2a-v0.3.0-spec-agentcard-example.json", new Object[] {"agent-card", 0, 1, 0}),
            Map.entry("a2a-v1.0.1-spec-agentcard-example.json", new Object[] {"agent-card", 0, 1, 0}));

    @Inject
    IngestService ingest;

    @Inject
    SourceAdapters sources;

    @Inject
    IngestConfig limits;

    @Inject
    EvidenceLoader evidence;

    @Inject
    CheckCatalog checks;

    private static List<Path> all() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(FORMATS), "../shared/formats not found: the conformance run over the"
                + " public source samples is skipped (it runs when the samples are next to the project)");
        List<Path> out = new ArrayList<>();
        for (String folder : FOLDERS) {
            try (Stream<Path> walk = Files.walk(FORMATS.resolve(folder))) {
                walk.filter(Files::isRegularFile).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** Files in the sample folders that are not samples of a source's output. */
    private static String notASample(Path p) {
        String name = p.getFileName().toString();
        if (name.equals("SOURCE.txt")) {
            return "provenance notes";
        }
        if (name.contains("schema") || p.toString().contains("schema-")) {
            return "a schema definition, not data";
        }
        if (name.contains("tools-call-request")) {
            return "an MCP tools/call request: a protocol message, neither a declaration nor a decision";
        }
        return null;
    }

    private static String key(Path p) {
        String name = p.getFileName().toString();
        return EXPECTED.containsKey(name) ? name : p.getParent().getFileName() + "/" + name;
    }

    @Test
    void everySampleIsAcceptedFileByFileWithTheCountsItShouldGive() throws IOException {
        int samples = 0;
        for (Path p : all()) {
            if (notASample(p) != null) {
                assertThatThrownBy(() -> ingest.ingest(IngestRequest.of(List.of(InputFile.of(p)))))
                        .as(p + " is " + notASample(p)).isInstanceOf(IngestException.class)
                        .hasMessageContaining("not a recognised format. Expected one of: native:");
                continue;
            }
            samples++;
            IngestReport r = ingest.ingest(IngestRequest.of(List.of(InputFile.of(p))));
            assertThat(r.status()).as(p + ": " + r.problems()).isIn(IngestReport.Status.COMMITTED, IngestReport.Status.DUPLICATE);
            assertThat(r.errors()).as(p + ": " + r.problems()).isZero();
            Object[] expected = EXPECTED.getOrDefault(key(p), EXPECTED.get(p.getFileName().toString()));
            String format = sources.resolve("auto", InputFile.of(p), limits).map(SourceAdapter::format).orElse("native");
            if (expected != null) {
                assertThat(format).as(p.toString()).isEqualTo(expected[0]);
                if (r.status() == IngestReport.Status.COMMITTED) {
                    assertThat(new long[] {r.counts().decisions(), r.counts().agents(), r.counts().credentials()})
                            .as(p.toString()).containsExactly(((Integer) expected[1]).longValue(),
                                    ((Integer) expected[2]).longValue(), ((Integer) expected[3]).longValue());
                }
            } else if (r.status() == IngestReport.Status.COMMITTED) {
                assertThat(format).as(p.toString()).isNotEqualTo("native");
                assertThat(r.counts().decisions() + r.counts().agents() + r.counts().credentials()).as(p.toString())
                        .isPositive();
            }
            String kind = sources.resolve("auto", InputFile.of(p), limits).map(a -> a.kind() == SourceAdapter.Kind.DECISIONS
                    ? "decisions" : "inventory").orElseThrow();
            given().auth().oauth2("test-admin-token").contentType("application/octet-stream").body(Files.readAllBytes(p))
                    .queryParam("filename", p.getFileName().toString())
                    .post("/api/v1/uploads/" + kind).then().statusCode(anyOf(equalTo(200), equalTo(201)));
        }
        assertThat(samples).isGreaterThanOrEqualTo(EXPECTED.size());
    }

    @Test
    void anAssessmentOverTheFolderUploadsFindsShadowPrincipalsWildcardsStaleKeysAndDenies() throws IOException {
        all();
        String run = "conformance-" + UUID.randomUUID();
        for (String folder : FOLDERS) {
            UploadGrouping.Groups groups = UploadGrouping.of(List.of(FORMATS.resolve(folder)), limits, sources, "auto");
            for (List<InputFile> upload : groups.uploads()) {
                IngestReport r = ingest.ingest(new IngestRequest(upload, "auto", null, null, run + "-" + folder + "-"
                        + groups.uploads().indexOf(upload), "test", null, null));
                assertThat(r.errors()).as(folder + ": " + r.problems()).isZero();
            }
        }
        Instant asOf = Instant.now().plus(1, ChronoUnit.DAYS);
        Evidence e = QuarkusTransaction.requiringNew().call(() -> evidence.load(asOf, Instant.parse("2000-01-01T00:00:00Z")));
        List<CheckResult> results = new ArrayList<>();
        checks.all().forEach(c -> results.addAll(c.evaluate(e, Parameters.defaults(c))));

        assertThat(failed(results, "INV-1")).as("shadow principals").contains("arn:aws:iam::123456789012:user/Alice",
                "system:serviceaccount:kube-system:elastic-agent", "oidc-user@email.com");
        assertThat(failed(results, "AUT-2")).as("wildcard grants").contains("arn:aws:iam::123456789012:role/bad_role");
        assertThat(failed(results, "CRD-1")).as("access keys never expire")
                .contains("arn:aws:iam::123456789012:user/auditor_tmp#access-key-1");
        assertThat(failed(results, "LIF-2")).as("stale keys").contains("arn:aws:iam::123456789012:user/auditor_tmp#access-key-1");
        assertThat(failed(results, "CRD-3")).as("secrets passed as environment variables")
                .contains("io.modelcontextprotocol/brave-search#env:BRAVE_API_KEY");
        assertThat(e.decisions()).as("denied calls").filteredOn(d -> !d.allowed()).extracting(DecisionAggregate::agent)
                .contains("ip:192.168.144.1", "oidc-user@email.com", "arn:aws:iam::111122223333:user/JaneDoe");
    }

    private static List<String> failed(List<CheckResult> results, String check) {
        return results.stream().filter(r -> r.checkId().equals(check) && r.result() == Result.FAIL)
                .map(CheckResult::subjectId).toList();
    }
}
