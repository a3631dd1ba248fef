package org.jpbx.pjsip.pubsub.presence;

import org.jpbx.devicestate.ExtensionState;
import org.jpbx.pjsip.pubsub.BodyContext;

/**
 * The bodies of an extension's state (reference §6.3): PIDF (RFC 3863) with the always-present
 * RPID person element Asterisk's "eyebeam" supplement adds, XPIDF for older phones (also served
 * as cpim-pidf), and dialog-info (RFC 4235) for BLF.
 */
public final class PresenceBodies {
    public static final String PIDF = "application/pidf+xml";
    public static final String XPIDF = "application/xpidf+xml";
    public static final String CPIM_PIDF = "application/cpim-pidf+xml";
    public static final String DIALOG_INFO = "application/dialog-info+xml";

    private static final String XML_DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    private PresenceBodies() {}

    /** What an extension state looks like in the three formats. */
    private record Look(String dialogState, boolean open, String note, boolean onThePhone, String xpidfStatus, String xpidfSubstatus) {}

    private static Look look(ExtensionState s) {
        return switch (s) {
            case IDLE, REMOVED -> new Look("terminated", true, "Ready", false, "open", "online");
            case INUSE, BUSY -> new Look("confirmed", true, "On the phone", true, "inuse", "onthephone");
            case RINGING -> new Look("early", true, "Ringing", true, "inuse", "onthephone");
            case INUSE_RINGING -> new Look("confirmed", true, "Ringing", true, "inuse", "onthephone");
            case HOLD, INUSE_HOLD -> new Look("confirmed", true, "On hold", true, "inuse", "onthephone");
            case UNAVAILABLE -> new Look("terminated", false, "Unavailable", false, "closed", "offline");
        };
    }

    /** RFC 3863 PIDF: note, one tuple (the resource, the watcher as contact), the RPID person. */
    public static String pidf(ExtensionState state, String resource, BodyContext ctx) {
        Look l = look(state);
        StringBuilder b = new StringBuilder(512).append(XML_DECL);
        b.append("<presence entity=\"").append(Xml.escape(ctx.entity()))
                .append("\" xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\"")
                .append(" xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\">\n");
        b.append(" <note>").append(l.note()).append("</note>\n");
        b.append(" <tuple id=\"").append(Xml.escape(resource)).append("\">\n");
        b.append("  <status>\n   <basic>").append(l.open() ? "open" : "closed").append("</basic>\n  </status>\n");
        b.append("  <contact priority=\"1\">").append(Xml.escape(ctx.watcher())).append("</contact>\n");
        b.append(" </tuple>\n");
        if (l.onThePhone()) b.append(" <dm:person>\n  <rpid:activities>\n   <rpid:on-the-phone/>\n  </rpid:activities>\n </dm:person>\n");
        else b.append(" <dm:person/>\n");
        b.append("</presence>\n");
        return b.toString();
    }

    /** The pre-standard XPIDF older phones (and Asterisk's cpim-pidf) use. */
    public static String xpidf(ExtensionState state, String resource, BodyContext ctx) {
        Look l = look(state);
        StringBuilder b = new StringBuilder(384).append(XML_DECL);
        b.append("<!DOCTYPE presence PUBLIC \"-//IETF//DTD RFCxxxx XPIDF 1.0//EN\" \"xpidf.dtd\">\n");
        b.append("<presence>\n");
        b.append(" <presentity uri=\"").append(Xml.escape(ctx.entity())).append(";method=SUBSCRIBE\"/>\n");
        b.append(" <atom id=\"").append(Xml.escape(resource)).append("\">\n");
        b.append("  <address uri=\"").append(Xml.escape(ctx.watcher())).append(";user=ip\" priority=\"0.80000\">\n");
        b.append("   <status status=\"").append(l.xpidfStatus()).append("\"/>\n");
        b.append("   <msnsubstatus substatus=\"").append(l.xpidfSubstatus()).append("\"/>\n");
        b.append("  </address>\n </atom>\n</presence>\n");
        return b.toString();
    }

    /**
     * RFC 4235 dialog-info, always {@code state="full"}; the version is the subscription's body
     * count. While ringing, the caller is the remote party and the resource the local one; on hold
     * the local target says {@code +sip.rendering=no}.
     */
    public static String dialogInfo(ExtensionState state, String resource, BodyContext ctx, boolean earlyWhenInUseRinging,
                                    RingingCallers.Party caller) {
        Look l = look(state);
        String dialogState = state == ExtensionState.INUSE_RINGING && earlyWhenInUseRinging ? "early" : l.dialogState();
        StringBuilder b = new StringBuilder(512).append(XML_DECL);
        b.append("<dialog-info xmlns=\"urn:ietf:params:xml:ns:dialog-info\" version=\"").append(ctx.version())
                .append("\" state=\"full\" entity=\"").append(Xml.escape(ctx.entity())).append("\">\n");
        b.append(" <dialog id=\"").append(Xml.escape(resource)).append('"');
        boolean early = dialogState.equals("early");
        if (early) b.append(" direction=\"recipient\"");
        b.append(">\n");
        if (early) {
            String name = caller == null ? "" : caller.name();
            String number = caller == null || caller.number().isEmpty() ? "invalid" : caller.number();
            String remoteUri = "sip:" + number + "@" + ctx.domain();
            b.append("  <remote>\n   <identity");
            if (!name.isEmpty()) b.append(" display=\"").append(Xml.escape(name)).append('"');
            b.append(">").append(Xml.escape(remoteUri)).append("</identity>\n");
            b.append("   <target uri=\"").append(Xml.escape(remoteUri)).append("\"/>\n  </remote>\n");
            b.append("  <local>\n   <identity>").append(Xml.escape(ctx.entity())).append("</identity>\n");
            b.append("   <target uri=\"").append(Xml.escape(ctx.entity())).append("\"/>\n  </local>\n");
        }
        b.append("  <state>").append(dialogState).append("</state>\n");
        if (state == ExtensionState.HOLD || state == ExtensionState.INUSE_HOLD) {
            b.append("  <local>\n   <target uri=\"").append(Xml.escape(ctx.entity()))
                    .append("\">\n    <param pname=\"+sip.rendering\" pvalue=\"no\"/>\n   </target>\n  </local>\n");
        }
        b.append(" </dialog>\n</dialog-info>\n");
        return b.toString();
    }
}
