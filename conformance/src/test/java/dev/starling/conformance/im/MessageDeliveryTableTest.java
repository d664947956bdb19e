package dev.starling.conformance.im;

import dev.starling.conformance.corpus.SpecCorpus;
import dev.starling.machine.core.Fresh;
import dev.starling.machine.im.AccountEntity;
import dev.starling.machine.im.AccountInput;
import dev.starling.machine.im.AccountLimits;
import dev.starling.machine.im.AccountOutput;
import dev.starling.machine.im.AccountState;
import dev.starling.machine.roster.Roster;
import dev.starling.model.jid.Jid;
import dev.starling.model.stanza.Message;
import dev.starling.model.stanza.MessageType;
import dev.starling.model.stanza.Presence;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 6121 §8.5.4, Table 1, cell by cell: the table is read from the RFC's text, and for each
 * condition, address and message type the account entity's outcome must be one of the options
 * the cell allows. Outcomes: S silently ignored, E an error to the sender, O stored offline,
 * D delivered to the one resource concerned, M delivered to the most available resources only
 * (here the one with priority 5 of two), A delivered to every non-negative resource.
 */
class MessageDeliveryTableTest {

    private static final Jid USER = Jid.of("juliet@example.com");
    private static final Pattern GROUP = Pattern.compile("^\\|\\s*([A-Z0-9+ -]+?)\\s*\\|$");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*(bare|full match|full no match|full \\(no match\\)|full)\\s*\\|\\s*(\\S+)\\s*\\|\\s*(\\S+)\\s*\\|\\s*(\\S+)\\s*\\|\\s*(\\S+)\\s*\\|$");
    private static final List<MessageType> COLUMNS = List.of(MessageType.NORMAL, MessageType.CHAT, MessageType.GROUPCHAT, MessageType.HEADLINE);

    @TestFactory
    Stream<DynamicTest> everyCellOfTable1() {
        String table = SpecCorpus.read("rfc6121.json").examples().stream().filter(e -> e.caption().contains("Message Delivery Rules"))
                .findFirst().get().text();
        java.util.List<DynamicTest> tests = new ArrayList<>();
        String condition = null;
        for (String line : table.split("\n")) {
            Matcher group = GROUP.matcher(line.strip());
            Matcher row = ROW.matcher(line.strip());
            if (row.matches()) {
                for (int column = 0; column < 4; column++) {
                    String allowed = row.group(column + 2).replace("*", "");
                    MessageType type = COLUMNS.get(column);
                    String conditionNow = condition;
                    String address = row.group(1).replace("(", "").replace(")", "");
                    tests.add(DynamicTest.dynamicTest(conditionNow + " / " + address + " / " + type, () -> {
                        String outcome = outcome(conditionNow, address, type);
                        assertThat(List.of(allowed.split("/"))).as("allowed by the RFC").contains(outcome);
                    }));
                }
            } else if (group.matches() && !line.contains("Condition")) {
                condition = group.group(1);
            }
        }
        assertThat(tests).as("5 conditions, 13 rows, 4 types").hasSize(52);
        return tests.stream();
    }

    /** What the entity does with one message in one situation, as one of the table's letters. */
    private static String outcome(String condition, String address, MessageType type) {
        AccountState state = AccountState.of(USER, Roster.empty(), dev.starling.machine.blocking.Blocklist.EMPTY, io.vavr.collection.LinkedHashMap.empty(), !condition.startsWith("ACCOUNT DOES NOT EXIST"), dev.starling.machine.im.OfflineQueue.EMPTY, dev.starling.machine.privacy.Privacy.NONE);
        String matched;
        switch (condition) {
            case "1+ NEGATIVE RESOURCES BUT ZERO NON-NEGATIVE RESOURCES" -> {
                state = available(state, "low", -1);
                matched = "low";
            }
            case "1 NON-NEGATIVE RESOURCE" -> {
                state = available(state, "one", 0);
                matched = "one";
            }
            case "1+ NON-NEGATIVE RESOURCES" -> {
                state = available(available(state, "high", 5), "other", 1);
                matched = "other";
            }
            default -> matched = "absent";
        }
        Jid to = switch (address) {
            case "bare" -> USER;
            case "full match" -> USER.withResource(matched).get();
            default -> USER.withResource("nowhere").get();
        };
        Message message = new Message(Option.some(type), Option.some("m1"), Option.some(Jid.of("romeo@example.net/orchard")), Option.some(to),
                Option.none(), io.vavr.collection.Array.of(dev.starling.model.stanza.Body.of("hi")));
        List<AccountOutput> outputs = List.ofAll(AccountEntity.step(state, new AccountInput.InboundMessage(message), AccountLimits.defaults(),
                fresh()).outputs());
        List<String> deliveredTo = outputs.filter(AccountOutput.ToResource.class::isInstance).map(o -> ((AccountOutput.ToResource) o).resource());
        if (outputs.isEmpty()) {
            return "S";
        }
        if (outputs.exists(AccountOutput.StoreOffline.class::isInstance)) {
            return "O";
        }
        if (outputs.exists(AccountOutput.ToContact.class::isInstance)) {
            return "E";
        }
        if (condition.equals("1+ NON-NEGATIVE RESOURCES") && !address.equals("full match")) {
            return deliveredTo.toSet().equals(io.vavr.collection.HashSet.of("high")) ? "M"
                    : deliveredTo.toSet().equals(io.vavr.collection.HashSet.of("high", "other")) ? "A" : "?" + deliveredTo;
        }
        return deliveredTo.size() == 1 ? "D" : "?" + deliveredTo;
    }

    private static AccountState available(AccountState state, String resource, int priority) {
        Presence presence = Presence.available().withFrom(Option.some(USER.withResource(resource).get()))
                .withChild(new dev.starling.model.stanza.Priority(priority));
        return AccountEntity.step(state, new AccountInput.OutboundPresence(presence), AccountLimits.defaults(), fresh()).state();
    }

    private static Fresh fresh() {
        return new Fresh(Instant.parse("2026-01-01T00:00:00Z"), "0".repeat(Fresh.MIN_RANDOM_LENGTH).toLowerCase(Locale.ROOT));
    }
}
