package org.jpbx.manage.pjsip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jpbx.conf.ConfFile;
import org.jpbx.conf.ConfParser;
import org.jpbx.conf.Diagnostics;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipLoader;
import org.jpbx.pjsip.config.PjsipSections;

/** pjsip.conf text loaded into a snapshot, a registry with the show commands, and a scripted runtime view. */
final class Fixtures {
    private Fixtures() {}

    static PjsipConfig load(String pjsipConf) {
        Diagnostics d = new Diagnostics();
        ConfFile f = ConfParser.parseString(Path.of("/etc/asterisk"), pjsipConf, "pjsip.conf", d);
        PjsipConfig c = PjsipLoader.load(PjsipSections.fromConf(f, d), d, p -> true);
        assertThat(d.errors()).as("errors loading the fixture").isEmpty();
        return c;
    }

    /** A CLI over {@code config} and {@code runtime}. */
    record Cli(CommandRegistry registry) {
        static Cli of(PjsipConfig config, PjsipRuntimeView runtime) {
            CommandRegistry r = new CommandRegistry();
            PjsipShowCommands.register(r, () -> config, runtime);
            return new Cli(r);
        }

        static Cli of(PjsipConfig config) { return of(config, new ConfigRuntimeView(() -> config)); }

        /** The output of a line that must succeed. */
        String run(String line) {
            StringWriter w = new StringWriter();
            assertThat(registry.execute(line, new PrintWriter(w))).as(line + " succeeds; output: " + w).isTrue();
            return w.toString();
        }

        /** The output of a line that must fail. */
        String fail(String line) {
            StringWriter w = new StringWriter();
            assertThat(registry.execute(line, new PrintWriter(w))).as(line + " fails; output: " + w).isFalse();
            return w.toString();
        }
    }

    /** A runtime view whose answers a test sets. */
    static final class ScriptedRuntime implements PjsipRuntimeView {
        final Map<String, List<ContactInfo>> contacts = new HashMap<>();
        final Map<String, String> states = new HashMap<>();
        final Map<String, List<ChannelInfo>> channels = new HashMap<>();
        final Map<String, RegistrationState> registrations = new HashMap<>();
        final Map<String, List<InetAddress>> hosts = new HashMap<>();

        @Override
        public List<ContactInfo> contacts(String aorId) { return contacts.getOrDefault(aorId, List.of()); }

        @Override
        public String deviceState(String endpointId) { return states.getOrDefault(endpointId, "Unavailable"); }

        @Override
        public List<ChannelInfo> channels(String endpointId) { return channels.getOrDefault(endpointId, List.of()); }

        @Override
        public Optional<RegistrationState> registration(String registrationId) {
            return Optional.ofNullable(registrations.get(registrationId));
        }

        @Override
        public List<InetAddress> resolved(String host) { return hosts.getOrDefault(host, List.of()); }
    }
}
