package dev.steward.ingest.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.evidence.AgentRecord;
import dev.steward.evidence.CredentialRecord;
import dev.steward.ingest.Problem;
import dev.steward.ingest.RecordMapper;
import dev.steward.testing.SourceConfigs;
import dev.steward.testing.SourceHarness;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AWS IAM exports: the credential report, its JSON wrapper, and several exports of one account merged. */
class AwsIamAdapterTest {

    private final AwsIamAdapter iam = new AwsIamAdapter(SourceConfigs.aws());
    private static final String KEY = "AKIA" + "Q3EGRVQ5XKZ7TN2P";

    static final String REPORT = CredentialReport.HEADER + ",password_enabled,password_last_used,password_last_changed,"
            + "password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,"
            + "access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,"
            + "access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,"
            + "cert_1_last_rotated,cert_2_active,cert_2_last_rotated\n"
            + "<root_account>,arn:aws:iam::111122223333:root,2018-08-12T17:20:55+00:00,not_supported,2026-03-03T16:58:16+00:00,"
            + "not_supported,not_supported,true,true,2018-11-23T16:01:14+00:00,2026-09-27T00:02:00+00:00,us-east-1,ecr,false,"
            + "N/A,N/A,N/A,N/A,false,N/A,false,N/A\n"
            + "ci-bot,arn:aws:iam::111122223333:user/ci-bot,2025-05-07T15:35:54+00:00,false,N/A,N/A,N/A,false,true,"
            + "2025-05-07T15:35:55+00:00,2026-10-01T10:00:00+00:00,us-east-1,s3,false,2024-01-01T00:00:00+00:00,no_information,"
            + "N/A,N/A,true,2025-06-01T00:00:00+00:00,false,N/A\n"
            + "ana,arn:aws:iam::111122223333:user/ana,2025-05-07T15:35:54+00:00,true,no_information,2025-05-08T00:00:00+00:00,"
            + "N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A\n";

    @Test
    void theCredentialReportGivesUsersAndTheirPasswordsKeysAndCertificates() {
        SourceHarness h = new SourceHarness().run(iam, "credential-report.csv", REPORT);

        assertThat(h.errors()).isEmpty();
        assertThat(h.scope).isEqualTo("aws:111122223333");
        assertThat(h.agents).extracting(AgentRecord::id, AgentRecord::identityType).containsExactly(
                tuple("arn:aws:iam::111122223333:root", "api-key"),
                tuple("arn:aws:iam::111122223333:user/ci-bot", "api-key"),
                tuple("arn:aws:iam::111122223333:user/ana", "shared-secret"));
        assertThat(h.credentials).extracting(CredentialRecord::id, CredentialRecord::type, CredentialRecord::status)
                .containsExactly(
                        tuple("arn:aws:iam::111122223333:root#password", "password", "active"),
                        tuple("arn:aws:iam::111122223333:root#access-key-1", "api-key", "active"),
                        tuple("arn:aws:iam::111122223333:user/ci-bot#access-key-1", "api-key", "active"),
                        tuple("arn:aws:iam::111122223333:user/ci-bot#access-key-2", "api-key", "revoked"),
                        tuple("arn:aws:iam::111122223333:user/ci-bot#certificate-1", "certificate", "active"),
                        tuple("arn:aws:iam::111122223333:user/ana#password", "password", "active"));
        CredentialRecord key = h.credential("arn:aws:iam::111122223333:user/ci-bot#access-key-1");
        assertThat(key.holders()).containsExactly("arn:aws:iam::111122223333:user/ci-bot");
        assertThat(key.createdAt()).isEqualTo(Instant.parse("2025-05-07T15:35:55Z"));
        assertThat(key.lastUsedAt()).isEqualTo(Instant.parse("2026-10-01T10:00:00Z"));
        assertThat(key.expiresAt()).as("access keys never expire").isNull();
        assertThat(key.source().line()).isEqualTo(3);
        assertThat(h.credential("arn:aws:iam::111122223333:user/ana#password").lastUsedAt()).isNull();
        assertThat(h.attributes.get("arn:aws:iam::111122223333:root")).contains("\"awsType\":\"root\"");
    }

