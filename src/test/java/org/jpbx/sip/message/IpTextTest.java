package org.jpbx.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class IpTextTest {
    @Test
    void ipv6InTheShortFormWithoutScope() throws Exception {
        assertThat(IpText.host(InetAddress.getByName("::1"))).isEqualTo("[::1]");
        assertThat(IpText.host(InetAddress.getByName("0:0:0:0:0:0:0:1%0"))).isEqualTo("[::1]");
        assertThat(IpText.bare(InetAddress.getByName("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpText.bare(InetAddress.getByName("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(IpText.bare(InetAddress.getByName("::"))).isEqualTo("::");
        assertThat(IpText.bare(InetAddress.getByName("fe80::1:0"))).isEqualTo("fe80::1:0");
        assertThat(IpText.host(InetAddress.getByName("192.0.2.1"))).isEqualTo("192.0.2.1");
    }
}
