package dev.steward.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.ingest.DecisionLine;
import dev.steward.store.PackBytes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Packs keep every field of every decision and aggregate, nulls and odd values included. */
class DecisionPackTest {

    private static DecisionLine line(int i, String file, long line) {
        return new DecisionLine("d-" + i, Instant.parse("2026-10-02T10:00:00Z").plusSeconds(i * 37L).plusNanos(i * 1001L),
                "agent-" + (i % 7), i % 5 == 0 ? null : "cred-" + (i % 3), i % 4 == 0 ? List.of("p-1", "agent-" + i) : List.of(),
                "erp", i % 2 == 0 ? "read" : "write", "erp://x/" + i, "erp:read", i % 3 != 0, i % 6 == 0 ? null : "policy#allow",
                i % 9 == 0 ? "über \"quoted\"\nline" : null, "task:" + i, i % 11 == 0 ? "CHG-" + i : null, "high", "prod",
                i % 3 == 0 ? null : i % 2 == 0, i % 8 == 0 ? "Mozilla/5.0" : null, file, line);
    }

    @Test
    void rawDecisionsRoundTripWithEveryFieldInFileOrder() {
        DecisionPack.Encoder e = new DecisionPack.Encoder();
        List<DecisionLine> in = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // two files: lines restart, so line deltas go negative once
            in.add(line(i, i < 200 ? "a.jsonl" : "b.jsonl.gz", i < 200 ? i + 1 : i - 199));
        }
        // a decision earlier than the pack's first one, at a negative epoch second
        DecisionLine l = line(1, "b.jsonl.gz", 500);
        in.add(new DecisionLine(l.id(), Instant.parse("1969-12-31T23:59:58.25Z"), l.agent(), l.credential(), l.onBehalfOf(),
                l.tool(), l.action(), l.resource(), l.scope(), l.allowed(), l.policy(), l.reason(), l.trigger(), l.approval(),
                l.risk(), l.environment(), l.interactive(), l.userAgent(), l.file(), l.line()));
        in.forEach(e::add);
        assertThat(e.count()).isEqualTo(301);
        assertThat(e.min()).isEqualTo(Instant.parse("1969-12-31T23:59:58.25Z"));
        assertThat(e.max()).isEqualTo(in.get(299).time());
        assertThat(e.firstLine()).isEqualTo(1);
        assertThat(e.lastLine()).isEqualTo(500);
        byte[] packed = e.finish();
        assertThat(e.count()).isZero();

