package dev.steward.export;

import dev.steward.testing.RetentionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Export retention on H2. */
@QuarkusTest
@TestProfile(RetentionProfile.class)
class ExportRetentionH2Test extends ExportRetentionContract {
}
