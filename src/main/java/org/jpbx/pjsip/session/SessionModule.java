package org.jpbx.pjsip.session;

import java.nio.file.Path;
import java.util.function.Supplier;
import org.jpbx.devicestate.DeviceStates;
import org.jpbx.dialplan.DialplanFunction;
import org.jpbx.dialplan.Pbx;
import org.jpbx.dialplan.PbxChannel;
import org.jpbx.dialplan.Scope;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.devicestate.EndpointDeviceStates;
import org.jpbx.pjsip.distributor.Distributor;
import org.jpbx.pjsip.outbound.LocalAddresses;
import org.jpbx.pjsip.qualify.Qualifier;
import org.jpbx.pjsip.registrar.BindingTable;
import org.jpbx.sip.dialog.Dialogs;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.transaction.ServerTransaction;
import org.jpbx.sip.transaction.TransactionLayer;
import org.jpbx.sip.transport.MessageSender;

/**
 * The call layer, wired: incoming INVITEs become channels running the dialplan, {@code Dial(PJSIP/...)}
 * places outgoing legs, channel states feed the PJSIP device states, and the channel commands.
 */
public final class SessionModule {
    private final Calls calls = new Calls();
    private final InboundCalls inbound;
    private final Pbx pbx;

    public SessionModule(TransactionLayer transactions, MessageSender sender, Dialogs dialogs, LocalAddresses local,
                         Supplier<PjsipConfig> config, Pbx pbx, BindingTable bindings, Qualifier qualifier, Path soundsDir,
                         org.jpbx.media.RtpRelay relay) {
        this.pbx = pbx;
        CallServices s = new CallServices(transactions, sender, dialogs, local, config, calls, relay);
        this.inbound = new InboundCalls(s, pbx, soundsDir);
        PjsipDialer dialer = new PjsipDialer(s, new Contacts(bindings, qualifier));
        pbx.setDialer(dialer);
        pbx.functions().register("PJSIP_DIAL_CONTACTS", new DialplanFunction() {
            @Override public String read(Scope scope, String args) { return dialer.dialContacts(args); }
        });
        calls.setBusyAt(id -> config.get().endpoint(id).map(e -> e.object().getInt("device_state_busy_at")).orElse(0));
    }

    /** Takes INVITE in the distributor and CANCELs of pending INVITEs. */
    public void register(Distributor distributor) {
        distributor.register(Methods.INVITE, inbound);
        distributor.addMethod(Methods.ACK);
        distributor.addMethod(Methods.BYE);
        distributor.addMethod(Methods.CANCEL);
        distributor.addMethod(Methods.UPDATE);
        distributor.addMethod(Methods.INFO);
        distributor.addMethod(Methods.PRACK);
        distributor.setCancelHandler(this::onCancel);
        distributor.capabilities().addSupported("timer");
        distributor.capabilities().addSupported("100rel"); // per endpoint: 100rel=no answers Require: 100rel with 420
    }

    private boolean onCancel(ServerTransaction invite) { return inbound.onCancel(invite); }

    /** Channel states feed {@code PJSIP/<endpoint>}'s device state; each change is published on the bus. */
    public void feedDeviceStates(EndpointDeviceStates endpointStates, DeviceStates bus) {
        endpointStates.setChannelStates(calls::endpointState);
        calls.setOnChange(id -> bus.changed("PJSIP/" + id));
    }

    public void registerCommands(CommandRegistry commands) {
        CallCommands.register(commands, calls, this::dialplanOf);
        ChannelStatsCommand.register(commands, calls, this::dialplanOf);
    }

    private PbxChannel dialplanOf(String channelName) {
        for (PbxChannel pc : pbx.activeChannels()) if (pc.channel().name().equals(channelName)) return pc;
        return null;
    }

    /**
     * The caller ringing one of {@code devices} ({@code PJSIP/<endpoint>}), from the oldest ringing
     * outgoing leg's From: what dialog-info names as the remote party of an early dialog. Null when none rings.
     */
    public org.jpbx.pjsip.pubsub.presence.RingingCallers.Party ringingCaller(java.util.List<String> devices) {
        for (Leg l : calls.legs()) {
            if (l.ended() || (l.state() != org.jpbx.dialplan.ChannelState.RINGING && l.state() != org.jpbx.dialplan.ChannelState.PRERING)) continue;
            boolean ours = false;
            for (String d : devices) if (d.equalsIgnoreCase("PJSIP/" + l.endpoint.id())) ours = true;
            if (!ours) continue;
            var sent = l.outgoingInvite() != null ? l.outgoingInvite() : l.invite();
            if (sent == null) continue;
            try {
                var from = sent.from();
                String name = from.displayNameText() == null ? "" : from.displayNameText();
                String number = from.uri() instanceof org.jpbx.sip.message.SipUri u && u.user() != null
                        ? org.jpbx.sip.message.SipUri.unescape(u.user()) : "";
                return new org.jpbx.pjsip.pubsub.presence.RingingCallers.Party(name, number);
            } catch (RuntimeException unreadable) {
                return null;
            }
        }
        return null;
    }

    /** Legs alive (incoming and outgoing). */
    public int activeChannels() { return calls.legs().size(); }
}
