package dev.steward.report;

import dev.steward.assessment.ControlStatus;
import dev.steward.check.Result;
import dev.steward.check.Severity;

/**
 * The colours of every report format (hex RGB, without #): a status, severity or result looks the same in XLSX, PDF
 * and HTML. Each badge is {foreground, background}, chosen for contrast when printed.
 */
public final class Palette {

    public static final String INK = "1F2933";
    public static final String MUTED = "616E7C";
    public static final String HEADER = "243B53";
    public static final String ACCENT = "2F6FDE";
    public static final String LINK = "1A56DB";
    public static final String RULE = "D9E2EC";
    public static final String ZEBRA = "F5F7FA";

    private Palette() {
    }

    public static String[] status(ControlStatus s) {
        return switch (s) {
            case SATISFIED -> new String[] {"0E5E2F", "D3F2DF"};
            case PARTIALLY_SATISFIED -> new String[] {"7A4A00", "FCE8B2"};
            case NOT_SATISFIED -> new String[] {"8A1C1C", "FAD4D4"};
            case NOT_ASSESSED -> new String[] {"3E4C59", "E4E7EB"};
            case MANUAL -> new String[] {"1E3A8A", "DBE4FF"};
            case OUT_OF_SCOPE -> new String[] {"616E7C", "F0F4F8"};
        };
    }

    public static String[] severity(Severity s) {
        return switch (s) {
            case CRITICAL -> new String[] {"FFFFFF", "9B1C1C"};
            case HIGH -> new String[] {"FFFFFF", "D9480F"};
            case MEDIUM -> new String[] {"5C3D00", "FAD776"};
            case LOW -> new String[] {"243B53", "D9E2EC"};
        };
    }

    public static String[] result(Result r) {
        return switch (r) {
            case PASS -> status(ControlStatus.SATISFIED);
            case PARTIAL -> status(ControlStatus.PARTIALLY_SATISFIED);
            case FAIL -> status(ControlStatus.NOT_SATISFIED);
            case INSUFFICIENT_EVIDENCE -> status(ControlStatus.NOT_ASSESSED);
            case NOT_APPLICABLE -> status(ControlStatus.OUT_OF_SCOPE);
        };
    }

    /** Chart series colour for a score (share 0..1): red below 0.60, amber below 0.95, green from there. */
    public static String score(Double share) {
        if (share == null) {
            return "BCCCDC";
        }
        return share < 0.60 ? "D64545" : share < 0.95 ? "E8A317" : "2F9E5B";
    }
}
