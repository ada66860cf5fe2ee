using System.Reflection;

namespace AiCompliance.Cli.Reporting;

/// <summary>Name and version written into reports.</summary>
internal static class ToolInfo
{
    public const string Name = "aicompliance";

    public const string InformationUri = "https://github.com/aicompliance/aicompliance";

    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var version = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', System.StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}
