package dev.steward.ingest;

import dev.steward.testing.DefaultLimits;

/** The documented ingest limits, with the upload size adjustable so a test can exceed it cheaply. */
class TestLimits extends DefaultLimits {

    long maxUploadBytes = super.maxUploadBytes();

    @Override
    public long maxUploadBytes() {
        return maxUploadBytes;
    }
}
