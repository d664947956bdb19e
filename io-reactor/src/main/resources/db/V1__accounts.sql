-- Accounts hold only salted SCRAM keys (RFC 5802 §3), one row per hash function.
CREATE TABLE account (
    username VARCHAR(1023) PRIMARY KEY
);
CREATE TABLE scram_credentials (
    username    VARCHAR(1023) NOT NULL REFERENCES account (username) ON DELETE CASCADE,
    hash        VARCHAR(16)   NOT NULL,
    salt        VARBINARY(64) NOT NULL,
    iterations  INT           NOT NULL,
    stored_key  VARBINARY(64) NOT NULL,
    server_key  VARBINARY(64) NOT NULL,
    PRIMARY KEY (username, hash)
);
