package dev.steward.ui;

import dev.steward.assessment.ControlResult;
import dev.steward.attestation.Attestation;
import dev.steward.attestation.AttestationService;
import dev.steward.ingest.SecretScanner;
import dev.steward.ingest.Times;
import dev.steward.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Manual evidence from a control's page (admin): attach an attestation (statement, validity, optional file) or withdraw
 * one, through the same {@link AttestationService} as {@code steward attest} and {@code POST /api/v1/attestations}, so
 * the same checks apply and the audit trail records it. A refused form answers the control's page again with the
 * reason and the values sent; an accepted one redirects to it with a notice. The page lists every attestation on
 * record for the control, and says which ones the assessment shown counted: a run is immutable, so one attached after
 * it counts from the next assessment on.
 */
@Path("/controls/{framework}/{control}/attestations")
@RolesAllowed(Role.ADMIN_NAME)
public class ControlAttestations {

    private static final View VIEW = new View();

    private final AttestationService attestations;
    private final ControlResource pages;
    private final SecurityIdentity identity;

    public ControlAttestations(AttestationService attestations, ControlResource pages, SecurityIdentity identity) {
        this.attestations = attestations;
        this.pages = pages;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("framework") String framework, @PathParam("control") String control,
            @RestForm String evidence, @RestForm String statement, @RestForm String validFrom,
            @RestForm String validUntil, @RestForm("file") FileUpload file) throws IOException {
        Map<String, Object> sent = new HashMap<>();
        sent.put("evidence", evidence == null ? "" : evidence);
        // a statement holding a secret is refused, and never echoed back into the form
        sent.put("statement", statement == null || SecretScanner.detect("statement", statement).isPresent() ? ""
                : statement);
        sent.put("validFrom", validFrom == null ? "" : validFrom);
        sent.put("validUntil", validUntil == null ? "" : validUntil);
        // a browser sends an empty file part when no file is chosen
        boolean hasFile = file != null && file.fileName() != null && !file.fileName().isBlank();
        try {
            byte[] bytes = hasFile ? Files.readAllBytes(file.uploadedFile()) : null;
            String name = hasFile ? java.nio.file.Path.of(file.fileName()).getFileName().toString() : null;
            Attestation a = attestations.attach(new AttestationService.Request(framework, control, evidence, statement,
                    Times.field("validFrom", validFrom), Times.field("validUntil", validUntil), name, bytes),
                    identity.getPrincipal().getName());
            return see(framework, control, "attested=" + a.id());
        } catch (IllegalArgumentException e) {
            return refused(framework, control, "attest", e.getMessage()
                    + (hasFile ? " (choose the file again: a browser does not send it twice)" : ""), sent);
        }
    }

    @POST
    @Path("/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("framework") String framework, @PathParam("control") String control,
            @RestForm String attestation, @RestForm String reason) {
        Map<String, Object> sent = Map.of("reason", reason == null || SecretScanner.detect("reason", reason).isPresent()
                ? "" : reason);
        try {
            long id = id(attestation);
            Attestation a = attestations.get(id).filter(x -> x.framework().equals(framework) && x.controlId().equals(control))
                    .orElseThrow(() -> new IllegalArgumentException("field 'attestation' value '" + attestation
                            + "': no attestation of " + framework + ":" + control + " has that id"));
            if (a.withdrawnAt() != null) {
                throw new IllegalArgumentException(a.ref() + " was withdrawn already, at " + VIEW.time(a.withdrawnAt())
                        + " by " + a.withdrawnBy());
            }
            attestations.withdraw(id, reason, identity.getPrincipal().getName());
            return see(framework, control, "withdrawn=" + id);
        } catch (IllegalArgumentException e) {
            return refused(framework, control, "withdraw", e.getMessage(), sent);
        }
    }

    /**
     * The notice a page shows after a form was accepted: which attestation, and whether the assessment shown counts it.
     * Empty when the id is not one of this control's attestations (a stale or edited link).
     */
    static Optional<String> notice(AttestationService attestations, String framework, String control, String attested,
            String withdrawn) {
        String text = attested != null ? attested : withdrawn;
        if (text == null || !text.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return attestations.get(Long.parseLong(text))
                .filter(a -> a.framework().equals(framework) && a.controlId().equals(control))
                .map(a -> attested != null
                        ? "Saved " + a.ref() + " for " + a.evidenceId() + ", valid " + VIEW.day(a.validFrom()) + " to "
                                + VIEW.day(a.validUntil()) + ". An assessment counts it when its as-of falls in that"
                                + " period; the assessment shown was made before it, so assess again to count it"
                                + " (Assess now on the overview, steward assess, or POST /api/v1/assessments)."
                        : "Withdrew " + a.ref() + " (" + a.evidenceId() + "): assessments made from now on do not count"
                                + " it; the ones made before keep it, as they were.");
    }

    /**
     * Every attestation on record for the control, newest first: its state now, and whether the assessment shown (as
     * of {@code asOf}) counted it, and if not, why: a run counts the attestations valid at its as-of and on record,
     * not withdrawn, when it was made.
     */
    static Table table(List<Attestation> onRecord, ControlResult c, Viewer me, Instant now, Instant asOf) {
        Table.Builder t = new Table.Builder("attestations", "Attestations on record", "Attestation", "Evidence",
                "State now", "Counted in this assessment", "Statement", "Attested by", "Attested at", "Valid from",
                "Valid until", "File", "File SHA-256");
        for (Attestation a : onRecord) {
            String state = a.withdrawnAt() != null ? "withdrawn " + VIEW.time(a.withdrawnAt()) + " by " + a.withdrawnBy()
                    + ": " + a.withdrawReason()
                    : now.isBefore(a.validFrom()) ? "not yet valid"
                    : now.isBefore(a.validUntil()) ? "in force" : "expired";
            String counted = c.attestations().contains(a.ref()) ? "yes"
                    : asOf == null ? "no"
                    : asOf.isBefore(a.validFrom()) || !asOf.isBefore(a.validUntil()) ? "no: not valid at its as-of, "
                            + VIEW.time(asOf)
                    : a.withdrawnAt() != null ? "no: withdrawn" : "no: attached after it was made";
            t.row(a.ref(), a.evidenceId(), Table.Cell.styled(state, "in force".equals(state) ? "satisfied" : "partial"),
                    counted, a.statement(), a.attestedBy(), VIEW.time(a.attestedAt()),
                    VIEW.day(a.validFrom()), VIEW.day(a.validUntil()),
                    a.fileName() != null && me.auditor() ? Table.Cell.link(a.fileName(), "/api/v1/attestations/" + a.id()
                            + "/file") : a.fileName(), Table.Cell.styled(a.fileSha256(), "hash"));
        }
        return t.build();
    }

    private Response refused(String framework, String control, String form, String message, Map<String, Object> sent) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("formError", message);
        extra.put("formRefused", form);
        extra.put("sent", sent);
        return pages.render(400, framework, control, ControlResource.Request.of(framework, control), extra);
    }

    private static Response see(String framework, String control, String query) {
        return Response.seeOther(URI.create("/controls/" + View.enc(framework) + "/" + View.enc(control) + "?" + query))
                .build();
    }

    private static long id(String text) {
        String s = text == null ? "" : text.trim().replaceFirst("^attestation-", "");
        if (!s.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("field 'attestation' value '" + text + "': choose the attestation to withdraw");
        }
        return Long.parseLong(s);
    }

}
