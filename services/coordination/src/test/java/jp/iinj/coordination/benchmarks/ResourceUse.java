package jp.iinj.coordination.benchmarks;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What this JVM and the machine used at one moment: the JVM's CPU and every live thread's (grouped by name without
 * its number), garbage collection, the heap, and the whole machine's busy CPU time from {@code /proc/stat}, so that
 * the CPU other processes took meanwhile can be told apart from the benchmark's own. Two snapshots make a period.
 */
record ResourceUse(long wallNanos, long processNanos, Map<String, Long> threadsByGroup, long gcCount, long gcMillis,
                   long heapUsed, long heapCommitted, long machineBusyNanos, String loadAverage) {

    /** Clock ticks per second of {@code /proc/stat}: 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    static ResourceUse now() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> groups = new TreeMap<>();
        for (long id : threads.getAllThreadIds()) {
            ThreadInfo info = threads.getThreadInfo(id);
            long cpu = threads.getThreadCpuTime(id);
            if (info != null && cpu > 0) {
                groups.merge(group(info.getThreadName()), cpu, Long::sum);
            }
        }
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new ResourceUse(System.nanoTime(), os.getProcessCpuTime(), groups, gcCount, gcMillis, heap.getUsed(),
                heap.getCommitted(), busyNanosOfMachine(), read("/proc/loadavg").trim());
    }

    /** Seconds from {@code earlier} to this snapshot. */
    double secondsSince(ResourceUse earlier) {
        return (wallNanos - earlier.wallNanos) / 1e9;
    }

    /** This JVM's CPU since {@code earlier}, in % of one core (200 % = both of two). */
    double processPercentSince(ResourceUse earlier) {
        return 100.0 * (processNanos - earlier.processNanos) / (wallNanos - earlier.wallNanos);
    }

    double processSecondsSince(ResourceUse earlier) {
        return (processNanos - earlier.processNanos) / 1e9;
    }

    /** CPU every other process on the machine used since {@code earlier}, in % of one core; -1 without /proc/stat. */
    double othersPercentSince(ResourceUse earlier) {
        if (machineBusyNanos < 0 || earlier.machineBusyNanos < 0) {
            return -1;
        }
        long others = (machineBusyNanos - earlier.machineBusyNanos) - (processNanos - earlier.processNanos);
        return Math.max(0, 100.0 * others / (wallNanos - earlier.wallNanos));
    }

    /** A markdown table of where this JVM's CPU went since {@code earlier}, by thread group, largest first. */
    String threadTable(ResourceUse earlier, int rows) {
        double process = processSecondsSince(earlier);
        Map<String, Long> delta = new HashMap<>();
        threadsByGroup.forEach((group, nanos) -> delta.put(group, nanos - earlier.threadsByGroup.getOrDefault(group, 0L)));
        String body = delta.entrySet().stream().filter(e -> e.getValue() > 50_000_000L)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(rows)
                .map(e -> String.format("| `%s` | %.1f | %.0f %% |", e.getKey(), e.getValue() / 1e9,
                        100 * e.getValue() / 1e9 / process))
                .collect(Collectors.joining("\n"));
        return "| threads | CPU s | share of the JVM's |\n|---|---:|---:|\n" + body + "\n";
    }

    private static String group(String name) {
        return name.replaceAll("[-_#]?\\d+", "-N").replaceAll("(-N)+", "-N");
    }

    /** user + nice + system + irq + softirq + steal of the first line of /proc/stat, in nanoseconds. */
    private static long busyNanosOfMachine() {
        String stat = read("/proc/stat");
        if (stat.isEmpty()) {
            return -1;
        }
        String[] cpu = stat.lines().findFirst().orElse("").trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += i < cpu.length ? Long.parseLong(cpu[i]) : 0;
        }
        return busy * (1_000_000_000L / TICKS_PER_SECOND);
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        String model = read("/proc/cpuinfo").lines().filter(line -> line.startsWith("model name")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        String memory = read("/proc/meminfo").lines().filter(line -> line.startsWith("MemTotal")).findFirst()
                .map(line -> line.replaceAll("\\D+", "")).map(kb -> Long.parseLong(kb) / 1024 / 1024 + " GiB")
                .orElse("?");
        return String.format("%d CPUs (%s), %s memory, Java %s, max heap %d MiB, %s", runtime.availableProcessors(),
                model, memory, System.getProperty("java.version"), runtime.maxMemory() / (1024 * 1024),
                System.getProperty("benchmark.jvm", ""));
    }
}