    @Test
    void theGetCredentialReportJsonWithBase64ContentGivesTheSameRecordsAndItsAsOf() {
        String b64 = Base64.getEncoder().encodeToString(REPORT.getBytes(StandardCharsets.UTF_8));
        SourceHarness h = new SourceHarness().run(iam, "report.json", "{\"Content\":\"" + b64
                + "\",\"ReportFormat\":\"text/csv\",\"GeneratedTime\":\"2026-10-02T08:00:00+00:00\"}");
        assertThat(h.errors()).isEmpty();
        assertThat(h.asOf).isEqualTo(Instant.parse("2026-10-02T08:00:00Z"));
        assertThat(h.agents).hasSize(3);
        assertThat(h.credentials).hasSize(6);
    }

    @Test
    void exportsOfOneAccountAreMergedIntoAgentsWithGrantsAndKeysWithIds() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("credential-report.csv", REPORT);
        files.put("list-access-keys.json", "{\"AccessKeyMetadata\":[{\"UserName\":\"ci-bot\",\"Status\":\"Active\","
                + "\"CreateDate\":\"2025-05-07T15:35:55Z\",\"AccessKeyId\":\"" + KEY + "\"}]}");
        files.put("authorization-details.json", """
                {"UserDetailList":[{"UserName":"ci-bot","Arn":"arn:aws:iam::111122223333:user/ci-bot",
                  "GroupList":["builders"],"AttachedManagedPolicies":[],"Tags":[{"Key":"owner","Value":"p-ana"}]}],
                 "GroupDetailList":[{"GroupName":"builders","GroupPolicyList":[{"PolicyName":"b","PolicyDocument":
                  {"Statement":{"Effect":"Allow","Action":"codebuild:StartBuild","Resource":"*"}}}],
                  "AttachedManagedPolicies":[]}],
                 "RoleDetailList":[{"RoleName":"agent-runtime","Arn":"arn:aws:iam::111122223333:role/agents/agent-runtime",
                  "CreateDate":"2025-01-01T00:00:00Z","MaxSessionDuration":3600,
                  "AssumeRolePolicyDocument":"%7B%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22AWS%22%3A%22%2A%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D",
                  "RolePolicyList":[{"PolicyName":"inline","PolicyDocument":{"Statement":[
                    {"Effect":"Allow","Action":["s3:GetObject","s3:PutObject"],"Resource":"*"},
                    {"Effect":"Deny","Action":"s3:DeleteBucket","Resource":"*"},
                    {"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}}],
                  "AttachedManagedPolicies":[{"PolicyName":"AdministratorAccess","PolicyArn":"arn:aws:iam::aws:policy/AdministratorAccess"},
                   {"PolicyName":"bedrock-use","PolicyArn":"arn:aws:iam::111122223333:policy/bedrock-use"}],
                  "Tags":[{"Key":"owner","Value":"p-bob"},{"Key":"Environment","Value":"prod"},{"Key":"team","Value":"ml"}],
                  "RoleLastUsed":{"LastUsedDate":"2026-06-01T00:00:00Z","Region":"us-east-1"}}],
                 "Policies":[{"PolicyName":"bedrock-use","Arn":"arn:aws:iam::111122223333:policy/bedrock-use","DefaultVersionId":"v2",
                  "PolicyVersionList":[{"VersionId":"v1","Document":{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}},
                   {"VersionId":"v2","Document":{"Statement":[{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"*"}]}}]}],
                 "IsTruncated":false}
                """);
        files.put("advisor.json", "{\"JobStatus\":\"COMPLETED\",\"JobCompletionDate\":\"2026-10-02T09:00:00Z\","
                + "\"ServicesLastAccessed\":[{\"ServiceNamespace\":\"s3\",\"LastAuthenticated\":\"2026-09-30T00:00:00Z\","
                + "\"LastAuthenticatedEntity\":\"arn:aws:iam::111122223333:role/agents/agent-runtime\"},"
                + "{\"ServiceNamespace\":\"bedrock\",\"TotalAuthenticatedEntities\":0}]}");
        SourceHarness h = new SourceHarness().run(iam, files);

