using System;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AiCompliance.Benchmarks;

/// <summary>
/// CPU time of the calling thread (Linux: <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>). Unlike wall-clock time it
/// does not grow when other processes compete for the cores. Elsewhere it falls back to wall-clock time.
/// </summary>
public static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    public static bool IsCpuTime { get; } = OperatingSystem.IsLinux() && Probe();

    /// <summary>A reading in nanoseconds: thread CPU time, or wall time where that is unavailable.</summary>
    public static long NowNs()
    {
        if (IsCpuTime && clock_gettime(ClockThreadCpuTimeId, out var ts) == 0)
        {
            return ts.Seconds * 1_000_000_000L + ts.Nanoseconds;
        }

        return (long)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency));
    }

    private static bool Probe()
    {
        try
        {
            return clock_gettime(ClockThreadCpuTimeId, out _) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code; one blittable call is fine with DllImport.
    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clockId, out Timespec timespec);
#pragma warning restore SYSLIB1054
}
