package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.evidence.SourceRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A pack gives back every field of every result it was given, in order, whatever the texts hold. */
class ResultPackTest {

    private static AssessedResult result(int i, String reason, Double score, String team, List<EvidenceRef> evidence) {
        return new AssessedResult("CRD-" + (i % 5), i % 3 == 0 ? "default" : "maxLifetimeOther=P30D", SubjectType.values()[i % 3],
                "subject-" + i, i % 2 == 0 ? Result.PASS : Result.NOT_APPLICABLE, score, Severity.values()[i % Severity.values().length],
                i % 7 - 1, reason, i % 4 == 0 ? null : "p-" + (i % 11), team, i % 5 == 0 ? null : "m-" + (i % 3),
                i % 6 == 0 ? null : "prod", evidence, List.of());
    }

    @Test
    void everyFieldOfEveryResultComesBackInOrder() {
        List<StoredResult> given = new ArrayList<>();
        String huge = "x\u00e9\u4e2d\ud83d\ude00".repeat(30_000);
        for (int i = 0; i < 500; i++) {
            List<EvidenceRef> evidence = switch (i % 4) {
                case 0 -> List.of();
                case 1 -> List.of(new EvidenceRef("agent", "subject-" + i, "owner p-" + i, new SourceRef(7, "inventory.yaml", i)));
                case 2 -> List.of(EvidenceRef.of("decisions", null, null), new EvidenceRef("person", "p", "d",
                        new SourceRef(-3, null, 0)));
                default -> List.of(new EvidenceRef(null, "id", huge, new SourceRef(Long.MAX_VALUE, "f", Long.MIN_VALUE)));
            };
            given.add(new StoredResult(i * 3 + (i % 2), result(i, i == 42 ? huge : "reason " + (i % 9), i % 8 == 0 ? null
                    : i / 1000.0, i % 10 == 0 ? null : "team-" + (i % 4), evidence)));
        }
        ResultPack.Encoder encoder = new ResultPack.Encoder();
        given.forEach(r -> encoder.add(r.seq(), r.result()));
        assertThat(encoder.firstSeq()).isEqualTo(0);
        assertThat(encoder.lastSeq()).isEqualTo(given.get(given.size() - 1).seq());
        byte[] body = encoder.finish();
        assertThat(encoder.count()).as("finish empties the encoder").isZero();

        assertThat(ResultPack.decode(body)).isEqualTo(given);
        // a team's results: the others' reasons and evidence (every kind of them above) skipped, its own whole
        for (var teams : List.of(Set.of("team-1"), Set.of("team-0", "team-3"), Set.of("x"))) {
            assertThat(ResultPack.decode(body, teams)).as("results of %s", teams).isEqualTo(given.stream()
                    .filter(r -> r.result().team() != null && teams.contains(r.result().team())).toList());
        }
        assertThat(ResultPack.decode(body, Set.of("team-3"))).hasSize(125);

        encoder.add(5, given.get(1).result());
        assertThat(ResultPack.decode(encoder.finish())).containsExactly(new StoredResult(5, given.get(1).result()));
        encoder.close();
    }

    @Test
    void aPackOfTypicalResultsIsAFractionOfTheirJson() {
        ResultPack.Encoder encoder = new ResultPack.Encoder();
        long json = 0;
        for (int i = 0; i < ResultPack.RESULTS; i++) {
            AssessedResult r = new AssessedResult("OWN-2", "default", SubjectType.AGENT, "agent-" + i, Result.PASS, 1.0,
                    Severity.HIGH, 6, "owner p-" + (i % 500) + " is active", "p-" + (i % 500), "team-" + (i % 40),
                    "p-" + (i % 50), "prod", List.of(new EvidenceRef("agent", "agent-" + i, "owner p-" + (i % 500),
                            new SourceRef(1, "inventory.yaml", 10 + 12L * i)), new EvidenceRef("person", "p-" + (i % 500),
                            "active", new SourceRef(1, "people.csv", 2 + i % 500))), List.of());
            json += AssessmentJson.write(r).length();
            encoder.add(i, r);
        }
        byte[] body = encoder.finish();
        encoder.close();
        assertThat(body.length).as("dictionary and deflate: %d bytes for %d bytes of JSON", body.length, json)
                .isLessThan((int) (json / 10));
    }

