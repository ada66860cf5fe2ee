using System;
using System.Diagnostics;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using AiCompliance.TestSupport;

namespace AiCompliance.Samples.Tests.Infrastructure;

/// <summary>
/// A built web app run as <c>dotnet app.dll --urls http://127.0.0.1:0</c>: Kestrel picks a free port and logs it,
/// so there is no race for a port with other processes.
/// </summary>
public sealed class RunningApp : IDisposable
{
    private static readonly Regex Listening = new(@"Now listening on: (?<url>http://\S+)", RegexOptions.CultureInvariant);
    private readonly Process _process;
    private readonly StringBuilder _log;

    private RunningApp(Process process, StringBuilder log, Uri baseAddress)
    {
        _process = process;
        _log = log;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>What the app wrote so far (for failure messages).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<RunningApp> StartAsync(string dll, string workingDirectory, TimeSpan timeout)
    {
        var psi = Dotnet.Start(workingDirectory, dll, "--urls", "http://127.0.0.1:0");
        var log = new StringBuilder();
        var address = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (log)
            {
                log.AppendLine(line);
            }

            if (Listening.Match(line) is { Success: true } m)
            {
                address.TrySetResult(new Uri(m.Groups["url"].Value));
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => address.TrySetException(new InvalidOperationException("the app exited early:\n" + log));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Uri baseAddress;
        try
        {
            baseAddress = await address.Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            Stop(process);
            lock (log)
            {
                throw new TimeoutException("the app logged no listening address within " + timeout + ":\n" + log);
            }
        }
        catch
        {
            Stop(process);
            throw;
        }

        var app = new RunningApp(process, log, baseAddress);
        try
        {
            // Listening is logged just before the app serves requests: wait for the page itself.
            using var client = app.CreateClient();
            var deadline = DateTime.UtcNow + timeout;
            while (true)
            {
                try
                {
                    using var response = await client.GetAsync("/");
                    if (response.IsSuccessStatusCode)
                    {
                        return app;
                    }
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline)
                {
                }

                if (DateTime.UtcNow >= deadline)
                {
                    throw new TimeoutException("the app does not serve / :\n" + app.Log);
                }

                await Task.Delay(200);
            }
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Stop(_process);
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
    }
}
