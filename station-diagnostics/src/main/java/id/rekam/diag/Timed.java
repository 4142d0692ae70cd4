package id.rekam.diag;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A single call that may block beyond its caller's patience and cannot be interrupted (name
 * resolution, a native driver): run on a daemon thread of its own and abandoned on time-out.
 */
public final class Timed {

    private Timed() {
    }

    public static <T> T call(Callable<T> work, Duration limit, String threadName) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, threadName);
        t.setDaemon(true);
        t.start();
        try {
            return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }
}
