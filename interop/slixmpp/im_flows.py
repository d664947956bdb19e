#!/usr/bin/python3
"""slixmpp peer for Starling's IM interop test (RFC 6121 and the everyday XEPs).

Logs in with STARTTLS to a pinned endpoint (no DNS), trusting only the given CA file.

usage: im_flows.py flows|offline HOST PORT JID PASSWORD CONTACT CAFILE MECHANISM

flows:   reads the roster, adds CONTACT with a group, subscribes to CONTACT (who pre-approved),
         waits for CONTACT's presence and for CONTACT's own subscription (auto-approved) to make
         it "both", sends CONTACT a chat message, sets and reads its vCard, stores and reads private XML, blocks, lists and
         unblocks a JID; prints one line per step.
offline: goes online and prints the first message that arrives, with its XEP-0203 delay.
Bounded: gives up after 30 s; exits 0 only if every step happened.
"""
import asyncio
import sys

import slixmpp
from slixmpp.xmlstream import ET

PRIVATE = "<query xmlns='jabber:iq:private'><prefs xmlns='urn:starling:slixmpp'>{}</prefs></query>"


class Peer(slixmpp.ClientXMPP):
    def __init__(self, mode, jid, password, contact, mechanism):
        super().__init__(jid, password, sasl_mech=mechanism)
        self.mode = mode
        self.contact = contact
        self.ok = False
        self.subscribed = asyncio.Event()
        self.seen = asyncio.Event()
        self.to = asyncio.Event()
        self.both = asyncio.Event()
        for plugin in ("xep_0054", "xep_0191", "xep_0203"):
            self.register_plugin(plugin)
        self.add_event_handler("session_start", self.start)
        self.add_event_handler("presence_subscribed", self.on_subscribed)
        self.add_event_handler("presence_available", self.on_available)
        self.add_event_handler("roster_update", self.on_roster)
        self.add_event_handler("message", self.on_message)

    async def start(self, _event):
        if self.mode == "offline":
            self.send_presence()
            return
        roster = await self.get_roster()
        print("ROSTER " + str(len(roster["roster"]["items"])), flush=True)
        await self.update_roster(self.contact, name="Romeo", groups=["Montagues"])
        print("ROSTER SET " + ",".join(self.client_roster[self.contact]["groups"]), flush=True)
        self.send_presence()
        self.send_presence_subscription(pto=self.contact)
        await asyncio.wait_for(self.subscribed.wait(), 10)
        await asyncio.wait_for(self.to.wait(), 10)  # RFC 6121 §3.1.6: the roster push follows the approval
        print("SUBSCRIBED " + self.client_roster[self.contact]["subscription"], flush=True)
        await asyncio.wait_for(self.seen.wait(), 10)
        await asyncio.wait_for(self.both.wait(), 10)
        print("BOTH", flush=True)
        self.send_message(mto=self.contact, mbody="from slixmpp", mtype="chat")

        vcard = self.plugin["xep_0054"].make_vcard()
        vcard["FN"] = "Juliet Capulet"
        await self.plugin["xep_0054"].publish_vcard(vcard)
        back = await self.plugin["xep_0054"].get_vcard(self.boundjid.bare)
        print("VCARD " + back["vcard_temp"]["FN"], flush=True)

        store = self.make_iq_set()
        store.append(ET.fromstring(PRIVATE.format("dark")))
        await store.send()
        read = self.make_iq_get()
        read.append(ET.fromstring(PRIVATE.format("")))
        answer = await read.send()
        prefs = answer.xml.find("{jabber:iq:private}query/{urn:starling:slixmpp}prefs")
        print("PRIVATE " + (prefs.text or ""), flush=True)

        await self.plugin["xep_0191"].block(["tybalt@localhost"])
        blocked = await self.plugin["xep_0191"].get_blocked()
        print("BLOCKED " + ",".join(str(j) for j in blocked["blocklist"]["items"]), flush=True)
        await self.plugin["xep_0191"].unblock(["tybalt@localhost"])
        print("UNBLOCKED", flush=True)
        self.ok = True
        self.disconnect()

    def on_subscribed(self, presence):
        if presence["from"].bare == self.contact:
            self.subscribed.set()

    def on_available(self, presence):
        if presence["from"].bare == self.contact:
            print("PRESENCE " + str(presence["from"]), flush=True)
            self.seen.set()

    def on_roster(self, _iq):
        if self.client_roster[self.contact]["subscription"] in ("to", "both"):
            self.to.set()
        if self.client_roster[self.contact]["subscription"] == "both":
            self.both.set()

    def on_message(self, message):
        if self.mode == "offline" and message["body"]:
            print("OFFLINE " + message["body"] + " DELAY " + str(message["delay"]["stamp"]), flush=True)
            self.ok = True
            self.disconnect()


def main():
    mode, host, port, jid, password, contact, cafile, mechanism = sys.argv[1:9]
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    peer = Peer(mode, jid, password, contact, mechanism)
    peer.ca_certs = cafile
    loop.call_later(30, peer.disconnect)  # bounded
    peer.connect((host, int(port)))
    peer.process(forever=False)
    sys.exit(0 if peer.ok else 1)


if __name__ == "__main__":
    main()
