using System;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace AiCompliance.Cli;

/// <summary>The <c>aicompliance</c> entry point.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        return await CliApp.RunAsync(args, CliConsole.FromSystemConsole(), cancellation.Token).ConfigureAwait(false);
    }
}
