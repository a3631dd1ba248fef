package org.jpbx.pjsip.pubsub.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jpbx.devicestate.ExtensionState;
import org.jpbx.pjsip.pubsub.BodyContext;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The extension-state bodies of reference §6.3: the table of values, and well-formed, namespaced XML. */
class PresenceBodiesTest {
    private static final BodyContext CTX = new BodyContext(PresenceBodies.PIDF, "sip:100@pbx.example.com",
            "sip:alice@pbx.example.com", "Phone/1.0", "pbx.example.com", "alice", 3);

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document d, String ns, String local) {
        return d.getElementsByTagNameNS(ns, local).item(0).getTextContent();
    }

    @Test
    void pidfFollowsTheTable() throws Exception {
        String pidf = "urn:ietf:params:xml:ns:pidf";
        Document idle = parse(PresenceBodies.pidf(ExtensionState.IDLE, "100", CTX));
        assertThat(idle.getDocumentElement().getAttribute("entity")).isEqualTo("sip:100@pbx.example.com");
        assertThat(text(idle, pidf, "basic")).isEqualTo("open");
        assertThat(text(idle, pidf, "note")).isEqualTo("Ready");
        assertThat(text(idle, pidf, "contact")).isEqualTo("sip:alice@pbx.example.com");
        assertThat(idle.getElementsByTagNameNS("urn:ietf:params:xml:ns:pidf:rpid", "on-the-phone").getLength()).isZero();

        Document busy = parse(PresenceBodies.pidf(ExtensionState.INUSE, "100", CTX));
        assertThat(text(busy, pidf, "note")).isEqualTo("On the phone");
        assertThat(busy.getElementsByTagNameNS("urn:ietf:params:xml:ns:pidf:rpid", "on-the-phone").getLength()).isEqualTo(1);
        assertThat(text(parse(PresenceBodies.pidf(ExtensionState.RINGING, "100", CTX)), pidf, "note")).isEqualTo("Ringing");
        assertThat(text(parse(PresenceBodies.pidf(ExtensionState.HOLD, "100", CTX)), pidf, "note")).isEqualTo("On hold");
        Document off = parse(PresenceBodies.pidf(ExtensionState.UNAVAILABLE, "100", CTX));
        assertThat(text(off, pidf, "basic")).isEqualTo("closed");
        assertThat(text(off, pidf, "note")).isEqualTo("Unavailable");
    }

    @Test
    void xpidfFollowsTheTable() throws Exception {
        Document d = parse(PresenceBodies.xpidf(ExtensionState.BUSY, "100", CTX));
        Element status = (Element) d.getElementsByTagName("status").item(0);
        assertThat(status.getAttribute("status")).isEqualTo("inuse");
        assertThat(((Element) d.getElementsByTagName("msnsubstatus").item(0)).getAttribute("substatus")).isEqualTo("onthephone");
        assertThat(((Element) d.getElementsByTagName("presentity").item(0)).getAttribute("uri"))
                .isEqualTo("sip:100@pbx.example.com;method=SUBSCRIBE");
    }

    @Test
    void dialogInfoStatesRemotePartyAndHold() throws Exception {
        String di = "urn:ietf:params:xml:ns:dialog-info";
        Document idle = parse(PresenceBodies.dialogInfo(ExtensionState.IDLE, "100", CTX, false, null));
        assertThat(idle.getDocumentElement().getAttribute("version")).isEqualTo("3");
        assertThat(idle.getDocumentElement().getAttribute("state")).isEqualTo("full");
        assertThat(text(idle, di, "state")).isEqualTo("terminated");
        assertThat(idle.getElementsByTagNameNS(di, "remote").getLength()).isZero();

        Document early = parse(PresenceBodies.dialogInfo(ExtensionState.RINGING, "100", CTX, false,
                new RingingCallers.Party("Bob & Co", "200")));
        assertThat(text(early, di, "state")).isEqualTo("early");
        Element dialog = (Element) early.getElementsByTagNameNS(di, "dialog").item(0);
        assertThat(dialog.getAttribute("direction")).isEqualTo("recipient");
        Element remote = (Element) early.getElementsByTagNameNS(di, "remote").item(0);
        Element identity = (Element) remote.getElementsByTagNameNS(di, "identity").item(0);
        assertThat(identity.getAttribute("display")).isEqualTo("Bob & Co");
        assertThat(identity.getTextContent()).isEqualTo("sip:200@pbx.example.com");

        assertThat(text(parse(PresenceBodies.dialogInfo(ExtensionState.INUSE_RINGING, "100", CTX, false, null)), di, "state"))
                .isEqualTo("confirmed");
        assertThat(text(parse(PresenceBodies.dialogInfo(ExtensionState.INUSE_RINGING, "100", CTX, true, null)), di, "state"))
                .isEqualTo("early");
        Document held = parse(PresenceBodies.dialogInfo(ExtensionState.HOLD, "100", CTX, false, null));
        assertThat(text(held, di, "state")).isEqualTo("confirmed");
        Element param = (Element) held.getElementsByTagNameNS(di, "param").item(0);
        assertThat(param.getAttribute("pname")).isEqualTo("+sip.rendering");
        assertThat(param.getAttribute("pvalue")).isEqualTo("no");
    }
}
