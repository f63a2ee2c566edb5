package dev.steward.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Reads the files of a native inventory upload (YAML/JSON documents, section CSVs, meta CSV, XLSX workbooks) into an
 * {@link InventorySink}, through one {@link RecordMapper} so every format validates alike.
 */
public final class NativeInventoryAdapter {

    private final IngestConfig limits;
    private DocumentInventoryReader.Path lastYamlPath;

    public NativeInventoryAdapter(IngestConfig limits) {
        this.limits = limits;
    }

    /** Reads one file. Returns "People" when a document declares kind People, else null. */
    public String read(InputFile file, FileRole role, InputStream in, RecordMapper mapper, Problems problems,
            InventorySink sink) throws IOException {
        switch (role) {
            case YAML_DOCUMENT, JSON_DOCUMENT -> {
                DocumentInventoryReader reader = new DocumentInventoryReader(limits);
                String kind = reader.read(file.name(), in, reopen(file), role == FileRole.YAML_DOCUMENT, mapper, problems,
                        sink);
                lastYamlPath = reader.lastPath();
                return "People".equals(kind) ? kind : null;
            }
            case SECTION_CSV -> {
                RecordMapper.Section section = FileRole.sectionOf(file.name());
                sink.section(section);
                CsvReader csv = new CsvReader(file.name(), in, limits.maxLineBytes());
                TabularInventoryReader tab = new TabularInventoryReader(mapper, problems);
                List<String> header = csv.next();
                if (!tab.header(file.name(), header)) {
                    return null;
                }
                List<String> row;
                while ((row = csv.next()) != null) {
                    tab.row(section, file.name(), csv.recordLine(), header, row);
                }
            }
            case META_CSV -> {
                CsvReader csv = new CsvReader(file.name(), in, limits.maxLineBytes());
                meta(file.name(), csv.next(), csv.next(), 2, problems, sink);
            }
            case XLSX_WORKBOOK -> readWorkbook(file, in, mapper, problems, sink);
            default -> throw new IngestException(file.name() + ": not an inventory file");
        }
        return null;
    }

    /** Which parser read the last YAML/JSON document (for tests). */
    DocumentInventoryReader.Path lastYamlPath() {
        return lastYamlPath;
    }

    /**
     * Opens the file again as the upload opened it ({@link BoundedInput}: gunzipped, without a byte-order mark), so a
     * YAML document's fast reader can hand over to the full parser; null when there is no file on disk to reopen.
     */
    private DocumentInventoryReader.Reopen reopen(InputFile file) {
        if (file.path() == null || !Files.isRegularFile(file.path())) {
            return null;
        }
        return () -> BoundedInput.open(file.name(), Files.newInputStream(file.path()), limits);
    }

    private void readWorkbook(InputFile file, InputStream in, RecordMapper mapper, Problems problems, InventorySink sink)
            throws IOException {
        TabularInventoryReader tab = new TabularInventoryReader(mapper, problems);
        XlsxRows.read(file.name(), in, new XlsxRows.Handler() {
            String sheet;
            RecordMapper.Section section;
            List<String> header;
            boolean meta;
            boolean usable;

            @Override
            public void sheet(String name) {
                sheet = name;
                String n = name.trim().toLowerCase(Locale.ROOT);
                meta = n.equals("meta");
                section = RecordMapper.Section.of(n);
                header = null;
                usable = true;
                if (section != null) {
                    sink.section(section);
                } else if (!meta) {
                    problems.warning(file.name(), 0, "sheet " + name, null,
                            "sheet ignored: expected people, agents, credentials or meta");
                }
            }

            @Override
            public void row(long rowNumber, List<String> cells) {
                String where = file.name() + "[" + sheet + "]";
                if (header == null) {
                    header = cells;
                    usable = meta || section == null || tab.header(where, header);
                    return;
                }
                if (meta) {
                    meta(where, header, cells, rowNumber, problems, sink);
                } else if (section != null && usable) {
                    tab.row(section, where, rowNumber, header, cells);
                }
            }
        });
    }

    private static void meta(String file, List<String> header, List<String> values, long line, Problems problems,
            InventorySink sink) {
        if (header == null || values == null) {
            problems.error(file, 1, null, null, "meta needs a header row (asOf, source) and one row of values");
            return;
        }
        Instant asOf = null;
        String source = null;
        for (int i = 0; i < header.size() && i < values.size(); i++) {
            String h = header.get(i).trim();
            String v = values.get(i) == null ? null : values.get(i).trim();
            if (h.equals("asOf") && v != null && !v.isEmpty()) {
                asOf = Times.parse(v).orElse(null);
                if (asOf == null) {
                    problems.error(file, line, "asOf", v, "not an RFC 3339 date-time or a date (YYYY-MM-DD)");
                }
            } else if (h.equals("source")) {
                source = v;
            }
        }
        sink.meta(asOf, source);
    }
}
