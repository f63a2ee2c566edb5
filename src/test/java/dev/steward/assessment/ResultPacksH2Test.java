package dev.steward.assessment;

import io.quarkus.test.junit.QuarkusTest;

/** Where result packs live, on the embedded default database (H2). */
@QuarkusTest
class ResultPacksH2Test extends ResultPacksContract {
}
