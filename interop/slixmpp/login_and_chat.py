#!/usr/bin/python3
"""slixmpp peer for Starling's interop tests.

Logs in with STARTTLS to a pinned endpoint (no DNS), trusting only the given CA file, sends one
chat message, waits for one in return, prints what happened and exits 0 on success.

usage: login_and_chat.py HOST PORT JID PASSWORD TO CAFILE MECHANISM

The mechanism is named because slixmpp 1.8 otherwise picks a -PLUS mechanism with tls-unique,
which RFC 9266 leaves undefined on TLS 1.3 (and Starling refuses).
"""
import asyncio
import sys

import slixmpp


class Peer(slixmpp.ClientXMPP):
    def __init__(self, jid, password, to, mechanism):
        super().__init__(jid, password, sasl_mech=mechanism)
        self.to = to
        self.ok = False
        self.add_event_handler("session_start", self.start)
        self.add_event_handler("message", self.on_message)
        self.add_event_handler("failed_auth", self.on_failed)

    async def start(self, _event):
        print("MECHANISM " + self.plugin["feature_mechanisms"].mech.name, flush=True)
        print("BOUND " + str(self.boundjid), flush=True)
        self.send_message(mto=self.to, mbody="from slixmpp", mtype="chat")
        print("SENT", flush=True)

    def on_message(self, msg):
        if msg["type"] in ("chat", "normal"):
            print("RECEIVED " + msg["body"], flush=True)
            self.ok = True
            self.disconnect()

    def on_failed(self, _event):
        print("AUTH FAILED", flush=True)
        self.disconnect()


def main():
    host, port, jid, password, to, cafile, mechanism = sys.argv[1:8]
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    peer = Peer(jid, password, to, mechanism)
    peer.ca_certs = cafile
    loop.call_later(20, peer.disconnect)  # bounded: give up after 20 s
    peer.connect((host, int(port)))
    peer.process(forever=False)  # process(timeout=...) breaks on Python 3.11 with slixmpp 1.8
    sys.exit(0 if peer.ok else 1)


if __name__ == "__main__":
    main()
