package dev.steward.report;

import java.util.Arrays;
import java.util.Locale;

/** The two reports: ownership (for managers and GRC) and gaps (for GRC and auditors). The wire name is the file name. */
public enum ReportKind {
    OWNERSHIP, GAPS;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportKind parse(String text) {
        for (ReportKind k : values()) {
            if (k.wire().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("report '" + text + "' is not one of " + Arrays.stream(values()).map(ReportKind::wire).toList());
    }
}
