package dev.steward.report;

import java.util.Arrays;
import java.util.Locale;

/** A file format every report is written in, with its media type and file extension. */
public enum ReportFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    PDF("application/pdf"),
    HTML("text/html; charset=utf-8"),
    CSV("text/csv; charset=utf-8"),
    JSON("application/json");

    private final String mediaType;

    ReportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportFormat parse(String text) {
        for (ReportFormat f : values()) {
            if (f.extension().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("format '" + text + "' is not one of "
                + Arrays.stream(values()).map(ReportFormat::extension).toList());
    }
}