    @Test
    void resultsOutOfRunOrderAreRefused() {
        ResultPack.Encoder encoder = new ResultPack.Encoder();
        encoder.add(10, result(1, "r", 1.0, "t", List.of()));
        assertThatThrownBy(() -> encoder.add(10, result(2, "r", 1.0, "t", List.of())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("run order");
        encoder.close();
    }

    @Test
    void aCorruptPackIsAnErrorNotAShortRun() {
        ResultPack.Encoder encoder = new ResultPack.Encoder();
        encoder.add(1, result(1, "r", 1.0, "t", List.of()));
        byte[] body = encoder.finish();
        encoder.close();
        byte[] cut = java.util.Arrays.copyOf(body, body.length / 2);
        assertThatThrownBy(() -> ResultPack.decode(cut)).isInstanceOf(IllegalStateException.class);
    }

    /**
     * A pack written by the first encoder (JDK data streams, deflated; bytes captured before the encoder moved to
     * PackBytes) still reads back whole, and today's encoder writes the very same bytes for the same results, only
     * compressed with Zstandard: stored runs stay readable and the layout has not drifted.
     */
    @Test
    void packsOfTheFirstEncoderStillReadAndTheLayoutIsUnchanged() {
        byte[] first = java.util.Base64.getDecoder().decode("eAFjZGLnZ/MP99M14khJTUsszSlhc3R39QvhSExPzSvRNWQNcAwOZvXwdPdgKdA1ZC9JTczVTQQyLVkLivJT2MCq+DPzyoCK84sq9SoTc3PYC1KLivPzoCYY8fv5h8Q7BgT4eDo7Ovm4MjAyMbOwsjHaf2AAAx52Dk4u8fzyvNQiBaANCpnFConJJZllqQqHVzJxs3DBZRjZeCR42RkYmIAG8PGzMTAzcDBwMTAAAL78Lvo=");
        AssessedResult a = new AssessedResult("OWN-2", "default", SubjectType.AGENT, "agent-1", Result.PASS, 1.0, Severity.HIGH, 6,
                "owner p-1 is active \u00e9", "p-1", "team-a", "p-9", "prod",
                List.of(new EvidenceRef("agent", "agent-1", "owner p-1", new SourceRef(3, "inventory.yaml", 12)),
                        new EvidenceRef("person", "p-1", null, null)), List.of());
        AssessedResult b = new AssessedResult("OWN-2", "default", SubjectType.AGENT, "agent-2", Result.NOT_APPLICABLE, null,
                Severity.HIGH, -2, null, null, "team-a", null, "prod", List.of(), List.of());
        assertThat(ResultPack.decode(first)).containsExactly(new StoredResult(7, a), new StoredResult(9, b));

        ResultPack.Encoder encoder = new ResultPack.Encoder();
        encoder.add(7, a);
        encoder.add(9, b);
        byte[] now = encoder.finish();
        encoder.close();
        assertThat(dev.steward.store.PackCodec.zstd(now)).isTrue();
        assertThat(dev.steward.store.PackCodec.zstd(first)).isFalse();
        assertThat(dev.steward.store.PackCodec.expand(now)).isEqualTo(dev.steward.store.PackCodec.expand(first));
    }

    @Test
    void equalTextsOfOtherInstancesAndNullsComeBackAndNothingIsRememberedAcrossPacks() {
        ResultPack.Encoder encoder = new ResultPack.Encoder();
        String owner = new String("p-1");
        for (int i = 0; i < 3; i++) {
            // The owner is null, then one instance; the team is equal text in a new instance each time, then null.
            encoder.add(i, new AssessedResult(new String("OWN-1"), "default", SubjectType.AGENT, "a-" + i, Result.PASS, 1.0,
                    Severity.HIGH, 6, "r", i == 0 ? null : owner, i == 2 ? null : new String("team"), null, "prod", List.of(),
                    List.of()));
        }
        List<StoredResult> back = ResultPack.decode(encoder.finish());
        assertThat(back).extracting(r -> r.result().owner()).containsExactly(null, "p-1", "p-1");
        assertThat(back).extracting(r -> r.result().team()).containsExactly("team", "team", null);
        // The same owner instance in the next pack sits at another dictionary index than in the first: a reference
        // remembered from the first pack would read back as another text, or not at all.
        encoder.add(5, new AssessedResult("OWN-1", "default", SubjectType.AGENT, "a-5", Result.PASS, 1.0, Severity.HIGH, 6,
                "r", owner, "team", null, "prod", List.of(), List.of()));
        assertThat(ResultPack.decode(encoder.finish())).extracting(r -> r.result().owner()).containsExactly("p-1");
        encoder.close();
    }
}
