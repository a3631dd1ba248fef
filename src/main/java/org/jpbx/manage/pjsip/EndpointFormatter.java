package org.jpbx.manage.pjsip;

import java.util.List;
import java.util.Optional;
import org.jpbx.pjsip.config.Aor;
import org.jpbx.pjsip.config.Auth;
import org.jpbx.pjsip.config.Endpoint;
import org.jpbx.pjsip.config.Identify;
import org.jpbx.pjsip.config.Transport;
import org.jpbx.pjsip.config.types.CallerId;

/**
 * {@code Endpoint} rows: {@code <id>[/<callerid number>]}, device state and {@code <channels> of
 * <device_state_busy_at or inf>}. When recursing, below it: outbound then inbound auths, each AOR
 * with its contacts, the transport it names, the identifies that select it and its channels.
 */
final class EndpointFormatter extends Formatter<Endpoint> {
    static final EndpointFormatter INSTANCE = new EndpointFormatter();

    private EndpointFormatter() {}

    @Override
    List<Endpoint> all(CliContext c) { return c.config.endpoints(); }

    @Override
    Optional<Endpoint> find(CliContext c, String id) { return c.config.endpoint(id); }

    @Override
    String key(Endpoint e) { return e.id(); }

    @Override
    void printHeader(CliContext c) {
        c.line(" Endpoint:  <Endpoint/CID.....................................>  <State.....>  <Channels.>");
        if (c.recurse) {
            c.nested(() -> {
                AuthFormatter.INSTANCE.printHeader(c);
                AorFormatter.INSTANCE.printHeader(c);
                TransportFormatter.INSTANCE.printHeader(c);
                IdentifyFormatter.INSTANCE.printHeader(c);
                ChannelFormatter.INSTANCE.printHeader(c);
            });
        }
    }

    @Override
    void printBody(Endpoint e, CliContext c) {
        CallerId cid = e.callerId();
        String number = cid == null ? "" : cid.number();
        String name = number.isEmpty() ? e.id() : e.id() + "/" + number;
        long busyAt = e.object().getLong("device_state_busy_at");
        c.title("Endpoint").line("  " + CliLayout.fit(name, CliLayout.LAST_TABSTOP - c.indent() - 2)
                + "  " + CliLayout.fit(c.runtime.deviceState(e.id()), 12)
                + "  " + c.runtime.channelCount(e.id()) + " of " + (busyAt == 0 ? "inf" : Long.toString(busyAt)));
        if (c.recurse) {
            c.nested(() -> printChildren(e, c));
            c.endOfRecursiveObject();
        }
        details(e, c);
    }

    private static void printChildren(Endpoint e, CliContext c) {
        printAuths(e.outboundAuth(), "Out", c);
        printAuths(e.auth(), "In", c);
        for (String aorId : e.aors()) {
            Optional<Aor> aor = c.config.aor(aorId);
            aor.ifPresent(a -> AorFormatter.INSTANCE.printBody(a, c));
        }
        String transport = e.transport();
        if (transport != null && !transport.isEmpty()) {
            Optional<Transport> t = c.config.transport(transport);
            t.ifPresent(x -> TransportFormatter.INSTANCE.printBody(x, c));
        }
        for (Identify i : IdentifyFormatter.ofEndpoint(c, e.id())) IdentifyFormatter.INSTANCE.printBody(i, c);
        for (ChannelInfo ch : ChannelFormatter.ofEndpoint(c, e.id())) ChannelFormatter.INSTANCE.printBody(ch, c);
    }

    /** The auths named in {@code ids} that exist, in the order written. */
    private static void printAuths(List<String> ids, String direction, CliContext c) {
        c.authDirection = direction;
        try {
            for (String id : ids) {
                Optional<Auth> a = c.config.auth(id);
                a.ifPresent(x -> AuthFormatter.INSTANCE.printBody(x, c));
            }
        } finally {
            c.authDirection = null;
        }
    }

    @Override
    List<CliLayout.Parameter> parameters(Endpoint e) { return ObjectParameters.of(e.object()); }
}
