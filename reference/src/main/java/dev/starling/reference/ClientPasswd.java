package dev.starling.reference;

import dev.starling.io.client.XmppClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code starling client ... passwd [NEW]}: changes the account's password in-band (XEP-0077 §3.3). */
@Command(name = "passwd", mixinStandardHelpOptions = true, description = "Change the account's password (XEP-0077).")
final class ClientPasswd implements Callable<Integer> {

    @ParentCommand
    private ClientCommand client;

    @Parameters(index = "0", arity = "0..1", description = "the new password (asked for when missing)")
    private String newPassword;

    @Override
    public Integer call() {
        XmppClient session = client.connect();
        String secret = newPassword != null ? newPassword : Prompts.password("New password for " + session.jid().bare() + ": ");
        session.changePassword(secret).block(Duration.ofSeconds(30));
        System.out.println("password of " + session.jid().bare() + " changed");
        session.close().block(Duration.ofSeconds(10));
        return 0;
    }
}
