package dev.steward.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.check.Check;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each kind of mapping error is reported with its file and control, and all errors of one load come together. */
class MappingValidationTest {

    static final String GROUP = "{id: G, title: Group, description: A group, parent: null, inScope: true, outOfScopeReason: null}";
    static final String LEAF = "{id: G.1, title: One, description: First, parent: G, inScope: true, outOfScopeReason: null,"
            + " rationale: owners are accountable, checks: [{id: OWN-1, weight: 2}, {id: LIF-1, weight: 3, parameters: {ownerDepartureGraceDays: \"3\"}}],"
            + " manualEvidence: [{id: g1-policy, description: Ownership policy}]}";
    static final String OUT = "{id: G.2, title: Two, description: Second, parent: G, inScope: false, outOfScopeReason: not visible in identity records}";

    static String framework(String id, String... controls) {
        return "apiVersion: steward/v1\nkind: Framework\nid: " + id + "\nname: Test " + id + "\nversion: \"1\"\npublisher: tests\n"
                + "source: https://example.org/" + id + "\nlicense: none\ncontrols:\n"
                + Arrays.stream(controls).map(c -> "  - " + c + "\n").collect(Collectors.joining());
    }

    static String crosswalk(String id, String source, String target, String... rows) {
        return "apiVersion: steward/v1\nkind: Crosswalk\nid: " + id + "\nsource: " + source + "\ntarget: " + target
                + "\nprovenance: steward\nreference: tests\nrelationships:\n"
                + Arrays.stream(rows).map(r -> "  - " + r + "\n").collect(Collectors.joining());
    }

