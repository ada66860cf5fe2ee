using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace AiCompliance.Cli.Scanning;

/// <summary>Runs <c>dotnet restore</c> quietly as a child process; MSBuildWorkspace needs restored projects.</summary>
internal static partial class Restorer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>Restores <paramref name="file"/>; throws <see cref="ScanFailedException"/> ("restore failed: …") on failure.</summary>
    public static async Task RestoreAsync(string file, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(file)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in new[] { "restore", file, "--verbosity", "quiet", "--nologo", "-p:NuGetAudit=false" })
        {
            psi.ArgumentList.Add(arg);
        }

        // The child picks its own MSBuild: nothing the locator set in this process may leak into it.
        foreach (var variable in new[] { "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildLoadMicrosoftTargetsReadOnly" })
        {
            psi.Environment.Remove(variable);
        }

        psi.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        Process process;
        try
        {
            process = Process.Start(psi) ?? throw new ScanFailedException("restore failed: could not start 'dotnet'");
        }
        catch (Win32Exception ex)
        {
            throw new ScanFailedException($"restore failed: could not start 'dotnet' ({ex.Message}); is the .NET SDK installed?", ex);
        }

        using (process)
        {
            process.StandardInput.Close();
            var output = new List<string>();
            process.OutputDataReceived += (_, e) => Collect(output, e.Data);
            process.ErrorDataReceived += (_, e) => Collect(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new ScanFailedException($"restore failed: 'dotnet restore' did not finish within {Timeout.TotalMinutes:0} minutes");
            }

            process.WaitForExit(); // drains the redirected output
            if (process.ExitCode != 0)
            {
                string[] lines;
                lock (output)
                {
                    lines = output.ToArray();
                }

                throw new ScanFailedException("restore failed: " + Reason(lines, process.ExitCode));
            }
        }
    }

    /// <summary>The dotnet executable running this process when it is one (so the same SDK install is used), else 'dotnet'.</summary>
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? current : "dotnet";
    }

    private static void Collect(List<string> output, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            lock (output)
            {
                output.Add(line.Trim());
            }
        }
    }

    /// <summary>The first error line, without the trailing "[project]" MSBuild adds; else the exit code.</summary>
    internal static string Reason(IReadOnlyList<string> lines, int exitCode)
    {
        var error = lines.FirstOrDefault(l => ErrorLine().IsMatch(l)) ?? lines.FirstOrDefault(l => l.Contains("error", StringComparison.OrdinalIgnoreCase));
        if (error is null)
        {
            return $"'dotnet restore' exited with code {exitCode}";
        }

        error = TrailingProject().Replace(error, string.Empty);
        return error.Replace('\r', ' ').Replace('\n', ' ').Trim();
    }

    [GeneratedRegex(@"\berror\s+[A-Z]+\d+\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"\s+\[[^\]]+\]\s*$")]
    private static partial Regex TrailingProject();
}
