package dev.steward.assessment;

import dev.steward.check.Check;
import dev.steward.mapping.MappingFile;
import dev.steward.mapping.MappingLoader;
import dev.steward.mapping.MappingSet;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Test frameworks written as mapping YAML and loaded (validated) against the test's checks. */
final class Frameworks {

    private Frameworks() {
    }

    /** A control mapping checks, given as "ID:weight" or "ID:weight:param=value". */
    static String control(String id, String parent, String... checks) {
        String refs = Arrays.stream(checks).map(c -> {
            String[] p = c.split(":");
            String params = p.length > 2 ? ", parameters: {" + p[2].replace("=", ": \"") + "\"}" : "";
            return "{id: " + p[0] + ", weight: " + p[1] + params + "}";
        }).collect(Collectors.joining(", "));
        return "{id: " + id + ", title: " + id + ", description: d, parent: " + (parent == null ? "null" : parent)
                + ", inScope: true, outOfScopeReason: null, rationale: r" + (checks.length == 0 ? "" : ", checks: [" + refs + "]")
                + "}";
    }

    static String group(String id, String parent) {
        return "{id: " + id + ", title: " + id + ", description: d, parent: " + (parent == null ? "null" : parent)
                + ", inScope: true, outOfScopeReason: null}";
    }

    static String manual(String id) {
        return "{id: " + id + ", title: " + id + ", description: d, parent: null, inScope: true, outOfScopeReason: null,"
                + " rationale: r, manualEvidence: [{id: " + id.toLowerCase() + "-doc, description: a document}]}";
    }

    static String outOfScope(String id, String parent) {
        return "{id: " + id + ", title: " + id + ", description: d, parent: " + (parent == null ? "null" : parent)
                + ", inScope: false, outOfScopeReason: not about identities}";
    }

    static String framework(String id, String... controls) {
        return "apiVersion: steward/v1\nkind: Framework\nid: " + id + "\nname: Test " + id + "\nversion: \"1\"\npublisher: tests\n"
                + "source: https://example.org/" + id + "\nlicense: none\ncontrols:\n"
                + Arrays.stream(controls).map(c -> "  - " + c + "\n").collect(Collectors.joining());
    }

    static MappingSet load(List<? extends Check> checks, String... frameworks) {
        List<MappingFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < frameworks.length; i++) {
            files.add(new MappingFile("f" + i + ".yaml", "test", frameworks[i].getBytes(StandardCharsets.UTF_8)));
        }
        return new MappingLoader(checks).load(files);
    }
}
