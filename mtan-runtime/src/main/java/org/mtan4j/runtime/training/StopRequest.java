package org.mtan4j.runtime.training;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request, from another thread (a signal handler), that training checkpoint its current state and
 * stop at the next step boundary. The trainer answers once, when it stops for any reason.
 */
public final class StopRequest {

    private volatile boolean requested;
    private volatile String answer;
    private final CountDownLatch answered = new CountDownLatch(1);

    /** Asks the trainer to stop. */
    public void request() {
        requested = true;
    }

    /** Whether a stop was asked for. */
    public boolean isRequested() {
        return requested;
    }

    /**
     * The trainer's answer: what it did (e.g. the checkpoint written), or that it had already ended.
     * Called once; later calls are ignored.
     */
    public void answer(String message) {
        if (answered.getCount() > 0) {
            answer = message;
            answered.countDown();
        }
    }

    /** Waits up to {@code timeout} for the answer; empty when none came in time. */
    public Optional<String> await(Duration timeout) throws InterruptedException {
        return answered.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? Optional.ofNullable(answer) : Optional.empty();
    }
}
