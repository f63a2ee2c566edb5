package dev.steward.ingest.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.ingest.SourceAdapter;
import dev.steward.ingest.SourceContext;
import dev.steward.ingest.source.Json;
import dev.steward.ingest.source.JsonRecords;
import dev.steward.ingest.source.SourceTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * AWS IAM inventory exports of one account, read together in one upload and merged ({@link IamAccount}): the
 * credential report (CSV, or the JSON of get-credential-report with Content as text or base64), list-access-keys,
 * get-access-key-last-used, get-account-authorization-details (users, groups, roles with trust policy, tags and
 * RoleLastUsed, managed policies) and get-service-last-accessed-details (Access Advisor). The scope is
 * {@code aws:<account-id>}, so a later export of the account replaces the earlier one and nothing else.
 */
@ApplicationScoped
public class AwsIamAdapter implements SourceAdapter {

    private static final Set<String> LISTS = Set.of("UserDetailList", "GroupDetailList", "RoleDetailList", "Policies",
            "AccessKeyMetadata", "ServicesLastAccessed");
    private static final Pattern JSON_SHAPES = Pattern.compile("\"(AccessKeyMetadata|UserDetailList|RoleDetailList"
            + "|GroupDetailList|ServicesLastAccessed)\"\\s*:\\s*\\[|\"AccessKeyLastUsed\"\\s*:\\s*\\{");

    private final AwsConfig config;

    public AwsIamAdapter(AwsConfig config) {
        this.config = config;
    }

    @Override
    public String format() {
        return "aws-iam";
    }

    @Override
    public Kind kind() {
        return Kind.INVENTORY;
    }

    @Override
    public String expects() {
        return "AWS IAM export (credential report CSV or its get-credential-report JSON, list-access-keys,"
                + " get-account-authorization-details, get-service-last-accessed-details)";
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    public boolean detect(String fileName, String head) {
        String h = head.stripLeading();
        return h.startsWith(CredentialReport.HEADER) || JSON_SHAPES.matcher(head).find()
                || head.contains("\"ReportFormat\"") && head.contains("\"Content\"");
    }

    @Override
    public Session open(SourceContext context) {
        IamAccount account = new IamAccount(config, context.problems());
        JsonRecords records = new JsonRecords(context.limits(), LISTS);
        return new Session() {
            private String firstFile;

            @Override
            public void read(String file, InputStream raw) throws IOException {
                firstFile = firstFile == null ? file : firstFile;
                BufferedInputStream in = new BufferedInputStream(raw);
                in.mark(1024);
                String start = new String(in.readNBytes(1024), StandardCharsets.UTF_8).stripLeading();
                in.reset();
                if (!start.startsWith("{") && !start.startsWith("[")) {
                    CredentialReport.read(file, in, context.limits().maxLineBytes(), 0, account, context.problems());
                    return;
                }
                records.read(file, in, false, context.problems(), new JsonRecords.Handler() {
                    @Override
                    public void record(String container, ObjectNode r, long line) throws IOException {
                        if (container == null) {
                            single(context, account, file, r, line);
                        } else if (container.equals("AccessKeyMetadata")) {
                            account.listedKey(r, file, line);
                        } else if (container.equals("ServicesLastAccessed")) {
                            account.accessed(r, file);
                        } else {
                            account.detail(container, r, file, line);
                        }
                    }

                    @Override
                    public void wrapperFields(ObjectNode fields, long line) {
                        account.asOf(SourceTimes.parse(fields.path("JobCompletionDate")).orElse(null));
                        if (fields.path("IsTruncated").asBoolean(false)) {
                            context.problems().warning(file, line, "IsTruncated", "true", "the export is one page of"
                                    + " several; export every page (the CLI pages by itself unless --max-items is set)");
                        }
                    }
                });
            }

            @Override
            public void finish() {
                account.finish(context, firstFile);
                String id = account.account();
                context.proposeScope(id == null ? "aws" : "aws:" + id);
                context.meta(account.asOf, null);
            }
        };
    }

    /** A top-level object: the get-credential-report JSON, or get-access-key-last-used. */
    private static void single(SourceContext context, IamAccount account, String file, JsonNode r, long line)
            throws IOException {
        if (r.has("Content")) {
            account.asOf(SourceTimes.parse(r.path("GeneratedTime")).orElse(null));
            String content = Json.text(r, "Content");
            if (content == null) {
                context.problems().error(file, line, "Content", null, "the credential report is empty");
                return;
            }
            if (!content.contains(",")) {
                try {
                    content = new String(Base64.getMimeDecoder().decode(content), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    context.problems().error(file, line, "Content", null, "neither CSV text nor base64");
                    return;
                }
            }
            CredentialReport.read(file, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                    Math.max(context.limits().maxLineBytes(), content.length()), line, account, context.problems());
        } else if (r.has("AccessKeyLastUsed")) {
            account.keyLastUsed(r, file, line);
        } else {
            context.problems().warningOnce(file + "|unknown", file, line, null, null,
                    "an object that is not an IAM export the aws-iam adapter reads: skipped (reported once per file)");
        }
    }
}
