package dev.steward.export;

import dev.steward.assessment.AssessmentStore;
import dev.steward.assessment.AssessmentSummary;
import dev.steward.assessment.CheckScore;
import dev.steward.decisions.RawDecisions;
import dev.steward.ingest.DecisionLine;
import dev.steward.store.StringListConverter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Draws the auditor's test sample: for every check with findings, up to N raw decisions of the window made by the
 * check's failing subjects (agents and principals by the decision's agent, credentials by its credential). One pass
 * over the window's decisions in storage order with a reservoir per check, each seeded from the recorded seed and the
 * check id, so the same store and seed draw the same sample again.
 */
@ApplicationScoped
public class DecisionSampler {

    private final RawDecisions decisions;
    private final AssessmentStore store;

    public DecisionSampler(RawDecisions decisions, AssessmentStore store) {
        this.decisions = decisions;
        this.store = store;
    }

    /** The sample of one check: how many decisions qualified and those drawn, in storage order. */
    public record CheckSample(String checkId, long population, List<Map<String, Object>> decisions) {
    }

    public List<CheckSample> sample(AssessmentSummary run, long seed, int perCheck) {
        Draw draw = draw(run, seed, perCheck);
        decisions.inWindowUnchecked(run.windowStart(), run.asOf(), (upload, d) -> draw.offer(d));
        return draw.samples();
    }

    /**
     * The reservoirs of the run's checks with findings, each knowing its failing subjects (a method of its own so the
     * finding sets it reads are unreachable during the pass over the decisions).
     */
    private Draw draw(AssessmentSummary run, long seed, int perCheck) {
        Map<String, List<String>> controls = new LinkedHashMap<>();
        run.checks().forEach(c -> controls.put(c.key(), c.controls()));
        Map<String, Set<String>> agents = new TreeMap<>();
        Map<String, Set<String>> credentials = new TreeMap<>();
        for (CheckScore c : run.checks()) {
            if (c.results().fail() + c.results().partial() > 0) {
                agents.putIfAbsent(c.checkId(), new HashSet<>());
                credentials.putIfAbsent(c.checkId(), new HashSet<>());
            }
        }
        QuarkusTransaction.requiringNew().run(() -> store.streamFindings(run.id(), controls, f -> {
            Set<String> target = "credential".equals(f.subjectType()) ? credentials.get(f.checkId()) : agents.get(f.checkId());
            if (target != null && f.result() != dev.steward.check.Result.INSUFFICIENT_EVIDENCE) {
                target.add(f.subjectId());
            }
        }));
        return new Draw(agents, credentials, seed, perCheck);
    }

    /** A sampled decision with the field names and value types of the decision table's columns. */
    private static Map<String, Object> row(DecisionLine d) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", d.id());
        row.put("decided_at", d.time().toString());
        row.put("agent", d.agent());
        row.put("credential", d.credential());
        row.put("on_behalf_of", d.onBehalfOf().isEmpty() ? null : StringListConverter.write(d.onBehalfOf()));
        row.put("tool", d.tool());
        row.put("action", d.action());
        row.put("resource", d.resource());
        row.put("scope", d.scope());
        row.put("allowed", d.allowed());
        row.put("policy", d.policy());
        row.put("reason", d.reason());
        row.put("trigger_ref", d.trigger());
        row.put("approval", d.approval());
        row.put("risk", d.risk());
        row.put("environment", d.environment());
        row.put("interactive", d.interactive());
        row.put("user_agent", d.userAgent());
        row.put("source_file", d.file());
        row.put("source_line", d.line());
        return row;
    }

    /**
     * The reservoirs of the checks with findings, fed one pass over the decisions in storage order. Which checks a
     * decision belongs to is one lookup of its agent and one of its credential (each subject knows its checks as a bit
     * set), not a probe of every check's subjects: at 10M decisions and a dozen checks with findings the probes were
     * most of an export. Each reservoir sees exactly the decisions, in exactly the order, it saw before.
     */
    static final class Draw {
        private final String[] checkIds;
        private final Reservoir[] reservoirs;
        private final Map<String, BitSet> byAgent = new HashMap<>();
        private final Map<String, BitSet> byCredential = new HashMap<>();
        private long position;

        /** One reservoir per key of {@code agents} (in key order); {@code credentials} has the same keys. */
        Draw(Map<String, Set<String>> agents, Map<String, Set<String>> credentials, long seed, int perCheck) {
            checkIds = new TreeMap<>(agents).keySet().toArray(String[]::new);
            reservoirs = new Reservoir[checkIds.length];
            for (int i = 0; i < checkIds.length; i++) {
                reservoirs[i] = new Reservoir(perCheck, new SplittableRandom(seed ^ checkIds[i].hashCode()));
                index(agents.get(checkIds[i]), byAgent, i);
                index(credentials.getOrDefault(checkIds[i], Set.of()), byCredential, i);
            }
        }

        private static void index(Set<String> subjects, Map<String, BitSet> into, int check) {
            for (String s : subjects) {
                into.computeIfAbsent(s, k -> new BitSet()).set(check);
            }
        }

        /** Offers the next decision in storage order to every check whose failing subjects made or carried it. */
        void offer(DecisionLine d) {
            long key = position++;
            BitSet byItsAgent = d.agent() == null ? null : byAgent.get(d.agent());
            BitSet byItsCredential = d.credential() == null ? null : byCredential.get(d.credential());
            if (byItsAgent != null) {
                for (int i = byItsAgent.nextSetBit(0); i >= 0; i = byItsAgent.nextSetBit(i + 1)) {
                    reservoirs[i].offer(key, d);
                }
            }
            if (byItsCredential != null) {
                for (int i = byItsCredential.nextSetBit(0); i >= 0; i = byItsCredential.nextSetBit(i + 1)) {
                    if (byItsAgent == null || !byItsAgent.get(i)) {
                        reservoirs[i].offer(key, d);
                    }
                }
            }
        }

        /** Per check in id order: how many decisions qualified and those drawn, in storage order. */
        List<CheckSample> samples() {
            List<CheckSample> out = new ArrayList<>(checkIds.length);
            for (int i = 0; i < checkIds.length; i++) {
                out.add(new CheckSample(checkIds[i], reservoirs[i].seen, reservoirs[i].sorted().stream()
                        .map(DecisionSampler::row).toList()));
            }
            return out;
        }
    }

    /**
     * Algorithm R over a stream of decisions, each with its position in storage order (the key); keeps the decisions
     * it picks, so the sample needs no second read.
     */
    static final class Reservoir {
        private final long[] picked;
        private final DecisionLine[] decisions;
        private final SplittableRandom random;
        private long seen;

        Reservoir(int size, SplittableRandom random) {
            this.picked = new long[Math.max(0, size)];
            this.decisions = new DecisionLine[picked.length];
            this.random = random;
        }

        void offer(long key, DecisionLine d) {
            if (seen < picked.length) {
                picked[(int) seen] = key;
                decisions[(int) seen] = d;
            } else if (picked.length > 0) {
                long j = random.nextLong(seen + 1);
                if (j < picked.length) {
                    picked[(int) j] = key;
                    decisions[(int) j] = d;
                }
            }
            seen++;
        }

        /** The picked decisions in storage order. */
        List<DecisionLine> sorted() {
            int n = (int) Math.min(seen, picked.length);
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingLong(i -> picked[i]));
            List<DecisionLine> out = new ArrayList<>(n);
            for (int i : order) {
                out.add(decisions[i]);
            }
            return out;
        }
    }
}