    static MappingFile file(String name, String text) {
        return new MappingFile(name, "test/" + name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> errors(List<Check> checks, MappingFile... files) {
        MappingLoader loader = new MappingLoader(checks);
        List<MappingFile> list = List.of(files);
        assertThatThrownBy(() -> loader.load(list)).isInstanceOf(MappingException.class);
        try {
            loader.load(list);
            throw new AssertionError("unreachable");
        } catch (MappingException e) {
            assertThat(e.getMessage()).startsWith(e.errors().size() + " mapping error");
            e.errors().forEach(error -> assertThat(e.getMessage()).contains(error.toString()));
            return e.errors().stream().map(MappingError::toString).toList();
        }
    }

    private static List<String> errors(MappingFile... files) {
        return errors(FakeChecks.catalog(), files);
    }

    @Test
    void validFixturesLoad() {
        MappingSet set = new MappingLoader(FakeChecks.catalog()).load(List.of(
                file("a.yaml", framework("fw-a", GROUP, LEAF, OUT)),
                file("b.yaml", framework("fw-b", "{id: X, title: X, description: X, parent: null, inScope: true, outOfScopeReason: null,"
                        + " manualEvidence: [{id: x-doc, description: A document}]}")),
                file("cw.yaml", crosswalk("fw-a--fw-b", "fw-a", "fw-b",
                        "{source: G.1, target: X, relationship: subset-of, rationale: narrower}"))));
        assertThat(set.controls("fw-a")).extracting(Control::id).containsExactly("G", "G.1", "G.2");
        assertThat(set.control("fw-a", "G.1").orElseThrow().checks().get(1).parameters()).containsEntry("ownerDepartureGraceDays", "3");
        assertThat(set.controlsForCheck("OWN-1")).containsExactly("fw-a:G.1");
        assertThat(set.crosswalkTargets("fw-b", "X")).singleElement()
                .satisfies(t -> assertThat(t.relationship()).isEqualTo(RelationshipType.SUPERSET_OF));
    }

    @Test
    void schemaViolationsNameFileControlAndField() {
        String bad = "{id: G.1, description: First, parent: G, inScope: true, outOfScopeReason: null, rationale: r,"
                + " checks: [{id: OWN-1, weight: \"2\"}], colour: blue}";
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, bad)))).containsExactlyInAnyOrder(
                "test/a.yaml:11: control G.1: required property 'title' not found",
                "test/a.yaml:11: control G.1: checks[0].weight: string found, integer expected",
                "test/a.yaml:11: control G.1: property 'colour' is not defined in the schema and the schema does not allow additional properties");
    }

    @Test
    void eachErrorNamesTheLineOfTheFieldToEdit() {
        String fw = """
                apiVersion: steward/v1
                kind: Framework
                id: fw-a
                name: Test fw-a
                version: "1"
                publisher: tests
                source: https://example.org/fw-a
                license: none
                controls:
                  - id: G
                    title: Group
                    description: A group
                    parent: null
                    inScope: true
                    outOfScopeReason: null
                  - id: G.1
                    title: One
                    description: First
                    parent: G
                    inScope: true
                    outOfScopeReason: null
                    rationale: owners are accountable
                    colour: blue
                    checks:
                      - id: OWN-1
                        weight: "2"
                      - id: LIF-1
                        weight: 1
                        parameters:
                          ownerDepartureGraceDays: soon
                      - id: ZZZ-9
                        weight: 1
                  - id: G.2
                    description: Second
                    parent: H
                    inScope: true
                    outOfScopeReason: null
                    manualEvidence:
                      - id: g2-doc
                        description: A document
                """;
        String cw = """
                apiVersion: steward/v1
                kind: Crosswalk
                id: fw-a--fw-a
                source: fw-a
                target: fw-a
                provenance: steward
                reference: tests
                relationships:
                  - source: G.1
                    target: G
                    relationship: subset-of
                    rationale: narrower
                  - source: G.1
                    target: G.9
                    relationship: subset-of
                    rationale: narrower
                """;
        // in file order, each at the line of the offending field (a missing field: the line its control starts on)
        assertThat(errors(file("a.yaml", fw), file("cw.yaml", cw))).satisfiesExactly(
                e -> assertThat(e).startsWith("test/a.yaml:23: control G.1: property 'colour' is not defined"),
                e -> assertThat(e).isEqualTo("test/a.yaml:26: control G.1: checks[0].weight: string found, integer expected"),
                e -> assertThat(e).isEqualTo("test/a.yaml:30: control G.1: check LIF-1 parameter ownerDepartureGraceDays:"
                        + " value 'soon' is not a valid integer"),
                e -> assertThat(e).startsWith("test/a.yaml:31: control G.1: unknown check 'ZZZ-9'"),
                e -> assertThat(e).isEqualTo("test/a.yaml:33: control G.2: required property 'title' not found"),
                e -> assertThat(e).isEqualTo("test/a.yaml:35: control G.2: parent 'H' is not a control of framework fw-a"),
                e -> assertThat(e).isEqualTo("test/cw.yaml:14: crosswalk fw-a--fw-a row 2 (G.1 -> G.9):"
                        + " target control 'G.9' is not in framework fw-a"));
    }

    @Test
    void aParameterWrittenAsANumberIsReadAsItsText() {
        // "ownerDepartureGraceDays: 3" is what a person writes; it means what "3" means in configuration
        String leaf = LEAF.replace("ownerDepartureGraceDays: \"3\"", "ownerDepartureGraceDays: 3");
        MappingSet set = new MappingLoader(FakeChecks.catalog()).load(List.of(file("a.yaml", framework("fw-a", GROUP, leaf))));
        assertThat(set.control("fw-a", "G.1").orElseThrow().checks().get(1).parameters())
                .containsEntry("ownerDepartureGraceDays", "3");
        // a value of the wrong kind is still refused by the check's own parameter type, naming the value
        String wrong = LEAF.replace("ownerDepartureGraceDays: \"3\"", "ownerDepartureGraceDays: 2.5");
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, wrong)))).singleElement().asString()
                .startsWith("test/a.yaml:11: control G.1: ").contains("ownerDepartureGraceDays").contains("2.5");
        String list = LEAF.replace("ownerDepartureGraceDays: \"3\"", "ownerDepartureGraceDays: [3]");
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, list)))).singleElement().asString()
                .contains("checks[1].parameters.ownerDepartureGraceDays: array found");
    }

    @Test
    void anInternalPolicyNamesItsDocumentAsItsSourceButNotNothing() {
        String internal = framework("acme-policy", GROUP, LEAF).replace("source: https://example.org/acme-policy",
                "source: \"ACME-SEC-POL-017 v3, policy library\"");
        MappingSet set = new MappingLoader(FakeChecks.catalog()).load(List.of(file("acme.yaml", internal)));
        assertThat(set.framework("acme-policy").orElseThrow().source()).isEqualTo("ACME-SEC-POL-017 v3, policy library");
        assertThat(errors(file("blank.yaml", internal.replace("\"ACME-SEC-POL-017 v3, policy library\"", "\"  \""))))
                .singleElement().asString().startsWith("test/blank.yaml:7: ").contains("source");
    }

    @Test
    void unknownCheckId() {
        assertThat(errors(FakeChecks.only("LIF-1"), file("a.yaml", framework("fw-a", GROUP, LEAF))))
                .containsExactly("test/a.yaml:11: control G.1: unknown check 'OWN-1'; known checks: [LIF-1]");
    }

    @Test
    void unknownParameterForThatCheck() {
        String leaf = LEAF.replace("ownerDepartureGraceDays", "maxIdleDays");
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, leaf))))
                .containsExactly("test/a.yaml:11: control G.1: check LIF-1 has no parameter 'maxIdleDays'; its parameters: [ownerDepartureGraceDays]");
        String none = LEAF.replace("{id: OWN-1, weight: 2}", "{id: OWN-1, weight: 2, parameters: {x: \"1\"}}");
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, none))))
                .containsExactly("test/a.yaml:11: control G.1: check OWN-1 has no parameter 'x'; it takes none");
    }

    @Test
    void invalidParameterValueForItsType() {
        String leaf = "{id: G.1, title: One, description: First, parent: G, inScope: true, outOfScopeReason: null, rationale: r,"
                + " checks: [{id: LIF-1, weight: 1, parameters: {ownerDepartureGraceDays: soon}},"
                + " {id: CRD-1, weight: 1, parameters: {maxLifetimeAutonomous: 1 hour, maxLifetimeOther: P30D}},"
                + " {id: AUT-1, weight: 1, parameters: {passMaxUnusedShare: \"0,2\"}}]}";
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, leaf)))).containsExactly(
                "test/a.yaml:11: control G.1: check LIF-1 parameter ownerDepartureGraceDays: value 'soon' is not a valid integer",
                "test/a.yaml:11: control G.1: check CRD-1 parameter maxLifetimeAutonomous: value '1 hour' is not a valid duration",
                "test/a.yaml:11: control G.1: check AUT-1 parameter passMaxUnusedShare: value '0,2' is not a valid decimal");
    }

    @Test
    void duplicateControlIdAndDuplicateCheck() {
        String twice = LEAF.replace("{id: OWN-1, weight: 2}", "{id: OWN-1, weight: 2}, {id: OWN-1, weight: 1}");
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, twice, LEAF.replace("g1-policy", "g1-other"))))).containsExactly(
                "test/a.yaml:11: control G.1: check OWN-1 is listed twice",
                "test/a.yaml:12: control G.1: duplicate control id in framework fw-a; it is first defined on line 11");
    }

    @Test
    void duplicateManualEvidenceId() {
        String other = "{id: G.3, title: Three, description: Third, parent: G, inScope: true, outOfScopeReason: null,"
                + " manualEvidence: [{id: g1-policy, description: Same id}]}";
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, LEAF, other))))
                .containsExactly("test/a.yaml:12: control G.3: manual evidence id 'g1-policy' is used twice in framework fw-a");
    }

    @Test
    void duplicateFrameworkIdAcrossFiles() {
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, LEAF)), file("b.yaml", framework("fw-a", GROUP, LEAF))))
                .containsExactly("test/b.yaml:3: framework fw-a: duplicate framework id; it is already defined in test/a.yaml:3");
    }

    @Test
    void brokenParent() {
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, LEAF.replace("parent: G", "parent: H")))))
                .containsExactly(
                        "test/a.yaml:10: control G: in scope but has no checks, no manualEvidence and no in-scope child;"
                                + " map checks, add manualEvidence, or set inScope: false with an outOfScopeReason",
                        "test/a.yaml:11: control G.1: parent 'H' is not a control of framework fw-a");
    }

    @Test
    void parentCyclesAreEachReportedOnce() {
        String a = "{id: A, title: A, description: A, parent: B, inScope: true, outOfScopeReason: null}";
        String b = "{id: B, title: B, description: B, parent: A, inScope: true, outOfScopeReason: null}";
        String c = "{id: C, title: C, description: C, parent: C, inScope: true, outOfScopeReason: null}";
        String under = LEAF.replace("parent: G", "parent: A");
        assertThat(errors(file("a.yaml", framework("fw-a", a, b, c, under)))).containsExactly(
                "test/a.yaml:10: control A: parent cycle: A -> B -> A",
                "test/a.yaml:12: control C: parent cycle: C -> C");
    }

    @Test
    void outOfScopeControlWithoutReason() {
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, LEAF, OUT.replace("outOfScopeReason: not visible in identity records", "outOfScopeReason: null")))))
                .containsExactly("test/a.yaml:12: control G.2: outOfScopeReason: null found, string expected"
                        + " (an out-of-scope control needs an outOfScopeReason and maps neither checks nor manual evidence)");
    }

    @Test
    void outOfScopeControlMappingChecks() {
        String out = OUT.replace("}", ", rationale: r, checks: [{id: OWN-1, weight: 1}]}");
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, LEAF, out))))
                .containsExactly("test/a.yaml:12: control G.2: checks: must have at most 0 items but found 1"
                        + " (an out-of-scope control needs an outOfScopeReason and maps neither checks nor manual evidence)");
    }

    @Test
    void inScopeControlWithChecksButNoRationale() {
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, LEAF.replace(" rationale: owners are accountable,", "")))))
                .containsExactly("test/a.yaml:11: control G.1: required property 'rationale' not found"
                        + " (a control that maps checks needs a one-line rationale)");
    }

    @Test
    void inScopeControlWithoutAnyEvidenceOrUnderOutOfScopeParent() {
        String empty = "{id: G.3, title: Three, description: Third, parent: G, inScope: true, outOfScopeReason: null}";
        String underOut = "{id: G.2.1, title: Sub, description: Sub, parent: G.2, inScope: true, outOfScopeReason: null,"
                + " manualEvidence: [{id: sub-doc, description: A document}]}";
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, LEAF, OUT, empty, underOut)))).containsExactly(
                "test/a.yaml:13: control G.3: in scope but has no checks, no manualEvidence and no in-scope child;"
                        + " map checks, add manualEvidence, or set inScope: false with an outOfScopeReason",
                "test/a.yaml:14: control G.2.1: in scope under out-of-scope parent G.2");
    }

    @Test
    void crosswalkProblems() {
        MappingFile fw = file("a.yaml", framework("fw-a", GROUP, LEAF));
        MappingFile unknownFramework = file("cw1.yaml", crosswalk("fw-a--fw-z", "fw-a", "fw-z",
                "{source: G, target: Z1, relationship: equivalent-to, rationale: r}"));
        MappingFile badRows = file("cw2.yaml", crosswalk("fw-a--fw-a", "fw-a", "fw-a",
                "{source: G.9, target: G, relationship: subset-of, rationale: r}",
                "{source: G.1, target: G, relationship: part-of, rationale: r}",
                "{source: G.1, target: G, relationship: subset-of, rationale: r}"));
        assertThat(errors(fw, unknownFramework, badRows)).containsExactly(
                "test/cw1.yaml:5: crosswalk fw-a--fw-z: target framework 'fw-z' is not loaded; loaded: [fw-a]",
                "test/cw2.yaml:9: crosswalk fw-a--fw-a row 1 (G.9 -> G): source control 'G.9' is not in framework fw-a",
                "test/cw2.yaml:10: crosswalk fw-a--fw-a row 2 (G.1 -> G): relationship: does not have a value in the enumeration"
                        + " [\"equivalent-to\", \"subset-of\", \"superset-of\", \"intersects-with\"]",
                "test/cw2.yaml:11: crosswalk fw-a--fw-a row 3 (G.1 -> G): duplicate row: the pair is already related in this crosswalk");
    }

    @Test
    void unreadableFilesAreReportedToo() {
        assertThat(errors(file("a.yaml", "controls: [unclosed"), file("b.yaml", "kind: Policy\nid: x\n"),
                file("c.yaml", "id: a\nid: b\n"), file("d.yaml", "- just\n- a list\n"))).satisfiesExactly(
                        e -> assertThat(e).startsWith("test/a.yaml:1: not valid YAML (column "),
                        e -> assertThat(e).isEqualTo("test/b.yaml:1: kind must be Framework or Crosswalk, was 'Policy'"),
                        e -> assertThat(e).startsWith("test/c.yaml:2: not valid YAML").contains("Duplicate field 'id'"),
                        e -> assertThat(e).isEqualTo("test/d.yaml: expected a YAML mapping with apiVersion, kind, id, ..."));
    }

    @Test
    void oversizedFileIsRejectedBeforeParsing() {
        MappingLoader loader = new MappingLoader(FakeChecks.catalog(), 100);
        assertThatThrownBy(() -> loader.load(List.of(file("a.yaml", framework("fw-a", GROUP, LEAF)))))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.errors()).singleElement().asString()
                        .startsWith("test/a.yaml: file is ").endsWith("bytes, more than the limit of 100 (steward.mappings.max-file-bytes)"));
    }

    @Test
    void everyErrorOfOneLoadIsReportedTogether() {
        String unknownCheck = LEAF.replace("OWN-1", "ZZZ-1");
        String badValue = "{id: G.3, title: Three, description: Third, parent: G, inScope: true, outOfScopeReason: null, rationale: r,"
                + " checks: [{id: LIF-2, weight: 1, parameters: {maxIdleDays: lots}}]}";
        String noReason = OUT.replace("outOfScopeReason: not visible in identity records", "outOfScopeReason: null");
        String orphan = "{id: G.4, title: Four, description: Fourth, parent: Q, inScope: true, outOfScopeReason: null,"
                + " manualEvidence: [{id: g4-doc, description: A document}]}";
        List<String> errors = errors(
                file("a.yaml", framework("fw-a", GROUP, unknownCheck, badValue, noReason, orphan)),
                file("b.yaml", framework("fw-a", GROUP, LEAF)),
                file("cw.yaml", crosswalk("fw-a--fw-x", "fw-a", "fw-x", "{source: G.7, target: X, relationship: same, rationale: r}")));
        assertThat(errors).hasSize(8);
        assertThat(errors).filteredOn(e -> e.startsWith("test/a.yaml:11: control G.1: unknown check 'ZZZ-1'")).hasSize(1);
        assertThat(errors).contains(
                "test/a.yaml:12: control G.3: check LIF-2 parameter maxIdleDays: value 'lots' is not a valid integer",
                "test/a.yaml:14: control G.4: parent 'Q' is not a control of framework fw-a",
                "test/b.yaml:3: framework fw-a: duplicate framework id; it is already defined in test/a.yaml:3",
                "test/cw.yaml:5: crosswalk fw-a--fw-x: target framework 'fw-x' is not loaded; loaded: [fw-a]",
                "test/cw.yaml:9: crosswalk fw-a--fw-x row 1 (G.7 -> X): source control 'G.7' is not in framework fw-a");
        assertThat(errors).anyMatch(e -> e.startsWith("test/a.yaml:13: control G.2: outOfScopeReason: null found"));
        assertThat(errors).anyMatch(e -> e.startsWith("test/cw.yaml:9: crosswalk fw-a--fw-x row 1 (G.7 -> X): relationship: does not have a value"));
    }

    /** A value of the wrong type (weight: abc) used to keep the file from binding, hiding the checks of the rest. */
    @Test
    void aValueOfTheWrongTypeDoesNotHideTheOtherErrorsOfItsFile() {
        String badWeight = LEAF.replace("{id: OWN-1, weight: 2}", "{id: OWN-1, weight: abc}")
                .replace("{id: LIF-1, weight: 3,", "{id: ZZZ-1, weight: [3],");
        String orphan = "{id: G.4, title: Four, description: Fourth, parent: Q, inScope: [yes], outOfScopeReason: null,"
                + " manualEvidence: [{id: g4-doc, description: A document}]}";
        List<String> errors = errors(file("a.yaml", framework("fw-a", GROUP, badWeight, orphan)));
        assertThat(errors).anyMatch(e -> e.startsWith("test/a.yaml:11: control G.1: checks[0].weight: string found,"));
        assertThat(errors).anyMatch(e -> e.startsWith("test/a.yaml:11: control G.1: checks[1].weight: array found,"));
        assertThat(errors).anyMatch(e -> e.startsWith("test/a.yaml:12: control G.4: inScope: array found,"));
        assertThat(errors).anyMatch(e -> e.startsWith("test/a.yaml:11: control G.1: unknown check 'ZZZ-1'"));
        assertThat(errors).contains("test/a.yaml:12: control G.4: parent 'Q' is not a control of framework fw-a");
    }

    @Test
    void aRationaleWrittenUnderACheckSaysWhereItBelongs() {
        String perCheck = LEAF.replace("{id: OWN-1, weight: 2}", "{id: OWN-1, weight: 2, rationale: owners answer}");
        assertThat(errors(file("a.yaml", framework("fw-a", GROUP, perCheck)))).containsExactly(
                "test/a.yaml:11: control G.1: checks[0]: property 'rationale' is not defined in the schema and the"
                        + " schema does not allow additional properties (the rationale is the control's: one line,"
                        + " beside its checks, for all of them)");
    }
}
