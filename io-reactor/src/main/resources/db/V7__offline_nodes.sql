-- XEP-0013: each offline message has a node the account names it by; older rows take their position.
ALTER TABLE offline_message ADD COLUMN node VARCHAR(100);
UPDATE offline_message SET node = CAST(seq AS VARCHAR(100)) WHERE node IS NULL;
