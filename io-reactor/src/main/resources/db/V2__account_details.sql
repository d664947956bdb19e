-- The registration fields besides username and password (XEP-0077 §3.1: email, name, ...).
CREATE TABLE account_detail (
    username VARCHAR(1023) NOT NULL REFERENCES account (username) ON DELETE CASCADE,
    name     VARCHAR(32)   NOT NULL,
    val      VARCHAR(4000) NOT NULL,
    PRIMARY KEY (username, name)
);
