package dev.starling.io.server;

import dev.starling.machine.im.AccountLimits;

import java.util.Objects;

/**
 * The limits of the server's account entities: the machines' own (roster size, offline quota,
 * vCard size, privacy rules) and the shell's, which bound the memory accounts take whatever
 * traffic comes.
 *
 * @param account      what each account's machine allows ({@link AccountLimits})
 * @param idleAccounts how many accounts with no connected session stay loaded after their last
 *                     input; beyond that the least recently used is dropped and loaded again
 *                     from the store when next needed (a message to each of a million offline
 *                     or unknown users costs a million loads, not a million entries)
 * @param queuedInputs how many inputs may wait for one account while it loads or a store write
 *                     completes; beyond that a stanza is refused with {@code resource-constraint}
 *                     ({@link dev.starling.machine.im.Overload}); a session binding or ending always waits
 */
public record EntityLimits(AccountLimits account, int idleAccounts, int queuedInputs) {

    public EntityLimits {
        Objects.requireNonNull(account, "account");
        if (idleAccounts < 0 || queuedInputs < 1) {
            throw new IllegalArgumentException("idleAccounts must be >= 0 and queuedInputs >= 1");
        }
    }

    /** The machines' defaults, 10,000 idle accounts kept and 1,000 inputs queued per account. */
    public static EntityLimits defaults() {
        return new EntityLimits(AccountLimits.defaults(), 10_000, 1_000);
    }

    /** The same with another offline quota (messages kept per account, XEP-0160). */
    public EntityLimits withOfflineMessages(int messages) {
        return new EntityLimits(new AccountLimits(account.roster(), messages, account.vcardCharacters(), account.privacyRules()),
                idleAccounts, queuedInputs);
    }

    /** The same with other shell limits. */
    public EntityLimits withCache(int newIdleAccounts, int newQueuedInputs) {
        return new EntityLimits(account, newIdleAccounts, newQueuedInputs);
    }
}
