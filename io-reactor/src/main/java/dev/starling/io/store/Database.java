package dev.starling.io.store;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.Callable;

/**
 * A JDBC database and the bounded scheduler its calls run on, so that no event loop ever blocks
 * on it: each call opens its own connection (H2 serializes them; PostgreSQL pools are left to
 * the database) and completes once its transaction is committed.
 *
 * @param url       the JDBC URL
 * @param user      the user
 * @param password  the password
 * @param scheduler where the calls run
 */
record Database(String url, String user, String password, Scheduler scheduler) {

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    <T> Mono<T> call(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(scheduler);
    }
}
