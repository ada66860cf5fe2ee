using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace AiCompliance.Samples.Tests.Infrastructure;

/// <summary>
/// A [Fact] that needs Chromium. Without a browser it is skipped on a developer machine and fails on CI
/// (<c>CI=true</c>), where <c>.ci/run</c> installs the Debian package <c>chromium</c>.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!HeadlessChromium.IsInstalled && !HeadlessChromium.IsCi)
        {
            Skip = HeadlessChromium.MissingMessage + " Skipped outside CI (CI=true makes it a failure).";
        }
    }
}

/// <summary>Headless Chromium started for one test, driven over the Chrome DevTools Protocol.</summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _userDataDir;
    private readonly StringBuilder _stderr;

    private HeadlessChromium(Process process, string userDataDir, StringBuilder stderr, int port)
    {
        _process = process;
        _userDataDir = userDataDir;
        _stderr = stderr;
        DebuggingPort = port;
    }

    /// <summary><c>CHROMIUM_PATH</c>, else <c>/usr/bin/chromium</c> (Debian's package).</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string MissingMessage =>
        "Chromium not found at " + ExecutablePath + ": install the Debian package 'chromium' " +
        "(apt-get install chromium; .ci/run does it) or set CHROMIUM_PATH.";

    public int DebuggingPort { get; }

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static async Task<HeadlessChromium> LaunchAsync(int width, int height, TimeSpan timeout)
    {
        var userDataDir = Path.Combine(Path.GetTempPath(), "aic-chromium-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(userDataDir);
        var psi = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
            "--hide-scrollbars", "--mute-audio", "--lang=zh-CN", "--force-device-scale-factor=1",
            "--window-size=" + width + "," + height,
            "--user-data-dir=" + userDataDir, "--remote-debugging-port=0", "about:blank",
        })
        {
            psi.ArgumentList.Add(arg);
        }

        var stderr = new StringBuilder();
        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => Append(stderr, e.Data);
        process.ErrorDataReceived += (_, e) => Append(stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // With --remote-debugging-port=0 Chromium picks a free port and writes it to DevToolsActivePort.
        var portFile = Path.Combine(userDataDir, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + timeout;
        int port = 0;
        while (port == 0)
        {
            if (File.Exists(portFile))
            {
                var lines = await File.ReadAllLinesAsync(portFile);
                if (lines.Length >= 2 && int.TryParse(lines[0], out var parsed))
                {
                    port = parsed;
                    break;
                }
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                var browser = new HeadlessChromium(process, userDataDir, stderr, 0);
                var why = process.HasExited ? "exited with code " + process.ExitCode : "opened no DevTools port within " + timeout;
                await browser.DisposeAsync();
                throw new InvalidOperationException("Chromium " + why + ":\n" + browser.StandardError);
            }

            await Task.Delay(100);
        }

        return new HeadlessChromium(process, userDataDir, stderr, port);
    }

    /// <summary>Connects to the page Chromium opened at start (about:blank).</summary>
    public async Task<CdpSession> ConnectToPageAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var targets = JsonNode.Parse(await http.GetStringAsync("http://127.0.0.1:" + DebuggingPort + "/json/list", cancellationToken))!.AsArray();
            var page = targets.FirstOrDefault(t => (string?)t?["type"] == "page");
            if (page?["webSocketDebuggerUrl"] is { } url)
            {
                return await CdpSession.ConnectAsync(new Uri((string)url!), cancellationToken);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("Chromium has no page target: " + targets.ToJsonString());
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(wait.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
        }

        _process.Dispose();
        for (var attempt = 0; attempt < 5 && Directory.Exists(_userDataDir); attempt++)
        {
            try
            {
                Directory.Delete(_userDataDir, recursive: true);
            }
            catch (IOException)
            {
                await Task.Delay(200);
            }
            catch (UnauthorizedAccessException)
            {
                break;
            }
        }
    }

    private static void Append(StringBuilder buffer, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (buffer)
        {
            if (buffer.Length < 64 * 1024)
            {
                buffer.AppendLine(line);
            }
        }
    }
}

/// <summary>A minimal Chrome DevTools Protocol client over one page's WebSocket: commands, and the events it keeps.</summary>
public sealed class CdpSession : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<string> _pageErrors = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Task _receiving;
    private int _nextId;

    private CdpSession(ClientWebSocket socket)
    {
        _socket = socket;
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>Uncaught exceptions and console errors of the page, as they were reported.</summary>
    public IReadOnlyCollection<string> PageErrors => _pageErrors.ToArray();

    public static async Task<CdpSession> ConnectAsync(Uri webSocketUrl, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await socket.ConnectAsync(webSocketUrl, cancellationToken);
        return new CdpSession(socket);
    }

    /// <summary>Sends a command and returns its <c>result</c>; a protocol error becomes an exception.</summary>
    public async Task<JsonElement> SendAsync(string method, object? parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }

        using var registration = cancellationToken.Register(() => reply.TrySetCanceled(cancellationToken));
        return await reply.Task;
    }

    /// <summary>Evaluates a JavaScript expression in the page (promises awaited) and returns its JSON value.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate", new { expression, returnByValue = true, awaitPromise = true }, cancellationToken);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException("page script failed: " + exception.GetRawText() + "\n" + expression);
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Evaluates <paramref name="expression"/> until it is truthy; returns that value.</summary>
    public Task<JsonElement> WaitForAsync(string expression, TimeSpan timeout, CancellationToken cancellationToken) =>
        PollAsync(expression, v => v.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.False), timeout, cancellationToken);

    /// <summary>Evaluates <paramref name="expression"/> every 50 ms until <paramref name="until"/> holds; returns that value.</summary>
    public async Task<JsonElement> PollAsync(string expression, Func<JsonElement, bool> until, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await EvaluateAsync(expression, cancellationToken);
            if (until(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("waited " + timeout + " for: " + expression + "\nlast value: " +
                    (value.ValueKind == JsonValueKind.Undefined ? "undefined" : value.GetRawText()) + "\npage errors: " + string.Join("\n", PageErrors));
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        try
        {
            await _receiving;
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                Dispatch(message.ToArray());
                message.SetLength(0);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            foreach (var pending in _pending.Values)
            {
                pending.TrySetException(new WebSocketException("the DevTools connection closed"));
            }
        }
    }

    private void Dispatch(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("id", out var idElement) && _pending.TryRemove(idElement.GetInt32(), out var reply))
        {
            if (root.TryGetProperty("error", out var error))
            {
                reply.TrySetException(new InvalidOperationException("DevTools error: " + error.GetRawText()));
            }
            else
            {
                reply.TrySetResult(root.TryGetProperty("result", out var result) ? result.Clone() : default);
            }

            return;
        }

        if (root.TryGetProperty("method", out var method))
        {
            switch (method.GetString())
            {
                case "Runtime.exceptionThrown":
                    _pageErrors.Enqueue("exception: " + root.GetProperty("params").GetRawText());
                    break;
                case "Runtime.consoleAPICalled" when root.GetProperty("params").GetProperty("type").GetString() == "error":
                    _pageErrors.Enqueue("console.error: " + root.GetProperty("params").GetProperty("args").GetRawText());
                    break;
            }
        }
    }
}
