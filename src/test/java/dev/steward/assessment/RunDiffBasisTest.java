package dev.steward.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What two runs were computed from, then and now: so a change of findings can be told from a change of evidence. */
class RunDiffBasisTest {

    private static final String MAPPINGS = "5b97f197f08a6161503895851e33330d67451d4f6484c10aace650f522c75360";
    private static final String OTHER_MAPPINGS = "a4217713b1c501ea93f7971480a560bb2d500f9444b47f44b16ddefdd5a4119a";
    private static final String PARAMETERS = "244b975b4e2f0d16b5beeeca567d26406a64bb2cac593663d339c4c86c854bd5";
    private static final InputRef INVENTORY = new InputRef(1, "inventory", "aa", Instant.EPOCH);
    private static final InputRef DECISIONS = new InputRef(2, "decisions", "bb", null);
    private static final InputRef MORE_DECISIONS = new InputRef(3, "decisions", "cc", null);
    private static final InputRef ATTESTED = new InputRef(7, InputRef.ATTESTATION, "dd", null);

    private static RunHeader header(String engine, String mappings, String parameters, InputRef... inputs) {
        return RunHeader.of(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-08-03T00:00:00Z"), engine,
                mappings, parameters, List.of(inputs));
    }

    @Test
    void theSameBasisSaysTheChangesComeFromTheAsOfAndWindowAlone() {
        RunDiff.Basis b = RunDiff.Basis.of(header("1.0", MAPPINGS, PARAMETERS, INVENTORY, DECISIONS),
                header("1.0", MAPPINGS, PARAMETERS, DECISIONS, INVENTORY));
        assertThat(b.inputsAdded()).isEmpty();
        assertThat(b.inputsDropped()).isEmpty();
        assertThat(b.sentence()).isEqualTo("The same inputs, mappings, check parameters and engine as then: the changes"
                + " come from the as-of and window alone.");
    }

    @Test
    void aChangedMappingIsNamedWithBothVersionsAndWhatStayedTheSame() {
        RunDiff.Basis b = RunDiff.Basis.of(header("1.0", MAPPINGS, PARAMETERS, INVENTORY, DECISIONS),
                header("1.0", OTHER_MAPPINGS, PARAMETERS, INVENTORY, DECISIONS));
        assertThat(b.previousMappingVersion()).isEqualTo(MAPPINGS);
        assertThat(b.mappingVersion()).isEqualTo(OTHER_MAPPINGS);
        assertThat(b.sentence()).isEqualTo("Since then: the mappings changed (version 5b97f197f08a then, a4217713b1c5"
                + " now); the same inputs, check parameters and engine.");
    }

    @Test
    void inputsNewAndNoLongerReadAreNamedByKindAndId() {
        RunDiff.Basis b = RunDiff.Basis.of(header("1.0", MAPPINGS, PARAMETERS, INVENTORY, DECISIONS),
                header("1.1", MAPPINGS, "ff", INVENTORY, MORE_DECISIONS, ATTESTED));
        assertThat(b.inputsAdded()).containsExactly(MORE_DECISIONS, ATTESTED);
        assertThat(b.inputsDropped()).containsExactly(DECISIONS);
        assertThat(b.sentence()).isEqualTo("Since then: 2 inputs new (decisions upload 3, attestation 7); 1 input no"
                + " longer read (decisions upload 2); the check parameters changed (digest 244b975b4e2f then, ff now);"
                + " the engine changed (version 1.0 then, 1.1 now); the same mappings.");
    }

    @Test
    void anUploadIsTheSameInputOnlyWithTheSameIdAndContent() {
        InputRef reuploaded = new InputRef(2, "decisions", "b2", null);
        RunDiff.Basis b = RunDiff.Basis.of(header("1.0", MAPPINGS, PARAMETERS, DECISIONS),
                header("1.0", MAPPINGS, PARAMETERS, reuploaded));
        assertThat(b.inputsAdded()).containsExactly(reuploaded);
        assertThat(b.inputsDropped()).containsExactly(DECISIONS);
    }

    @Test
    void moreThanFiveInputsAreCountedNotAllNamed() {
        InputRef[] many = new InputRef[7];
        for (int i = 0; i < many.length; i++) {
            many[i] = new InputRef(10 + i, "decisions", "h" + i, null);
        }
        RunDiff.Basis b = RunDiff.Basis.of(header("1.0", MAPPINGS, PARAMETERS),
                header("1.0", MAPPINGS, PARAMETERS, many));
        assertThat(b.sentence()).startsWith("Since then: 7 inputs new (decisions upload 10, decisions upload 11,"
                + " decisions upload 12, decisions upload 13, decisions upload 14 and 2 more); the same mappings");
    }
}
