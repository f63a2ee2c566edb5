package dev.steward.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of a YAML file starts: its line by JSON pointer ("/controls/3/checks/0/weight"), so that an error
 * found in the parsed tree or the bound records can name the line a person has to edit. A pointer that is not in the
 * file (a required field that is missing) gives the line of its nearest enclosing node.
 */
final class YamlLines {

    static final YamlLines NONE = new YamlLines(Map.of());

    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Reads the file's tokens once; a file that is not valid YAML gives the lines read before the problem. */
    static YamlLines of(ObjectMapper yaml, byte[] bytes) {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = yaml.getFactory().createParser(bytes)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                JsonStreamContext context = parser.getParsingContext();
                if (token.isStructStart()) {
                    // the new object or array's own context has no name yet: its place is its parent's
                    context = context.getParent();
                }
                if (token.isStructEnd() || context == null) {
                    continue;
                }
                lines.putIfAbsent(context.pathAsPointer().toString(), parser.currentTokenLocation().getLineNr());
            }
        } catch (IOException | RuntimeException e) {
            // the parser reports the syntax error itself; the lines read so far still help the other messages
        }
        return new YamlLines(lines);
    }

    /** The 1-based line of the node at {@code pointer} or of its nearest enclosing node in the file; 0 if none. */
    int line(String pointer) {
        String at = pointer;
        while (!at.isEmpty()) {
            Integer line = lines.get(at);
            if (line != null) {
                return line;
            }
            at = at.substring(0, at.lastIndexOf('/'));
        }
        return lines.getOrDefault("", 0);
    }

    /** The pointer segment for an object key, escaped as RFC 6901 says ("~" as "~0", "/" as "~1"). */
    static String key(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
