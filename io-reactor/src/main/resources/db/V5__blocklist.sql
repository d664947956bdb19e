-- The JIDs each account blocks (XEP-0191), in the order they were blocked.
CREATE TABLE blocked_jid (
    username VARCHAR(1023) NOT NULL REFERENCES account (username) ON DELETE CASCADE,
    position INT           NOT NULL,
    jid      VARCHAR(3071) NOT NULL,
    PRIMARY KEY (username, position)
);
