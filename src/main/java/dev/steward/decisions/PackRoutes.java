package dev.steward.decisions;

import java.io.IOException;
import java.util.Arrays;

/**
 * Routes the aggregates of stored packs to a window's shards by reference into each pack's texts, exactly as
 * {@link WindowShards#add} routes them by text. A pack names each text once, so a reference is resolved to the
 * window's {@link WindowText} on its first use in the pack and by an array read afterwards: the tools, actions,
 * scopes, environments and chains that repeat from row to row cost no map probe, and no string or instant is made
 * per row.
 */
final class PackRoutes implements DailyPack.Refs {

    private final WindowShards shards;
    private String[] texts = new String[0];
    /** Per reference of the current pack (0 unused): its window text, null until first used. */
    private WindowText[] resolved = new WindowText[1];

    PackRoutes(WindowShards shards) {
        this.shards = shards;
    }

    @Override
    public void texts(String[] texts) {
        this.texts = texts;
        if (resolved.length < texts.length + 1) {
            resolved = new WindowText[Math.max(texts.length + 1, resolved.length * 2)];
        } else {
            Arrays.fill(resolved, 0, texts.length + 1, null);
        }
    }

    @Override
    public void row(long epochDay, int agent, int credential, int tool, int action, int scope, int environment,
            boolean allowed, int onBehalfOf, long[] counts, long firstSecond, long firstNano, long lastSecond,
            long lastNano) throws IOException {
        shards.row((int) epochDay, text(agent), text(credential), text(tool), text(action), text(scope), text(environment),
                allowed, text(onBehalfOf), counts, true, firstSecond, firstNano, true, lastSecond, lastNano);
    }

    private WindowText text(int ref) {
        if (ref == 0) {
            return null;
        }
        WindowText t = resolved[ref];
        if (t == null) {
            t = shards.text(texts[ref - 1]);
            resolved[ref] = t;
        }
        return t;
    }
}
