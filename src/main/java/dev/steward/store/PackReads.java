package dev.steward.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Reads many stored packs one at a time: first the keys (upload id, pack number) of those wanted, in the order wanted,
 * then each pack's body by its key. One query for the bodies would be simpler, but H2 answers a query only once it
 * holds its whole result in memory (unless the session runs queries lazily, and an ORDER BY that no index gives it
 * must be sorted whole even then): at the default benchmark scale the daily decision packs of a 90-day window are
 * 236 MB, which then sat in a 1 GiB heap beside the inventory while they were routed, and the raw decision packs
 * (454 MB at that scale) were read the same way for a download or a sample. Read by key, memory holds one body at a
 * time; the keys of thousands of packs take a few kilobytes, and a body's lookup by primary key costs far less than
 * decoding it. A pack whose key was listed but that is gone by the time its body is read (its upload deleted in
 * between) is an error that names it.
 */
public final class PackReads {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PackReads.class);

    private PackReads() {
    }

    /** Binds a statement's parameters. */
    public interface Binder {
        void bind(PreparedStatement s) throws SQLException;
    }

    /** Receives each pack in turn. */
    public interface Body {
        void pack(long upload, int pack, byte[] body) throws SQLException, IOException;
    }

    /**
     * @param keys  selects {@code upload_id, pack} of the packs wanted, in the order they are wanted, its parameters
     *              bound by {@code binder}
     * @param body  selects the body of one pack, its parameters the upload id and the pack number
     * @param table the packs' table, to name a pack that disappeared
     */
    public static void each(Connection c, String keys, Binder binder, String body, String table, Body consumer)
            throws SQLException, IOException {
        long started = System.nanoTime();
        long[] uploads = new long[256];
        int[] packs = new int[256];
        int n = 0;
        try (PreparedStatement s = c.prepareStatement(keys)) {
            binder.bind(s);
            s.setFetchSize(1000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (n == uploads.length) {
                        uploads = Arrays.copyOf(uploads, 2 * n);
                        packs = Arrays.copyOf(packs, 2 * n);
                    }
                    uploads[n] = r.getLong(1);
                    packs[n++] = r.getInt(2);
                }
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug(n + " " + table + " keys listed in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        try (PreparedStatement s = c.prepareStatement(body)) {
            for (int i = 0; i < n; i++) {
                s.setLong(1, uploads[i]);
                s.setInt(2, packs[i]);
                byte[] bytes;
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new IllegalStateException(table + " " + packs[i] + " of upload " + uploads[i]
                                + " was deleted while it was read");
                    }
                    bytes = r.getBytes(1);
                }
                consumer.pack(uploads[i], packs[i], bytes);
            }
        }
    }
}
