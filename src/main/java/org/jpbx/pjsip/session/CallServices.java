package org.jpbx.pjsip.session;

import java.util.function.Supplier;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.outbound.LocalAddresses;
import org.jpbx.sip.dialog.Dialogs;
import org.jpbx.sip.transaction.TransactionLayer;
import org.jpbx.sip.transport.MessageSender;

/** What every call leg uses of the rest of the server. */
record CallServices(TransactionLayer transactions, MessageSender sender, Dialogs dialogs, LocalAddresses local,
                    Supplier<PjsipConfig> config, Calls calls,
                    org.jpbx.media.RtpRelay relay) {
}
