package dev.steward.ingest.agentcard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.ingest.RecordMapper;
import dev.steward.ingest.SourceContext;
import dev.steward.ingest.source.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents and credentials declared by the cards and manifests of one upload, delivered at the end. The same agent
 * may be declared twice (a card published in two protocol versions, a registry listing two versions): the later
 * declaration is kept and the repeat is a warning, not a duplicate-id error.
 */
final class Declarations {

    private record Item(RecordMapper.Section section, ObjectNode node, ObjectNode attributes, String file, long line) {
    }

    private final Map<String, Item> items = new LinkedHashMap<>();

    void add(SourceContext context, RecordMapper.Section section, ObjectNode node, ObjectNode attributes, String file,
            long line) {
        String id = Json.text(node, "id");
        Item previous = items.put(section + "|" + id, new Item(section, node, attributes, file, line));
        if (previous != null) {
            context.problems().warning(file, line, section.sectionName() + ".id", id, "declared again (first at "
                    + previous.file() + ":" + previous.line() + "): the later declaration is kept");
        }
    }

    List<String> agentIds() {
        return items.values().stream().filter(i -> i.section() == RecordMapper.Section.AGENTS)
                .map(i -> Json.text(i.node(), "id")).toList();
    }

    void deliver(SourceContext context) {
        items.values().forEach(i -> context.record(i.section(), i.node(), i.attributes(), i.file(), i.line()));
        items.clear();
    }
}
