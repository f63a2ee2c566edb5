package dev.steward.decisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.store.PackCodec;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An upload's texts as daily packs of version 2 number them: numbered once in first-use order, stored in parts of the
 * texts new since the last, read back whole; damage (a part missing or out of place, a count that does not match, a
 * number outside the texts, a pack read without its upload's texts) fails with an error that names the upload.
 */
class UploadTextsTest {

    private static final LocalDate DAY = LocalDate.parse("2026-10-01");
    private static final Instant AT = Instant.parse("2026-10-01T10:00:00Z");

    @Test
    void textsAreNumberedOnceInFirstUseOrderAndStoredInPartsOfTheNewOnes() {
        UploadTexts.Writer writer = new UploadTexts.Writer();
        List<byte[]> parts = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        try (PackCodec.Compressor compressor = new PackCodec.Compressor()) {
            assertThat(writer.number("agent-1")).isZero();
            assertThat(writer.number("cred-é")).isEqualTo(1);
            assertThat(writer.number("agent-1")).as("known: its number again").isZero();
            rows.add(new int[] {writer.parts(), writer.stored(), writer.size() - writer.stored()});
            parts.add(writer.part(compressor));
            assertThat(writer.pending()).isFalse();
            assertThat(writer.number("cred-é")).isEqualTo(1);
            assertThat(writer.pending()).as("nothing new").isFalse();
            assertThat(writer.number("")).isEqualTo(2);
            assertThat(writer.number("tool")).isEqualTo(3);
            rows.add(new int[] {writer.parts(), writer.stored(), writer.size() - writer.stored()});
            parts.add(writer.part(compressor));
        }
        assertThat(rows).containsExactly(new int[] {0, 0, 2}, new int[] {1, 2, 2});

        UploadTexts.Builder builder = new UploadTexts.Builder(7);
        for (int i = 0; i < parts.size(); i++) {
            builder.add(rows.get(i)[0], rows.get(i)[1], rows.get(i)[2], parts.get(i));
        }
        UploadTexts texts = builder.build();
        assertThat(texts.size()).isEqualTo(4);
        assertThat(List.of(texts.text(0), texts.text(1), texts.text(2), texts.text(3)))
                .containsExactly("agent-1", "cred-é", "", "tool");
        assertThat(texts.text(1)).as("decoded once").isSameAs(texts.text(1));
        assertThat(texts.lengths()[1]).as("UTF-8 bytes").isEqualTo(7);
        assertThatThrownBy(() -> texts.text(4)).hasMessage("a daily decision pack of upload 7 names text 4, and the"
                + " upload has 4");
        assertThatThrownBy(() -> texts.checked(-1)).hasMessageContaining("upload 7 names text -1");

        assertThatThrownBy(() -> new UploadTexts.Builder(7).add(1, 2, 2, parts.get(1)))
                .as("the first part missing").hasMessage("the texts of upload 7 are damaged: part 1 starts at text 2,"
                        + " expected part 0 at text 0");
        UploadTexts.Builder miscounted = new UploadTexts.Builder(8);
        assertThatThrownBy(() -> miscounted.add(0, 0, 3, parts.get(0)))
                .hasMessage("the texts of upload 8 are damaged: part 0 holds 2 texts, its row says 3");
    }

    @Test
    void aPackOfVersionTwoRefersToItsUploadsTextsAndIsNotReadWithoutThem() throws Exception {
        UploadTexts.Writer writer = new UploadTexts.Writer();
        DailyPackEncoder encoder = new DailyPackEncoder(writer);
        byte[] first;
        byte[] second;
        UploadTexts.Builder builder = new UploadTexts.Builder(3);
        long[] counts = {2, 1, 1, 0, 0, 0, 0};
        try {
            encoder.add(DAY, "agent-1", "cred-1", "erp", "read", null, "prod", true, "[]", counts, AT, AT);
            first = encoder.finish();
            builder.add(writer.parts(), writer.stored(), writer.size() - writer.stored(),
                    writer.part(encoder.compressor()));
            // the second pack names a text of the first and a new one
            encoder.add(DAY, "agent-2", "cred-1", "erp", "read", null, "prod", false, "[]", counts, AT, AT);
            second = encoder.finish();
            builder.add(writer.parts(), writer.stored(), writer.size() - writer.stored(),
                    writer.part(encoder.compressor()));
        } finally {
            encoder.close();
        }
        UploadTexts texts = builder.build();
        assertThat(DailyPack.header(first).numbers()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(DailyPack.header(second).numbers()).as("first-use order in the pack, numbers of the upload")
                .containsExactly(6, 1, 2, 3, 4, 5);

        List<String> read = new ArrayList<>();
        DailyPack.decode(second, () -> texts, DAY, DAY.plusDays(1), (day, agent, credential, tool, action, scope,
                environment, allowed, onBehalfOf, n, firstAt, lastAt) -> read.add(String.join("/", agent, credential,
                tool, action, String.valueOf(scope), environment, onBehalfOf, String.valueOf(allowed))));
        assertThat(read).containsExactly("agent-2/cred-1/erp/read/null/prod/[]/false");
        List<String> ofCredential = new ArrayList<>();
        DailyPack.decodeOf(second, () -> texts, DAY, DAY.plusDays(1), null, "cred-1", (day, agent, credential, tool,
                action, scope, environment, allowed, onBehalfOf, n, firstAt, lastAt) -> ofCredential.add(agent), false);
        assertThat(ofCredential).containsExactly("agent-2");

        assertThatThrownBy(() -> DailyPack.decode(first, DAY, DAY.plusDays(1), (day, agent, credential, tool, action,
                scope, environment, allowed, onBehalfOf, n, firstAt, lastAt) -> { }))
                .hasMessage("a daily decision pack of version 2 was read without its upload's texts");
        UploadTexts fewer = new UploadTexts.Builder(3).build();
        DailyRow nothing = (day, agent, credential, tool, action, scope, environment, allowed, onBehalfOf, n, firstAt,
                lastAt) -> { };
        assertThatThrownBy(() -> DailyPack.decodeOf(first, () -> fewer, DAY, DAY.plusDays(1), "agent-1", null, nothing,
                true)).hasMessage("a daily decision pack of upload 3 names text 0, and the upload has 0");

        // a damaged header that claims more texts than the pack has bytes fails before anything is allocated for them
        dev.steward.store.PackBytes.Out bad = new dev.steward.store.PackBytes.Out(16);
        bad.writeByte(DailyPack.VERSION);
        bad.varLong(1);
        bad.zigZag(DAY.toEpochDay());
        bad.varLong(1_000_000_000);
        bad.varLong(0);
        byte[] damaged;
        try (PackCodec.Compressor compressor = new PackCodec.Compressor()) {
            damaged = bad.compress(compressor);
        }
        assertThatThrownBy(() -> DailyPack.header(damaged))
                .hasMessage("a daily decision pack names 1000000000 texts in 1 bytes");
    }
}
