package dev.steward.export;

import io.quarkus.test.junit.QuarkusTest;

/** The export contract on the embedded H2 store. */
@QuarkusTest
class ExportH2Test extends ExportContract {
}
