package dev.starling.reference;

import dev.starling.io.client.ClientFileTransfer;
import dev.starling.io.client.IncomingFile;
import dev.starling.io.client.XmppClient;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code starling client ... receive-files [--dir DIR] [--accept-all] [--direct-host ADDR] [--count N]}: waits for file
 * offers (XEP-0096) and URLs offered out of band (XEP-0066, fetched over HTTP), asks (or, with {@code --accept-all}, does not ask) whether to take each, and
 * stores the accepted ones in the directory under a safe name once their size and MD5 are
 * verified; a half-received file only ever exists under a hidden {@code .part} name.
 */
@Command(name = "receive-files", mixinStandardHelpOptions = true, description = "Receive files others send (XEP-0096).")
final class ClientReceiveFiles implements Callable<Integer> {

    @ParentCommand
    private ClientCommand client;

    @Option(names = "--dir", defaultValue = ".", description = "where to store received files (default: the current directory)")
    private Path dir;

    @Option(names = "--accept-all", description = "take every offer without asking")
    private boolean acceptAll;

    @Option(names = "--resume", description = "continue from the partial file an interrupted transfer of the same file left (XEP-0096 range),"
            + " and keep the partial file if this one fails too")
    private boolean resume;

    @Option(names = "--direct-host", description = "for Jingle offers over SOCKS5, also offer this client's own streamhost on this address"
            + " as a candidate (XEP-0260 §2.2)")
    private String directHost;

    @Option(names = "--count", defaultValue = "0", description = "stop after this many files (default: run until Ctrl-C)")
    private int count;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dir);
        XmppClient session = client.connect(ClientFileTransfer::enable);
        System.out.println("waiting for files as " + session.jid() + "; storing in " + dir.toAbsolutePath());
        BufferedReader console = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        var files = session.files().offers().concatMap(offer -> decide(offer, console))
                .mergeWith(session.files().urlOffers().concatMap(offer -> fetch(offer, console)));
        (count > 0 ? files.take(count) : files).blockLast();
        session.close().block(Duration.ofSeconds(10));
        return 0;
    }

    private Mono<Path> decide(IncomingFile offer, BufferedReader console) {
        System.out.println(offer.from() + " offers " + offer.name() + " (" + offer.size() + " bytes"
                + offer.hash().map(hash -> ", " + offer.hashAlgorithm().get() + " " + hash)
                .orElse(offer.hashAlgorithm().map(algo -> ", " + algo + " to follow")).getOrElse("")
                + offer.date().map(date -> ", modified " + date).getOrElse("") + ")"
                + offer.description().map(text -> ": \"" + text + "\"").getOrElse(""));
        Mono<Boolean> take = acceptAll ? Mono.just(true) : Mono.fromCallable(() -> {
            System.out.print("accept? [y/N] ");
            System.out.flush();
            String answer = console.readLine();
            return answer != null && answer.trim().equalsIgnoreCase("y");
        }).subscribeOn(Schedulers.boundedElastic());
        return take.flatMap(yes -> yes ? receive(offer)
                : offer.reject().then(Mono.<Path>fromRunnable(() -> System.out.println("declined " + offer.name()))));
    }

    /** A URL offered out of band (XEP-0066): fetched into the directory if accepted. */
    private Mono<Path> fetch(dev.starling.io.client.IncomingUrl offer, BufferedReader console) {
        System.out.println(offer.from() + " offers " + offer.url() + offer.desc().map(d -> " (" + d + ")").getOrElse(""));
        Mono<Boolean> take = acceptAll ? Mono.just(true) : Mono.fromCallable(() -> {
            System.out.print("fetch? [y/N] ");
            System.out.flush();
            String answer = console.readLine();
            return answer != null && answer.trim().equalsIgnoreCase("y");
        }).subscribeOn(Schedulers.boundedElastic());
        return take.flatMap(yes -> yes
                ? offer.fetch(dir).doOnNext(path -> System.out.println("fetched " + path))
                        .onErrorResume(error -> Mono.fromRunnable(() -> System.out.println("failed " + offer.url() + ": " + error.getMessage())))
                : offer.reject().then(Mono.<Path>fromRunnable(() -> System.out.println("declined " + offer.url()))));
    }

    private Mono<Path> receive(IncomingFile offer) {
        ClientFileTransfer.Progress[] last = {null};
        return Mono.using(() -> new ProgressBarBuilder().setTaskName(offer.name()).setInitialMax(offer.size()).setUnit(" KiB", 1024)
                        .showSpeed().setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build(),
                bar -> {
                    offer.progress().subscribe(progress -> {
                        last[0] = progress;
                        bar.maxHint(progress.total());
                        bar.stepTo(progress.bytes());
                    });
                    return resume ? offer.resume(dir) : directHost != null ? offer.accept(dir, directHost) : offer.accept(dir);
                }, ProgressBar::close)
                .doOnNext(path -> System.out.println("received " + path + " (" + offer.size() + " bytes"
                        + offer.hash().map(hash -> ", " + offer.hashAlgorithm().get() + " " + hash + " verified").getOrElse(", size verified")
                        + (last[0] == null ? "" : ", over " + last[0].method() + " at " + Rates.describe(last[0])) + ")"))
                .onErrorResume(error -> {
                    System.out.println("failed " + offer.name() + ": " + error.getMessage());
                    return Mono.empty();
                });
    }
}
