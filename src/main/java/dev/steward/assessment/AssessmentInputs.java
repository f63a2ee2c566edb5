package dev.steward.assessment;

import dev.steward.attestation.Attestation;
import dev.steward.attestation.AttestationService;
import dev.steward.decisions.DecisionAggregates;
import dev.steward.upload.UploadEntity;
import dev.steward.upload.UploadRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The uploads an assessment reads, as {@link InputRef}s in upload id order: the inventory and people uploads in
 * force at the as-of instant, the decision uploads with aggregates in the window, and the uploads whose secret
 * findings (dated up to as-of) the evidence includes (exactly what {@link dev.steward.evidence.EvidenceLoader} loads);
 * then the manual attestations in force at the as-of instant, in attestation id order.
 */
@ApplicationScoped
public class AssessmentInputs {

    private final UploadRepository uploads;
    private final DecisionAggregates decisions;
    private final EntityManager em;
    private final AttestationService attestations;

    public AssessmentInputs(UploadRepository uploads, DecisionAggregates decisions, EntityManager em,
            AttestationService attestations) {
        this.uploads = uploads;
        this.decisions = decisions;
        this.em = em;
        this.attestations = attestations;
    }

    /** The manual evidence answered at {@code asOf}: evidence key to the references of the attestations answering it. */
    public Map<String, List<String>> attested(Instant asOf) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Attestation a : attestations.inForce(asOf)) {
            out.computeIfAbsent(a.evidenceKey(), k -> new ArrayList<>()).add(a.ref());
        }
        return out;
    }

    public List<InputRef> of(Instant asOf, Instant windowStart) {
        TreeSet<Long> ids = new TreeSet<>();
        ids.addAll(uploads.inForce("people", asOf));
        ids.addAll(uploads.inForce("agents", asOf));
        ids.addAll(uploads.inForce("credentials", asOf));
        ids.addAll(decisions.uploadsInWindow(windowStart, asOf));
        ids.addAll(em.createQuery("select distinct s.uploadId from SecretFindingEntity s, UploadEntity u"
                        + " where u.id = s.uploadId and u.status = dev.steward.upload.UploadEntity.Status.COMMITTED"
                        + " and s.foundAt <= :asOf", Long.class)
                .setParameter("asOf", asOf).getResultList());
        List<InputRef> out = new ArrayList<>();
        if (!ids.isEmpty()) {
            for (UploadEntity u : uploads.list("id in ?1 order by id", new ArrayList<>(ids))) {
                out.add(new InputRef(u.id, u.kind.name().toLowerCase(Locale.ROOT), u.contentHash, u.asOf));
            }
        }
        for (Attestation a : attestations.inForce(asOf)) {
            out.add(new InputRef(a.id(), InputRef.ATTESTATION, a.contentHash(), a.attestedAt()));
        }
        return out;
    }
}
