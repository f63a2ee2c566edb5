package dev.steward.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises secret values so they are never stored, logged or echoed: private keys, cloud access keys, JWTs,
 * GitHub and Slack tokens, and any non-empty value of a password-like field. Cheap on the hot path: a string is only
 * run through the patterns when it contains one of their fixed prefixes.
 */
public final class SecretScanner {

    /** Text that replaces a secret value everywhere. */
    public static String redacted(String kind) {
        return "[REDACTED:" + kind + "]";
    }

    private record Rule(String kind, String prefix, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule("private-key", "-----BEGIN", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY( BLOCK)?-----")),
            new Rule("aws-access-key", "AKIA", Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b")),
            new Rule("aws-access-key", "ASIA", Pattern.compile("\\bASIA[0-9A-Z]{16}\\b")),
            new Rule("jwt", "eyJ", Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}")),
            new Rule("github-token", "gh", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b")),
            new Rule("github-token", "github_pat_", Pattern.compile("\\bgithub_pat_[A-Za-z0-9_]{22,}")),
            new Rule("slack-token", "xox", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
            new Rule("slack-webhook", "hooks.slack", Pattern.compile("hooks\\.slack\\.com/services/[A-Za-z0-9/]{20,}")),
            new Rule("gcp-api-key", "AIza", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b")));

    /** Field names (lower case, separators removed) whose values are secrets whatever they look like. */
    private static final Set<String> SECRET_FIELDS = Set.of("password", "passwd", "pwd", "secret", "clientsecret",
            "secretkey", "secretaccesskey", "awssecretaccesskey", "privatekey", "apikey", "accesstoken", "refreshtoken",
            "bearertoken", "secretvalue", "token");

    /**
     * Whether a field name is password-like, by name: parsers hand over the same few names for millions of values,
     * and normalising each again was a visible cost of decision ingest. Bounded, so odd inputs cannot grow it.
     */
    private static final java.util.Map<String, Boolean> SECRET_FIELD_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    private SecretScanner() {
    }

    private static boolean secretField(String field) {
        Boolean known = SECRET_FIELD_NAMES.get(field);
        if (known == null) {
            known = SECRET_FIELDS.contains(normalise(field));
            if (SECRET_FIELD_NAMES.size() < 4096) {
                SECRET_FIELD_NAMES.put(field, known);
            }
        }
        return known;
    }

    /** The kind of secret the value is or contains, if any. {@code field} may be null. */
    public static Optional<String> detect(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (field != null && secretField(field) && !value.startsWith("[REDACTED:")) {
            return Optional.of("password-field");
        }
        if (value.length() < 16) {
            return Optional.empty();
        }
        for (Rule r : RULES) {
            if (value.contains(r.prefix) && r.pattern.matcher(value).find()) {
                return Optional.of(r.kind);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String field) {
        String last = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
        return last.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }
}
