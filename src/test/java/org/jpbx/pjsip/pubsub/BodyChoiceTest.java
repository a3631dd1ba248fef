package org.jpbx.pjsip.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jpbx.sip.message.SipRequest;
import org.jpbx.sip.message.SipUri;
import org.junit.jupiter.api.Test;

/** Reference §6.1: the first Accept value the package produces; the default without any; none fits → null (489). */
class BodyChoiceTest {
    private static final EventPackage PRESENCE = new EventPackage() {
        @Override public String event() { return "presence"; }
        @Override public List<String> bodyTypes() {
            return List.of("application/pidf+xml", "application/xpidf+xml", "application/dialog-info+xml");
        }
        @Override public Resolution resolve(ResourceRequest request) { return Resolution.refused(404, "none"); }
    };

    private static SipRequest subscribe(String... accepts) {
        SipRequest r = new SipRequest("SUBSCRIBE", SipUri.parse("sip:100@example.com"));
        for (String a : accepts) r.addHeader("Accept", a);
        return r;
    }

    @Test
    void choosesAsAsteriskDoes() {
        assertThat(SubscriptionManager.chooseBody(subscribe(), PRESENCE)).isEqualTo("application/pidf+xml");
        assertThat(SubscriptionManager.chooseBody(subscribe("multipart/related, application/rlmi+xml"), PRESENCE))
                .as("only list types: the default").isEqualTo("application/pidf+xml");
        assertThat(SubscriptionManager.chooseBody(subscribe("text/plain", "application/dialog-info+xml, application/pidf+xml"), PRESENCE))
                .as("the first produced value over all Accept headers").isEqualTo("application/dialog-info+xml");
        assertThat(SubscriptionManager.chooseBody(subscribe("application/xpidf+xml;q=0.5"), PRESENCE)).isEqualTo("application/xpidf+xml");
        assertThat(SubscriptionManager.chooseBody(subscribe("text/plain"), PRESENCE)).isNull();
    }

    @Test
    void grantedExpiryIsCappedAtAnHour() {
        assertThat(SubscriptionManager.granted(-1)).isEqualTo(3600);
        assertThat(SubscriptionManager.granted(7200)).isEqualTo(3600);
        assertThat(SubscriptionManager.granted(600)).isEqualTo(600);
    }

    @Test
    void eventNameDropsParameters() {
        assertThat(SubscriptionManager.eventName("Presence;id=7")).isEqualTo("presence");
    }
}
