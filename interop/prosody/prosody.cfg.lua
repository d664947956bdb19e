-- Prosody for Starling's interop tests: loopback only, its own data directory, TLS required,
-- in-band registration and non-SASL authentication (XEP-0078, over TLS only) on.
-- interop/peers.sh copies this file into the run directory and replaces @RUN@ with that directory.
pidfile = "@RUN@/prosody/prosody.pid"
data_path = "@RUN@/prosody/data"
interfaces = { "127.0.0.1" }
local_interfaces = { "127.0.0.1" }
c2s_ports = { 25222 }
c2s_direct_tls_ports = { 25223 }
s2s_ports = { }
http_ports = { }
https_ports = { }
component_ports = { }
-- the XEP-0065 proxy (Component "proxy.localhost" below) on loopback
proxy65_ports = { 25777 }
proxy65_interfaces = { "127.0.0.1" }
run_as_root = true
daemonize = false
admins = { }
modules_enabled = { "roster"; "saslauth"; "tls"; "disco"; "ping"; "version"; "time"; "uptime"; "register"; "legacyauth"; "blocklist"; "vcard_legacy"; "private" }
modules_disabled = { "s2s" }
authentication = "internal_hashed"
c2s_require_encryption = true
-- in-band registration (XEP-0077) asking for an email too, so the data form is exercised; loopback is
-- on the default registration allowlist, so repeated test runs are not throttled
allow_registration = true
additional_registration_fields = { "email" }
log = { { levels = { min = "info" }; to = "file"; filename = "@RUN@/prosody/prosody.log" } }
certificates = "@RUN@/certs"

VirtualHost "localhost"
    ssl = { key = "@RUN@/certs/localhost.key"; certificate = "@RUN@/certs/localhost.crt" }

-- plaintext storage lets Prosody offer every SCRAM variant it implements, not only the stored one
VirtualHost "plain.localhost"
    authentication = "internal_plain"
    ssl = { key = "@RUN@/certs/localhost.key"; certificate = "@RUN@/certs/localhost.crt" }

-- SOCKS5 bytestream proxy (XEP-0065) for the file-transfer interop runs
Component "proxy.localhost" "proxy65"
    proxy65_address = "127.0.0.1"
