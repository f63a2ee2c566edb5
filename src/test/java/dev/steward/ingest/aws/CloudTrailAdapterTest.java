package dev.steward.ingest.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.evidence.CredentialRecord;
import dev.steward.ingest.DecisionLine;
import dev.steward.ingest.Problem;
import dev.steward.ingest.SecretScanner;
import dev.steward.testing.SourceConfigs;
import dev.steward.testing.SourceHarness;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** CloudTrail: the S3 Records wrapper and one record per line, principals, denies, STS sessions, bad records. */
class CloudTrailAdapterTest {

    private final CloudTrailAdapter trail = new CloudTrailAdapter(SourceConfigs.aws());
    private static final String USER_KEY = "AKIA" + "Q3EGRVQ5XKZ7TN2P";
    private static final String SESSION_KEY = "ASIA" + "WHOJDLGPOEXAMPLE";

    private static final String S3_FILE = """
            {"Records": [
            {"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::111122223333:user/ci-bot",
             "accountId":"111122223333","accessKeyId":"%s","userName":"ci-bot"},
             "eventTime":"2026-10-02T10:00:00Z","eventSource":"s3.amazonaws.com","eventName":"GetObject",
             "requestParameters":{"bucketName":"builds"},"userAgent":"aws-cli/2.17","eventID":"e1"},
            {"userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::111122223333:assumed-role/deployer/s1",
             "accountId":"111122223333","accessKeyId":"%s","sessionContext":{"sessionIssuer":{"type":"Role",
             "arn":"arn:aws:iam::111122223333:role/ci/deployer"},"sourceIdentity":"p-ana"}},
             "eventTime":"2026-10-02T10:05:00Z","eventSource":"iam.amazonaws.com","eventName":"CreateUser",
             "errorCode":"AccessDenied","errorMessage":"User: arn:aws:sts::111122223333:assumed-role/deployer/s1 is not authorized to perform: iam:CreateUser",
             "resources":[{"ARN":"arn:aws:iam::111122223333:user/x","type":"AWS::IAM::User"}],"eventID":"e2"},
            {"userIdentity":{"type":"IAMUser","accountId":"111122223333","userName":"JaneDoe"},
             "eventTime":"2026-10-02T11:00:00Z","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin",
             "eventType":"AwsConsoleSignIn","userAgent":"Mozilla/5.0","responseElements":{"ConsoleLogin":"Failure"},
             "errorMessage":"Failed authentication","eventID":"e3"}
            ]}
            """.formatted(USER_KEY, SESSION_KEY);

