package dev.steward.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.steward.assessment.AssessmentJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * JSON: one document per report, written with a streaming generator so the agent and finding arrays never sit in
 * memory: {@code {"report", "meta", ...summary parts..., "agents"|"findings": [...]}}. Values are serialized by
 * {@link AssessmentJson} (instants as RFC 3339, properties in record order), like findings.json.
 */
public final class JsonReportWriter {

    public void write(ReportKind kind, ReportModel m, OutputStream out) {
        try (JsonGenerator g = AssessmentJson.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("report", kind.wire());
            g.writeObjectField("meta", m.meta());
            if (kind == ReportKind.OWNERSHIP) {
                g.writeObjectField("headlines", m.ownership().headlines());
                g.writeObjectField("owners", m.ownership().owners());
                g.writeArrayFieldStart("agents");
                for (AgentRow a : m.ownership().agents()) {
                    g.writeObject(a);
                }
                g.writeEndArray();
            } else {
                GapReport r = m.gaps();
                g.writeObjectField("frameworks", r.frameworks());
                g.writeNumberField("findingCount", r.findingCount());
                g.writeObjectField("bySeverity", r.bySeverity());
                g.writeObjectField("topRisks", r.topRisks());
                g.writeObjectField("recommendations", r.recommendations());
                g.writeObjectField("scores", r.scores());
                g.writeObjectField("revocationLatency", r.revocation());
                g.writeObjectField("changes", r.changes());
                g.writeObjectField("trend", r.trend());
                g.writeObjectField("controls", r.controls());
                g.writeObjectField("outOfScope", r.outOfScope());
                g.writeObjectField("appendix", r.appendix());
                g.writeArrayFieldStart("findings");
                for (GapReport.FindingRow f : r.findings()) {
                    g.writeObject(f);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
