package dev.steward.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A streaming RFC 4180 reader: comma separated, double-quoted fields with doubled quotes, quoted line breaks, LF or
 * CRLF. One record is bounded by the configured line limit. Reports the 1-based line where each record starts.
 */
public final class CsvReader {

    private final String file;
    private final Reader in;
    private final int maxRecordChars;
    private long line = 1;
    private long recordLine;
    private int peeked = -2;

    public CsvReader(String file, InputStream in, int maxRecordChars) {
        this.file = file;
        this.in = new java.io.BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        this.maxRecordChars = maxRecordChars;
    }

    /** The next record's fields, or null at the end. Blank lines are skipped. */
    public List<String> next() throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                return null;
            }
            if (c == '\n') {
                line++;
                continue;
            }
            if (c == '\r') {
                continue;
            }
            unread(c);
            return record();
        }
    }

    /** Line where the record last returned by {@link #next()} starts. */
    public long recordLine() {
        return recordLine;
    }

    private List<String> record() throws IOException {
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int total = 0;
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            int c = read();
            if (++total > maxRecordChars) {
                throw new IngestException(file + ":" + recordLine + ": record longer than " + maxRecordChars
                        + " characters (steward.ingest.max-line-bytes)");
            }
            if (quoted) {
                if (c < 0) {
                    throw new IngestException(file + ":" + recordLine + ": quoted field is never closed");
                }
                if (c == '"') {
                    int n = read();
                    if (n == '"') {
                        cur.append('"');
                    } else {
                        quoted = false;
                        unread(n);
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cur.append((char) c);
                }
                continue;
            }
            if (c == '"' && cur.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c < 0) {
                if (c == '\n') {
                    line++;
                }
                fields.add(cur.toString());
                return fields;
            } else if (c != '\r') {
                cur.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        if (peeked != -2) {
            int c = peeked;
            peeked = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        peeked = c;
    }
}