    @Test
    void anS3LogFileIsReadRecordByRecordWithPrincipalsDeniesAndMaskedKeys() {
        SourceHarness h = new SourceHarness().run(trail, "111122223333_CloudTrail_us-east-1.json.gz", S3_FILE);

        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).extracting(DecisionLine::id, DecisionLine::agent, DecisionLine::allowed,
                        DecisionLine::scope, DecisionLine::line)
                .containsExactly(
                        tuple("e1", "arn:aws:iam::111122223333:user/ci-bot", true, "s3:GetObject", 2L),
                        tuple("e2", "arn:aws:iam::111122223333:role/ci/deployer", false, "iam:CreateUser", 6L),
                        tuple("e3", "arn:aws:iam::111122223333:user/JaneDoe", false, "signin:ConsoleLogin", 12L));
        DecisionLine e1 = h.decisions.get(0);
        assertThat(e1.credential()).isEqualTo(AwsIds.key(USER_KEY)).startsWith("AKIA****TN2P-");
        assertThat(e1.tool()).isEqualTo("s3");
        assertThat(e1.resource()).isEqualTo("builds");
        DecisionLine e2 = h.decisions.get(1);
        assertThat(e2.onBehalfOf()).containsExactly("p-ana");
        assertThat(e2.resource()).isEqualTo("arn:aws:iam::111122223333:user/x");
        assertThat(e2.reason()).startsWith("AccessDenied: User: ");
        assertThat(h.decisions.get(2).interactive()).isTrue();
        assertThat(h.secrets).as("masked key ids are not secrets").isEmpty();
        assertThat(h.decisions.toString()).doesNotContain(USER_KEY).doesNotContain(SESSION_KEY);
    }

    @Test
    void anAssumeRoleResponseIsASessionCredentialWithAwsExpiryAndTheChain() {
        String line = "{\"userIdentity\":{\"type\":\"AssumedRole\",\"arn\":\"arn:aws:sts::1:assumed-role/role1/s\","
                + "\"accountId\":\"1\",\"sessionContext\":{\"sessionIssuer\":{\"arn\":\"arn:aws:iam::1:role/role1\"},"
                + "\"sourceIdentity\":\"p-ana\"}},\"eventTime\":\"2026-10-02T22:12:29Z\",\"eventSource\":\"sts.amazonaws.com\","
                + "\"eventName\":\"AssumeRole\",\"requestParameters\":{\"roleArn\":\"arn:aws:iam::1:role/role2\","
                + "\"roleSessionName\":\"chained\",\"sourceIdentity\":\"p-ana\"},\"responseElements\":{\"credentials\":{"
                + "\"accessKeyId\":\"" + SESSION_KEY + "\",\"sessionToken\":\"IQoJb3JpZ2luX2VjEB4aCXVzLXdlc3QtMSJHMEUCIQ\","
                + "\"expiration\":\"Oct 2, 2026, 11:12:29 PM\"},\"assumedRoleUser\":{\"arn\":"
                + "\"arn:aws:sts::1:assumed-role/role2/chained\"}},\"eventID\":\"a1\"}";
        SourceHarness h = new SourceHarness().run(trail, "trail.jsonl", line + "\n");

        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).singleElement().satisfies(d -> {
            assertThat(d.agent()).isEqualTo("arn:aws:iam::1:role/role1");
            assertThat(d.resource()).isEqualTo("arn:aws:iam::1:role/role2");
            assertThat(d.onBehalfOf()).containsExactly("p-ana");
        });
        CredentialRecord session = h.credential(AwsIds.key(SESSION_KEY));
        assertThat(session.type()).isEqualTo("jit-lease");
        assertThat(session.holders()).containsExactly("arn:aws:iam::1:role/role2");
        assertThat(session.createdAt()).isEqualTo(Instant.parse("2026-10-02T22:12:29Z"));
        assertThat(session.expiresAt()).isEqualTo(Instant.parse("2026-10-02T23:12:29Z"));
        assertThat(h.attributes.get(session.id())).contains("\"roleChaining\":true")
                .contains("\"assumedBy\":\"arn:aws:iam::1:role/role1\"").doesNotContain("IQoJb3JpZ2lu");
    }

    @Test
    void badRecordsAreProblemsAndOtherPrincipalKindsAreNamed() {
        SourceHarness h = new SourceHarness().run(trail, "bad.jsonl", String.join("\n",
                "{\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"a\"}}",
                "{\"eventTime\":\"02/10/2026\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"userIdentity\":{\"arn\":\"a\"}}",
                "{\"eventTime\":\"2026-10-02T10:00:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":\"GetObject\",\"userIdentity\":{\"type\":\"Unknown\"}}",
                "{\"digestStartTime\":\"2026-10-02T10:00:00Z\"}",
                "{\"eventTime\":\"2026-10-02T10:00:00Z\",\"eventSource\":\"sts.amazonaws.com\",\"eventName\":\"AssumeRole\",\"userIdentity\":{\"type\":\"AWSService\",\"invokedBy\":\"ec2.amazonaws.com\"}}",
                "{\"eventTime\":\"2026-10-02T10:00:00Z\",\"eventSource\":\"ec2.amazonaws.com\",\"eventName\":\"RunInstances\",\"errorCode\":\"Client.UnauthorizedOperation\",\"userIdentity\":{\"type\":\"AWSAccount\",\"accountId\":\"999\"}}") + "\n");

        assertThat(h.errors()).extracting(Problem::line, Problem::field, Problem::value)
                .containsExactly(tuple(1L, "eventTime", null), tuple(2L, "eventTime", "02/10/2026"),
                        tuple(3L, "userIdentity", "Unknown"));
        assertThat(h.warnings()).anySatisfy(w -> assertThat(w.line()).isEqualTo(4));
        assertThat(h.decisions).extracting(DecisionLine::agent, DecisionLine::allowed)
                .containsExactly(tuple("aws-service:ec2.amazonaws.com", true), tuple("aws-account:999", false));
    }

    @Test
    void lookupEventsAndCloudWatchLogsCarryTheRecordAsAString() {
        String record = "{\"eventTime\":\"2026-10-02T10:00:00Z\",\"eventSource\":\"s3.amazonaws.com\",\"eventName\":"
                + "\"GetObject\",\"userIdentity\":{\"type\":\"IAMUser\",\"arn\":\"arn:aws:iam::1:user/bot\"},\"eventID\":\"%s\"}";
        String lookup = "{\"Events\":[{\"EventId\":\"l1\",\"EventName\":\"GetObject\",\"CloudTrailEvent\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(record.formatted("l1")) + "}],\"NextToken\":\"t\"}";
        String cloudWatch = "{\"events\":[{\"logStreamName\":\"s\",\"timestamp\":1759399200000,\"message\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(record.formatted("w1")) + "}]}";
        assertThat(trail.detect("lookup.json", lookup)).isTrue();
        assertThat(trail.detect("cw.json", cloudWatch)).isTrue();
        SourceHarness h = new SourceHarness().run(trail, java.util.Map.of("lookup.json", lookup));
        assertThat(h.errors()).isEmpty();
        assertThat(h.decisions).extracting(DecisionLine::id, DecisionLine::agent).containsExactly(tuple("l1", "arn:aws:iam::1:user/bot"));
        assertThat(new SourceHarness().run(trail, "cw.json", cloudWatch).decisions).extracting(DecisionLine::id)
                .containsExactly("w1");
    }

    @Test
    void keyIdsAreMaskedTheSameEverywhereAndNeverLookLikeSecrets() {
        String masked = AwsIds.key(USER_KEY);
        assertThat(masked).isEqualTo(AwsIds.key(" " + USER_KEY + " ")).isNotEqualTo(AwsIds.key(SESSION_KEY));
        assertThat(SecretScanner.detect("credential", masked)).isEmpty();
        assertThat(AwsIds.key("EXAMPLE_KEY_ID")).isEqualTo("EXAMPLE_KEY_ID");
        assertThat(AwsIds.roleOfSession("arn:aws:sts::1:assumed-role/r/s")).isEqualTo("arn:aws:iam::1:role/r");
    }
}
