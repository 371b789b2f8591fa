package ps.takamul.audit.store;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.activemq.artemis.utils.ExecutorFactory;
import org.apache.activemq.artemis.utils.actors.ArtemisExecutor;
import org.apache.activemq.artemis.utils.actors.OrderedExecutorFactory;

/**
 * The executors {@link AuditJournal} gives Artemis's {@code JournalImpl}: its appends run on the
 * appender's own thread, its file and reclaim work on a pool of its own.
 *
 * <p>Why: by default the journal hands every append to an executor thread. On the audited path
 * that hand-over (waking the thread, and the thread parking again) cost about 30 µs of CPU per
 * exchange in {@code bench/profile.sh}, against about 4 µs for the append itself. Appends are
 * short: they copy the record into the journal's timed buffer, which a timer thread writes and
 * syncs.
 *
 * <p>{@code JournalImpl.start()} asks for three executors, in this order: files, compactor,
 * appends (Artemis 2.56; {@code AuditJournalTest} fails if that changes). Only the third runs
 * in the caller, one task at a time under a lock, since the journal expects its appends serial.
 * The compactor must never run there: it takes the journal's write lock, which an append holding
 * the read lock cannot get. {@link AuditJournal} turns compaction off anyway (records are deleted
 * in the order they were added, so whole files free up without it), and reclaiming runs on the
 * compactor's executor, on the pool.
 */
final class JournalExecutors implements ExecutorFactory, AutoCloseable {
    /** How many executors {@code JournalImpl.start()} asks for, and which of them (0-based) runs appends. */
    private static final int PER_START = 3;
    private static final int APPEND_EXECUTOR = 2;

    private final ExecutorService pool;
    private final OrderedExecutorFactory ordered;
    private final AtomicInteger handedOut = new AtomicInteger();
    private final CallerRuns appends = new CallerRuns();

    JournalExecutors(String threadName) {
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, threadName + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ordered = new OrderedExecutorFactory(pool);
    }

    @Override
    public ArtemisExecutor getExecutor() {
        return handedOut.getAndIncrement() % PER_START == APPEND_EXECUTOR ? appends : ordered.getExecutor();
    }

    /** The append executor: lets tests check that appends run where they are made. */
    CallerRuns appends() {
        return appends;
    }

    /** Call after the journal has stopped. */
    @Override
    public void close() {
        pool.shutdown();
    }

    /** Runs each task at once in the calling thread, one at a time. */
    static final class CallerRuns implements ArtemisExecutor {
        private final ReentrantLock lock = new ReentrantLock();
        private volatile Thread lastRunner;

        @Override
        public void execute(Runnable task) {
            lock.lock();
            try {
                lastRunner = Thread.currentThread();
                task.run();
            } finally {
                lock.unlock();
            }
        }

        /** The thread the last task ran on. */
        Thread lastRunner() {
            return lastRunner;
        }
    }
}
