package org.losseval.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs one command line through the real entry point and prints the CPU time of each of losseval's threads
 * (main, the range threads of a split file, the read-ahead or gunzip thread) and of the process: a manual
 * benchmark, not a test. On a shared machine under load, wall time says little about how the work divides;
 * the CPU of the busiest thread after start-up is what a run would take on idle cores (the critical path), and
 * the process's CPU is the price of splitting. Threads are sampled every 2 ms (a pool's threads end before
 * the run returns), so each figure is its thread's CPU up to its last sample. Also printed: when each thread
 * was first seen (ms after the harness started) with main's CPU then, i.e. how much of main's work precedes
 * the range threads; and the JVM's own threads' CPU (the JIT compilers) from /proc, on Linux.
 *
 * <p>Usage, in a fresh JVM per run: {@code java -XX:+UseSerialGC -cp <test and main classes, dependencies>
 * org.losseval.cli.ThreadCpuTiming eval FILE -p pred -t target ... --threads N}. The report's hash goes to
 * stderr, so runs with different thread counts can be checked to agree.
 */
public final class ThreadCpuTiming {
    private ThreadCpuTiming() {}

    /**
     * The CPU (user + system) of the process's threads that are not losseval's, by name, from /proc/self/task:
     * the JIT compilers ("C2 CompilerThre"), the VM thread (which runs the serial collector), and so on. On two
     * cores these compete with the range threads, so the process's CPU halved bounds the wall time as much as
     * the critical path does. Compiler threads that ended before the run did are missing; empty off Linux.
     */
    private static Map<String, Long> jvmThreads() {
        Map<String, Long> byName = new TreeMap<>();
        java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
        if (tasks == null) return byName;
        long tick = 10; // ms a clock tick: USER_HZ is 100 on Linux
        for (java.io.File task : tasks) {
            try {
                String name = java.nio.file.Files.readString(task.toPath().resolve("comm")).strip();
                if (name.equals("main") || name.startsWith("losseval") || name.equals("java")) continue;
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ms = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * tick;
                String kind = name.replaceAll("#?\\d+$", "");
                if (ms > 0) byName.merge(kind, ms, Long::sum);
            } catch (java.io.IOException | RuntimeException e) {
                // A thread that ended while read: left out.
            }
        }
        return byName;
    }

    public static void main(String[] args) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new ConcurrentHashMap<>();
        Map<Long, String> names = new ConcurrentHashMap<>();
        // When each thread was first seen (ms since the run's start) and main's CPU then: how much of main's
        // work comes before a range thread starts (the critical path of a split file).
        Map<Long, long[]> firstSeen = new ConcurrentHashMap<>();
        long mainId = Thread.currentThread().getId();
        long origin = System.nanoTime();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                    if (info == null) continue;
                    long nanos = threads.getThreadCpuTime(info.getThreadId());
                    if (nanos <= 0) continue;
                    cpu.put(info.getThreadId(), nanos);
                    firstSeen.computeIfAbsent(info.getThreadId(), id -> new long[] {
                            (System.nanoTime() - origin) / 1_000_000, threads.getThreadCpuTime(mainId) / 1_000_000});
                    names.put(info.getThreadId(), info.getThreadName());
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "sampler");
        sampler.setDaemon(true);
        sampler.start();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long wallStart = System.nanoTime();
        long cpuStart = os.getProcessCpuTime();
        StringWriter out = new StringWriter();
        int code = Cli.run(args, InputStream.nullInputStream(), new PrintWriter(out), new PrintWriter(System.err, true));
        long wall = System.nanoTime() - wallStart;
        long process = os.getProcessCpuTime() - cpuStart;
        Thread.sleep(20);
        sampler.interrupt();
        Map<String, Long> ours = new TreeMap<>();
        cpu.forEach((id, nanos) -> {
            String name = names.get(id);
            if (name.equals("main") || name.startsWith("losseval")) ours.put(name + "#" + id, nanos / 1_000_000);
        });
        Map<String, String> started = new TreeMap<>();
        ours.keySet().forEach(key -> {
            long[] seen = firstSeen.get(Long.parseLong(key.substring(key.indexOf('#') + 1)));
            if (!key.startsWith("main")) started.put(key, "wall " + seen[0] + " main CPU " + seen[1]);
        });
        System.out.printf("exit %d, wall %d ms, process CPU %d ms, thread CPU ms %s, first seen %s%n", code,
                wall / 1_000_000, process / 1_000_000, ours, started);
        System.out.println("JVM threads' CPU ms at the end (Linux /proc): " + jvmThreads());
        System.err.println("report hash " + out.toString().hashCode());
    }
}
