package dev.steward.assessment;

import dev.steward.check.Result;
import dev.steward.check.Severity;
import dev.steward.check.SubjectType;
import dev.steward.check.rules.Lif4RevocationEnforcedCheck;
import dev.steward.decisions.WindowShards;
import dev.steward.evidence.Evidence;
import dev.steward.store.PackBytes;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An assessment of a window too large to hold: the same evaluations, results and outcome as {@link Assessor#assess},
 * one {@link WindowShards shard} of subjects at a time. Pass 1 evaluates every check on each shard and stores each
 * result at its run-order position ({@code seq}: evaluation, then subject, exactly where the one-pass assessment
 * puts it; the results of one evaluation on one shard are a contiguous block of seqs, or two for credentials (those
 * without a holder, which come first in run order, then the others: {@link WindowShards#credentialRuns}), each ended
 * with {@link ResultWriter#endBlock()} so that no pack of PASS and NOT_APPLICABLE results spans two blocks); it also
 * keeps what counting needs (subject, verdict, score, weight, attribution; no reason, no evidence) in a temporary file
 * per shard, a block per run. Pass 2 reads those back in run order (evaluation by evaluation, run by run, shard after
 * shard) and counts them
 * ({@link Tally}), so every sum is taken in the same order as in one pass and the outcome is identical; a thread of
 * its own ({@code steward-diff}) reads the same files at the same time and hands the results, in the same order, to
 * {@code inOrder} (the diff), which the calling thread waits for before it returns. Doing both on the calling thread
 * took about 4 s at 10M decisions. That thread also takes the owner and manager roll-ups and the recommender's FAILs
 * (so that both have about as much to do), and whichever of the two is done first works out what the recommendations
 * need of the inventory and the window ({@link Recommender#teams()}) while the other is still replaying.
 *
 * <p>Within a shard the checks are evaluated on {@code parallelism} threads ({@link EvaluationPipeline}) while the
 * calling thread stores and keeps each evaluation's results in run order, so what is stored does not depend on the
 * number of threads. Whenever there is more than one shard, the next shard is read ({@link WindowShards#evidence}) on
 * a reader thread while the current one is evaluated, also with one evaluating thread (reading is about a fifth of the
 * calling thread's time in the shards, and the second core has room for it): one shard ahead, one call at a time and
 * in shard order; every other call on the shards is made by the calling thread before the first read or after the
 * last.
 */
final class ShardedAssessment {

    private static final Result[] RESULTS = Result.values();

    private final Assessor assessor;
    private final int parallelism;
    private final TextIds texts = new TextIds();

    /** @param parallelism threads that evaluate the checks of a shard ({@link EvaluationPipeline}); 1 = the caller */
    ShardedAssessment(Assessor assessor, int parallelism) {
        this.assessor = assessor;
        this.parallelism = parallelism;
    }

    /**
     * @param inOrder receives every result in run order, on a thread of its own, all of them before this returns;
     *                null for none
     */
    Outcome run(Evidence inventory, WindowShards shards, ResultWriter store, InOrder<?> inOrder, Path tmp) {
        EvaluationPlan plan = assessor.plan();
        List<Evaluation> evaluations = plan.evaluations();
        int k = shards.count();
        long[] millis = new long[evaluations.size()];
        Map<String, Duration> latencies = new LinkedHashMap<>();
        Path dir = null;
        // per shard and subject type, where its subjects sit in run order: runs of {first position, count}
        long[][][][] runs = new long[k][SubjectType.values().length][][];
        long allPrincipals = shards.principals();
        for (int shard = 0; shard < k; shard++) {
            runs[shard][SubjectType.AGENT.ordinal()] = new long[][] {{shards.agentsBefore(shard),
                    shards.agents(shard).size()}};
            runs[shard][SubjectType.CREDENTIAL.ordinal()] = shards.credentialRuns(shard);
        }
        ExecutorService reader = k > 1 ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "steward-shard-reader");
            t.setDaemon(true);
            return t;
        }) : null;
        String[][][] subjects = new String[k][SubjectType.values().length][];
        PackBytes.Out block = new PackBytes.Out(1 << 16);
        // pass 2 reads every shard's file at once
        int buffer = WindowShards.fileBuffer(k);
        Future<Evidence> next = null;
        try (EvaluationPipeline pipeline = new EvaluationPipeline(parallelism)) {
            dir = Files.createTempDirectory(tmp, "steward-results-");
            next = read(reader, shards, 0, k);
            for (int shard = 0; shard < k; shard++) {
                Evidence ev = reader == null ? shards.evidence(shard) : Futures.get(next, "reading decision shard " + shard);
                next = read(reader, shards, shard + 1, k);
                int at = shard;
                runs[shard][SubjectType.PRINCIPAL.ordinal()] = new long[][] {{shards.principalsBefore(shard),
                        ev.principals().size()}};
                long[] base = {0};
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(dir.resolve("results-" + shard)), buffer))) {
                    pipeline.run(evaluations, ev, new Attribution(ev, texts), "shard " + (shard + 1) + " of " + k, (i, e, done) -> {
                        long started = System.nanoTime();
                        List<AssessedResult> results = done.results();
                        SubjectType type = e.check().subjectType();
                        long[][] here = runs[at][type.ordinal()];
                        long expected = 0;
                        for (long[] run : here) {
                            expected += run[1];
                        }
                        if (results.size() != expected) {
                            throw new IllegalStateException(e.key() + " gave " + results.size() + " results for " + expected
                                    + " subjects of shard " + at + ": a sharded assessment needs one result per subject");
                        }
                        String[] ids = subjects[at][type.ordinal()];
                        if (ids == null) {
                            ids = new String[results.size()];
                            for (int j = 0; j < ids.length; j++) {
                                ids[j] = results.get(j).subjectId();
                            }
                            subjects[at][type.ordinal()] = ids;
                        }
                        // each run of subjects is a block of seqs of its own, kept as a block of its own
                        int j = 0;
                        for (long[] run : here) {
                            block.reset();
                            long seq = base[0] + run[0];
                            for (int end = j + (int) run[1]; j < end; j++, seq++) {
                                AssessedResult r = results.get(j);
                                store.write(r, Math.toIntExact(seq));
                                keep(block, r, done.rawScores()[j], done.subjects()[j], ids[j]);
                            }
                            out.writeInt((int) run[1]);
                            out.writeInt(block.size());
                            block.writeTo(out);
                            store.endBlock();
                        }
                        base[0] += total(type, inventory, allPrincipals);
                        millis[i] += (done.nanos() + System.nanoTime() - started) / 1_000_000;
                    });
                }
                latencies.putAll(Lif4RevocationEnforcedCheck.latenciesById(ev));
            }
            Tally tally = new Tally(new Recommender(inventory, shards::named), latencies, true);
            // the owner and manager roll-ups, the recommender and the diff take the results in run order on a thread
            // of their own, reading the same files
            Path kept = dir;
            ExecutorService differ = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "steward-diff");
                t.setDaemon(true);
                return t;
            });
            try {
                // the teams' facts the recommendations need (none of the results), worked out by whichever of the
                // two threads is done replaying first, while the other one still is
                AtomicBoolean claimed = new AtomicBoolean();
                CompletableFuture<List<Recommender.Team>> teams = new CompletableFuture<>();
                Runnable prepare = () -> {
                    if (claimed.compareAndSet(false, true)) {
                        teams.completeAsync(tally.recommender::teams, Runnable::run);
                    }
                };
                Future<?> rolled = differ.submit(() -> {
                    replayAll(kept, evaluations, subjects, runs, buffer, null, null, tally, inOrder);
                    prepare.run();
                    return null;
                });
                replayAll(dir, evaluations, subjects, runs, buffer, tally, millis, null, null);
                prepare.run();
                Futures.get(rolled, "replaying the results for the roll-ups and the diff");
                tally.recommender.prepared(Futures.get(teams, "working out the teams for the recommendations"));
            } finally {
                differ.shutdownNow();
                awaitStopped(differ);
            }
            return assessor.outcome(plan, tally, inventory, shards.principals(), Math.toIntExact(shards.aggregates()),
                    List.copyOf(latencies.values()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the results of a sharded assessment", e);
        } finally {
            if (next != null) {
                next.cancel(true);
            }
            if (reader != null) {
                reader.shutdownNow();
            }
            delete(dir);
        }
    }

    /**
     * Starts reading shard {@code k} on the reader thread, so that it overlaps the evaluation of the shard before (one
     * shard ahead, never more; {@link WindowShards#evidence} is called for one shard at a time, in order). Null when
     * there is no such shard or no reader (one shard only: it is read when its turn comes).
     */
    private static Future<Evidence> read(ExecutorService reader, WindowShards shards, int k, int count) {
        return reader == null || k >= count ? null : reader.submit(() -> shards.evidence(k));
    }

    /**
     * Pass 2's reading: every kept result in run order (evaluation by evaluation, shard after shard), rebuilt and
     * counted into {@code tally} (when not null, with each evaluation's {@code millis}), the default variant's results
     * rolled up by owner and manager into {@code rolled} ({@link Tally#roll}, when not null) and every result handed
     * to {@code inOrder} (when not null). Each call reads the files with streams of its own, so two calls may run at
     * once (the calling thread counts while another rolls up and diffs).
     */
    private <S> void replayAll(Path dir, List<Evaluation> evaluations, String[][][] subjects, long[][][][] runs,
            int buffer, Tally tally, long[] millis, Tally rolled, InOrder<S> inOrder) throws IOException {
        int k = subjects.length;
        // what inOrder needs of each subject, per shard and subject type: asked once, not once per result
        Object[][][] looked = new Object[k][SubjectType.values().length][];
        List<DataInputStream> ins = new ArrayList<>();
        try {
            for (int shard = 0; shard < k; shard++) {
                ins.add(new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve("results-" + shard)),
                        buffer)));
            }
            for (int i = 0; i < evaluations.size(); i++) {
                Evaluation e = evaluations.get(i);
                Tally.Evaluated counted = tally == null ? null : tally.start(e);
                Fixed fixed = new Fixed(e.check().id(), e.variant(), e.check().subjectType(), e.check().severity(),
                        e.controls(), rolled != null && e.base() ? rolled : null);
                // run by run (every shard has as many of a type: credentials two), shard after shard; each shard's
                // file holds its runs in turn
                int[] next = new int[k];
                for (int run = 0; run < runs[0][fixed.type().ordinal()].length; run++) {
                    for (int shard = 0; shard < k; shard++) {
                        DataInputStream in = ins.get(shard);
                        String[] ids = subjects[shard][fixed.type().ordinal()];
                        Object[] of = inOrder == null ? null : looked[shard][fixed.type().ordinal()];
                        if (inOrder != null && of == null) {
                            of = new Object[ids.length];
                            for (int j = 0; j < ids.length; j++) {
                                of[j] = inOrder.subject(ids[j]);
                            }
                            looked[shard][fixed.type().ordinal()] = of;
                        }
                        int n = in.readInt();
                        byte[] bytes = new byte[in.readInt()];
                        in.readFully(bytes);
                        PackBytes.In keptBlock = new PackBytes.In(bytes);
                        for (int j = 0; j < n; j++) {
                            int at = next[shard]++;
                            replay(keptBlock, fixed, ids[at], of == null ? null : of[at], counted, inOrder);
                        }
                    }
                }
                if (counted != null) {
                    counted.finish(millis[i]);
                }
            }
        } finally {
            for (DataInputStream in : ins) {
                in.close();
            }
        }
    }

    /** Waits for a helper that was told to stop, so that nothing reads the results' files once they are deleted. */
    private static void awaitStopped(ExecutorService helper) {
        try {
            if (!helper.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("the diff's reader did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long total(SubjectType type, Evidence inventory, long allPrincipals) {
        return switch (type) {
            case AGENT -> inventory.agents().size();
            case CREDENTIAL -> inventory.credentials().size();
            default -> allPrincipals;
        };
    }

    /**
     * What counting needs of a result: its subject, verdict, the check's unrounded score, weight and attribution. The
     * subject is a flag when it is {@code subject}, the one at its position in the shard's first evaluation of the
     * same subject type (always, for the checks of the catalog: one result per subject in id order), so replaying
     * hands on that string instead of decoding a new one (whose hash the diff would compute again); the attribution's
     * texts are written as the ids its {@link Attribution} numbered once per subject (looking up four texts per result
     * was 12 % of a 100k-agent run's calling thread, first in an identity map, then by value). An evaluation's results
     * on a shard are one block of varints ({@link PackBytes}: the JDK's data streams lock and make a virtual call per
     * byte, about 5 % of the calling thread), written to the shard's file as result count, byte count and bytes.
     */
    private static void keep(PackBytes.Out out, AssessedResult r, Double rawScore, Attribution.Subject s, String subject) {
        if (r.subjectId() == subject || r.subjectId().equals(subject)) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.text(r.subjectId());
        }
        out.writeByte(r.result().ordinal());
        if (rawScore == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.writeDouble(rawScore);
        }
        out.zigZag(r.weight());
        out.zigZag(s.ownerId());
        out.zigZag(s.teamId());
        out.zigZag(s.managerId());
        out.zigZag(s.environmentId());
    }

    /** What every result of an evaluation shares, read once (a check is a CDI proxy: each call is a lookup). */
    private record Fixed(String checkId, String variant, SubjectType type, Severity severity, List<String> controls,
            Tally rolled) {
    }

    @SuppressWarnings("unchecked")
    private <S> void replay(PackBytes.In in, Fixed e, String usual, Object usualLooked, Tally.Evaluated counted,
            InOrder<S> inOrder) {
        String subject = in.readByte() != 0 ? in.text() : usual;
        Result result = RESULTS[in.readByte()];
        Double raw = in.readByte() != 0 ? in.readDouble() : null;
        int weight = (int) in.zigZag();
        int owner = (int) in.zigZag();
        int team = (int) in.zigZag();
        int manager = (int) in.zigZag();
        int environment = (int) in.zigZag();
        AssessedResult a = new AssessedResult(e.checkId(), e.variant(), e.type(), subject, result, raw, e.severity(), weight,
                "", name(owner), name(team), name(manager), name(environment), List.of(), e.controls());
        if (counted != null) {
            counted.add(result, raw, weight, a, owner, team, manager, environment);
        }
        if (e.rolled() != null) {
            e.rolled().roll(a, owner, manager);
        }
        if (inOrder != null) {
            inOrder.accept(a, subject == usual ? (S) usualLooked : inOrder.subject(subject));
        }
    }

    private String name(int id) {
        return texts.text(id);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
