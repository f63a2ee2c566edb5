package dev.steward.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything that determines a run before it is computed, and the run id derived from it: SHA-256 over the engine
 * version, the as-of instant, the window start, the mapping version, the parameters digest and the sorted content
 * hashes of the inputs (by kind), first {@value #ID_HEX} hex digits. The same inputs therefore give the same id,
 * which findings.json carries; assessing them again finds the stored run instead of storing a copy.
 */
public record RunHeader(String id, Instant asOf, Instant windowStart, String engineVersion, String mappingVersion,
        String parametersDigest, List<InputRef> inputs) {

    public static final int ID_HEX = 32;

    public RunHeader {
        inputs = List.copyOf(inputs);
    }

    public static RunHeader of(Instant asOf, Instant windowStart, String engineVersion, String mappingVersion,
            String parametersDigest, List<InputRef> inputs) {
        StringBuilder text = new StringBuilder("steward-assessment/v1\n")
                .append("engine=").append(engineVersion).append('\n')
                .append("asOf=").append(asOf).append('\n')
                .append("windowStart=").append(windowStart).append('\n')
                .append("mappingVersion=").append(mappingVersion).append('\n')
                .append("parameters=").append(parametersDigest).append('\n');
        inputs.stream().map(i -> i.kind() + ":" + i.contentHash()).distinct().sorted()
                .forEach(i -> text.append("input=").append(i).append('\n'));
        return new RunHeader(sha256(text.toString()).substring(0, ID_HEX), asOf, windowStart, engineVersion, mappingVersion,
                parametersDigest, inputs);
    }

    /** The header a stored run was computed from, read back from its summary. */
    public static RunHeader of(AssessmentSummary s) {
        return new RunHeader(s.id(), s.asOf(), s.windowStart(), s.engineVersion(), s.mappingVersion(),
                s.parametersDigest(), s.inputs());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