        assertThat(DecisionPack.decode(packed)).containsExactlyElementsOf(in);
        // the encoder starts afresh: a second pack does not refer to the first one's dictionary or deltas
        e.add(in.get(5));
        assertThat(DecisionPack.decode(e.finish())).containsExactly(in.get(5));
        e.close();
    }

    @Test
    void dailyAggregatesRoundTripAndTheWindowKeepsOnlyItsDays() throws Exception {
        DailyPackEncoder e = new DailyPackEncoder();
        LocalDate day = LocalDate.parse("2026-10-02");
        long[] counts = {5, 4, 3, 2, 1, 1, Long.MAX_VALUE / 3};
        e.add(day, "agent-1", null, "erp", "read", null, "prod", true, "[]", counts,
                Instant.parse("2026-10-02T00:00:00Z"), Instant.parse("2026-10-02T23:59:59.999999999Z"));
        e.add(day.plusDays(1), null, "cred-1", null, null, "s", null, false, "[\"p-1\"]", new long[] {1, 0, 0, 0, 0, 0, 0},
                Instant.parse("2026-10-03T10:00:00Z"), Instant.parse("2026-10-03T10:00:00Z"));
        assertThat(e.minDay()).isEqualTo(day);
        assertThat(e.maxDay()).isEqualTo(day.plusDays(1));
        byte[] packed = e.finish();

        List<String> rows = new ArrayList<>();
        DailyRow sink = (d, agent, credential, tool, action, scope, environment, allowed, chain, n, first, last) ->
                rows.add(String.join("|", d.toString(), agent, credential, tool, action, scope, environment,
                        String.valueOf(allowed), chain, java.util.Arrays.toString(n), first.toString(), last.toString()));
        DailyPack.decode(packed, day, day.plusDays(2), sink);
        assertThat(rows).containsExactly(
                "2026-10-02|agent-1|null|erp|read|null|prod|true|[]|[5, 4, 3, 2, 1, 1, " + Long.MAX_VALUE / 3 + "]"
                        + "|2026-10-02T00:00:00Z|2026-10-02T23:59:59.999999999Z",
                "2026-10-03|null|cred-1|null|null|s|null|false|[\"p-1\"]|[1, 0, 0, 0, 0, 0, 0]"
                        + "|2026-10-03T10:00:00Z|2026-10-03T10:00:00Z");
        rows.clear();
        DailyPack.decode(packed, day.plusDays(1), day.plusDays(2), sink);
        assertThat(rows).hasSize(1).allSatisfy(r -> assertThat(r).startsWith("2026-10-03|"));
        e.close();
    }

    @Test
    void oneSubjectsAggregatesAreTheOnlyOnesDecodedAndAPackWithoutItIsSkipped() throws Exception {
        DailyPackEncoder e = new DailyPackEncoder();
        LocalDate day = LocalDate.parse("2026-10-02");
        Instant t = Instant.parse("2026-10-02T10:00:00Z");
        // "agent-1" is a prefix of "agent-10"; "agent-é" has a two-byte character; "cred-1" is also an agent's name
        String[][] rows = {{"agent-1", "cred-1"}, {"agent-10", "cred-2"}, {"agent-é", null}, {"cred-1", "cred-3"},
            {null, "cred-1"}, {"agent-10", "cred-10"}};
        for (int i = 0; i < rows.length; i++) {
            e.add(day.plusDays(i % 2), rows[i][0], rows[i][1], "erp", "read", null, "prod", true, "[]",
                    new long[] {i + 1, 0, 0, 0, 0, 0, 0}, t, t);
        }
        byte[] packed = e.finish();
        e.add(day, "agent-2", "cred-2", "erp", "read", null, "prod", true, "[]", new long[7], t, t);
        byte[] other = e.finish();
        e.close();

        List<String> seen = new ArrayList<>();
        DailyRow sink = (d, agent, credential, tool, action, scope, environment, allowed, chain, n, first, last) ->
                seen.add(d.getDayOfMonth() + "|" + agent + "|" + credential + "|" + n[0]);
        DailyPack.decodeOf(packed, day, day.plusDays(2), "agent-1", null, sink);
        assertThat(seen).as("the agent's own aggregates, not those of an id it is a prefix of").containsExactly("2|agent-1|cred-1|1");
        seen.clear();
        DailyPack.decodeOf(packed, day, day.plusDays(2), null, "cred-1", sink);
        assertThat(seen).as("made with the credential, whoever made them; not an agent of the same name")
                .containsExactly("2|agent-1|cred-1|1", "2|null|cred-1|5");
        seen.clear();
        DailyPack.decodeOf(packed, day, day.plusDays(2), "agent-é", "cred-10", sink);
        assertThat(seen).as("either the agent or the credential").containsExactly("2|agent-é|null|3", "3|agent-10|cred-10|6");
        seen.clear();
        DailyPack.decodeOf(packed, day.plusDays(1), day.plusDays(2), "agent-10", null, sink);
        assertThat(seen).as("only the window's days").containsExactly("3|agent-10|cred-2|2", "3|agent-10|cred-10|6");
        seen.clear();
        DailyPack.decodeOf(other, day, day.plusDays(2), "agent-1", "cred-1", sink);
        DailyPack.decodeOf(packed, day, day.plusDays(2), "agent-9", null, sink);
        DailyPack.decodeOf(packed, day, day.plusDays(2), null, null, sink);
        assertThat(seen).as("a pack that does not name the subject, and no subject at all").isEmpty();
    }

    @Test
    void aDailyPackRefusesAnEarlierDayThanItsFirst() {
        DailyPackEncoder e = new DailyPackEncoder();
        Instant t = Instant.parse("2026-10-02T10:00:00Z");
        e.add(LocalDate.parse("2026-10-02"), "a", null, null, null, null, null, true, "[]", new long[7], t, t);
        assertThatThrownBy(() -> e.add(LocalDate.parse("2026-10-01"), "a", null, null, null, null, null, true, "[]",
                new long[7], t, t)).isInstanceOf(IllegalStateException.class);
        e.close();
    }

    @Test
    void aDamagedPackIsAnErrorNotWrongData() {
        DecisionPack.Encoder e = new DecisionPack.Encoder();
        e.add(line(1, "a.jsonl", 1));
        byte[] packed = e.finish();
        e.close();
        assertThatThrownBy(() -> DecisionPack.decode(java.util.Arrays.copyOf(packed, packed.length / 2)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void varintsAndZigZagCoverTheWholeRange() {
        PackBytes.Out o = new PackBytes.Out(1);
        long[] values = {0, 1, 127, 128, 16_383, 16_384, Integer.MAX_VALUE, Long.MAX_VALUE, -1, Long.MIN_VALUE};
        for (long v : values) {
            o.zigZag(v);
        }
        o.text("");
        o.text(null);
        byte[] raw;
        try (dev.steward.store.PackCodec.Compressor compressor = new dev.steward.store.PackCodec.Compressor()) {
            raw = dev.steward.store.PackCodec.expand(o.compress(compressor));
        }
        PackBytes.In back = new PackBytes.In(raw);
        for (long v : values) {
            assertThat(back.zigZag()).isEqualTo(v);
        }
        assertThat(back.text()).isEmpty();
        assertThat(back.text()).isNull();
    }
}
