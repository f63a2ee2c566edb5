package dev.steward.decisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The window's text table ({@link WindowTextTable}) against a map of strings: one entry per distinct text whether it
 * is looked up as a string, as its bytes inside a larger buffer or in a batch ({@link WindowTextTable#getAll}), across
 * the growth of every array; bytes that are not canonical UTF-8 and strings that have no UTF-8 form.
 */
class WindowTextTableTest {

    @Test
    void givesOneEntryPerTextHoweverItIsLookedUp() {
        Random random = new Random(5);
        WindowTextTable table = new WindowTextTable();
        Map<String, WindowText> expected = new HashMap<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            texts.add(text(random));
        }
        texts.add("");
        for (int round = 0; round < 3; round++) {
            // a batch the size of a pack's dictionary, packed into one buffer after a few bytes of something else
            for (int from = 0; from < texts.size(); from += 3_000) {
                List<String> batch = texts.subList(from, Math.min(texts.size(), from + 3_000));
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                buf.write(7);
                int[] offsets = new int[batch.size() + 1];
                int[] lengths = new int[batch.size() + 1];
                for (int i = 0; i < batch.size(); i++) {
                    byte[] b = batch.get(i).getBytes(StandardCharsets.UTF_8);
                    offsets[i] = buf.size();
                    lengths[i] = b.length;
                    buf.writeBytes(b);
                    buf.write(random.nextInt(256));
                }
                lengths[batch.size()] = -1;
                WindowText[] out = new WindowText[batch.size() + 3];
                int[] indexes = new int[out.length];
                if (round == 1) {
                    table.getAll(buf.toByteArray(), offsets, lengths, batch.size() + 1, out, indexes, 2);
                    for (int i = 0; i <= batch.size(); i++) {
                        assertThat(indexes[2 + i]).isEqualTo(out[2 + i] == null ? -1 : out[2 + i].index);
                    }
                } else {
                    byte[] bytes = buf.toByteArray();
                    for (int i = 0; i <= batch.size(); i++) {
                        out[2 + i] = round == 0 && i < batch.size() ? table.get(batch.get(i))
                                : lengths[i] < 0 ? null : table.get(bytes, offsets[i], lengths[i]);
                    }
                }
                for (int i = 0; i < batch.size(); i++) {
                    String t = batch.get(i);
                    WindowText entry = out[2 + i];
                    assertThat(entry.value).isEqualTo(t);
                    WindowText before = expected.putIfAbsent(t, entry);
                    assertThat(entry).as(t).isSameAs(before == null ? entry : before);
                }
                assertThat(out[2 + batch.size()]).isNull();
                assertThat(out[0]).isNull();
            }
        }
        assertThat(table.size()).isEqualTo(expected.size()).isGreaterThan(15_000);
        boolean[] seen = new boolean[table.size()];
        for (Map.Entry<String, WindowText> e : expected.entrySet()) {
            assertThat(table.get(e.getKey())).isSameAs(e.getValue());
            // each entry its own index, 0 to size - 1
            assertThat(seen[e.getValue().index]).isFalse();
            seen[e.getValue().index] = true;
        }
    }

    @Test
    void bytesThatAreNotCanonicalUtf8NameTheEntryOfTheirText() {
        WindowTextTable table = new WindowTextTable();
        byte[] invalid = {'a', (byte) 0xFF, 'b'};
        byte[] overlong = {'a', (byte) 0xC0, (byte) 0x80, 'b'};
        String decoded = new String(invalid, StandardCharsets.UTF_8);
        assertThat(decoded).isEqualTo("a\uFFFDb");
        WindowText first = table.get(invalid, 0, invalid.length);
        assertThat(first.value).isEqualTo(decoded);
        assertThat(table.get(decoded)).isSameAs(first);
        assertThat(table.get(invalid, 0, invalid.length)).isSameAs(first);
        WindowText[] out = new WindowText[2];
        int[] indexes = new int[2];
        table.getAll(invalid, new int[] {0, 1}, new int[] {3, 1}, 2, out, indexes, 0);
        assertThat(out[0]).isSameAs(first);
        assertThat(indexes[0]).isEqualTo(first.index);
        assertThat(indexes[1]).isEqualTo(out[1].index).isNotEqualTo(first.index);
        assertThat(out[1].value).isEqualTo("\uFFFD");
        WindowText other = table.get(overlong, 0, overlong.length);
        assertThat(other.value).isEqualTo(new String(overlong, StandardCharsets.UTF_8));
        assertThat(table.get(other.value)).isSameAs(other);
        assertThat(other).isNotSameAs(first);
        // a\uFFFDb (and its alias), \uFFFD, a\uFFFD\uFFFDb
        assertThat(table.size()).isEqualTo(3);
    }

    @Test
    void aStringWithoutUtf8FormIsItsOwnText() {
        WindowTextTable table = new WindowTextTable();
        WindowText lone = table.get("a\uD800");
        WindowText question = table.get("a?");
        WindowText replaced = table.get("a\uFFFD");
        WindowText pair = table.get("a\uD83D\uDE00");
        assertThat(lone.value).isEqualTo("a\uD800");
        assertThat(question.value).isEqualTo("a?");
        assertThat(pair.value).isEqualTo("a\uD83D\uDE00");
        assertThat(List.of(lone, question, replaced, pair)).doesNotHaveDuplicates();
        assertThat(table.get("a\uD800")).isSameAs(lone);
        byte[] emoji = "a\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
        assertThat(table.get(emoji, 0, emoji.length)).isSameAs(pair);
        assertThat(table.size()).isEqualTo(4);
        // texts without a UTF-8 form are numbered with the others
        assertThat(List.of(lone.index, question.index, replaced.index, pair.index)).containsExactly(0, 1, 2, 3);
    }

    /** Ids as real inventories name them: shared prefixes, digits, and now and then other scripts. */
    private static String text(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "cred-" + String.format("%06d", random.nextInt(1_000_000));
            case 1 -> "agent-" + random.nextInt(100_000);
            case 2 -> "scope:" + (char) ('a' + random.nextInt(26)) + random.nextInt(1000) + "/\u00e9t\u00e9";
            case 3 -> "tool-\u4e2d\u6587-" + random.nextInt(500);
            default -> Long.toString(random.nextLong(), 36);
        };
    }
}
