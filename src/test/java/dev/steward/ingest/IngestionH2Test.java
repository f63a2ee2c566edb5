package dev.steward.ingest;

import io.quarkus.test.junit.QuarkusTest;

/** The ingestion contract on the embedded default database (H2). */
@QuarkusTest
class IngestionH2Test extends IngestionContract {
}
