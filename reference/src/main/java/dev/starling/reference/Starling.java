package dev.starling.reference;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code starling} command line: the reference server, account administration, a scriptable
 * client and the live conformance check. Only wiring lives here; every protocol decision is in
 * the library.
 */
@Command(name = "starling", mixinStandardHelpOptions = true, version = "Starling 0.1",
        description = "An XMPP engine built from pure state machines: server, client and conformance checker.",
        subcommands = {ServerCommand.class, UserCommand.class, ClientCommand.class, CheckCommand.class})
public final class Starling implements Runnable {

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Starling()).setExecutionExceptionHandler((error, command, parsed) -> {
            command.getErr().println("error: " + error.getMessage());
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
