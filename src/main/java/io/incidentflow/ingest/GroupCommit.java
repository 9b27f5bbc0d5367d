package io.incidentflow.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs small units of database work from many request threads in shared transactions, one commit for all the
 * units that queued up meanwhile. On the H2 file a commit writes a chunk with every changed index page, so a
 * storm of monitoring events is bound by commits, not by the inserts.
 * <p>
 * {@link #run} returns once the transaction holding the unit committed, so an answered event is stored. When a
 * shared transaction fails (a race on a dedup key, a lock timeout), every unit of it runs again alone: only the
 * unit that fails alone fails, with its own exception, for its caller to handle.
 */
final class GroupCommit {

    private record Unit<T>(Supplier<T> work, CompletableFuture<T> done) {

        void runIn(TransactionTemplate transaction) {
            try {
                done.complete(transaction.execute(status -> work.get()));
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        }
    }

    private final BlockingQueue<Unit<?>> queue = new LinkedBlockingQueue<>();
    private final TransactionTemplate transaction;
    private final int maxUnits;
    private final Thread writer;
    /**
     * Wakes the callers of a committed transaction. Waking a dozen parked request threads took about a fifth of the
     * writer's time in a storm, and the writer is what every caller waits for.
     */
    private final ExecutorService answers;
    private volatile boolean running = true;

    GroupCommit(TransactionTemplate transaction, int maxUnits, String threadName) {
        this.transaction = transaction;
        this.maxUnits = maxUnits;
        this.writer = new Thread(this::write, threadName);
        writer.setDaemon(true);
        this.answers = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, threadName + "-answers");
            thread.setDaemon(true);
            return thread;
        });
        writer.start();
    }

    /** Runs the work in a transaction shared with other units and returns its result once that committed. */
    <T> T run(Supplier<T> work) {
        if (!running) {
            throw new IllegalStateException("The application is stopping");
        }
        CompletableFuture<T> done = new CompletableFuture<>();
        queue.add(new Unit<>(work, done));
        try {
            return done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the event was being stored", e);
        }
    }

    /** Units queued and not yet taken by the writer. */
    int waiting() {
        return queue.size();
    }

    void stop() throws InterruptedException {
        running = false;
        writer.join(TimeUnit.SECONDS.toMillis(10));
        answers.shutdown();
        answers.awaitTermination(10, TimeUnit.SECONDS);
        List<Unit<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(unit -> unit.done().completeExceptionally(new IllegalStateException("The application is stopping")));
    }

    private void write() {
        List<Unit<?>> units = new ArrayList<>();
        while (running) {
            try {
                Unit<?> first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                units.add(first);
                queue.drainTo(units, maxUnits - 1);
                commit(units);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Never lose the writer: whatever was taken is answered with the failure.
                units.forEach(unit -> unit.done().completeExceptionally(e));
            } finally {
                units.clear();
            }
        }
    }

    private void commit(List<Unit<?>> units) {
        if (units.size() == 1) {
            units.get(0).runIn(transaction);
            return;
        }
        List<Object> results = new ArrayList<>(units.size());
        try {
            transaction.executeWithoutResult(status -> units.forEach(unit -> results.add(unit.work().get())));
        } catch (RuntimeException shared) {
            units.forEach(unit -> unit.runIn(transaction));
            return;
        }
        List<Unit<?>> committed = List.copyOf(units);
        Runnable answer = () -> {
            for (int i = 0; i < committed.size(); i++) {
                complete(committed.get(i), results.get(i));
            }
        };
        try {
            answers.execute(answer);
        } catch (RejectedExecutionException stopping) {
            // A writer that outlived stop()'s wait: these units are committed, so their callers hear so.
            answer.run();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Unit<T> unit, Object result) {
        unit.done().complete((T) result);
    }
}
