-- Messages kept for accounts that were offline (XEP-0160), in arrival order, as XML.
CREATE TABLE offline_message (
    username VARCHAR(1023) NOT NULL REFERENCES account (username) ON DELETE CASCADE,
    seq      BIGINT AUTO_INCREMENT PRIMARY KEY,
    stanza   CLOB NOT NULL
);
CREATE INDEX offline_message_username ON offline_message (username, seq);
