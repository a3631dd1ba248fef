package org.jpbx.pjsip.pubsub.mwi;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.distributor.Distributor;
import org.jpbx.pjsip.outbound.LocalAddresses;
import org.jpbx.pjsip.pubsub.SubscriptionManager;
import org.jpbx.pjsip.registrar.Binding;
import org.jpbx.pjsip.registrar.BindingTable;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.transaction.TransactionLayer;
import org.jpbx.store.MailboxStore;
import org.jpbx.store.SqliteMailboxStore;

/**
 * MWI put together for the server: the durable mailbox counts, the {@code message-summary} event
 * package on the subscription manager, unsolicited NOTIFYs, the out-of-dialog NOTIFYs endpoints
 * with {@code incoming_mwi_mailbox} send us, and the {@code mwi} CLI commands.
 * {@link #start} once the transports run (the initial unsolicited NOTIFYs); {@link #registered} for
 * every binding a REGISTER adds or refreshes.
 */
public final class MwiModule implements AutoCloseable {
    private final MailboxStore store;
    private final Mailboxes mailboxes;
    private final UnsolicitedMwi unsolicited;

    private MwiModule(MailboxStore store, Mailboxes mailboxes, UnsolicitedMwi unsolicited) {
        this.store = store;
        this.mailboxes = mailboxes;
        this.unsolicited = unsolicited;
    }

    /** Opens the counts in {@code dbFile} (the contact store's file, schema already migrated) and registers the package and commands. */
    public static MwiModule install(Path dbFile, Supplier<PjsipConfig> config, BindingTable bindings, TransactionLayer transactions,
                                    LocalAddresses local, SubscriptionManager subscriptions, Distributor distributor,
                                    CommandRegistry commands) {
        MailboxStore store = new SqliteMailboxStore(dbFile);
        Mailboxes mailboxes = new Mailboxes(store);
        UnsolicitedMwi unsolicited = new UnsolicitedMwi(config, bindings, transactions, local, mailboxes, subscriptions::allowEvents);
        subscriptions.register(new MwiPackage(config, mailboxes, unsolicited));
        distributor.register(Methods.NOTIFY, new IncomingMwi(mailboxes));
        MwiCommands.register(commands, mailboxes);
        return new MwiModule(store, mailboxes, unsolicited);
    }

    public void start() { unsolicited.start(); }

    public void registered(Binding binding) { unsolicited.registered(binding); }

    public Mailboxes mailboxes() { return mailboxes; }

    @Override
    public void close() { store.close(); }
}
