package dev.steward.check.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.evidence.DecisionAggregate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The "decisions" reference's id and detail, written into builders, are the texts the plain way of writing them gives
 * (sorted distinct names joined, days and instants as their toString, the counts with their nouns), for random lists
 * of aggregates with missing names and instants, repeats, one day or many, days outside the table of day texts, and
 * for a list that is not indexed.
 */
class DecisionSummaryTest {

    private static final String[] NAMES = {null, "a-1", "a-2", "b", "A-1", "a-10", "ü-1"};
    private static final LocalDate[] DAYS = {LocalDate.of(2026, 8, 3), LocalDate.of(2026, 10, 31),
        LocalDate.of(2024, 2, 29), LocalDate.of(1969, 12, 31), LocalDate.of(2149, 6, 6), LocalDate.of(12_000, 1, 1)};

    @Test
    void writesWhatThePlainWayWrites() {
        Random random = new Random(5);
        for (int round = 0; round < 3_000; round++) {
            int n = round < 20 ? round % 3 : random.nextInt(round % 10 == 0 ? 200 : 12);
            List<DecisionAggregate> list = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                list.add(aggregate(random));
            }
            DecisionSummary s = DecisionSummary.of(list);
            assertThat(s.id()).as("list %s", list).isEqualTo(plainId(list));
            assertThat(s.detail()).as("list %s", list).isEqualTo(plainDetail(list));
            assertThat(DecisionSummary.of(new ArrayDeque<>(list))).as("not indexed").isEqualTo(s);
        }
    }

    @Test
    void namesTheDaysCountsAndInstants() {
        LocalDate day = LocalDate.of(2026, 10, 1);
        DecisionAggregate one = new DecisionAggregate(day, "a-2", "c-1", null, null, null, null, true, List.of(), 1,
                0, 0, 0, 0, 0, 0, Instant.parse("2026-10-01T08:00:00Z"), Instant.parse("2026-10-01T09:00:00.5Z"));
        DecisionAggregate other = new DecisionAggregate(day.plusDays(29), "a-1", null, null, null, null, null, false,
                List.of(), 2, 0, 0, 0, 0, 0, 0, null, null);
        assertThat(DecisionSummary.of(List.of(one))).isEqualTo(new DecisionSummary(
                "agent=a-2;credential=c-1;days=2026-10-01",
                "1 decision (1 allowed, 0 denied), first 2026-10-01T08:00:00Z, last 2026-10-01T09:00:00.500Z"));
        assertThat(DecisionSummary.of(List.of(other, one))).isEqualTo(new DecisionSummary(
                "agent=a-1,a-2;credential=c-1;days=2026-10-01..2026-10-30",
                "3 decisions (1 allowed, 2 denied), first 2026-10-01T08:00:00Z, last 2026-10-30T23:59:59.999999999Z"));
        assertThat(DecisionSummary.of(List.of())).isEqualTo(new DecisionSummary("days=none",
                "0 decisions (0 allowed, 0 denied)"));
    }

    private static DecisionAggregate aggregate(Random random) {
        LocalDate day = DAYS[random.nextInt(DAYS.length)].plusDays(random.nextInt(3));
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant first = random.nextInt(4) == 0 ? null : start.plusSeconds(random.nextInt(40_000))
                .plusNanos(random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0);
        Instant last = random.nextInt(4) == 0 ? null : start.plusSeconds(40_000 + random.nextInt(40_000));
        return new DecisionAggregate(day, NAMES[random.nextInt(NAMES.length)], NAMES[random.nextInt(NAMES.length)],
                null, null, null, null, random.nextBoolean(), List.of(),
                random.nextInt(5) == 0 ? 1 : random.nextInt(10_000), 0, 0, 0, 0, 0, 0, first, last);
    }

    /** The id as string concatenation and joins write it. */
    private static String plainId(Collection<DecisionAggregate> aggregates) {
        TreeSet<String> agents = new TreeSet<>();
        TreeSet<String> credentials = new TreeSet<>();
        TreeSet<LocalDate> days = new TreeSet<>();
        for (DecisionAggregate a : aggregates) {
            if (a.agent() != null) {
                agents.add(a.agent());
            }
            if (a.credential() != null) {
                credentials.add(a.credential());
            }
            days.add(a.day());
        }
        List<String> id = new ArrayList<>();
        if (!agents.isEmpty()) {
            id.add("agent=" + String.join(",", agents));
        }
        if (!credentials.isEmpty()) {
            id.add("credential=" + String.join(",", credentials));
        }
        id.add("days=" + (days.isEmpty() ? "none" : days.size() == 1 ? days.first().toString()
                : days.first() + ".." + days.last()));
        return String.join(";", id);
    }

    private static String plainDetail(Collection<DecisionAggregate> aggregates) {
        long count = aggregates.stream().mapToLong(DecisionAggregate::count).sum();
        long allowed = aggregates.stream().filter(DecisionAggregate::allowed).mapToLong(DecisionAggregate::count).sum();
        String detail = (count == 1 ? "1 decision" : count + " decisions") + " (" + allowed + " allowed, "
                + (count - allowed) + " denied)";
        if (aggregates.isEmpty()) {
            return detail;
        }
        Instant first = aggregates.stream().map(Rules::firstAt).min(Instant::compareTo).orElseThrow();
        Instant last = aggregates.stream().map(Rules::lastAt).max(Instant::compareTo).orElseThrow();
        return detail + ", first " + first + ", last " + last;
    }
}
