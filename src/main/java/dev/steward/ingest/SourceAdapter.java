package dev.steward.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the export or log of one real source system (OPA, Vault, AWS, Kubernetes, OCSF, agent cards) into the native
 * evidence model. An adapter only translates: inventory adapters hand native-shaped records to
 * {@link SourceContext#record}, so validation, secret redaction and provenance stay in {@link RecordMapper}; decision
 * adapters hand {@link DecisionLine}s to {@link SourceContext#decision}. It never touches the database. Adapters are
 * CDI beans collected by {@link SourceAdapters}; several adapters may share one format name (k8s: inventory and audit).
 */
public interface SourceAdapter {

    /** What the adapter's files hold; decides the kind of the upload. */
    enum Kind { INVENTORY, DECISIONS }

    /** The format name users pass as {@code --format} (opa, vault, aws-iam, aws-cloudtrail, k8s, ocsf, agent-card). */
    String format();

    Kind kind();

    /** One line naming the shapes the adapter reads, for the error when nothing matches. */
    String expects();

    /** Detection order in {@code --format auto}: lower first, so specific shapes win over generic ones. */
    int order();

    /**
     * Whether the file is of this adapter's format, judged from its name and the first bytes of its (decompressed)
     * content. Must be cheap and specific: look for keys with the shape of their values, not words alone.
     */
    boolean detect(String fileName, String head);

    /** Starts reading one upload; the session sees every file of the upload that this adapter reads. */
    Session open(SourceContext context);

    /** The reading of one upload by one adapter. */
    interface Session {

        /** Reads one file (already gunzipped, BOM skipped). Bad records become problems; reading goes on. */
        void read(String file, InputStream in) throws IOException;

        /** Called once after every file was read: merged or buffered records are delivered here. */
        default void finish() {
        }
    }
}
