package dev.steward.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Turns rows of a CSV file or XLSX sheet (header row of FORMATS.md field names, nested fields flattened with dots,
 * lists separated by ';', empty cell = null) into the same record trees the YAML/JSON reader gives, so every format
 * goes through one {@link RecordMapper}.
 */
public final class TabularInventoryReader {

    private static final Set<String> LIST_FIELDS = Set.of("tools", "grants", "holders", "scopes");
    private static final Set<String> NUMBER_FIELDS = Set.of("ttlSeconds");

    private final RecordMapper mapper;
    private final Problems problems;

    public TabularInventoryReader(RecordMapper mapper, Problems problems) {
        this.mapper = mapper;
        this.problems = problems;
    }

    /** Checks a header row; returns false (with an error) when it cannot be used. */
    public boolean header(String file, List<String> header) {
        if (header == null || header.stream().noneMatch(h -> "id".equals(h.trim()))) {
            problems.error(file, 1, "id", header == null ? null : String.join(",", header),
                    "the header row must name the columns and include 'id'");
            return false;
        }
        return true;
    }

    /** Maps one data row of a section. */
    public void row(RecordMapper.Section section, String file, long line, List<String> header, List<String> cells) {
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
            return;
        }
        if (cells.size() > header.size()) {
            problems.error(file, line, null, null, "row has " + cells.size() + " cells but the header has " + header.size());
            return;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i).trim();
            String cell = i < cells.size() ? cells.get(i) : null;
            if (column.isEmpty() || cell == null || cell.isBlank()) {
                continue;
            }
            put(node, column, cell.trim(), file, line, section);
        }
        mapper.map(section, node, file, line);
    }

    private void put(ObjectNode node, String column, String cell, String file, long line, RecordMapper.Section section) {
        String[] parts = column.split("\\.");
        ObjectNode target = node;
        for (int i = 0; i < parts.length - 1; i++) {
            target = target.has(parts[i]) && target.get(parts[i]).isObject()
                    ? (ObjectNode) target.get(parts[i]) : target.putObject(parts[i]);
        }
        String leaf = parts[parts.length - 1];
        if (parts.length == 1 && LIST_FIELDS.contains(leaf)) {
            ArrayNode arr = target.putArray(leaf);
            for (String v : cell.split(";")) {
                if (!v.isBlank()) {
                    arr.add(v.trim());
                }
            }
        } else if (NUMBER_FIELDS.contains(leaf)) {
            try {
                target.put(leaf, Long.parseLong(cell));
            } catch (NumberFormatException e) {
                problems.error(file, line, section.sectionName() + "." + column, cell, "expected a whole number");
            }
        } else {
            target.put(leaf, cell);
        }
    }
}
