package dev.steward.ingest.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS identifiers as Steward stores them. Access key ids (AKIA..., ASIA...) look like secrets to the secret scanner
 * and are never stored whole: they become {@code AKIA****MPLE-1a2b3c4d} (prefix, last four, SHA-256 prefix), the same
 * in every adapter so a key in the IAM inventory and in CloudTrail is one credential. ARNs give accounts and roles.
 */
public final class AwsIds {

    private static final Pattern KEY = Pattern.compile("^(AKIA|ASIA)[0-9A-Z]{16}$");
    private static final Pattern ARN_ACCOUNT = Pattern.compile("^arn:aws[a-z-]*:[a-z0-9-]+:[a-z0-9-]*:([^:]*):");
    private static final Pattern ASSUMED_ROLE = Pattern.compile("^arn:(aws[a-z-]*):sts::([^:]+):assumed-role/([^/]+)/.*$");

    private AwsIds() {
    }

    /** The stored id of an access key id; other values are returned trimmed, blank ones as null. */
    public static String key(String accessKeyId) {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            return null;
        }
        String k = accessKeyId.trim();
        if (!KEY.matcher(k).matches()) {
            return k;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(k.getBytes(StandardCharsets.US_ASCII));
            return k.substring(0, 4) + "****" + k.substring(16) + "-" + HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account id in an ARN, or null. */
    public static String account(String arn) {
        if (arn == null) {
            return null;
        }
        Matcher m = ARN_ACCOUNT.matcher(arn);
        return m.find() && !m.group(1).isEmpty() ? m.group(1) : null;
    }

    /** The IAM role ARN behind an assumed-role session ARN (the role path is not in it); null when not one. */
    public static String roleOfSession(String sessionArn) {
        if (sessionArn == null) {
            return null;
        }
        Matcher m = ASSUMED_ROLE.matcher(sessionArn);
        return m.matches() ? "arn:" + m.group(1) + ":iam::" + m.group(2) + ":role/" + m.group(3) : null;
    }

    /** The short service name of an event source or service principal (s3.amazonaws.com → s3). */
    public static String service(String eventSource) {
        if (eventSource == null) {
            return null;
        }
        int dot = eventSource.indexOf(".amazonaws.com");
        return dot > 0 ? eventSource.substring(0, dot) : eventSource;
    }
}
