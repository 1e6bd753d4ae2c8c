package dev.jangteo.query.consistency;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wakes waiting reads as soon as any projection of this instance commits a batch, so a read-your-writes wait ends
 * within the commit instead of at its next poll. Polling stays the fallback (another instance's commit, or a token
 * that moved past events a group does not handle).
 */
@Component
class CommitSignal {

    private static final String SIGNAL_REGISTERED = CommitSignal.class.getName();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private long commits;

    /** For every processing group: signal once after its unit of work (a whole batch) committed. */
    MessageHandlerInterceptor<EventMessage<?>> afterCommitInterceptor() {
        return (unitOfWork, chain) -> {
            UnitOfWork<?> root = unitOfWork.root();
            if (root.resources().putIfAbsent(SIGNAL_REGISTERED, Boolean.TRUE) == null) {
                root.afterCommit(u -> signal());
            }
            return chain.proceed();
        };
    }

    long commits() {
        lock.lock();
        try {
            return commits;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until a commit after {@code seen} or for {@code nanos}, whichever comes first. */
    void awaitCommitAfter(long seen, long nanos) throws InterruptedException {
        lock.lock();
        try {
            long remaining = nanos;
            while (commits == seen && remaining > 0) {
                remaining = committed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            commits++;
            committed.signalAll();
        } finally {
            lock.unlock();
        }
    }

}
