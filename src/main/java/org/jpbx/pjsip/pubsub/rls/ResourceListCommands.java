package org.jpbx.pjsip.pubsub.rls;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jpbx.manage.CliException;
import org.jpbx.manage.CommandRegistry;
import org.jpbx.pjsip.config.ObjectTypes;
import org.jpbx.pjsip.config.PjsipConfig;
import org.jpbx.pjsip.config.PjsipObject;

/**
 * {@code pjsip show resource_lists [like <regex>]} and {@code pjsip show resource_list <id>}
 * (beyond Asterisk, which has no command for lists): each list with its event, its subscribers and
 * its items, each item marked as a nested list or as a resource of the event's kind; the single
 * form adds the list's options as {@code pjsip show <object> <id>} prints them.
 */
public final class ResourceListCommands {
    private static final int WIDTH = 90;
    private static final String SEPARATOR = "=".repeat(WIDTH);

    private ResourceListCommands() {}

    public static void register(CommandRegistry registry, Supplier<PjsipConfig> config, ResourceLists lists) {
        registry.register("pjsip show resource_lists", "pjsip show resource_lists [ like <pattern> ]\n"
                        + "       Show the configured PJSIP resource lists, their items and subscribers\n"
                        + "       Optional regular expression pattern is used to filter the list.",
                "Show PJSIP Resource Lists", List.of("like"), (args, out) -> {
                    Pattern like = like(args);
                    out.print(showAll(config.get(), lists, like));
                });
        registry.register("pjsip show resource_list", "pjsip show resource_list <id>\n"
                        + "       Show the configured PJSIP Resource List", "Show PJSIP Resource List", List.of(), (args, out) -> {
                    if (args.isEmpty()) throw new CliException("No object specified.");
                    if (args.size() > 1) throw CliException.usage();
                    out.print(showOne(config.get(), lists, args.getFirst()));
                });
    }

    private static Pattern like(List<String> args) throws CliException {
        if (args.isEmpty()) return null;
        if (args.size() != 2 || !args.get(0).equalsIgnoreCase("like")) throw CliException.usage();
        try {
            return Pattern.compile(args.get(1));
        } catch (PatternSyntaxException e) {
            throw new CliException("Invalid regular expression '" + args.get(1) + "': " + e.getDescription());
        }
    }

    static String showAll(PjsipConfig cfg, ResourceLists lists, Pattern like) {
        List<PjsipObject> all = new ArrayList<>(cfg.objects(ObjectTypes.RESOURCE_LIST));
        all.sort(Comparator.comparing(PjsipObject::id));
        if (like != null) all.removeIf(o -> !like.matcher(o.id()).find());
        if (all.isEmpty()) return "No objects found.\n\n";
        StringBuilder b = new StringBuilder();
        header(b);
        for (PjsipObject o : all) block(b, cfg, lists, o);
        b.append("\nObjects found: ").append(all.size()).append("\n\n");
        return b.toString();
    }

    static String showOne(PjsipConfig cfg, ResourceLists lists, String id) throws CliException {
        PjsipObject o = cfg.get(ObjectTypes.RESOURCE_LIST, id).orElseThrow(() -> new CliException("Unable to find object " + id + ".\n"));
        StringBuilder b = new StringBuilder();
        header(b);
        block(b, cfg, lists, o);
        b.append('\n');
        parameters(b, o);
        b.append('\n');
        return b.toString();
    }

    private static void header(StringBuilder b) {
        b.append('\n');
        b.append(" ResourceList:  <Name").append(".".repeat(36)).append(">  <Event").append(".".repeat(14)).append(">  <Subscribers>\n");
        b.append("         Item:  <Name").append(".".repeat(36)).append(">  <Kind").append(".".repeat(15)).append(">\n");
        b.append('\n').append(SEPARATOR).append('\n');
    }

    private static void block(StringBuilder b, PjsipConfig cfg, ResourceLists lists, PjsipObject o) {
        String event = o.getString("event");
        b.append('\n');
        b.append(" ResourceList:  ").append(fit(o.id(), 41)).append("  ").append(fit(event, 21)).append("  ")
                .append(String.format("%13d", lists.subscribers(o.id()))).append('\n');
        for (String item : o.getList("list_item")) {
            b.append("         Item:  ").append(fit(item, 41)).append("  ").append(kind(cfg, o, item)).append('\n');
        }
    }

    /** What an item is: a nested list (a resource_list of the same event), else the event's kind of resource. */
    static String kind(PjsipConfig cfg, PjsipObject list, String item) {
        String event = list.getString("event");
        if (item.equals(list.id())) return "itself (skipped)";
        boolean nested = cfg.get(ObjectTypes.RESOURCE_LIST, item).map(n -> event.equals(n.getString("event"))).orElse(false);
        if (nested) return "resource_list";
        return switch (event) {
            case "presence", "dialog" -> "hint";
            case "message-summary" -> "mailbox";
            default -> "resource";
        };
    }

    private static void parameters(StringBuilder b, PjsipObject o) {
        List<String> names = new ArrayList<>();
        for (String n : o.optionNames()) {
            var opt = o.table().find(n);
            if (opt == null || opt.shown()) names.add(n);
        }
        names.sort(null);
        int nameWidth = 13;
        int valueWidth = 14;
        for (String n : names) {
            nameWidth = Math.max(nameWidth, n.length());
            valueWidth = Math.max(valueWidth, value(o, n).length());
        }
        b.append(' ').append(fit("ParameterName", nameWidth)).append(" : ParameterValue\n");
        b.append(' ').append("=".repeat(nameWidth + valueWidth + 3)).append('\n');
        for (String n : names) b.append(' ').append(fit(n, nameWidth)).append(" : ").append(value(o, n)).append('\n');
    }

    private static String value(PjsipObject o, String name) {
        String v = o.displayValue(name);
        return v == null ? "" : v;
    }

    /** Left-aligned in {@code width}, never cut. */
    private static String fit(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
