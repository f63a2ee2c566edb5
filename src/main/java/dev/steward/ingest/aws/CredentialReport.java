package dev.steward.ingest.aws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.ingest.CsvReader;
import dev.steward.ingest.Problems;
import dev.steward.ingest.source.Json;
import dev.steward.ingest.source.SourceTimes;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The IAM credential report (CSV, from {@code aws iam get-credential-report}): each row is an IAM user (or the root
 * account) with its password, two access key slots and two certificate slots. The user becomes an agent; each
 * password, key and certificate that exists becomes a credential (an inactive key is revoked). Values N/A,
 * no_information and not_supported mean unknown. Keys get their ids when list-access-keys is in the same upload.
 */
final class CredentialReport {

    static final String HEADER = "user,arn,user_creation_time";
    private static final Set<String> UNKNOWN = Set.of("", "N/A", "no_information", "not_supported");

    private CredentialReport() {
    }

    /** Reads the CSV; {@code lineOffset} is 0 for a CSV file, and the wrapper's line for the JSON Content string. */
    static void read(String file, InputStream in, int maxRecordChars, long wrapperLine, IamAccount account,
            Problems problems) throws IOException {
        CsvReader csv = new CsvReader(file, in, maxRecordChars);
        List<String> header = csv.next();
        if (header == null || !header.contains("user") || !header.contains("arn")) {
            problems.error(file, wrapperLine > 0 ? wrapperLine : 1, null, header == null ? null : String.join(",", header),
                    "not an IAM credential report: the header must start with " + HEADER);
            return;
        }
        List<String> row;
        while ((row = csv.next()) != null) {
            Map<String, String> r = new HashMap<>();
            for (int i = 0; i < header.size() && i < row.size(); i++) {
                String v = row.get(i) == null ? "" : row.get(i).trim();
                r.put(header.get(i).trim(), UNKNOWN.contains(v) ? null : v);
            }
            row(file, wrapperLine > 0 ? wrapperLine : csv.recordLine(), r, account, problems);
        }
    }

    private static void row(String file, long line, Map<String, String> r, IamAccount account, Problems problems) {
        String arn = r.get("arn");
        String user = r.get("user");
        if (arn == null || user == null) {
            problems.error(file, line, arn == null ? "arn" : "user", null, "required column empty");
            return;
        }
        Instant created = time(file, line, "user_creation_time", r, problems);
        boolean root = "<root_account>".equals(user);
        account.userArns.putIfAbsent(user, arn);
        IamAccount.Principal p = account.agent(arn, file, line);
        p.node.put("name", root ? "root account" : user).put("status", "active");
        Json.put(p.node, "createdAt", created);
        p.attributes.put("awsType", root ? "root" : "iam-user");
        p.attributes.put("mfaActive", "true".equals(r.get("mfa_active")));
        boolean activeKey = "true".equals(r.get("access_key_1_active")) || "true".equals(r.get("access_key_2_active"));
        boolean password = "true".equals(r.get("password_enabled")) || root && r.get("password_last_used") != null;
        p.node.putObject("identity").put("type", activeKey ? "api-key" : password ? "shared-secret" : "none")
                .put("id", arn);
        if (password) {
            Instant changed = time(file, line, "password_last_changed", r, problems);
            ObjectNode c = credential(arn + "#password", "password", arn, "active");
            Json.put(c, "createdAt", changed != null ? changed : created);
            Json.put(c, "lastRotatedAt", changed);
            Json.put(c, "lastUsedAt", time(file, line, "password_last_used", r, problems));
            ObjectNode attributes = Json.object();
            Json.put(attributes, "passwordNextRotation", r.get("password_next_rotation"));
            account.credential(arn + "#password", c, attributes, file, line, user, null);
        }
        for (int slot = 1; slot <= 2; slot++) {
            String prefix = "access_key_" + slot + "_";
            Instant rotated = time(file, line, prefix + "last_rotated", r, problems);
            boolean active = "true".equals(r.get(prefix + "active"));
            if (!active && rotated == null) {
                continue;
            }
            String id = arn + "#access-key-" + slot;
            ObjectNode c = credential(id, "api-key", arn, active ? "active" : "revoked");
            Json.put(c, "createdAt", rotated);
            Json.put(c, "lastRotatedAt", rotated);
            Json.put(c, "lastUsedAt", time(file, line, prefix + "last_used_date", r, problems));
            ObjectNode attributes = Json.object().put("reportSlot", slot);
            Json.put(attributes, "lastUsedService", r.get(prefix + "last_used_service"));
            Json.put(attributes, "lastUsedRegion", r.get(prefix + "last_used_region"));
            account.credential(id, c, attributes, file, line, user, rotated);
        }
        for (int slot = 1; slot <= 2; slot++) {
            String prefix = "cert_" + slot + "_";
            Instant rotated = time(file, line, prefix + "last_rotated", r, problems);
            boolean active = "true".equals(r.get(prefix + "active"));
            if (!active && rotated == null) {
                continue;
            }
            ObjectNode c = credential(arn + "#certificate-" + slot, "certificate", arn, active ? "active" : "revoked");
            Json.put(c, "createdAt", rotated);
            Json.put(c, "lastRotatedAt", rotated);
            account.credential(arn + "#certificate-" + slot, c, Json.object(), file, line, user, rotated);
        }
    }

    private static ObjectNode credential(String id, String type, String holder, String status) {
        ObjectNode c = Json.object().put("id", id).put("type", type).put("issuer", "aws-iam").put("status", status);
        Json.put(c, "holders", List.of(holder));
        return c;
    }

    private static Instant time(String file, long line, String column, Map<String, String> r, Problems problems) {
        String v = r.get(column);
        if (v == null) {
            return null;
        }
        return SourceTimes.parse(v).orElseGet(() -> {
            problems.error(file, line, column, v, "not a date-time the credential report writes");
            return null;
        });
    }
}
