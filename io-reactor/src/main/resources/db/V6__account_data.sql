-- What the server keeps for an account by key: its vCard (XEP-0054) and each namespace of its
-- private XML storage (XEP-0049), as XML.
CREATE TABLE account_data (
    username VARCHAR(1023) NOT NULL REFERENCES account (username) ON DELETE CASCADE,
    data_key VARCHAR(3071) NOT NULL,
    xml      VARCHAR(1048576) NOT NULL,
    PRIMARY KEY (username, data_key)
);
