package dev.steward.assessment;

import io.quarkus.test.junit.QuarkusTest;

/** The assessment contract on the embedded default database (H2). */
@QuarkusTest
class AssessmentH2Test extends AssessmentContract {
}
