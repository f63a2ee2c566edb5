package dev.steward.bench;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.evidence.PersonRecord;
import dev.steward.evidence.SecretFinding;
import dev.steward.ingest.BoundedInput;
import dev.steward.ingest.DecisionLine;
import dev.steward.ingest.DecisionSink;
import dev.steward.ingest.IngestConfig;
import dev.steward.ingest.InventorySink;
import dev.steward.ingest.NativeDecisionReader;
import dev.steward.ingest.Problems;
import dev.steward.ingest.RecordMapper;
import dev.steward.ingest.SourceAdapter;
import dev.steward.ingest.SourceContext;
import dev.steward.ingest.aws.CloudTrailAdapter;
import dev.steward.ingest.k8s.K8sAuditAdapter;
import dev.steward.ingest.ocsf.OcsfAdapter;
import dev.steward.ingest.opa.OpaAdapter;
import dev.steward.ingest.vault.VaultAdapter;
import dev.steward.testing.DefaultLimits;
import dev.steward.testing.SourceConfigs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Throughput of each decision adapter's parse and normalize (no database) against the native JSON Lines reader, on
 * N synthetic lines each. Not a test: run it by hand (docs/sources.md says how) and record the numbers there.
 * Usage: AdapterBench [lines per format, default 200000] [timed runs per format, default 3].
 */
public final class AdapterBench {

    private AdapterBench() {
    }

    /** A decision reader under test: reads one file, returns the decisions it delivered. */
    private interface Reader {
        long read(Path file) throws IOException;
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        IngestConfig limits = new DefaultLimits();
        Path dir = Files.createTempDirectory("steward-bench-");
        Map<String, Path> files = new LinkedHashMap<>();
        files.put("native", write(dir, "native.jsonl", n, AdapterBench::nativeLine));
        files.put("opa", write(dir, "opa.jsonl", n, AdapterBench::opaLine));
        files.put("vault", write(dir, "vault.log", n, AdapterBench::vaultLine));
        files.put("aws-cloudtrail", write(dir, "cloudtrail.jsonl", n, AdapterBench::cloudTrailLine));
        files.put("k8s", write(dir, "audit.log", n, AdapterBench::k8sLine));
        files.put("ocsf", write(dir, "ocsf.jsonl", n, AdapterBench::ocsfLine));
        Map<String, Reader> readers = new LinkedHashMap<>();
        readers.put("native", f -> nativeRead(limits, f));
        readers.put("opa", f -> adapterRead(limits, new OpaAdapter(SourceConfigs.opa()), f));
        readers.put("vault", f -> adapterRead(limits, new VaultAdapter(SourceConfigs.vault()), f));
        readers.put("aws-cloudtrail", f -> adapterRead(limits, new CloudTrailAdapter(SourceConfigs.aws()), f));
        readers.put("k8s", f -> adapterRead(limits, new K8sAuditAdapter(SourceConfigs.k8s()), f));
        readers.put("ocsf", f -> adapterRead(limits, new OcsfAdapter(), f));

        System.out.printf("Steward adapter throughput: %,d lines per format, best of %d round-robin runs after a warm-up;"
                + " %s, %d cores, %s%n", n, runs, System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Instant.now());
        Map<String, Long> best = new LinkedHashMap<>();
        Map<String, Long> decisions = new LinkedHashMap<>();
        for (var e : readers.entrySet()) {
            e.getValue().read(files.get(e.getKey()));
        }
        // round robin, so a busy neighbour on a shared machine slows every format alike
        for (int i = 0; i < runs; i++) {
            for (var e : readers.entrySet()) {
                long t = System.nanoTime();
                decisions.put(e.getKey(), e.getValue().read(files.get(e.getKey())));
                best.merge(e.getKey(), System.nanoTime() - t, Math::min);
            }
        }
        System.out.printf("%-15s %11s %7s %11s %12s %7s %10s%n", "format", "decisions", "MB", "lines/s", "decisions/s",
                "MB/s", "vs native");
        double nativeRate = n / (best.get("native") / 1e9);
        for (String format : readers.keySet()) {
            double seconds = best.get(format) / 1e9;
            double mb = Files.size(files.get(format)) / 1e6;
            System.out.printf("%-15s %,11d %7.1f %,11.0f %,12.0f %7.1f %9.2fx%n", format, decisions.get(format), mb,
                    n / seconds, decisions.get(format) / seconds, mb / seconds, n / seconds / nativeRate);
        }
    }

