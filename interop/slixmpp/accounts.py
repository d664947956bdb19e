#!/usr/bin/python3
"""slixmpp peer for Starling's account interop tests.

usage: accounts.py register HOST PORT JID PASSWORD CAFILE MECHANISM NEWPASSWORD
         registers the account in-band (XEP-0077), logs in with it, changes its password and
         cancels it, printing each step
       accounts.py legacy HOST PORT JID PASSWORD CAFILE
         logs in with non-SASL authentication (XEP-0078) and prints the bound JID

Endpoints are pinned (no DNS) and only the given CA file is trusted. Every run stops by itself
after 20 s.

slixmpp 1.8.3 holds back every stanza but bind and session until the session starts, so its own
XEP-0077 and XEP-0078 requests before authentication are never sent ("NOT SENT" in its debug log).
Both clients here opt out of that with the switch slixmpp's own test harness uses.
"""
import asyncio
import sys

import slixmpp
from slixmpp.exceptions import IqError, IqTimeout


class Registrant(slixmpp.ClientXMPP):
    def __init__(self, jid, password, mechanism, new_password):
        super().__init__(jid, password, sasl_mech=mechanism)
        self._always_send_everything = True  # see the module docstring
        self.new_password = new_password
        self.ok = False
        self.register_plugin("xep_0004")
        self.register_plugin("xep_0077")
        self["xep_0077"].force_registration = True
        self.add_event_handler("register", self.register)
        self.add_event_handler("session_start", self.start)
        self.add_event_handler("failed_auth", self.on_failed)

    async def register(self, _iq):
        form = self.Iq()
        form["type"] = "set"
        form["register"]["username"] = self.boundjid.user
        form["register"]["password"] = self.password
        try:
            await form.send()
            print("REGISTERED " + self.boundjid.bare, flush=True)
        except (IqError, IqTimeout) as error:
            print("REGISTRATION FAILED " + str(error), flush=True)
            self.disconnect()

    async def start(self, _event):
        print("BOUND " + str(self.boundjid), flush=True)
        try:
            await self["xep_0077"].change_password(self.new_password)
            print("CHANGED", flush=True)
            await self["xep_0077"].cancel_registration()
            print("CANCELLED", flush=True)
            self.ok = True
        except (IqError, IqTimeout) as error:
            print("FAILED " + str(error), flush=True)
        self.disconnect()

    def on_failed(self, _event):
        print("AUTH FAILED", flush=True)
        self.disconnect()


class LegacyClient(slixmpp.ClientXMPP):
    """slixmpp's XEP-0078 stanzas with the exchange driven here: slixmpp 1.8.3's own xep_0078
    plugin calls the asynchronous Iq.send() as if it returned the reply and fails with a
    TypeError, so its feature handler is replaced by one that awaits the replies."""

    def __init__(self, jid, password):
        super().__init__(jid, password)
        self._always_send_everything = True  # see the module docstring
        self.ok = False
        self.register_plugin("xep_0078")
        self.unregister_feature("auth", self["xep_0078"].order)
        self.register_feature("auth", self.legacy_login, restart=False, order=self["xep_0078"].order)
        self.add_event_handler("session_start", self.start)
        self.add_event_handler("failed_auth", self.on_failed)

    async def legacy_login(self, features):
        if "mechanisms" in features["features"] or self.authenticated:
            return False
        ask = self.Iq()
        ask["type"] = "get"
        ask["to"] = self.requested_jid.host
        ask["auth"]["username"] = self.requested_jid.user
        fields = await ask.send()
        print("FIELDS " + " ".join(sorted(fields["auth"]["fields"])), flush=True)
        login = self.Iq()
        login["type"] = "set"
        login["auth"]["username"] = self.requested_jid.user
        login["auth"]["password"] = self.password
        login["auth"]["resource"] = self.requested_jid.resource
        try:
            await login.send()
        except IqError as error:
            print("REFUSED " + error.iq["error"]["condition"], flush=True)
            self.event("failed_auth")
            return True
        self.features.add("auth")
        self.authenticated = True
        self.boundjid = slixmpp.JID(self.requested_jid)
        self.sessionstarted = True
        self.event("session_start")
        return True

    async def start(self, _event):
        print("LEGACY BOUND " + str(self.boundjid), flush=True)
        self.ok = True
        self.disconnect()

    def on_failed(self, _event):
        print("AUTH FAILED", flush=True)
        self.disconnect()


def main():
    mode, host, port, jid, password, cafile = sys.argv[1:7]
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    if mode == "register":
        peer = Registrant(jid, password, sys.argv[7], sys.argv[8])
    else:
        peer = LegacyClient(jid, password)
    peer.ca_certs = cafile
    loop.call_later(20, peer.disconnect)  # bounded: give up after 20 s
    peer.connect((host, int(port)))
    peer.process(forever=False)
    sys.exit(0 if peer.ok else 1)


if __name__ == "__main__":
    main()
