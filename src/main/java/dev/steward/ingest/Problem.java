package dev.steward.ingest;

/**
 * One problem found in an upload: where (file, line or row, field), the offending value (redacted when it is a
 * secret, shortened when long) and why. An ERROR rejects the whole upload; a WARNING does not.
 */
public record Problem(Level level, String file, long line, String field, String value, String reason) {

    public enum Level { ERROR, WARNING }

    private static final int MAX_VALUE = 200;

    public Problem {
        if (value != null && value.length() > MAX_VALUE) {
            value = value.substring(0, MAX_VALUE) + "... (" + value.length() + " chars)";
        }
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder().append(level).append(' ').append(file);
        if (line > 0) {
            b.append(':').append(line);
        }
        if (field != null) {
            b.append(" field '").append(field).append('\'');
        }
        if (value != null) {
            b.append(" value '").append(value).append('\'');
        }
        return b.append(": ").append(reason).toString();
    }
}
