package dev.steward.assessment;

import dev.steward.check.CheckResult;
import dev.steward.check.EvidenceRef;
import dev.steward.check.Result;
import dev.steward.check.rules.Lif4RevocationEnforcedCheck;
import dev.steward.decisions.WindowShards;
import dev.steward.evidence.Evidence;
import dev.steward.evidence.SourceRef;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An assessment of a window too large to hold: the same evaluations, results and outcome as {@link Assessor#assess},
 * one {@link WindowShards shard} of subjects at a time. Pass 1 evaluates every check on each shard and keeps each
 * result (subject, verdict, unrounded score, weight, attribution, reason, evidence) in a temporary file per shard.
 * Pass 2 reads those back in run order (evaluation by evaluation, shard after shard: evaluation, then subject id,
 * exactly the one-pass order), counts them ({@link Tally}) and hands them to {@code inOrder} (the store and the diff),
 * so results are stored in run order and every sum is taken in the same order as in one pass: the outcome is
 * identical.
 */
final class ShardedAssessment {

    private final Assessor assessor;
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    ShardedAssessment(Assessor assessor) {
        this.assessor = assessor;
    }

    Outcome run(Evidence inventory, WindowShards shards, Consumer<AssessedResult> inOrder, Path tmp) {
        EvaluationPlan plan = assessor.plan();
        List<Evaluation> evaluations = plan.evaluations();
        int k = shards.count();
        long[] millis = new long[evaluations.size()];
        List<Duration> latencies = new ArrayList<>();
        Path dir = null;
        try {
            dir = Files.createTempDirectory(tmp, "steward-results-");
            for (int shard = 0; shard < k; shard++) {
                Evidence ev = shards.evidence(shard);
                Attribution attribution = new Attribution(ev);
                try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                        Files.newOutputStream(dir.resolve("results-" + shard)), 1 << 16))) {
                    for (int i = 0; i < evaluations.size(); i++) {
                        Evaluation e = evaluations.get(i);
                        long started = System.nanoTime();
                        List<CheckResult> results = Assessor.evaluate(e, ev);
                        int expected = switch (e.check().subjectType()) {
                            case AGENT -> shards.agents(shard).size();
                            case CREDENTIAL -> shards.credentials(shard).size();
                            default -> ev.principals().size();
                        };
                        if (results.size() != expected) {
                            throw new IllegalStateException(e.key() + " gave " + results.size() + " results for " + expected
                                    + " subjects of shard " + shard + ": a sharded assessment needs one result per subject");
                        }
                        out.writeInt(results.size());
                        for (CheckResult r : results) {
                            keep(out, e, r, attribution.of(r.subjectType(), r.subjectId()));
                        }
                        millis[i] += (System.nanoTime() - started) / 1_000_000;
                    }
                }
                latencies.addAll(Lif4RevocationEnforcedCheck.latencies(ev));
            }
            Tally tally = new Tally(new Recommender(inventory, shards::named));
            List<DataInputStream> ins = new ArrayList<>();
            try {
                for (int shard = 0; shard < k; shard++) {
                    ins.add(new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve("results-" + shard)),
                            1 << 16)));
                }
                for (int i = 0; i < evaluations.size(); i++) {
                    Evaluation e = evaluations.get(i);
                    Tally.Evaluated counted = tally.start(e);
                    for (DataInputStream in : ins) {
                        int n = in.readInt();
                        for (int j = 0; j < n; j++) {
                            replay(in, e, counted, inOrder);
                        }
                    }
                    counted.finish(millis[i]);
                }
            } finally {
                for (DataInputStream in : ins) {
                    in.close();
                }
            }
            return assessor.outcome(plan, tally, inventory, shards.principals(), Math.toIntExact(shards.aggregates()),
                    latencies);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the results of a sharded assessment", e);
        } finally {
            delete(dir);
        }
    }

    private void keep(DataOutputStream out, Evaluation e, CheckResult r, Attribution.Subject s) throws IOException {
        AssessedResult a = AssessedResult.of(e, r, s);
        ResultPack.writeText(out, r.subjectId());
        out.writeByte(r.result().ordinal());
        out.writeBoolean(r.score() != null);
        out.writeDouble(r.score() == null ? 0 : r.score());
        out.writeInt(s.weight());
        out.writeInt(id(s.owner()));
        out.writeInt(id(s.team()));
        out.writeInt(id(s.manager()));
        out.writeInt(id(s.environment()));
        ResultPack.writeText(out, a.reason());
        ResultPack.writeVarInt(out, a.evidence().size());
        for (EvidenceRef ref : a.evidence()) {
            out.writeInt(id(ref.kind()));
            ResultPack.writeText(out, ref.id());
            ResultPack.writeText(out, ref.detail());
            SourceRef source = ref.source();
            out.writeBoolean(source != null);
            if (source != null) {
                out.writeLong(source.uploadId());
                out.writeInt(id(source.file()));
                out.writeLong(source.line());
            }
        }
    }

    private void replay(DataInputStream in, Evaluation e, Tally.Evaluated counted, Consumer<AssessedResult> inOrder)
            throws IOException {
        String subject = ResultPack.readText(in);
        Result result = Result.values()[in.readByte()];
        boolean scored = in.readBoolean();
        double score = in.readDouble();
        int weight = in.readInt();
        String owner = name(in.readInt());
        String team = name(in.readInt());
        String manager = name(in.readInt());
        String environment = name(in.readInt());
        String reason = ResultPack.readText(in);
        int refs = ResultPack.readVarInt(in);
        List<EvidenceRef> evidence = new ArrayList<>(refs);
        for (int k = 0; k < refs; k++) {
            String kind = name(in.readInt());
            String id = ResultPack.readText(in);
            String detail = ResultPack.readText(in);
            SourceRef source = in.readBoolean() ? new SourceRef(in.readLong(), name(in.readInt()), in.readLong()) : null;
            evidence.add(new EvidenceRef(kind, id, detail, source));
        }
        Double raw = scored ? score : null;
        AssessedResult a = new AssessedResult(e.check().id(), e.variant(), e.check().subjectType(), subject, result, raw,
                e.check().severity(), weight, reason, owner, team, manager, environment, evidence, e.controls());
        counted.add(result, raw, weight, a);
        inOrder.accept(a);
    }

    private int id(String s) {
        return s == null ? -1 : ids.computeIfAbsent(s, k -> {
            names.add(k);
            return names.size() - 1;
        });
    }

    private String name(int id) {
        return id < 0 ? null : names.get(id);
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