        assertThat(h.errors()).isEmpty();
        assertThat(h.sections).containsExactlyInAnyOrder(RecordMapper.Section.AGENTS, RecordMapper.Section.CREDENTIALS);
        assertThat(h.asOf).isEqualTo(Instant.parse("2026-10-02T09:00:00Z"));
        AgentRecord role = h.agent("arn:aws:iam::111122223333:role/agents/agent-runtime");
        assertThat(role.identityType()).isEqualTo("cloud-role");
        assertThat(role.owner()).isEqualTo("p-bob");
        assertThat(role.environment()).isEqualTo("prod");
        assertThat(role.team()).isEqualTo("ml");
        assertThat(role.grants()).containsExactly("s3:GetObject", "s3:PutObject", "* except iam:*", "*",
                "bedrock:InvokeModel");
        assertThat(h.attributes.get(role.id())).contains("\"assumableByAnyone\":true").contains("\"trustedPrincipals\":[\"*\"]")
                .contains("\"servicesNeverAccessed\":[\"bedrock\"]");
        assertThat(h.warnings()).anySatisfy(w -> assertThat(w.reason()).contains("any AWS principal"));
        CredentialRecord sessions = h.credential(role.id() + "#sessions");
        assertThat(sessions.type()).isEqualTo("jit-lease");
        assertThat(sessions.ttlSeconds()).isEqualTo(3600);
        assertThat(sessions.lastUsedAt()).as("Access Advisor is later than RoleLastUsed")
                .isEqualTo(Instant.parse("2026-09-30T00:00:00Z"));

        AgentRecord bot = h.agent("arn:aws:iam::111122223333:user/ci-bot");
        assertThat(bot.owner()).isEqualTo("p-ana");
        assertThat(bot.grants()).containsExactly("codebuild:StartBuild");
        assertThat(bot.source().file()).isEqualTo("credential-report.csv");
        CredentialRecord key = h.credential(AwsIds.key(KEY));
        assertThat(key.lastUsedAt()).as("the report's slot got the listed key's id").isEqualTo(Instant.parse("2026-10-01T10:00:00Z"));
        assertThat(h.credentials).extracting(CredentialRecord::id)
                .doesNotContain("arn:aws:iam::111122223333:user/ci-bot#access-key-1");
        assertThat(h.problems.listed().toString() + h.credentials + h.attributes).doesNotContain(KEY);
    }

    @Test
    void badValuesAndUnjoinableExportsAreReported() {
        SourceHarness bad = new SourceHarness().run(iam, "report.csv", REPORT.replace("2025-05-07T15:35:55+00:00,2026-10-01",
                "yesterday,2026-10-01"));
        assertThat(bad.errors()).extracting(Problem::line, Problem::field, Problem::value)
                .containsExactly(tuple(3L, "access_key_1_last_rotated", "yesterday"));

        SourceHarness alone = new SourceHarness().run(iam, "last-used.json",
                "{\"UserName\":\"Bob\",\"AccessKeyLastUsed\":{\"LastUsedDate\":\"2026-06-16T22:45:00Z\"}}");
        assertThat(alone.errors()).isEmpty();
        assertThat(alone.credentials).isEmpty();
        assertThat(alone.warnings()).singleElement().satisfies(w -> assertThat(w.reason()).contains("not attributed"));

        SourceHarness page = new SourceHarness().run(iam, "page.json", "{\"RoleDetailList\":[],\"IsTruncated\":true}");
        assertThat(page.warnings()).anySatisfy(w -> assertThat(w.field()).isEqualTo("IsTruncated"));
    }
}
