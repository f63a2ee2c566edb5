package dev.steward.report;

/**
 * Formula-injection defence for spreadsheets and CSV (OWASP "CSV injection"): text that starts with = + - @ tab or
 * carriage return would be run as a formula by Excel, LibreOffice or Sheets; such text is written with a leading
 * apostrophe in CSV (the XLSX writer marks the cell quote-prefixed instead).
 */
public final class Inert {

    private Inert() {
    }

    public static boolean dangerous(String v) {
        if (v == null || v.isEmpty()) {
            return false;
        }
        char c = v.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    public static String text(String v) {
        if (v == null) {
            return "";
        }
        return dangerous(v) ? "'" + v : v;
    }
}
