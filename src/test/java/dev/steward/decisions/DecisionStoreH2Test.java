package dev.steward.decisions;

import io.quarkus.test.junit.QuarkusTest;

/** The decision store contract on the embedded default database (H2). */
@QuarkusTest
class DecisionStoreH2Test extends DecisionStoreContract {
}
