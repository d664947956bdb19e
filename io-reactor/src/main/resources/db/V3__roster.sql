-- Rosters (RFC 6121 §2): one row of versions per account, one row per contact (listed in the roster
-- or only asking for a subscription), the contact's groups in order, and the tombstones of deleted
-- contacts that roster versioning needs (§2.6.3).
CREATE TABLE roster (
    username VARCHAR(1023) PRIMARY KEY REFERENCES account (username) ON DELETE CASCADE,
    version  BIGINT NOT NULL,
    horizon  BIGINT NOT NULL
);
CREATE TABLE roster_contact (
    username VARCHAR(1023) NOT NULL REFERENCES roster (username) ON DELETE CASCADE,
    contact  VARCHAR(3071) NOT NULL,
    position INT           NOT NULL,
    listed   BOOLEAN       NOT NULL,
    name     VARCHAR(4000),
    state    VARCHAR(32)   NOT NULL,
    approved BOOLEAN       NOT NULL,
    modified BIGINT        NOT NULL,
    PRIMARY KEY (username, contact)
);
CREATE TABLE roster_group (
    username VARCHAR(1023) NOT NULL,
    contact  VARCHAR(3071) NOT NULL,
    position INT           NOT NULL,
    name     VARCHAR(4000) NOT NULL,
    PRIMARY KEY (username, contact, position),
    FOREIGN KEY (username, contact) REFERENCES roster_contact (username, contact) ON DELETE CASCADE
);
CREATE TABLE roster_removed (
    username VARCHAR(1023) NOT NULL REFERENCES roster (username) ON DELETE CASCADE,
    contact  VARCHAR(3071) NOT NULL,
    version  BIGINT        NOT NULL,
    PRIMARY KEY (username, contact)
);
