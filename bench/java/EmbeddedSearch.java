import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import ps.takamul.audit.record.AuditRecord;
import ps.takamul.audit.store.AuditPage;
import ps.takamul.audit.store.AuditQuery;
import ps.takamul.audit.store.AuditStore;
import ps.takamul.audit.store.AuditStores;
import ps.takamul.audit.store.AuditUnavailableException;
import ps.takamul.audit.store.StoredRecord;

/**
 * Search latency in a large embedded (H2) log: appends N records (30 clients, 200 services,
 * 10,000 users, 100,000 national IDs) with up to 2,000 in flight, waits until the indexer has
 * written them, then times 40 searches of each kind (first page of 100, newest first). Prints how
 * long appending and indexing took and p50 and p90 per kind. Run by hand, with a node jar:
 *
 * <pre>javac -cp node/target/takamul-node.jar -d CLASSES bench/java/EmbeddedSearch.java
 * java -Xmx2g -cp node/target/takamul-node.jar:CLASSES EmbeddedSearch DIR 1000000</pre>
 */
public final class EmbeddedSearch {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[1]);
        Path dir = Files.createDirectories(Path.of(args[0]));
        AuditStore store = AuditStores.h2(dir.resolve("log"));
        Random rnd = new Random(7);
        long t0 = System.nanoTime();
        Semaphore window = new Semaphore(2000);
        for (int i = 0; i < n; i++) {
            AuditRecord r = rec(i, rnd);
            window.acquire();
            store.append(r).whenComplete((s, e) -> window.release());
        }
        window.acquire(2000);
        System.out.printf("appended %d in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
        long w = System.nanoTime();
        while (true) {
            try {
                store.search(AuditQuery.all());
                break;
            } catch (AuditUnavailableException e) {
                // a reader waits 10 s at most; a slow indexer takes longer
            }
        }
        System.out.printf("indexed after %.1f s more%n", (System.nanoTime() - w) / 1e9);
        List<StoredRecord> a = store.read(n * 40L / 100, n * 40L / 100 + 1);
        List<StoredRecord> b = store.read(n * 42L / 100, n * 42L / 100 + 1);
        Instant from = a.get(0).appendedAt(), to = b.get(0).appendedAt();
        time("newest page", () -> AuditQuery.all(), store);
        time("client (1 of 30)", () -> AuditQuery.all().client("PS/GOV/C/client-" + rnd.nextInt(30)), store);
        time("service (1 of 200)", () -> AuditQuery.all().service("PS/GOV/P/svc-" + rnd.nextInt(200) + "/v1"), store);
        time("user (1 of 10000)", () -> AuditQuery.all().userId("user-" + rnd.nextInt(10000)), store);
        time("data subject (1 of 100000)", () -> AuditQuery.all().dataSubject(String.valueOf(800000000 + rnd.nextInt(100000))), store);
        time("message id", () -> AuditQuery.all().messageId("msg-" + rnd.nextInt(n)), store);
        time("time range (2% of the log, middle)", () -> AuditQuery.all().between(from, to), store);
        time("client + time range", () -> AuditQuery.all().client("PS/GOV/C/client-" + rnd.nextInt(30)).between(from, to), store);
        time("service + time range", () -> AuditQuery.all().service("PS/GOV/P/svc-" + rnd.nextInt(200) + "/v1").between(from, to), store);
        store.close();
    }

    static void time(String what, Supplier<AuditQuery> q, AuditStore store) {
        long[] ms = new long[40];
        int found = 0;
        for (int i = 0; i < ms.length + 5; i++) {
            long t = System.nanoTime();
            AuditPage p = store.search(q.get());
            if (i >= 5) { // the first five warm up
                ms[i - 5] = System.nanoTime() - t;
                found += p.records().size();
            }
        }
        Arrays.sort(ms);
        System.out.printf("%-38s p50 %7.2f ms  p90 %7.2f ms  records/page %.0f%n", what, ms[20] / 1e6, ms[36] / 1e6, found / 40.0);
    }

    static AuditRecord rec(int i, Random rnd) {
        return new AuditRecord(AuditRecord.Kind.EXCHANGE, Instant.now(), "hub-1", "msg-" + i, "msg-" + i,
                "PS/GOV/C/client-" + rnd.nextInt(30), "PS/GOV/P/svc-" + rnd.nextInt(200) + "/v1",
                "user-" + rnd.nextInt(10000), "purpose", null, String.valueOf(800000000 + rnd.nextInt(100000)),
                Instant.now(), null, null, 10, 20, 200, null, null, null, null, List.of(), Map.of(), Map.of());
    }
}
