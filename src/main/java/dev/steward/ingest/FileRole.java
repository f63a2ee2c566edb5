package dev.steward.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Locale;

/**
 * What a file of a native upload is, told by its name and, where the name is ambiguous (.json), by its first line.
 * Gzip is transparent: {@code x.jsonl.gz} is a decision log.
 */
public enum FileRole {
    /** CSV with the document-level asOf and source (columns asOf, source); read first. */
    META_CSV,
    /** YAML inventory or people document. */
    YAML_DOCUMENT,
    /** JSON inventory or people document. */
    JSON_DOCUMENT,
    /** CSV file of one section, named people, agents or credentials. */
    SECTION_CSV,
    /** XLSX workbook with sheets people, agents, credentials and meta. */
    XLSX_WORKBOOK,
    /** JSON Lines decision log. */
    DECISIONS,
    /** An inventory export of a source system, read by a {@link SourceAdapter}. */
    SOURCE_INVENTORY,
    /** A decision or audit log of a source system, read by a {@link SourceAdapter}. */
    SOURCE_DECISIONS;

    public boolean decisions() {
        return this == DECISIONS || this == SOURCE_DECISIONS;
    }

    /** The role of a file that the adapter reads. */
    public static FileRole of(SourceAdapter adapter) {
        return adapter.kind() == SourceAdapter.Kind.DECISIONS ? SOURCE_DECISIONS : SOURCE_INVENTORY;
    }

    /** The section a CSV file holds, from its name (people.csv, agents-2026-11.csv, ...), or null. */
    public static RecordMapper.Section sectionOf(String fileName) {
        String base = base(fileName);
        for (RecordMapper.Section s : RecordMapper.Section.values()) {
            if (base.startsWith(s.sectionName())) {
                return s;
            }
        }
        return null;
    }

    public static FileRole of(InputFile file, IngestConfig limits) throws IOException {
        String base = base(file.name());
        if (base.endsWith(".yaml") || base.endsWith(".yml")) {
            return YAML_DOCUMENT;
        }
        if (base.endsWith(".jsonl") || base.endsWith(".ndjson") || base.endsWith(".log")) {
            return DECISIONS;
        }
        if (base.endsWith(".xlsx")) {
            return XLSX_WORKBOOK;
        }
        if (base.endsWith(".csv")) {
            if (base.startsWith("meta")) {
                return META_CSV;
            }
            if (sectionOf(file.name()) != null) {
                return SECTION_CSV;
            }
            throw new IngestException(file.name() + ": cannot tell which section this CSV holds; name it people.csv,"
                    + " agents.csv, credentials.csv or meta.csv");
        }
        if (base.endsWith(".json")) {
            return looksLikeJsonLines(file, limits) ? DECISIONS : JSON_DOCUMENT;
        }
        throw new IngestException(file.name() + ": unknown file type; expected .yaml/.yml or .json (inventory),"
                + " .csv or .xlsx (inventory sections), .jsonl/.ndjson (decision logs), optionally .gz");
    }

    private static boolean looksLikeJsonLines(InputFile file, IngestConfig limits) throws IOException {
        try (InputStream in = BoundedInput.open(file.name(), Files.newInputStream(file.path()), limits)) {
            String first = new LineReader(file.name(), in, limits.maxLineBytes()).next();
            if (first == null) {
                return false;
            }
            String t = first.trim();
            return t.startsWith("{") && t.endsWith("}") && t.contains("\"decision\"");
        } catch (IngestException e) {
            return false;
        }
    }

    private static String base(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        int slash = Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\'));
        n = n.substring(slash + 1);
        return n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n;
    }
}
