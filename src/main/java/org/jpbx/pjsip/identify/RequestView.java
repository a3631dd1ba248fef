package org.jpbx.pjsip.identify;

import java.net.InetSocketAddress;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.sip.message.SipRequest;

/** A request being identified, with the configuration snapshot and identify table it is identified against. */
record RequestView(PjsipConfig config, IdentifyTable table, SipRequest request, InetSocketAddress source, String transportName) {}
