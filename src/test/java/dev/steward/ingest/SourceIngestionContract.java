package dev.steward.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.decisions.DecisionAggregates;
import dev.steward.decisions.RawDecisions;
import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.DecisionAggregate;
import dev.steward.evidence.CredentialRecord;
import dev.steward.ingest.aws.AwsIds;
import dev.steward.inventory.InventoryQueries;
import dev.steward.testing.StoredDecisionReads;
import dev.steward.testing.TestFiles;
import dev.steward.upload.UploadKind;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Source adapters through the one ingest service, on every supported database (H2 and PostgreSQL subclasses):
 * decisions and inventory stored with provenance, the source's own supersession scope, credentials a log shows,
 * idempotency, and the errors of formats that do not fit. Each test uses its own account, agent and file names.
 */
abstract class SourceIngestionContract {

    @Inject
    IngestService ingest;

    @Inject
    InventoryQueries inventory;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RawDecisions raw;

    @Inject
    DecisionAggregates aggregates;

    final TestFiles files = new TestFiles();
    final String account = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));

    IngestReport ingest(String format, String scope, Path... paths) {
        return ingest.ingest(new IngestRequest(Arrays.stream(paths).map(InputFile::of).toList(), format, null, null, scope,
                "test", null, null));
    }

    long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void anOpaUploadBatchIsStoredAsDecisionsWithProvenanceAndAggregates() throws Exception {
        String agent = "spiffe://corp/bot-" + account;
        String event = "{\"decision_id\":\"%s\",\"input\":{\"attributes\":{\"source\":{\"principal\":\"" + agent + "\"},"
                + "\"request\":{\"http\":{\"method\":\"%s\",\"path\":\"/v1/pay\",\"host\":\"erp\"}}}},"
                + "\"path\":\"envoy/authz/allow\",\"result\":%s,\"timestamp\":\"2026-10-02T10:00:00Z\"}";
        Path batch = files.gzip("opa-" + account + ".json.gz", "[\n" + event.formatted("o1", "GET", "true") + ",\n"
                + event.formatted("o2", "POST", "{\"allowed\":false}") + "\n]");
        IngestReport r = ingest("auto", null, batch);

        assertThat(r.status()).isEqualTo(IngestReport.Status.COMMITTED);
        assertThat(r.format()).isEqualTo("opa");
        assertThat(r.kind()).isEqualTo(UploadKind.DECISIONS);
        assertThat(r.counts().decisions()).isEqualTo(2);
        assertThat(StoredDecisionReads.raw(raw, d -> agent.equals(d.agent()) && d.line() == 3 && !d.allowed()
                && "envoy/authz/allow".equals(d.policy()) && "POST".equals(d.action()))).hasSize(1);
        assertThat(StoredDecisionReads.daily(aggregates, d -> agent.equals(d.agent())).stream()
                .mapToLong(DecisionAggregate::count).sum()).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM upload WHERE id = " + r.uploadId() + " AND format = 'opa'")).isEqualTo(1);
    }

    @Test
    void awsExportsOfOneAccountAreOneUploadInTheAccountsScopeThatOnlyALaterExportReplaces() {
        String arn = "arn:aws:iam::" + account + ":user/ci-bot";
        String key = "AKIA" + account.substring(0, 12) + "ABCD";
        String header = "user,arn,user_creation_time,password_enabled,access_key_1_active,access_key_1_last_rotated,"
                + "access_key_1_last_used_date\n";
        Path report = files.write("credential-report-" + account + ".csv", header
                + "ci-bot," + arn + ",2025-01-01T00:00:00+00:00,false,true,2025-01-02T00:00:00+00:00,2026-09-01T00:00:00+00:00\n");
        Path keys = files.write("keys-" + account + ".json", "{\"AccessKeyMetadata\":[{\"UserName\":\"ci-bot\","
                + "\"Status\":\"Active\",\"CreateDate\":\"2025-01-02T00:00:00Z\",\"AccessKeyId\":\"" + key + "\"}]}");
        IngestReport first = ingest.ingest(new IngestRequest(List.of(InputFile.of(report), InputFile.of(keys)), "auto",
                Instant.parse("2026-10-01T00:00:00Z"), null, null, "test", null, null));

        assertThat(first.status()).as(first.problems().toString()).isEqualTo(IngestReport.Status.COMMITTED);
        assertThat(first.scope()).isEqualTo("aws:" + account);
        assertThat(first.format()).isEqualTo("aws-iam");
        Instant oct = Instant.parse("2026-10-02T00:00:00Z");
        CredentialRecord c = inventory.credential(AwsIds.key(key), oct).orElseThrow();
        assertThat(c.holders()).containsExactly(arn);
        assertThat(c.lastUsedAt()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
        assertThat(c.source().file()).isEqualTo(report.getFileName().toString());
        assertThat(inventory.agent(arn, oct)).map(AgentRecord::identityType).contains("api-key");

        Path later = files.write("credential-report-" + account + "-nov.csv", header
                + "deployer,arn:aws:iam::" + account + ":user/deployer,2025-01-01T00:00:00+00:00,false,false,N/A,N/A\n");
        IngestReport second = ingest.ingest(new IngestRequest(List.of(InputFile.of(later)), "auto",
                Instant.parse("2026-11-01T00:00:00Z"), null, null, "test", null, null));
        assertThat(second.scope()).isEqualTo("aws:" + account);
        Instant nov = Instant.parse("2026-11-02T00:00:00Z");
        assertThat(inventory.agent(arn, nov)).isEmpty();
        assertThat(inventory.agent("arn:aws:iam::" + account + ":user/deployer", nov)).isPresent();
        assertThat(inventory.agent(arn, oct)).as("the earlier export still answers for October").isPresent();
    }

    @Test
    void aVaultLogStoresDecisionsAndTheTokensItShowsInAScopeOfItsOwn() throws Exception {
        String accessor = "hmac-sha256:acc-" + account;
        String auth = "\"auth\":{\"accessor\":\"" + accessor + "\",\"client_token\":\"hmac-sha256:t\",\"display_name\":"
                + "\"approle\",\"metadata\":{\"role_name\":\"bot-" + account + "\"},\"token_policies\":[\"kv-read\"],"
                + "\"token_ttl\":3600,\"token_issue_time\":\"2026-10-02T09:00:00Z\"}";
        String log = "{\"time\":\"2026-10-02T09:30:00Z\",\"type\":\"request\"," + auth + ",\"request\":{\"id\":\"v1\","
                + "\"operation\":\"read\",\"path\":\"kv/data/x\"},\"error\":\"permission denied\"}\n";
        Path file = files.write("vault-" + account + ".log", log);
        IngestReport r = ingest("auto", null, file);

        assertThat(r.status()).isEqualTo(IngestReport.Status.COMMITTED);
        assertThat(r.kind()).isEqualTo(UploadKind.DECISIONS);
        assertThat(r.counts().decisions()).isEqualTo(1);
        assertThat(r.counts().credentials()).isEqualTo(1);
        assertThat(r.scope()).startsWith("vault-log:").isEqualTo("vault-log:" + r.contentHash().substring(0, 12));
        assertThat(r.asOf()).as("the end of the log").isEqualTo(Instant.parse("2026-10-02T09:30:00Z"));
        CredentialRecord token = inventory.credential(accessor, Instant.parse("2026-10-03T00:00:00Z")).orElseThrow();
        assertThat(token.holders()).containsExactly("approle:bot-" + account);
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-10-02T10:00:00Z"));
        assertThat(StoredDecisionReads.raw(raw, d -> accessor.equals(d.credential()) && !d.allowed())).hasSize(1);
        assertThat(ingest("auto", null, file).status()).isEqualTo(IngestReport.Status.DUPLICATE);
    }

    @Test
    void aBadRecordRejectsTheWholeSourceUploadAndFormatsThatDoNotFitAreRefused() throws Exception {
        String user = "arn:aws:iam::" + account + ":user/x";
        String ok = "{\"eventTime\":\"2026-10-02T10:00:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\","
                + "\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"" + user + "\"}}";
        Path trail = files.write("trail-" + account + ".jsonl", ok + "\n" + ok.replace("2026-10-02T10:00:00Z", "soon") + "\n");
        IngestReport r = ingest("auto", null, trail);
        assertThat(r.status()).isEqualTo(IngestReport.Status.REJECTED);
        assertThat(r.problems()).extracting(Problem::file, Problem::line, Problem::field, Problem::value)
                .containsExactly(tuple(trail.getFileName().toString(), 2L, "eventTime", "soon"));
        assertThat(StoredDecisionReads.ofUpload(raw, r.uploadId())).isEmpty();
        assertThat(count("SELECT COUNT(*) FROM decision_pack WHERE upload_id = " + r.uploadId())).isZero();
        assertThat(StoredDecisionReads.raw(raw, d -> user.equals(d.agent()))).isEmpty();

        Path opa = files.write("opa-" + account + ".jsonl", "{\"decision_id\":\"d\",\"input\":{},\"result\":true}\n");
        assertThatThrownBy(() -> ingest("k8s", null, opa)).isInstanceOf(IngestException.class)
                .hasMessageContaining("does not look like k8s").hasMessageContaining("Kubernetes audit events");
        assertThatThrownBy(() -> ingest("splunk", null, opa)).hasMessageContaining("supported: auto, native");
        Path notes = files.write("notes-" + account + ".txt", "hello\n");
        assertThatThrownBy(() -> ingest("auto", null, notes)).hasMessageContaining("not a recognised format")
                .hasMessageContaining("opa: OPA decision log");
        assertThatThrownBy(() -> ingest("auto", null, opa, trail)).hasMessageContaining("one upload holds files of one format");
    }
}
