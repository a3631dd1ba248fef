package org.jpbx.pjsip.pubsub.rls;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jpbx.pjsip.config.ObjectTypes;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipObject;
import org.jpbx.pjsip.pubsub.EventPackage;
import org.jpbx.pjsip.pubsub.ListResolver;
import org.jpbx.pjsip.pubsub.Resolution;
import org.jpbx.pjsip.pubsub.Resource;
import org.jpbx.pjsip.pubsub.ResourceRequest;
import org.jpbx.sip.transaction.Lane;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The resource-list layer (RFC 4662, reference §6.6) as the subscription core's
 * {@link ListResolver}: asked for every SUBSCRIBE with {@code Supported: eventlist}, it answers
 * for a resource that names a resource_list of the SUBSCRIBE's event, and builds the list's tree
 * from the configuration in force. Each list_item is a nested resource_list of the same event, or
 * else a resource the event package resolves as if subscribed to alone; items that fail are left
 * out, nested lists left empty are dropped, and a name met twice anywhere in the tree (a duplicate
 * or a loop) is skipped. A list left with nothing is refused with 500. It also counts the
 * subscribers of each list for {@code pjsip show resource_lists}.
 */
public final class ResourceLists implements ListResolver {
    private static final Logger LOG = LoggerFactory.getLogger("pjsip.pubsub");

    private final Supplier<PjsipConfig> config;
    private final Function<String, Lane> laneOfCallId;
    private final Map<String, AtomicInteger> subscribers = new ConcurrentHashMap<>();

    /** {@code laneOfCallId}: the lane a subscription with that Call-ID runs on (the batch timers run there). */
    public ResourceLists(Supplier<PjsipConfig> config, Function<String, Lane> laneOfCallId) {
        this.config = config;
        this.laneOfCallId = laneOfCallId;
    }

    @Override
    public Resolution resolve(EventPackage pkg, ResourceRequest request, String bodyType) {
        PjsipConfig cfg = config.get();
        PjsipObject list = cfg.get(ObjectTypes.RESOURCE_LIST, request.resource()).orElse(null);
        if (list == null) return null;
        if (!pkg.event().equals(list.getString("event"))) {
            LOG.warn("Resource list '{}' is for event '{}', not '{}': treated as a single resource", list.id(), list.getString("event"),
                    pkg.event());
            return null;
        }
        ListNode root = tree(cfg, pkg, request, list);
        if (root.isEmpty()) {
            return Resolution.refused(500, "resource list '" + list.id() + "': none of its items could be subscribed");
        }
        String callId = request.subscribe() == null ? "" : request.subscribe().callId();
        ListResource.Settings settings = new ListResource.Settings(list.getBool("full_state"),
                list.getDuration("notification_batch_interval").toMillis());
        return Resolution.found(new ListResource(root, settings, laneOfCallId.apply(callId == null ? "" : callId), this, pkg, request));
    }

    /**
     * The list's tree as the configuration in force builds it now (for a refresh), or null when the
     * list is gone, no longer of this event, or left with no member.
     */
    ListNode rebuild(EventPackage pkg, ResourceRequest request) {
        PjsipConfig cfg = config.get();
        PjsipObject list = cfg.get(ObjectTypes.RESOURCE_LIST, request.resource()).orElse(null);
        if (list == null || !pkg.event().equals(list.getString("event"))) return null;
        ListNode root = tree(cfg, pkg, request, list);
        return root.isEmpty() ? null : root;
    }

    private ListNode tree(PjsipConfig cfg, EventPackage pkg, ResourceRequest request, PjsipObject list) {
        Set<String> visited = new HashSet<>();
        visited.add(list.id());
        return build(cfg, pkg, request, list, visited);
    }

    private ListNode build(PjsipConfig cfg, EventPackage pkg, ResourceRequest request, PjsipObject list, Set<String> visited) {
        ListNode node = new ListNode(list.id());
        boolean displayNames = list.getBool("resource_display_name");
        for (String item : list.getList("list_item")) {
            if (!visited.add(item)) {
                LOG.debug("Resource list '{}': '{}' is already in the tree, skipped", list.id(), item);
                continue;
            }
            PjsipObject nested = cfg.get(ObjectTypes.RESOURCE_LIST, item).filter(o -> pkg.event().equals(o.getString("event")))
                    .orElse(null);
            if (nested != null) {
                ListNode sub = build(cfg, pkg, request, nested, visited);
                if (sub.isEmpty()) {
                    LOG.debug("Resource list '{}': nested list '{}' has no usable item, left out", list.id(), item);
                } else {
                    node.add(sub);
                }
                continue;
            }
            Resource leaf = resolveLeaf(pkg, request, list.id(), item);
            if (leaf != null) node.add(new Leaf(item, displayNames ? leaf.displayName() : item, leaf));
        }
        return node;
    }

    private static Resource resolveLeaf(EventPackage pkg, ResourceRequest request, String listId, String item) {
        Resolution r;
        try {
            r = pkg.resolve(new ResourceRequest(request.endpoint(), item, request.subscribe()));
        } catch (RuntimeException e) {
            LOG.error("Resource list '{}': resolving '{}' failed", listId, item, e);
            return null;
        }
        if (r instanceof Resolution.Found found) return found.resource();
        LOG.debug("Resource list '{}': item '{}' left out ({} {})", listId, item, ((Resolution.Refused) r).status(),
                ((Resolution.Refused) r).reason());
        return null;
    }

    // ------------------------------------------------------------------ subscriber counts

    void subscribed(String list) { subscribers.computeIfAbsent(list, k -> new AtomicInteger()).incrementAndGet(); }

    void unsubscribed(String list) {
        AtomicInteger n = subscribers.get(list);
        if (n != null) n.decrementAndGet();
    }

    /** Subscriptions alive to {@code list} itself (not through a list that nests it). */
    public int subscribers(String list) {
        AtomicInteger n = subscribers.get(list);
        return n == null ? 0 : Math.max(0, n.get());
    }
}
