package id.rekam.sync;

import id.rekam.core.outbox.OutboxEntry;
import id.rekam.core.outbox.OutboxState;
import id.rekam.server.CentralServer;
import id.rekam.server.packets.PacketRecord;
import id.rekam.server.packets.PacketState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync CLI in its own JVM ({@code run}, as the overnight service runs it: without the store
 * passphrase, with its transport key), killed with SIGKILL at random moments 20 times and
 * restarted, against the real server in this JVM. Afterwards every packet is on the server once
 * with the station's hash and, once the station is unlocked and applies the server's signed word,
 * confirmed on the station, and both SQLite files pass {@code PRAGMA integrity_check}.
 */
class CrashTest {

    // Enough that kills keep landing on uploads now that a drain is faster (150 were all announced
    // after ~12 of the 20 runs, and each later kill waited out its 30 s for work that never came).
    static final int PACKETS = 400;
    static final int KILLS = 20;
    /** Kills after every packet is on the server: during the feed and the confirmations. */
    static final int FEED_KILLS = 4;

    @TempDir
    Path dir;

    // The bounds below only cap a hang: 21 JVM start-ups and a 400-packet drain take minutes on a
    // loaded 2-core CI machine (about a minute idle). Every wait ends as soon as its condition holds.
    @Test
    @Timeout(value = 600, unit = TimeUnit.SECONDS)
    void killedTwentyTimesStillDeliversEverythingExactlyOnce() throws Exception {
        SyncTestKit kit = SyncTestKit.start(dir);
        try {
            List<String> ids = kit.capture(PACKETS, 11, true);
            kit.closeStore();
            Random random = new Random(2026);
            List<Integer> serverCountAtKill = new ArrayList<>();
            for (int i = 0; i < KILLS; i++) {
                int before = kit.server.admin().packets().size();
                Process p = cli(kit, i, false);
                // Where a kill lands is counted in packets, not milliseconds: how fast a run uploads
                // depends on the machine (an idle one delivered all 400 within nine time-based
                // kills). The first kills land after a random 1-15 new packets, in the middle of
                // uploading; the last FEED_KILLS wait until everything is on the server and land
                // at a random moment of the feed and confirmation work that follows.
                boolean uploading = i < KILLS - FEED_KILLS;
                int target = uploading ? Math.min(PACKETS, before + 1 + random.nextInt(15)) : PACKETS;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(uploading ? 30 : 120);
                while (kit.server.admin().packets().size() < target
                        && System.nanoTime() < deadline && p.isAlive()) {
                    Thread.sleep(5);
                }
                if (!uploading) {
                    Thread.sleep(random.nextInt(600));
                }
                if (!p.isAlive()) {
                    throw new AssertionError("sync CLI ended by itself with " + p.exitValue() + "; see "
                            + dir.resolve("cli-" + i + ".log"));
                }
                p.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no finally
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                serverCountAtKill.add(kit.server.admin().packets().size());
            }
            Process last = cli(kit, KILLS, true);
            assertThat(last.waitFor(420, TimeUnit.SECONDS)).as("final run finished").isTrue();
            assertThat(last.exitValue()).as("final run drained; see %s", dir.resolve("cli-" + KILLS + ".log"))
                    .isZero();
            System.out.println("crash: server packets at each kill " + serverCountAtKill);
            // Kills really hit work in progress, not only idle JVMs.
            assertThat(serverCountAtKill).isSorted();
            assertThat(serverCountAtKill.stream().filter(n -> n < PACKETS).count())
                    .as("kills while packets were still being uploaded").isGreaterThanOrEqualTo(KILLS / 2);

            Map<String, PacketRecord> onServer = new HashMap<>();
            for (PacketRecord r : kit.server.admin().packets()) {
                assertThat(onServer.put(r.packetId(), r)).isNull();
            }
            assertThat(onServer).hasSize(PACKETS);
            kit.reopenStore();
            for (String id : ids) {
                OutboxEntry local = kit.store.outbox().entry(id).orElseThrow();
                assertThat(local.state()).as(id).isEqualTo(OutboxState.CONFIRMED);
                assertThat(onServer.get(id).contentSha256()).isEqualTo(local.sha256());
                assertThat(onServer.get(id).state()).isEqualTo(PacketState.ACCEPTED);
            }
            assertThat(kit.store.verify().integrity()).isEqualTo("ok");
            assertThat(kit.store.verify().ok()).isTrue();
            kit.closeStore();
            CentralServer server = kit.server;
            kit.server = null;
            server.stop();
            assertThat(integrity(kit.serverDir.resolve("server.db"))).isEqualTo("ok");
        } finally {
            kit.close();
        }
    }

    /** The sync service as installed: no passphrase, its transport key, the server pinned in the store. */
    private Process cli(SyncTestKit kit, int run, boolean exitWhenDrained) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", cp,
                "id.rekam.sync.cli.SyncCli", "--data-dir", kit.stationDir.toString(),
                "--key-dir", kit.keyDir.toString(),
                "--backoff-base-ms", "20", "--backoff-cap-ms", "300", "--poll-ms", "100", "run"));
        if (exitWhenDrained) {
            cmd.addAll(List.of("--exit-when-drained", "--timeout-s", "400"));
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cli-" + run + ".log").toFile()).start();
    }

    static String integrity(Path db) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return String.join("; ", out);
        }
    }
}
