package org.jpbx.app;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jpbx.conf.Diagnostic;
import org.jpbx.conf.Diagnostics;
import org.jpbx.devicestate.DeviceStates;
import org.jpbx.dialplan.DialplanCommands;
import org.jpbx.dialplan.DialplanManager;
import org.jpbx.dialplan.Functions;
import org.jpbx.dialplan.Globals;
import org.jpbx.dialplan.Hints;
import org.jpbx.dialplan.Pbx;
import org.jpbx.pjsip.devicestate.EndpointDeviceStates;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.media.MediaRuntime;
import org.jpbx.media.RtpRelay;
import org.jpbx.media.RtpSettings;
import org.jpbx.manage.PjsipLoggerCommands;
import org.jpbx.manage.pjsip.LiveRuntimeView;
import org.jpbx.pjsip.auth.DigestAuthenticator;
import org.jpbx.pjsip.auth.NonceService;
import org.jpbx.pjsip.identify.EndpointIdentifier;
import org.jpbx.pjsip.identify.GlobalAcl;
import org.jpbx.pjsip.identify.IdentifyCommands;
import org.jpbx.pjsip.identify.SecurityLog;
import org.jpbx.pjsip.identify.UnidentifiedRequests;
import org.jpbx.pjsip.identify.UnmatchedRequests;
import org.jpbx.pjsip.qualify.Qualifier;
import org.jpbx.pjsip.registrar.BindingTable;
import org.jpbx.pjsip.registrar.Registrar;
import org.jpbx.pjsip.registrar.StoredBindings;
import org.jpbx.store.SqliteContactStore;
import org.jpbx.manage.pjsip.PjsipShowCommands;
import java.util.List;
import org.jpbx.pjsip.ConfigLoader;
import org.jpbx.pjsip.LoadedConfig;
import org.jpbx.pjsip.TransportSpecs;
import org.jpbx.pjsip.config.SystemSettings;
import org.jpbx.sip.transport.TransportSpec;
import org.jpbx.pjsip.distributor.Capabilities;
import org.jpbx.pjsip.distributor.Distributor;
import org.jpbx.pjsip.options.OptionsModule;
import org.jpbx.pjsip.session.SessionModule;
import org.jpbx.sip.dialog.Dialogs;
import org.jpbx.pjsip.outbound.BoundAddresses;
import org.jpbx.pjsip.outbound.LineTokens;
import org.jpbx.pjsip.outbound.OutboundRegistrations;
import org.jpbx.pjsip.outbound.RegistrationCommands;
import org.jpbx.manage.pjsip.RegistrationDetails;
import org.jpbx.pjsip.identify.HostResolver;
import org.jpbx.sip.message.Methods;
import org.jpbx.sip.stack.SipStack;
import org.jpbx.sip.transaction.Lane;
import org.jpbx.sip.transaction.Lanes;
import org.jpbx.sip.transaction.TimerSettings;
import org.jpbx.sip.transaction.TransactionLayer;
import org.jpbx.sip.transport.NettyRuntime;
import org.jpbx.sip.transport.SipTrace;
import org.jpbx.sip.transport.TransportLayer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running jpbx: the SIP stack and its modules, started from one configuration directory. */
public final class Server implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);
    /** How long "core stop gracefully" waits for transactions in progress. */
    private static final long GRACEFUL_WAIT_MS = 32_000;

    private final Directories dirs;
    private final CommandRegistry commands;
    private final Instant started = Instant.now();
    private volatile Instant lastReload = started;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final NettyRuntime io;
    private final Lanes lanes;
    private final SipStack stack;
    private final TransportLayer transports;
    private final ConfigManager config;
    private final SecurityLog security;
    private final UnidentifiedRequests unidentified;
    private final UnmatchedRequests unmatched;
    private final EndpointIdentifier identifier;
    private final SqliteContactStore contactStore;
    private final Registrar registrar;
    private final Qualifier qualifier;
    private final MediaRuntime mediaIo;
    private final RtpRelay media;
    private final WebModules web;
    private final OutboundRegistrations outbound;
    private final DeviceStates deviceStates = new DeviceStates();
    private final EndpointDeviceStates endpointStates;
    private final DialplanManager dialplan;
    private final Hints hints;
    private final Pbx pbx;
    private final SessionModule sessions;
    private final org.jpbx.store.SqliteSubscriptionStore subscriptionStore;
    private final org.jpbx.pjsip.pubsub.SubscriptionManager subscriptions;
    private final org.jpbx.pjsip.pubsub.mwi.MwiModule mwi;
    private java.util.concurrent.ScheduledExecutorService sweeper;

    private Server(Directories dirs, CommandRegistry commands) throws Exception {
        this.dirs = dirs;
        this.commands = commands;
        LoadedConfig loaded = ConfigLoader.load(dirs.configDir());
        this.config = new ConfigManager(dirs.configDir(), loaded);
        Diagnostics diag = loaded.diagnostics();
        List<TransportSpec> transportSpecs = TransportSpecs.from(loaded.pjsip(), diag);
        this.web = WebModules.load(dirs.configDir(), loaded.pjsip(), diag);
        for (Diagnostic d : diag.all()) {
            switch (d.severity()) {
                case ERROR -> LOG.error("{}", d);
                case WARNING -> LOG.warn("{}", d);
                default -> LOG.info("{}", d);
            }
        }
        if (transportSpecs.isEmpty()) {
            LOG.warn("No transport could be started from {}: jpbx will not receive any SIP traffic", dirs.configDir().resolve("pjsip.conf"));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        RtpSettings rtp = loadRtpSettings(dirs.configDir());
        this.io = new NettyRuntime(Math.max(2, cores));
        this.mediaIo = new MediaRuntime(Math.clamp(cores, 1, 4));
        this.media = new RtpRelay(mediaIo, rtp, java.net.InetAddress.getByName("0.0.0.0"));
        this.lanes = Lanes.onEventLoops(io.group());
        Lane[] laneArray = new Lane[lanes.size()];
        for (int i = 0; i < laneArray.length; i++) laneArray[i] = lanes.lane(i);
        SystemSettings system = loaded.pjsip().system();
        TimerSettings timers = TimerSettings.of(system.timerT1().toMillis(), system.timerB().toMillis());

        dirs.create();
        this.security = new SecurityLog();
        this.unidentified = new UnidentifiedRequests(config::pjsip);
        this.unmatched = new UnmatchedRequests();
        LineTokens lines = new LineTokens();
        this.identifier = new EndpointIdentifier(config::pjsip, () -> config.current().namedAcls(), HostResolver.SYSTEM, lines);
        GlobalAcl globalAcl = new GlobalAcl(config::pjsip, () -> config.current().namedAcls());
        DigestAuthenticator authenticator = new DigestAuthenticator(new NonceService(ServerSecret.load(dirs.dataDir())));

        Capabilities capabilities = new Capabilities();
        Distributor distributor = new Distributor(capabilities, config::pjsip, identifier, globalAcl, authenticator, unidentified,
                unmatched, security);
        distributor.register(Methods.OPTIONS, new OptionsModule(capabilities, stopping::get));

        this.stack = new SipStack(sender -> new TransactionLayer(laneArray, sender, timers), "jpbx " + Version.current());
        stack.transactions().setUser(distributor);

        Diagnostics storeProblems = new Diagnostics();
        this.contactStore = new SqliteContactStore(dirs.dataDir().resolve("contacts.db"),
                JpbxConf.storeSync(dirs.configDir(), storeProblems));
        for (Diagnostic d : storeProblems.all()) LOG.warn("{}", d);
        contactStore.setCompletionScope(org.jpbx.sip.transaction.Lanes::deferringWakeups);
        LOG.info("Contact store {}: synchronous={}", contactStore.file(), contactStore.syncMode().name().toLowerCase(java.util.Locale.ROOT));
        StoredBindings stored = new StoredBindings(contactStore, config::pjsip);
        String regServer = "";
        int pruned = contactStore.removePruneOnBoot(regServer).join();
        if (pruned > 0) LOG.info("Removed {} contacts that do not survive a restart (prune_on_boot)", pruned);
        BindingTable bindings = new BindingTable();
        Qualifier[] qualifierRef = new Qualifier[1];
        EndpointDeviceStates[] statesRef = new EndpointDeviceStates[1];
        this.registrar = new Registrar(config::pjsip, bindings, stored, System::currentTimeMillis, regServer,
                id -> qualifierRef[0] != null && qualifierRef[0].isUnreachable(id), change -> {
                    if (statesRef[0] != null) statesRef[0].aorChanged(change.aor(), deviceStates);
                    if (qualifierRef[0] == null) return;
                    if (change.removed()) qualifierRef[0].bindingRemoved(change.binding());
                    else qualifierRef[0].bindingAdded(change.aor());
                });
        int expired = stored.removeExpired(System.currentTimeMillis()).join();
        if (expired > 0) LOG.info("Removed {} contacts that expired while jpbx was not running", expired);
        registrar.restore(stored.loadAll());
        LOG.info("{} registered contacts restored from {}", bindings.size(), dirs.dataDir().resolve("contacts.db"));
        distributor.register(Methods.REGISTER, registrar);
        capabilities.addSupported("path");
        this.qualifier = new Qualifier(config::pjsip, bindings, stack.transactions(), localHost(transportSpecs),
                change -> { if (statesRef[0] != null) statesRef[0].aorChanged(change.aor(), deviceStates); });
        qualifierRef[0] = qualifier;
        this.endpointStates = new EndpointDeviceStates(config::pjsip, bindings, qualifier);
        statesRef[0] = endpointStates;
        deviceStates.register("PJSIP", endpointStates);
        Globals globals = new Globals();
        Functions functions = Functions.standard(deviceStates);
        this.dialplan = new DialplanManager(dirs.configDir(), globals, functions);
        this.pbx = new Pbx(dialplan::current, globals, functions);
        this.hints = new Hints(deviceStates);
        dialplan.onChange(hints::update);
        dialplan.knownApplications(pbx::hasApplication);
        log(dialplan.load(WizardHints.of(loaded.hints())));
        SipTrace trace = new SipTrace();
        this.transports = new TransportLayer(transportSpecs, stack, trace, system.disableTcpSwitch(), io);
        stack.setTransport(transports);
        Dialogs dialogs = new Dialogs();
        distributor.setDialogs(dialogs);
        this.sessions = new SessionModule(stack.transactions(), stack, dialogs, new BoundAddresses(transports), config::pjsip, pbx,
                bindings, qualifier, dirs.dataDir().resolve("sounds"), media);
        sessions.register(distributor);
        sessions.feedDeviceStates(endpointStates, deviceStates);
        this.subscriptionStore = new org.jpbx.store.SqliteSubscriptionStore(dirs.dataDir().resolve("contacts.db"));
        this.subscriptions = new org.jpbx.pjsip.pubsub.SubscriptionManager(stack.transactions(), dialogs, config::pjsip,
                subscriptionStore, System::currentTimeMillis);
        subscriptions.register(org.jpbx.pjsip.pubsub.presence.ExtensionStatePackage.presence(hints, sessions::ringingCaller));
        subscriptions.register(org.jpbx.pjsip.pubsub.presence.ExtensionStatePackage.dialog(hints, sessions::ringingCaller));
        subscriptions.register(distributor);
        this.mwi = org.jpbx.pjsip.pubsub.mwi.MwiModule.install(dirs.dataDir().resolve("contacts.db"), config::pjsip, bindings,
                stack.transactions(), new BoundAddresses(transports), subscriptions, distributor, commands);
        registrar.onRegistered(mwi::registered);
        org.jpbx.pjsip.pubsub.rls.ResourceLists resourceLists = new org.jpbx.pjsip.pubsub.rls.ResourceLists(config::pjsip,
                callId -> stack.transactions().lane(stack.transactions().laneIndex(callId)));
        subscriptions.setListResolver(resourceLists);
        try {
            transports.start();
        } catch (Exception e) {
            io.close();
            mediaIo.close();
            deviceStates.close();
            throw e;
        }
        config.attach(transports);
        transports.keepAlives(() -> config.pjsip().global().keepAliveInterval().toSeconds());
        web.start(io, commands);
        web.mountWebSocket(transports);
        qualifier.start();
        this.outbound = new OutboundRegistrations(config::pjsip, stack.transactions(), new BoundAddresses(transports), lines);
        outbound.start();
        startSweeper(stored);
        subscriptions.restore();
        mwi.start();
        PjsipLoggerCommands.register(commands, trace);
        ReloadCommands.register(commands, this);
        PjsipShowCommands.register(commands, config::pjsip, new LiveRuntimeView(config::pjsip, bindings, qualifier, identifier::resolved,
                endpointStates::state,
                id -> outbound.info(id).map(i -> RegistrationDetails.of(i, System.currentTimeMillis()))));
        RegistrationCommands.register(commands, outbound);
        DialplanCommands.register(commands, dialplan, hints, this::reloadDialplan);
        sessions.registerCommands(commands);
        org.jpbx.pjsip.pubsub.SubscriptionCommands.register(commands, subscriptions, config::pjsip);
        org.jpbx.pjsip.pubsub.rls.ResourceListCommands.register(commands, config::pjsip, resourceLists);
        org.jpbx.devicestate.DeviceStateCommands.register(commands, deviceStates);
        IdentifyCommands.register(commands, unmatched, unidentified, config::pjsip);
        QualifyCommands.register(commands, qualifier);
        LOG.info("jpbx {} started with {} ({} lanes, {} I/O)", Version.current(), dirs.configDir(), lanes.size(),
                io.usesEpoll() ? "epoll" : "NIO");
        LOG.info("RTP allocating from port range {} -> {}", rtp.ports().start(), rtp.ports().end());
    }

    private static void log(Diagnostics diag) {
        for (Diagnostic d : diag.all()) {
            switch (d.severity()) {
                case ERROR -> LOG.error("{}", d);
                case WARNING -> LOG.warn("{}", d);
                default -> LOG.info("{}", d);
            }
        }
    }

    private static String localHost(java.util.List<TransportSpec> specs) {
        for (TransportSpec t : specs) {
            if (t.bind() == null) continue; // WebSocket transports listen on the HTTP server
            var a = t.bind().getAddress();
            if (!a.isAnyLocalAddress()) return a.getHostAddress();
        }
        return "127.0.0.1";
    }

    /** contact_expiration_check_interval: expired bindings leave memory and the store. */
    private void startSweeper(StoredBindings stored) {
        long interval = config.pjsip().global().object().getDuration("contact_expiration_check_interval").toMillis();
        if (interval <= 0) return;
        sweeper = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("contact-sweeper").factory());
        sweeper.scheduleWithFixedDelay(() -> {
            try {
                stored.remove(registrar.sweep(System.currentTimeMillis()));
            } catch (RuntimeException e) {
                LOG.error("Contact expiry sweep failed", e);
            }
        }, interval, interval, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** Loads the configuration in {@code dirs}, binds the transports and registers this server's CLI commands. */
    public static Server start(Directories dirs, CommandRegistry commands) throws Exception {
        return new Server(dirs, commands);
    }

    public Directories directories() { return dirs; }
    public CommandRegistry commands() { return commands; }
    public Instant startTime() { return started; }
    public Instant lastReloadTime() { return lastReload; }
    public TransportLayer transports() { return transports; }
    public SipStack stack() { return stack; }
    public boolean isStopping() { return stopping.get(); }
    public Registrar registrar() { return registrar; }
    public Qualifier qualifier() { return qualifier; }
    public OutboundRegistrations outbound() { return outbound; }
    public ConfigManager config() { return config; }
    /** The RTP relay: media sessions for calls, ports from rtp.conf. */
    public RtpRelay media() { return media; }


    /** rtp.conf, its problems logged with file:line. */
    private static RtpSettings loadRtpSettings(java.nio.file.Path configDir) {
        Diagnostics diag = new Diagnostics();
        RtpSettings s = RtpSettings.load(configDir, diag);
        log(diag);
        return s;
    }

    /** The PBX core: the call layer attaches channels and installs its dialer here. */
    public Pbx pbx() { return pbx; }
    public DialplanManager dialplan() { return dialplan; }
    public Hints hints() { return hints; }
    /** Inbound subscriptions (presence, dialog): event packages register here. */
    public org.jpbx.pjsip.pubsub.SubscriptionManager subscriptions() { return subscriptions; }
    public DeviceStates deviceStates() { return deviceStates; }
    /** PJSIP device states; the call layer adds its channel states with setChannelStates. */
    public EndpointDeviceStates endpointStates() { return endpointStates; }

    /** Reloads the configuration (CLI reload commands, SIGHUP); prints the outcome to {@code out}. */
    public boolean reload(java.io.PrintWriter out) {
        org.jpbx.pjsip.config.PjsipConfig older = config.pjsip();
        boolean ok = config.reload(out);
        media.reconfigure(loadRtpSettings(dirs.configDir()));
        if (ok) {
            // the wizard's hints as the new configuration asks for them; the dialplan decides what wins
            for (Diagnostic d : dialplan.provide(WizardHints.of(config.current().hints())).all()) out.println(d);
            endpointStates.allChanged(deviceStates);
        }
        ok &= web.reload(config.pjsip(), out);
        if (ok) {
            lastReload = Instant.now();
            qualifier.start();
            for (String note : outbound.reloaded(older)) out.println(note);
            out.flush();
            Thread.ofVirtual().start(identifier::refresh); // DNS for identify match= hosts, off the lanes
        }
        return ok;
    }

    /** {@code dialplan reload}: extensions.conf read again, merged with the wizard's hints in force. */
    public boolean reloadDialplan(java.io.PrintWriter out) {
        boolean ok = dialplan.reload(out);
        if (ok) lastReload = Instant.now();
        return ok;
    }

    /** {@code core reload} and SIGHUP: every configuration file. */
    public boolean reloadAll(java.io.PrintWriter out) {
        boolean pjsipOk = reload(out);
        boolean dialplanOk = reloadDialplan(out);
        return pjsipOk && dialplanOk;
    }

    /** SIGHUP reloads, as it does for Asterisk's safe_asterisk setups; the outcome goes to the log. */
    public void installReloadSignal() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), sig -> Thread.ofVirtual().start(() -> {
                java.io.StringWriter sw = new java.io.StringWriter();
                reloadAll(new java.io.PrintWriter(sw));
                for (String line : sw.toString().split("\n")) if (!line.isBlank()) LOG.info("SIGHUP reload: {}", line);
            }));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            LOG.debug("SIGHUP not available: {}", e.toString());
        }
    }

    /**
     * Stops the server. {@code graceful} first refuses new work (OPTIONS get 503) and waits, up to
     * 32 s, for the transactions in progress to end.
     */
    public void stop(boolean graceful) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        try {
            if (graceful) {
                long deadline = System.currentTimeMillis() + GRACEFUL_WAIT_MS;
                while (stack.transactions().activeCount() > 0 && System.currentTimeMillis() < deadline) Thread.sleep(100);
            }
            outbound.stop(OutboundRegistrations.SHUTDOWN_WAIT); // un-REGISTERs go out while the transports still run
            qualifier.stop();
            if (sweeper != null) sweeper.shutdownNow();
            transports.close();
            media.close();
            mediaIo.close();
            web.close();
            lanes.close();
            io.close();
            subscriptionStore.close();
            mwi.close();
            contactStore.close();
            deviceStates.close();
            LOG.info("jpbx stopped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop} has completed. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() { stop(false); }
}
