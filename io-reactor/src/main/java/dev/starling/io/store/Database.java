package dev.starling.io.store;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JDBC database and the bounded scheduler its calls run on, so that no event loop ever blocks
 * on it: each call opens its own connection (H2 serializes them; PostgreSQL pools are left to
 * the database) and completes once its transaction is committed.
 *
 * @param url       the JDBC URL
 * @param user      the user
 * @param password  the password
 * @param scheduler where the calls run
 * @param closed    whether the store was closed
 */
record Database(String url, String user, String password, Scheduler scheduler, AtomicBoolean closed) {

    Database(String url, String user, String password, Scheduler scheduler) {
        this(url, user, password, scheduler, new AtomicBoolean());
    }

    /** A new connection; refused once the store is closed, so late work cannot reopen an embedded database. */
    Connection connect() throws SQLException {
        if (closed.get()) {
            throw new SQLException("the store is closed");
        }
        return DriverManager.getConnection(url, user, password);
    }

    <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }
}
