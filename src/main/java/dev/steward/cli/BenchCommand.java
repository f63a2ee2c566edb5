package dev.steward.cli;

import dev.steward.bench.BenchRunner;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code steward bench}: the benchmark suite (docs/benchmarks.md). Generates seeded data, times every stage with its
 * ceiling beside it, prints the table and writes bench.md and bench.json. Never part of the build's tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark: generate seeded synthetic data, then time decision ingest, inventory ingest, assessment,"
                + " every report in every format and an export bundle, each beside its ceiling (the bare library on the"
                + " same data in the same run).",
                "Needs an empty store: STEWARD_DATA_DIR=bench-out/store STEWARD_JAVA_OPTS=-Xmx1g ./steward bench",
                "Exit code: 0 when every stage ran (targets met or not), 2 on bad usage."})
public class BenchCommand implements Callable<Integer> {

    @Option(names = "--agents", defaultValue = "100000", description = "Agents. Default: ${DEFAULT-VALUE}.")
    int agents;

    @Option(names = "--credentials", description = "Credentials. Default: 3 per agent.")
    Integer credentials;

    @Option(names = "--decisions", description = "Decision lines over 90 days. Default: 100 per agent.")
    Long decisions;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", defaultValue = "bench-out", description = "Where data, reports and results go (data is"
            + " reused when present). Default: ./${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--no-ceilings", description = "Time the product stages only.")
    boolean noCeilings;

    @Spec
    CommandSpec spec;

    private final BenchRunner runner;

    @Inject
    public BenchCommand(BenchRunner runner) {
        this.runner = runner;
    }

    @Override
    @ActivateRequestContext
    public Integer call() {
        if (agents < 100) {
            throw new IllegalArgumentException("--agents must be at least 100, was " + agents);
        }
        int c = credentials != null ? credentials : agents * 3;
        long d = decisions != null ? decisions : agents * 100L;
        try {
            runner.run(new BenchRunner.Options(agents, c, d, seed, out, !noCeilings), spec.commandLine().getOut());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to " + out + ": " + e.getMessage(), e);
        }
        return 0;
    }
}
