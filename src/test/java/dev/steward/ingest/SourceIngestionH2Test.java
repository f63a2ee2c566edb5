package dev.steward.ingest;

import io.quarkus.test.junit.QuarkusTest;

/** Source ingestion on the embedded default database (H2). */
@QuarkusTest
class SourceIngestionH2Test extends SourceIngestionContract {
}