    private static long nativeRead(IngestConfig limits, Path f) throws IOException {
        Counting sink = new Counting();
        try (InputStream in = BoundedInput.open(f.toString(), Files.newInputStream(f), limits)) {
            new NativeDecisionReader(limits).read(f.toString(), in, new Problems(100), sink, l -> { });
        }
        return sink.count;
    }

    private static long adapterRead(IngestConfig limits, SourceAdapter adapter, Path f) throws IOException {
        Counting sink = new Counting();
        Problems problems = new Problems(100);
        RecordMapper mapper = new RecordMapper(problems, sink, 0, Instant::now);
        SourceAdapter.Session session = adapter.open(new SourceContext(limits, problems, sink, mapper, sink, null));
        try (InputStream in = BoundedInput.open(f.toString(), Files.newInputStream(f), limits)) {
            session.read(f.toString(), in);
        }
        session.finish();
        if (problems.hasErrors()) {
            throw new IllegalStateException(adapter.format() + ": " + problems.listed());
        }
        return sink.count;
    }

    private static Path write(Path dir, String name, int n, IntFunction<String> line) throws IOException {
        Path f = dir.resolve(name);
        try (BufferedWriter w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write(line.apply(i));
                w.write('\n');
            }
        }
        f.toFile().deleteOnExit();
        return f;
    }

    private static String time(int i) {
        return Instant.parse("2026-10-01T00:00:00Z").plusSeconds(i).toString();
    }

    private static String nativeLine(int i) {
        return "{\"id\":\"d-" + i + "\",\"time\":\"" + time(i) + "\",\"agent\":\"agent-" + (i % 500) + "\",\"credential\":"
                + "\"cred-" + (i % 700) + "\",\"onBehalfOf\":[\"p-ana\"],\"tool\":\"erp\",\"action\":\"invoices.write\","
                + "\"resource\":\"erp://invoices/" + i + "\",\"scope\":\"erp:invoices:write\",\"decision\":\""
                + (i % 20 == 0 ? "deny" : "allow") + "\",\"policy\":\"payments.rego#allow_write\",\"trigger\":\"task:FIN-"
                + i + "\",\"risk\":\"medium\",\"environment\":\"prod\",\"client\":{\"interactive\":false,"
                + "\"userAgent\":\"steward-agent/1.2\"}}";
    }

    private static String opaLine(int i) {
        return "{\"decision_id\":\"" + i + "\",\"input\":{\"attributes\":{\"source\":{\"principal\":\"spiffe://corp/ns/pay/sa/"
                + "agent-" + (i % 500) + "\",\"address\":{\"socketAddress\":{\"address\":\"10.0.0.7\",\"portValue\":48524}}},"
                + "\"destination\":{\"principal\":\"spiffe://corp/ns/pay/sa/erp\"},\"request\":{\"http\":{\"method\":\"POST\","
                + "\"path\":\"/invoices/" + i + "\",\"host\":\"erp\",\"headers\":{\"user-agent\":\"agent-sdk/1.2\","
                + "\"x-request-id\":\"r-" + i + "\"}},\"time\":{\"seconds\":1759276800,\"nanos\":0}}},\"parsed_path\":[\"invoices\","
                + "\"" + i + "\"],\"parsed_query\":{}},\"labels\":{\"id\":\"opa-1\",\"version\":\"1.11.0\"},\"level\":\"info\","
                + "\"metrics\":{\"timer_rego_query_eval_ns\":222583},\"msg\":\"Decision Log\",\"path\":\"envoy/authz/allow\","
                + "\"result\":" + (i % 20 == 0 ? "{\"allowed\":false,\"headers\":{\"x-ext-auth-deny-reason\":\"budget\"}}" : "true")
                + ",\"time\":\"" + time(i) + "\",\"timestamp\":\"" + time(i) + "\",\"type\":\"openpolicyagent.org/decision_logs\"}";
    }

    /** Request and response entries alternate: N lines are N/2 decisions. */
    private static String vaultLine(int i) {
        int req = i / 2;
        String auth = "\"auth\":{\"client_token\":\"hmac-sha256:9cc3baa3c2bd7a4b233ca1fdcf69df91c8f2a9f14ddda54a4039190f58"
                + (req % 300) + "\",\"accessor\":\"hmac-sha256:eb605bd7f8a5ceb951b9ab42cae6d6c3f12f203cb2c2a78e33e899f77dc"
                + (req % 300) + "\",\"display_name\":\"approle\",\"policies\":[\"default\",\"app\"],\"token_policies\":"
                + "[\"default\",\"app\"],\"metadata\":{\"role_name\":\"bot-" + (req % 300) + "\"},\"entity_id\":\"e-" + (req % 300)
                + "\",\"token_type\":\"service\",\"token_ttl\":3600,\"token_issue_time\":\"2026-10-01T00:00:00Z\"}";
        String request = "\"request\":{\"id\":\"req-" + req + "\",\"operation\":\"read\",\"mount_type\":\"kv\","
                + "\"client_token\":\"hmac-sha256:abc\",\"namespace\":{\"id\":\"root\"},\"path\":\"secret/data/apps/app-"
                + (req % 40) + "\",\"remote_address\":\"10.6.8.36\"}";
        String error = req % 20 == 0 ? ",\"error\":\"permission denied\"" : "";
        return i % 2 == 0
                ? "{\"time\":\"" + time(req) + "\",\"type\":\"request\"," + auth + "," + request + error + "}"
                : "{\"time\":\"" + time(req) + "\",\"type\":\"response\"," + auth + "," + request + ",\"response\":{\"mount_type\":"
                        + "\"kv\",\"data\":{\"data\":{\"k\":\"hmac-sha256:85d3c6e705ea04f4\"}}}" + error + "}";
    }

    private static String cloudTrailLine(int i) {
        return "{\"eventVersion\":\"1.10\",\"userIdentity\":{\"type\":\"AssumedRole\",\"principalId\":\"AROAEXAMPLE:i-0" + i
                + "\",\"arn\":\"arn:aws:sts::111122223333:assumed-role/agent-" + (i % 500) + "/s\",\"accountId\":\"111122223333\","
                + "\"accessKeyId\":\"ASIAEXAMPLEKEY" + String.format("%06d", i % 1_000_000) + "\",\"sessionContext\":{"
                + "\"sessionIssuer\":{\"type\":\"Role\",\"arn\":\"arn:aws:iam::111122223333:role/agent-" + (i % 500) + "\"},"
                + "\"attributes\":{\"creationDate\":\"2026-10-01T00:00:00Z\",\"mfaAuthenticated\":\"false\"}}},"
                + "\"eventTime\":\"" + time(i) + "\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\","
                + "\"awsRegion\":\"us-east-1\",\"sourceIPAddress\":\"10.0.0.1\",\"userAgent\":\"Boto3/1.35.50\","
                + "\"requestParameters\":{\"bucketName\":\"invoices\",\"key\":\"" + i + ".pdf\"},\"responseElements\":null,"
                + (i % 20 == 0 ? "\"errorCode\":\"AccessDenied\",\"errorMessage\":\"not authorized to perform: s3:GetObject\"," : "")
                + "\"requestID\":\"r" + i + "\",\"eventID\":\"e" + i + "\",\"readOnly\":true,\"eventType\":\"AwsApiCall\","
                + "\"recipientAccountId\":\"111122223333\"}";
    }

    private static String k8sLine(int i) {
        return "{\"kind\":\"Event\",\"apiVersion\":\"audit.k8s.io/v1\",\"level\":\"Metadata\",\"auditID\":\"a-" + i + "\","
                + "\"stage\":\"ResponseComplete\",\"requestURI\":\"/api/v1/namespaces/pay/pods/p-" + i + "\",\"verb\":\"get\","
                + "\"user\":{\"username\":\"system:serviceaccount:pay:agent-" + (i % 500) + "\",\"uid\":\"u\",\"groups\":"
                + "[\"system:serviceaccounts\",\"system:authenticated\"],\"extra\":{\"authentication.kubernetes.io/credential-id\":"
                + "[\"JTI=" + (i % 700) + "\"]}},\"sourceIPs\":[\"10.0.0.1\"],\"userAgent\":\"agent/1.0\",\"objectRef\":{"
                + "\"resource\":\"pods\",\"namespace\":\"pay\",\"name\":\"p-" + i + "\",\"apiVersion\":\"v1\"},\"responseStatus\":"
                + "{\"metadata\":{},\"code\":" + (i % 20 == 0 ? 403 : 200) + "},\"requestReceivedTimestamp\":\"" + time(i) + "\","
                + "\"stageTimestamp\":\"" + time(i) + "\",\"annotations\":{\"authorization.k8s.io/decision\":\""
                + (i % 20 == 0 ? "forbid" : "allow") + "\",\"authorization.k8s.io/reason\":\"RBAC: allowed by RoleBinding "
                + "\\\"agents/pay\\\" of Role \\\"pod-reader\\\" to ServiceAccount \\\"agent/pay\\\"\"}}";
    }

    private static String ocsfLine(int i) {
        return "{\"activity_id\":2,\"activity_name\":\"Read\",\"category_uid\":6,\"class_uid\":6003,\"class_name\":"
                + "\"API Activity\",\"time\":" + Instant.parse(time(i)).toEpochMilli() + ",\"metadata\":{\"uid\":\"o-" + i
                + "\",\"version\":\"1.5.0\",\"product\":{\"name\":\"gateway\",\"vendor_name\":\"corp\"}},\"actor\":{\"user\":"
                + "{\"uid\":\"agent-" + (i % 500) + "\",\"name\":\"agent\",\"credential_uid\":\"cred-" + (i % 700) + "\"}},"
                + "\"api\":{\"operation\":\"GetInvoice\",\"service\":{\"name\":\"erp\"},\"request\":{\"uid\":\"r-" + i + "\"}},"
                + "\"resources\":[{\"uid\":\"erp://invoices/" + i + "\"}],\"http_request\":{\"user_agent\":\"agent/1.0\"},"
                + "\"src_endpoint\":{\"ip\":\"10.0.0.1\"},\"severity_id\":1,\"status_id\":" + (i % 20 == 0 ? 2 : 1)
                + (i % 20 == 0 ? ",\"status_code\":\"AccessDenied\"" : "") + ",\"type_uid\":600302}";
    }

    /** Counts decisions and swallows inventory records. */
    private static final class Counting implements DecisionSink, InventorySink {
        long count;

        @Override
        public void decision(DecisionLine d) {
            count++;
        }

        @Override
        public void secret(String credentialId, String agentId, String kind, String field, Instant at, String file, long line) {
        }

        @Override
        public void section(RecordMapper.Section section) {
        }

        @Override
        public void meta(Instant asOf, String source) {
        }

        @Override
        public void person(PersonRecord person, String attributes) {
        }

        @Override
        public void agent(AgentRecord agent, String attributes) {
        }

        @Override
        public void credential(CredentialRecord credential, String attributes) {
        }

        @Override
        public void secret(SecretFinding finding) {
        }
    }
}
