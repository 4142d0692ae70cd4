package id.rekam.bench.identification;

import com.machinezoo.sourceafis.FingerprintMatcher;
import com.machinezoo.sourceafis.FingerprintTemplate;
import id.rekam.core.domain.FingerPosition;
import id.rekam.core.identification.DuplicatePolicy;
import id.rekam.core.identification.DuplicatePolicy.Verdict;
import id.rekam.identification.Identification;
import id.rekam.identification.IdentificationEngine;
import id.rekam.identification.Probe;
import id.rekam.identification.TemplateSource;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The identification engine against brute force on SIMULATED people (issue 12, item 5).
 *
 * <pre>
 * ./mvnw -B -q -pl bench -am -Pbench-identification -DskipTests verify -Drekam.bench.id.people=35000
 * </pre>
 *
 * Gallery: {@code --people N} synthetic people × 10 fingers (impression 0), cached under
 * {@code bench/target/identification-people} by {@link SyntheticPeople} (missing chunks are
 * generated first, which takes hours at 35,000: fill the cache beforehand with
 * {@link GenerateGallery}). Probes: {@code --reenrolments} gallery people with new impressions
 * (a third as captured, a third with the finger order rotated, a third with three fingers marked
 * as exceptions) and {@code --new-people} people never enrolled. Brute force (every probe finger
 * against every stored template, all positions, templates decoded as a store-backed check must)
 * runs on {@code --brute-force-probes} of them; its verdict on each re-enrolment's true person
 * is exact for all of them (it depends only on that person's 100 scores). Then the same gallery
 * is repeated under new ids up to {@code --server-people} for the server's latency and heap.
 */
public final class IdentificationBench {

    private static final int FINGERS = 10;
    private static final int NEW_PEOPLE_FROM = 10_000_000;
    private static final FingerPosition[] POSITIONS = FingerPosition.values();
    private static final double[] THRESHOLDS = {30, 40, 50, 60, 70, 80};

    private final BenchOptions o;
    private final DuplicatePolicy policy = DuplicatePolicy.DEFAULT;
    private final ForkJoinPool pool;
    private final StringBuilder out = new StringBuilder();

    private IdentificationBench(BenchOptions o) {
        this.o = o;
        this.pool = new ForkJoinPool(o.threads());
    }

    public static void main(String[] args) throws IOException {
        new IdentificationBench(BenchOptions.parse(args)).run();
    }

    private record ProbeCase(String kind, int truePerson, Probe probe) {
    }

    private void run() throws IOException {
        SyntheticPeople people = new SyntheticPeople(o.cache(), o.seed(), pool);
        long g0 = System.nanoTime();
        List<SyntheticPeople.Person> gallery = people.range(0, o.people(), 0);
        int[] reIds = IntStream.range(0, o.reenrolments()).map(k -> (int) ((k + 0.5) * o.people() / o.reenrolments()))
                .toArray();
        List<SyntheticPeople.Person> reenrolled = people.selection("reenrol-n" + o.people(), reIds, 1);
        List<SyntheticPeople.Person> strangers = people.selection("new",
                IntStream.range(NEW_PEOPLE_FROM, NEW_PEOPLE_FROM + o.newPeople()).toArray(), 0);
        line("Gallery and probes ready in %.0f s (%d fingers generated now, %.1f ms CPU each; the rest read from "
                        + "the cache).", (System.nanoTime() - g0) / 1e9, people.generatedFingers(),
                people.cpuMsPerGeneratedFinger());
        line("Machine: %d cores, JDK %s, load average %.1f at start.", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), load());

        Map<String, Map<FingerPosition, byte[]>> byId = new HashMap<>();
        for (SyntheticPeople.Person p : gallery) {
            byId.put(id(p.id()), prints(p.templates()));
        }
        TemplateSource source = personId -> byId.getOrDefault(personId, Map.of());

        // --- build ---
        long heap0 = usedHeap();
        IdentificationEngine engine = new IdentificationEngine(policy, source, pool, IdentificationEngine.DEFAULT_SHORTLIST);
        long cpu0 = processCpu();
        long b0 = System.nanoTime();
        engine.addAll(byId);
        double buildS = (System.nanoTime() - b0) / 1e9;
        double buildCpuS = (processCpu() - cpu0) / 1e9;
        long heap1 = usedHeap();
        byte[] snapshot = engine.snapshot();
        IdentificationEngine restored = new IdentificationEngine(policy, source, pool, IdentificationEngine.DEFAULT_SHORTLIST);
        long r0 = System.nanoTime();
        restored.restore(snapshot);
        double restoreS = (System.nanoTime() - r0) / 1e9;
        boolean identical = Arrays.equals(restored.snapshot(), snapshot);
        restored = null;

        List<ProbeCase> probes = probes(reenrolled, strangers);
        // warm-up: JIT the retrieval and SourceAFIS paths before timing
        for (int i = 0; i < Math.min(5, probes.size()); i++) {
            engine.identify(probes.get(i).probe());
        }

        // --- engine over all probes ---
        double[] latencyMs = new double[probes.size()];
        Identification[] results = new Identification[probes.size()];
        double loadDuring = load();
        for (int i = 0; i < probes.size(); i++) {
            long t0 = System.nanoTime();
            results[i] = engine.identify(probes.get(i).probe());
            latencyMs[i] = (System.nanoTime() - t0) / 1e6;
        }

        // --- brute force: exact verdict on each re-enrolment's true person ---
        int bruteFinds = 0;
        int engineFindsOfThose = 0;
        int engineRankFirst = 0;
        Map<String, int[]> byKind = new java.util.TreeMap<>();
        List<Double> genuine = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            ProbeCase c = probes.get(i);
            if (c.truePerson() < 0) {
                continue;
            }
            List<DuplicatePolicy.FingerScore> scores = scoreAll(c.probe(), byId.get(id(c.truePerson())));
            if (!c.kind().equals("rotated")) {
                scores.stream().filter(DuplicatePolicy.FingerScore::samePosition).forEach(s -> genuine.add(s.score()));
            }
            boolean brute = policy.assess(scores).verdict() != Verdict.NO_MATCH;
            int[] k = byKind.computeIfAbsent(c.kind(), x -> new int[3]);
            k[0]++;
            if (brute) {
                bruteFinds++;
                k[1]++;
                boolean engineFound = results[i].candidates().stream()
                        .anyMatch(x -> x.personId().equals(id(c.truePerson())));
                if (engineFound) {
                    engineFindsOfThose++;
                    k[2]++;
                }
                if (!results[i].candidates().isEmpty()
                        && results[i].candidates().get(0).personId().equals(id(c.truePerson()))) {
                    engineRankFirst++;
                }
            }
        }
        int strangerCount = 0;
        int strangerCandidates = 0;
        int strangerDuplicates = 0;
        for (int i = 0; i < probes.size(); i++) {
            if (probes.get(i).truePerson() < 0) {
                strangerCount++;
                strangerCandidates += results[i].candidates().size();
                strangerDuplicates += results[i].verdict() == Verdict.POSSIBLE_DUPLICATE ? 1 : 0;
            }
        }

        // --- brute force over the whole gallery for a few probes: latency, false candidates, impostor scores ---
        List<ProbeCase> bruteSet = new ArrayList<>();
        for (int i = 0; i < o.bruteForceProbes(); i++) {
            // alternate: new people (their scores are all impostor scores) and re-enrolments
            int idx = i % 2 == 0 ? probes.size() - 1 - i / 2 : i / 2;
            bruteSet.add(probes.get(idx));
        }
        double[] bruteMs = new double[bruteSet.size()];
        long[] impostorAtOrAbove = new long[THRESHOLDS.length];
        long impostorPairs = 0;
        int bruteStrangers = 0;
        int bruteStrangerCandidates = 0;
        for (int i = 0; i < bruteSet.size(); i++) {
            ProbeCase c = bruteSet.get(i);
            long t0 = System.nanoTime();
            BruteForce.Result r = BruteForce.search(c.probe(), gallery, policy, pool, THRESHOLDS, c.truePerson());
            bruteMs[i] = (System.nanoTime() - t0) / 1e6;
            for (int t = 0; t < THRESHOLDS.length; t++) {
                impostorAtOrAbove[t] += r.impostorAtOrAbove().get(t);
            }
            impostorPairs += r.impostorPairs();
            if (c.truePerson() < 0) {
                bruteStrangers++;
                bruteStrangerCandidates += r.candidates();
            }
        }

        // --- report ---
        section();
        line("| | engine (index + SourceAFIS short list) | brute force (SourceAFIS, every template, all positions) |");
        line("|---|---|---|");
        line("| check latency p50 / p95 | %.0f / %.0f ms (%d probes) | %.0f / %.0f ms (%d probes) |",
                pct(latencyMs, 50), pct(latencyMs, 95), latencyMs.length, pct(bruteMs, 50), pct(bruteMs, 95), bruteMs.length);
        line("| re-enrolments found | %d of the %d brute force finds (%.1f %%); true person first: %d | %d of %d |",
                engineFindsOfThose, bruteFinds, 100.0 * engineFindsOfThose / Math.max(1, bruteFinds), engineRankFirst,
                bruteFinds, o.reenrolments());
        line("| candidates shown per new person | %.3f (%d new people, %d `duplicate` verdicts) | %.3f (%d new people) |",
                strangerCandidates / (double) Math.max(1, strangerCount), strangerCount, strangerDuplicates,
                bruteStrangerCandidates / (double) Math.max(1, bruteStrangers), bruteStrangers);
        line("| index heap | %.1f MB arrays (%.0f B per finger); used heap grew %.1f MB | (decoded templates: ≈10 KB each) |",
                engine.indexBytes() / 1e6, engine.indexBytes() / (double) (o.people() * FINGERS), (heap1 - heap0) / 1e6);
        line("| index build from templates | %.1f s wall, %.1f s CPU | — |", buildS, buildCpuS);
        line("| restore from snapshot | %.1f s (snapshot %.1f MB, rebuilt identically: %s) | — |", restoreS,
                snapshot.length / 1e6, identical);
        line("");
        line("Load average during the engine's checks: %.1f. Of the engine's time, ranking the gallery took %.0f ms "
                        + "and verifying the short list %.0f ms on average.", loadDuring,
                Arrays.stream(results).mapToLong(Identification::retrievalNanos).average().orElse(0) / 1e6,
                Arrays.stream(results).mapToLong(Identification::verificationNanos).average().orElse(0) / 1e6);
        line("Recall by kind (brute force finds / engine finds of those): %s.", kinds(byKind));
        line("%s", rankingMargin(engine, probes));
        line("");
        line("Score rates (SourceAFIS) on these prints: impostor pairs from the brute-force runs (%d cross-position "
                + "pairs), genuine pairs from the re-enrolments' true fingers (%d pairs).", impostorPairs, genuine.size());
        line("");
        StringBuilder head = new StringBuilder("| threshold |");
        StringBuilder fmr = new StringBuilder("| impostor pairs ≥ threshold (FMR) |");
        StringBuilder fnmr = new StringBuilder("| genuine pairs below (FNMR) |");
        StringBuilder sep = new StringBuilder("|---|");
        for (int t = 0; t < THRESHOLDS.length; t++) {
            double th = THRESHOLDS[t];
            head.append(String.format(Locale.ROOT, " %.0f |", th));
            fmr.append(String.format(Locale.ROOT, " %.2e (%d) |", impostorAtOrAbove[t] / (double) Math.max(1, impostorPairs),
                    impostorAtOrAbove[t]));
            long below = genuine.stream().filter(s -> s < th).count();
            fnmr.append(String.format(Locale.ROOT, " %.4f (%d) |", below / (double) Math.max(1, genuine.size()), below));
            sep.append("---|");
        }
        line(head.toString());
        line(sep.toString());
        line(fmr.toString());
        line(fnmr.toString());

        for (int size : o.serverPeople()) {
            if (size > o.people()) {
                serverScale(size, gallery, byId, probes);
            }
        }
        Files.createDirectories(o.cache());
        Files.writeString(o.cache().resolve("report-n" + o.people() + ".md"), out.toString());
        pool.shutdown();
    }

    /**
     * The server's gallery at {@code --server-people}: the cached people repeated under new ids.
     * Ranking cost and heap grow with every indexed finger whether or not prints repeat; the
     * copies' false candidates are the cached people's, repeated (an expectation, not new draws).
     */
    private void serverScale(int n, List<SyntheticPeople.Person> gallery, Map<String, Map<FingerPosition, byte[]>> byId,
                             List<ProbeCase> probes) {
        TemplateSource source = personId -> byId.getOrDefault(personId.substring(personId.indexOf('/') + 1), Map.of());
        System.gc();
        long heap0 = usedHeap();
        IdentificationEngine server = new IdentificationEngine(policy, source, pool, IdentificationEngine.DEFAULT_SHORTLIST);
        long b0 = System.nanoTime();
        Map<String, Map<FingerPosition, byte[]>> copies = new HashMap<>();
        for (int i = 0; i < n; i++) {
            SyntheticPeople.Person p = gallery.get(i % gallery.size());
            copies.put("copy" + i / gallery.size() + "/" + id(p.id()), byId.get(id(p.id())));
        }
        server.addAll(copies);
        copies = null;
        double buildS = (System.nanoTime() - b0) / 1e9;
        long heap1 = usedHeap();
        List<Double> ms = new ArrayList<>();
        int strangers = 0;
        int duplicates = 0;
        int reviews = 0;
        for (ProbeCase c : probes) {
            long t0 = System.nanoTime();
            Identification r = server.identify(c.probe());
            ms.add((System.nanoTime() - t0) / 1e6);
            if (c.truePerson() < 0) {
                strangers++;
                duplicates += r.verdict() == Verdict.POSSIBLE_DUPLICATE ? 1 : 0;
                reviews += r.verdict() == Verdict.NEEDS_REVIEW ? 1 : 0;
            }
        }
        double[] lat = ms.stream().mapToDouble(Double::doubleValue).toArray();
        line("");
        line("Scaled: %d people indexed (the %d cached people repeated under new ids; see the bench's javadoc), "
                        + "built in %.0f s; index arrays %.0f MB, used heap grew %.0f MB; decision latency p50 / p95 "
                        + "%.0f / %.0f ms over %d probes (load average %.1f); new people: %d `duplicate`, %d `needs-review` of %d.",
                server.size(), gallery.size(), buildS, server.indexBytes() / 1e6, (heap1 - heap0) / 1e6,
                pct(lat, 50), pct(lat, 95), lat.length, load(), duplicates, reviews, strangers);
    }

    private List<ProbeCase> probes(List<SyntheticPeople.Person> reenrolled, List<SyntheticPeople.Person> strangers) {
        List<ProbeCase> probes = new ArrayList<>();
        for (int k = 0; k < reenrolled.size(); k++) {
            SyntheticPeople.Person p = reenrolled.get(k);
            Map<FingerPosition, byte[]> prints = prints(p.templates());
            switch (k % 3) {
                case 0 -> probes.add(new ProbeCase("as captured", p.id(), Probe.of(prints, 0)));
                case 1 -> {
                    // the whole set shifted by 1–9 positions: another finger order, same hands
                    int shift = 1 + k % 9;
                    Map<FingerPosition, byte[]> rotated = new EnumMap<>(FingerPosition.class);
                    prints.forEach((pos, t) -> rotated.put(POSITIONS[(pos.ordinal() + shift) % FINGERS], t));
                    probes.add(new ProbeCase("rotated", p.id(), Probe.of(rotated, 0)));
                }
                default -> {
                    Map<FingerPosition, byte[]> fewer = new EnumMap<>(prints);
                    for (int e = 0; e < 3; e++) {
                        fewer.remove(POSITIONS[(k + 3 * e) % FINGERS]);
                    }
                    probes.add(new ProbeCase("3 exceptions", p.id(), Probe.of(fewer, FINGERS - fewer.size())));
                }
            }
        }
        for (SyntheticPeople.Person s : strangers) {
            probes.add(new ProbeCase("new person", -1, Probe.of(prints(s.templates()), 0)));
        }
        return probes;
    }

    /**
     * How far the index alone puts each re-enrolled person above everyone else (votes before
     * verification): recall holds only while the true person stays in the short list, so this
     * is the margin a larger gallery or a leaner index eats into.
     */
    private static String rankingMargin(IdentificationEngine engine, List<ProbeCase> probes) {
        int lowestTrue = Integer.MAX_VALUE;
        int worstRank = -1;
        int missing = 0;
        int bestOther = 0;
        double lowestRatio = Double.MAX_VALUE;
        int strangers = 0;
        int strangerTop = 0;
        double strangerSum = 0;
        for (ProbeCase c : probes) {
            List<IdentificationEngine.Ranked> ranked = engine.ranking(c.probe());
            if (c.truePerson() < 0) {
                int top = ranked.isEmpty() ? 0 : ranked.get(0).votes();
                strangers++;
                strangerTop = Math.max(strangerTop, top);
                strangerSum += top;
                continue;
            }
            int own = -1;
            int other = 0;
            for (IdentificationEngine.Ranked r : ranked) {
                if (r.personId().equals(id(c.truePerson()))) {
                    own = r.votes();
                    worstRank = Math.max(worstRank, r.rank());
                } else {
                    other = Math.max(other, r.votes());
                }
            }
            if (own < 0) {
                missing++;
                continue;
            }
            lowestTrue = Math.min(lowestTrue, own);
            bestOther = Math.max(bestOther, other);
            lowestRatio = Math.min(lowestRatio, own / (double) Math.max(1, other));
        }
        return String.format(Locale.ROOT, "Ranking margin (index votes before verification): re-enrolments: the true "
                        + "person's votes at least %d, ranked at worst %d (0 is first), %d not short-listed; the best "
                        + "other person in their short lists at most %d votes; lowest ratio true / best other %.2f. New "
                        + "people: the top of the ranking at most %d votes (mean %.1f of %d).",
                lowestTrue == Integer.MAX_VALUE ? 0 : lowestTrue, worstRank, missing, bestOther,
                lowestRatio == Double.MAX_VALUE ? 0 : lowestRatio, strangerTop, strangerSum / Math.max(1, strangers),
                strangers);
    }

    private List<DuplicatePolicy.FingerScore> scoreAll(Probe probe, Map<FingerPosition, byte[]> stored) {
        List<DuplicatePolicy.FingerScore> scores = new ArrayList<>();
        for (Map.Entry<FingerPosition, byte[]> p : probe.prints().entrySet()) {
            FingerprintMatcher m = new FingerprintMatcher(new FingerprintTemplate(p.getValue()));
            for (Map.Entry<FingerPosition, byte[]> s : stored.entrySet()) {
                scores.add(new DuplicatePolicy.FingerScore(p.getKey(), s.getKey(), m.match(new FingerprintTemplate(s.getValue()))));
            }
        }
        return scores;
    }

    private static String kinds(Map<String, int[]> byKind) {
        StringBuilder b = new StringBuilder();
        byKind.forEach((k, v) -> b.append(b.length() == 0 ? "" : "; ").append(k).append(' ').append(v[1]).append('/')
                .append(v[2]).append(" of ").append(v[0]));
        return b.toString();
    }

    static Map<FingerPosition, byte[]> prints(byte[][] templates) {
        Map<FingerPosition, byte[]> m = new EnumMap<>(FingerPosition.class);
        for (FingerPosition p : POSITIONS) {
            m.put(p, templates[p.ordinal()]);
        }
        return m;
    }

    static String id(int person) {
        return "p" + person;
    }

    private void section() {
        line("");
        line("Gallery: %d SIMULATED people × 10 fingers (seed %d); probes: %d re-enrolments (new impressions; a third "
                        + "as captured, a third with the finger order rotated, a third with 3 fingers marked as exceptions) "
                        + "and %d new people. Policy: %s; short list %d people.", o.people(), o.seed(), o.reenrolments(),
                o.newPeople(), policy, IdentificationEngine.DEFAULT_SHORTLIST);
        line("");
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        out.append(text).append('\n');
        System.out.println(text);
        System.out.flush();
    }

    private static double pct(double[] v, double p) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.length);
        return s[Math.max(0, Math.min(s.length - 1, rank - 1))];
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long processCpu() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
