package dev.starling.conformance.check;

import dev.starling.io.client.ClientOffline;
import dev.starling.io.client.XmppClient;
import dev.starling.machine.stream.client.ClientConfig;
import dev.starling.model.disco.DiscoInfo;
import dev.starling.model.jid.Jid;
import dev.starling.model.offline.OfflineRetrieval;
import dev.starling.model.stanza.Message;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

import java.time.Duration;

/**
 * XEP-0013 flexible offline retrieval, when the server announces it: the user leaves two
 * messages for the contact, who logs in, counts them and reads the headers before going online
 * (so no flood comes, §2.2), then views the first, removes it, fetches the other and purges the
 * queue.
 */
final class OfflineRetrievalCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private OfflineRetrievalCheck() {
    }

    static void run(ConformanceCheck check, XmppClient user, Jid contact, String password) {
        DiscoInfo info = user.discoInfo(Option.some(check.target().jid().domainJid())).block(TIMEOUT);
        if (!info.hasFeature(OfflineRetrieval.NAMESPACE)) {
            check.notOffered("XEP-0013", "2", "flexible offline message retrieval", "the server does not announce " + OfflineRetrieval.NAMESPACE);
            return;
        }
        check.check("XEP-0013", "2", "flexible offline message retrieval", () -> {
            user.send(Message.chat(contact, "first, for flexible retrieval")).block(TIMEOUT);
            user.send(Message.chat(contact, "second, for flexible retrieval")).block(TIMEOUT);
            user.ping(Option.none()).block(TIMEOUT);
            XmppClient contactClient = check.connect(ClientConfig.of(contact, password).withKeepalive(Option.none()), check.target().server(), false);
            try {
                ClientOffline offline = contactClient.offline();
                int count = offline.count().block(TIMEOUT);
                Seq<ClientOffline.Header> headers = offline.headers().block(TIMEOUT);
                if (count < 2 || headers.size() != count) {
                    return ConformanceCheck.fail("counted " + count + ", " + headers.size() + " headers");
                }
                contactClient.available().block(TIMEOUT); // §2.2: no flood now; ejabberd routes fetched messages to available resources only
                Seq<Message> viewed = offline.view(Array.of(headers.head().node())).block(TIMEOUT);
                if (viewed.size() != 1 || !viewed.head().body().contains("first, for flexible retrieval")) {
                    return ConformanceCheck.fail("viewing the first header gave " + viewed.map(Message::body));
                }
                offline.remove(Array.of(headers.head().node())).block(TIMEOUT);
                Seq<Message> fetched = offline.fetch().block(TIMEOUT);
                offline.purge().block(TIMEOUT);
                int left = offline.count().block(TIMEOUT);
                return fetched.size() == count - 1 && left == 0
                        ? ConformanceCheck.pass("counted " + count + ", viewed, removed, fetched " + fetched.size() + ", purged")
                        : ConformanceCheck.fail("fetched " + fetched.size() + " of " + (count - 1) + ", " + left + " left after purge");
            } finally {
                contactClient.close().block(TIMEOUT);
            }
        });
    }
}
