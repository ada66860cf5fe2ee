using System.Linq;
using Microsoft.Build.Locator;

namespace AiCompliance.Cli.Scanning;

/// <summary>
/// Registers an MSBuild (the .NET SDK's) once per process. Must run before any type that touches MSBuild is loaded,
/// which is why the workspace code lives in <see cref="WorkspaceScanner"/>, a separate class.
/// </summary>
internal static class MSBuildRegistration
{
    private static readonly object Gate = new();

    public static void EnsureRegistered(string workingDirectory)
    {
        lock (Gate)
        {
            if (MSBuildLocator.IsRegistered || !MSBuildLocator.CanRegister)
            {
                return;
            }

            // The SDK that global.json selects for the scanned folder, else the defaults.
            var instance = MSBuildLocator.QueryVisualStudioInstances(new VisualStudioInstanceQueryOptions
            {
                DiscoveryTypes = DiscoveryType.DotNetSdk,
                WorkingDirectory = workingDirectory,
            }).FirstOrDefault();
            if (instance is not null)
            {
                MSBuildLocator.RegisterInstance(instance);
            }
            else
            {
                MSBuildLocator.RegisterDefaults();
            }
        }
    }
}
